/**
 * Exact relations of the generic and Fourier filters, checked with fast-check on random
 * images: a generic filter with a mean (max) callback is the uniform (maximum) filter, a
 * moving-sum line callback is the 1-D uniform filter times its size, vectorizedFilter with
 * a max reduction is maximumFilter; fourierShift by 0 and fourierGaussian with σ = 0 are
 * the identity, fourierShift by an integer of the FFT is the FFT of the rolled signal, a
 * Fourier filter on the halved axis of a real FFT (n = signal length) equals the full
 * FFT's filter there, and fourierGaussian is separable.
 */
import { NDArray, roll, slice } from '@sciport/array-api';
import * as sciFft from '@sciport/fft';
import * as sciNdimage from '@sciport/ndimage';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elementsOf } from '../compare.js';
import type { ArrayFactory } from '../factory.js';
import { isSelected, type NdimageSuiteOptions } from './ndimage-options.js';

type AnyFn = (...args: unknown[]) => unknown;
const api = sciNdimage as unknown as Record<string, AnyFn>;
const MODES = ['reflect', 'constant', 'nearest', 'mirror', 'wrap'] as const;

/** A random 2-D float64 image (1–6 × 1–6, values in [-10, 10]). */
const image = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([r, c]) =>
    fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: r * c, maxLength: r * c }).map((v) => new NDArray(Float64Array.from(v), [r, c], 'float64')),
  );

/** Real and imaginary parts interleaved (real arrays: imaginary 0). */
const parts = (x: NDArray): number[] => Array.from(elementsOf(x));

function close(a: number[], b: number[], tol: number): boolean {
  const scale = Math.max(1, ...b.map(Math.abs));
  return a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) <= tol * scale);
}

/** Values with −0 read as +0: a maximum may pick either zero, by its comparisons. */
const unsigned = (v: number[]): number[] => v.map((e) => e + 0);

const mean = (v: Float64Array) => v.reduce((a, b) => a + b, 0) / v.length;
const max = (v: Float64Array) => v.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);

