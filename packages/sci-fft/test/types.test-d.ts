import type { NDArray } from '@sciport/array-api';
import { ARRAY_BRAND } from '@sciport/dispatch-core';
import { describe, expectTypeOf, it } from 'vitest';
import { dct, type FFTNOptions, type FFTOptions, fft, fftfreq, fftn, fftshift, fht, nextFastLen } from '../src/index.js';

describe('@sciport/fft types', () => {
  it('host input gives NDArray', () => {
    expectTypeOf(fft([1, 2, 3])).toEqualTypeOf<NDArray>();
    expectTypeOf(fftn(new Float64Array(4), { s: [4] })).toEqualTypeOf<NDArray>();
    expectTypeOf(dct([1, 2], { type: 4, orthogonalize: true })).toEqualTypeOf<NDArray>();
    expectTypeOf(fht([1, 2], 0.1, 0.5, { bias: 0.1 })).toEqualTypeOf<NDArray>();
    expectTypeOf(fftshift([1, 2, 3])).toEqualTypeOf<NDArray>();
    expectTypeOf(fftfreq(8, 0.5)).toEqualTypeOf<NDArray>();
    expectTypeOf(nextFastLen(13, true)).toEqualTypeOf<number>();
  });
  it('options are checked', () => {
    expectTypeOf<FFTOptions['norm']>().toEqualTypeOf<'backward' | 'ortho' | 'forward' | null | undefined>();
    expectTypeOf<FFTNOptions['axes']>().toEqualTypeOf<number | readonly number[] | null | undefined>();
    // @ts-expect-error not a norm
    fft([1, 2], { norm: 'orthonormal' });
    // @ts-expect-error DCT types are 1-4
    dct([1, 2], { type: 5 });
  });
  it('an array of an unregistered kind maps to NDArray (backends augment ArrayKindMap)', () => {
    const other = { [ARRAY_BRAND]: 'other' as const };
    expectTypeOf(fft(other)).toEqualTypeOf<NDArray>();
  });
});
