/**
 * withResultMemory (backend-kit): a host transform writes its double-precision result into
 * memory the caller provides, bit for bit what it returns without it, and leaves memory of
 * the wrong size or for single-precision results alone.
 */
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withResultMemory } from '../src/backend-kit.js';
import { dct, dst, fft, fft2, hfft, idct, ifft, irfft, irfftn, rfft, rfftn } from '../src/index.js';
import { randomArray } from './kernels/reference.js';

function real(shape: number[], seed: number, dtype: 'float64' | 'float32' = 'float64'): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = randomArray(n, seed);
  return new NDArray(dtype === 'float32' ? Float32Array.from(data) : data, shape, dtype);
}

function complex(shape: number[], seed: number): NDArray {
  return new NDArray(randomArray(2 * shape.reduce((a, b) => a * b, 1), seed), shape, 'complex128');
}

const doubles = (x: NDArray) => (x.dtype.startsWith('complex') ? 2 : 1) * x.size;

const cases: [string, () => NDArray][] = [
  ['fft of complex', () => fft(complex([3, 16], 1))],
  ['fft of real', () => fft(real([4, 30], 2), { axis: 0 })],
  ['ifft with n', () => ifft(complex([5, 12], 3), { n: 20 })],
  ['fft2 of real', () => fft2(real([8, 6], 4))],
  ['rfft', () => rfft(real([6, 17], 5))],
  ['rfftn', () => rfftn(real([4, 5, 6], 6))],
  ['irfft', () => irfft(complex([3, 9], 7))],
  ['irfftn', () => irfftn(complex([4, 5], 8), { s: [4, 8] })],
  ['hfft', () => hfft(complex([7], 9))],
  ['dct', () => dct(real([5, 8], 10), { type: 3 })],
  ['idct of complex', () => idct(complex([6], 11))],
  ['dst', () => dst(real([9], 12), { norm: 'ortho' })],
];

describe('withResultMemory', () => {
  it.each(cases)('%s: the result is the provided memory, with the same values', (_name, run) => {
    const expected = run();
    const memory = new Float64Array(doubles(expected)).fill(Number.NaN);
    const got = withResultMemory(memory, run);
    expect(got.data).toBe(memory);
    expect(got.shape).toEqual(expected.shape);
    expect(got.dtype).toBe(expected.dtype);
    expect(Array.from(memory)).toEqual(Array.from(expected.data as Float64Array));
  });

  it('ignores memory of another length and leaves it untouched', () => {
    const memory = new Float64Array(7).fill(3);
    const got = withResultMemory(memory, () => fft(complex([16], 13)));
    expect(got.data).not.toBe(memory);
    expect(Array.from(memory)).toEqual(new Array(7).fill(3));
  });

  it('a single-precision result is a new float32 array', () => {
    const x = real([16], 14, 'float32');
    const memory = new Float64Array(32);
    const got = withResultMemory(memory, () => fft(x));
    expect(got.dtype).toBe('complex64');
    expect(got.data).toBeInstanceOf(Float32Array);
    expect(Array.from(got.data as Float32Array)).toEqual(Array.from(fft(x).data as Float32Array));
  });

  it('is used once per scope; later calls and calls after the scope allocate', () => {
    const x = complex([8], 15);
    const memory = new Float64Array(16);
    const [first, second] = withResultMemory(memory, () => [fft(x), fft(x)]);
    expect(first.data).toBe(memory);
    expect(second.data).not.toBe(memory);
    expect(fft(x).data).not.toBe(memory);
  });

  it('is restored when the transform throws', () => {
    const memory = new Float64Array(16);
    expect(() => withResultMemory(memory, () => fft(complex([8], 16), { norm: 'nope' as never }))).toThrow();
    expect(fft(complex([8], 17)).data).not.toBe(memory);
  });

  it('property: any complex input and n give the same values as without memory', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 48 }), fc.integer(), (n, rows, len, seed) => {
        const x = complex([rows, len], seed);
        const expected = fft(x, { n });
        const memory = new Float64Array(2 * rows * n);
        const got = withResultMemory(memory, () => fft(x, { n }));
        return got.data === memory && Array.from(memory).every((v, i) => Object.is(v, (expected.data as Float64Array)[i]));
      }),
      { numRuns: 60 },
    );
  });
});

describe('withResultMemory in place (the input is the memory)', () => {
  const own = (x: NDArray) => new NDArray((x.data as Float64Array).slice(), [...x.shape], x.dtype);
  const inPlaceCases: [string, NDArray, (x: NDArray) => NDArray][] = [
    ['fft along rows', complex([6, 32], 21), (x) => fft(x)],
    ['fft along columns', complex([40, 5], 22), (x) => fft(x, { axis: 0 })],
    ['ifft, odd length', complex([3, 45], 23), (x) => ifft(x, { norm: 'ortho' })],
    ['fft2', complex([12, 20], 24), (x) => fft2(x)],
    ['fft2, large enough to stream', complex([300, 256], 25), (x) => fft2(x)],
    ['dct type 2 along rows', real([7, 16], 26), (x) => dct(x)],
    ['dct type 1 along columns', real([9, 4], 27), (x) => dct(x, { type: 1, axis: 0 })],
    ['dst type 4', real([5, 11], 28), (x) => dst(x, { type: 4 })],
    ['idct of complex', complex([4, 10], 29), (x) => idct(x)],
  ];

  it.each(inPlaceCases)('%s: computed over its own input, same values', (_name, x, run) => {
    const expected = run(own(x));
    const input = own(x);
    const memory = input.data as Float64Array;
    const got = withResultMemory(memory, () => run(input));
    expect(got.data).toBe(memory);
    expect(Array.from(memory)).toEqual(Array.from(expected.data as Float64Array));
  });
});