export function ndimageGenericPropertySuite(factory: ArrayFactory, options: NdimageSuiteOptions): void {
  const run = async (fn: string, x: NDArray, ...rest: unknown[]): Promise<number[]> => parts(await factory.read(api[fn](factory.make(x), ...rest)));
  const params = { numRuns: 40 };
  describe('properties of the generic and Fourier filters', () => {
    if (isSelected('genericFilter', options) && isSelected('uniformFilter', options) && isSelected('maximumFilter', options)) {
      it('genericFilter with a mean callback is uniformFilter; with a max callback, maximumFilter', async () => {
        await fc.assert(
          fc.asyncProperty(image, fc.constantFrom(1, 2, 3, 4), fc.constantFrom(1, 2, 3), fc.constantFrom(...MODES), async (x, s0, s1, mode) => {
            const size = [s0, s1];
            expect(close(await run('genericFilter', x, mean, { size, mode, cval: 1.5 }), await run('uniformFilter', x, { size, mode, cval: 1.5 }), 1e-13)).toBe(true);
            expect(unsigned(await run('genericFilter', x, max, { size, mode }))).toEqual(unsigned(await run('maximumFilter', x, { size, mode })));
          }),
          params,
        );
      });
    }
    if (isSelected('genericFilter1d', options) && isSelected('uniformFilter1d', options)) {
      it('genericFilter1d with a moving-mean callback is uniformFilter1d, at any origin', async () => {
        const movingMean = (lineIn: Float64Array, lineOut: Float64Array) => {
          const size = lineIn.length - lineOut.length + 1;
          for (let j = 0; j < lineOut.length; j++) lineOut[j] = lineIn.subarray(j, j + size).reduce((a, b) => a + b, 0) / size;
        };
        await fc.assert(
          fc.asyncProperty(image, fc.integer({ min: 1, max: 7 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.constantFrom(0, 1), fc.constantFrom(...MODES), async (x, size, u, axis, mode) => {
            // an origin in SciPy's range −⌊size/2⌋ … ⌊(size−1)/2⌋
            const origin = -Math.floor(size / 2) + Math.floor(u * size);
            const generic = await run('genericFilter1d', x, movingMean, size, { axis, mode, origin });
            expect(close(generic, await run('uniformFilter1d', x, size, { axis, mode, origin }), 1e-13)).toBe(true);
          }),
          params,
        );
      });
    }
    if (isSelected('vectorizedFilter', options) && isSelected('maximumFilter', options)) {
      it('vectorizedFilter with a max reduction is maximumFilter (size or footprint)', async () => {
        const reduceMax = (windows: NDArray, o: { axis: readonly number[] }) => {
          const leading = windows.shape.slice(0, windows.ndim - o.axis.length);
          const groups = leading.reduce((a, b) => a * b, 1);
          const per = windows.size / Math.max(groups, 1);
          const values = windows.toTypedArray() as Float64Array;
          const out = new Float64Array(groups).map((_, g) => max(values.subarray(g * per, (g + 1) * per)));
          return new NDArray(out, leading, 'float64');
        };
        const footprint = [
          [true, false],
          [true, true],
        ];
        await fc.assert(
          fc.asyncProperty(image, fc.constantFrom(1, 2, 3), fc.constantFrom(...MODES), async (x, size, mode) => {
            expect(unsigned(await run('vectorizedFilter', x, reduceMax, { size, mode }))).toEqual(unsigned(await run('maximumFilter', x, { size, mode })));
            expect(unsigned(await run('vectorizedFilter', x, reduceMax, { footprint, mode }))).toEqual(unsigned(await run('maximumFilter', x, { footprint, mode })));
          }),
          params,
        );
      });
    }
    if (isSelected('fourierShift', options) && isSelected('fourierGaussian', options) && isSelected('fourierEllipsoid', options)) {
      it('fourierShift by 0, fourierGaussian with σ = 0 and fourierEllipsoid of size 0 are the identity', async () => {
        await fc.assert(
          fc.asyncProperty(image, async (x) => {
            const identity = unsigned(parts(x));
            expect(unsigned(await run('fourierShift', x, 0))).toEqual(identity);
            expect(unsigned(await run('fourierGaussian', x, 0))).toEqual(identity);
            expect(unsigned(await run('fourierEllipsoid', x, [0, 0]))).toEqual(identity);
          }),
          params,
        );
      });
    }
    if (isSelected('fourierShift', options)) {
      it('fourierShift by an integer of an FFT is the FFT of the rolled signal', async () => {
        await fc.assert(
          fc.asyncProperty(image, fc.integer({ min: -7, max: 7 }), fc.integer({ min: -7, max: 7 }), async (x, s0, s1) => {
            const shifted = await run('fourierShift', sciFft.fftn(x), [s0, s1]);
            expect(close(shifted, parts(sciFft.fftn(roll(x, [s0, s1], { axis: [0, 1] }))), 1e-12)).toBe(true);
          }),
          params,
        );
      });
    }
    if (['fourierGaussian', 'fourierUniform', 'fourierEllipsoid', 'fourierShift'].every((f) => isSelected(f, options))) {
      it('on the halved axis of a real FFT (n = odd signal length) a Fourier filter equals the full FFT’s', async () => {
        await fc.assert(
          fc.asyncProperty(
            image,
            fc.constantFrom('fourierGaussian', 'fourierUniform', 'fourierEllipsoid', 'fourierShift'),
            fc.double({ min: 0, max: 4, noNaN: true }),
            async (x, fn, p) => {
              // a signal of odd length n along axis 1 has rfft length (n + 1) / 2
              const n = 2 * x.shape[1] - 1;
              const full = sciFft.fftn(new NDArray(new Float64Array(x.shape[0] * n).map((_, i) => Math.sin(i * 0.7 + p)), [x.shape[0], n], 'float64'));
              const half = full.slice(slice(), slice(0, x.shape[1]));
              // the full result's columns that the halved axis holds (parts interleaved)
              const expected = (await run(fn, full, p)).filter((_, i) => Math.floor(i / 2) % n < x.shape[1]);
              expect(await run(fn, half, p, { n, axis: 1 })).toEqual(expected);
            },
          ),
          params,
        );
      });
      it('fourierGaussian is separable: σ per axis equals one axis after the other', async () => {
        await fc.assert(
          fc.asyncProperty(image, fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), async (x, s0, s1) => {
            const once = await run('fourierGaussian', x, [s0, s1]);
            const first = await factory.read(api.fourierGaussian(factory.make(x), [s0, 0]));
            expect(close(await run('fourierGaussian', first, [0, s1]), once, 1e-15)).toBe(true);
          }),
          params,
        );
      });
    }
  });
}
