/**
 * withInputFill (backend-kit): a host transform takes its input's values from the caller's
 * fill instead of the input's memory, bit for bit the result it gives without, and says
 * whether it did, so a caller that left the memory unwritten knows when to write it.
 */
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withInputFill, withResultMemory } from '../src/backend-kit.js';
import { dct, fft, fft2, hfft, ifft, irfft, rfft, rfftn } from '../src/index.js';
import { randomArray } from './kernels/reference.js';

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/** An array of `dtype` and `shape` whose memory holds only NaN: a transform that reads it shows. */
function unwritten(shape: number[], dtype: 'float64' | 'complex128'): NDArray {
  return new NDArray(new Float64Array((dtype === 'complex128' ? 2 : 1) * size(shape)).fill(Number.NaN), shape, dtype);
}

/** The values the fill writes: those of `source`, C order. */
function fillFrom(source: NDArray): (dst: Float64Array) => void {
  return (dst) => dst.set(source.data as Float64Array);
}

function complex(shape: number[], seed: number): NDArray {
  return new NDArray(randomArray(2 * size(shape), seed), shape, 'complex128');
}
function real(shape: number[], seed: number): NDArray {
  return new NDArray(randomArray(size(shape), seed), shape, 'float64');
}

const used: [string, NDArray, (x: NDArray) => NDArray][] = [
  ['fft of complex along the last axis', complex([3, 16], 1), (x) => fft(x)],
  ['fft of complex along axis 0 (a column pass)', complex([64, 24], 2), (x) => fft(x, { axis: 0 })],
  ['ifft of complex, ortho', complex([5, 12], 3), (x) => ifft(x, { norm: 'ortho' })],
  ['fft2 of complex', complex([8, 6], 4), (x) => fft2(x)],
  ['fft of real', real([4, 30], 5), (x) => fft(x, { axis: 0 })],
  ['rfft', real([6, 17], 6), (x) => rfft(x)],
  ['rfftn', real([4, 5, 6], 7), (x) => rfftn(x)],
  ['irfft', complex([3, 9], 8), (x) => irfft(x)],
  ['dct', real([5, 8], 9), (x) => dct(x, { type: 2 })],
];

describe('withInputFill', () => {
  it.each(used)('%s: reads the input through the fill, same values', (_name, source, run) => {
    const expected = run(source);
    const stand = unwritten(source.shape as number[], source.dtype as 'float64' | 'complex128');
    const { result, filled } = withInputFill(stand, fillFrom(source), () => run(stand));
    expect(filled).toBe(true);
    expect(Array.from(result.data as Float64Array)).toEqual(Array.from(expected.data as Float64Array));
  });

  it('in place: the fill and the result memory are the same block', () => {
    const source = complex([32, 16], 10);
    const expected = fft(source, { axis: 0 });
    const block = unwritten([32, 16], 'complex128');
    const memory = block.data as Float64Array;
    const { result, filled } = withInputFill(block, fillFrom(source), () => withResultMemory(memory, () => fft(block, { axis: 0 })));
    expect(filled).toBe(true);
    expect(result.data).toBe(memory);
    expect(Array.from(memory)).toEqual(Array.from(expected.data as Float64Array));
  });

  it('is not used when the transform reads the input otherwise (padding, conjugation), and says so', () => {
    const source = complex([2, 8], 11);
    for (const run of [(x: NDArray) => fft(x, { n: 12 }), (x: NDArray) => hfft(x)]) {
      let calls = 0;
      const { filled } = withInputFill(source, () => calls++, () => run(source));
      expect(filled).toBe(false);
      expect(calls).toBe(0);
    }
  });

  it('applies to the given array only, once', () => {
    const a = complex([4, 8], 12);
    const b = complex([4, 8], 13);
    let calls = 0;
    const { result, filled } = withInputFill(
      a,
      (dst) => {
        calls++;
        dst.set(a.data as Float64Array);
      },
      () => [fft(b), fft(a), fft(a)],
    );
    expect(filled).toBe(true);
    expect(calls).toBe(1);
    expect(result.map((y) => Array.from(y.data as Float64Array))).toEqual([fft(b), fft(a), fft(a)].map((y) => Array.from(y.data as Float64Array)));
  });

  it('is gone after the scope, also when the transform throws', () => {
    const a = complex([4], 14);
    expect(() => withInputFill(a, () => {}, () => fft(a, { n: -1 }))).toThrow();
    let calls = 0;
    withInputFill(a, () => calls++, () => undefined);
    expect(Array.from(fft(a).data as Float64Array)).toEqual(Array.from(fft(complex([4], 14)).data as Float64Array));
    expect(calls).toBe(0);
  });

  it('property: any complex block and axis give the same values as reading the block', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 1 }), fc.integer(), (rows, cols, axis, seed) => {
        const source = complex([rows, cols], seed);
        const stand = unwritten([rows, cols], 'complex128');
        const { result, filled } = withInputFill(stand, fillFrom(source), () => fft(stand, { axis }));
        expect(filled).toBe(true);
        expect(Array.from(result.data as Float64Array)).toEqual(Array.from(fft(source, { axis }).data as Float64Array));
      }),
      { numRuns: 60 },
    );
  });
});
