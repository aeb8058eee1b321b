import type { NDArray } from '@sciport/array-api';
import { describe, expectTypeOf, it } from 'vitest';
import { fourierEllipsoid, fourierGaussian, fourierShift, fourierUniform, genericFilter, genericFilter1d, vectorizedFilter } from '../src/index.js';

describe('@sciport/ndimage types of the generic and Fourier filters', () => {
  it('host input gives NDArray', () => {
    expectTypeOf(genericFilter([[1, 2]], (v) => v[0], { size: 2, extraArguments: [1], extraKeywords: { a: 1 } })).toEqualTypeOf<NDArray>();
    expectTypeOf(genericFilter1d([1, 2, 3], (i, o) => o.set(i.subarray(1)), 3, { axis: 0, origin: 1 })).toEqualTypeOf<NDArray>();
    expectTypeOf(vectorizedFilter([1, 2, 3], (w, { axis }) => [w, axis], { size: 3, mode: 'valid', batchMemory: 1024 })).toEqualTypeOf<NDArray>();
    expectTypeOf(fourierGaussian([1, 2, 3], 1.5, { n: 5, axis: 0 })).toEqualTypeOf<NDArray>();
    expectTypeOf(fourierUniform([[1, 2]], [1, 2], { output: 'float32' })).toEqualTypeOf<NDArray>();
    expectTypeOf(fourierEllipsoid([[1, 2]], 2)).toEqualTypeOf<NDArray>();
    expectTypeOf(fourierShift([1, 2], 0.5, { output: 'complex64' })).toEqualTypeOf<NDArray>();
  });
  it('options are checked', () => {
    // @ts-expect-error genericFilter takes one mode
    genericFilter([1, 2], (v) => v[0], { size: 2, mode: ['wrap'] });
    // @ts-expect-error the callback returns a number
    genericFilter([1, 2], () => 'x', { size: 2 });
    // @ts-expect-error the Fourier filters have no mode
    fourierGaussian([1, 2], 1, { mode: 'wrap' });
    // @ts-expect-error genericFilter1d needs a filter size
    genericFilter1d([1, 2], () => undefined);
  });
});
