/**
 * Properties of sciport.ndimage that hold for any correct implementation, checked with
 * fast-check on random images: convolution is correlation with flipped weights, the
 * linear filters are linear, the uniform filter is correlation with a box, a Gaussian
 * leaves a constant image constant, min ≤ x ≤ max when the window holds its centre, the
 * n-D Gaussian is its 1-D passes, sobel/laplace are correlations with their 3×3 kernels,
 * and the rank filters are ordered between min and max.
 */
import { NDArray } from '@sciport/array-api';
import * as sciNdimage from '@sciport/ndimage';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elementsOf } from '../compare.js';
import type { ArrayFactory } from '../factory.js';
import { DEFAULT_NDIMAGE_TOLERANCE, isSelected, type NdimageSuiteOptions } from './ndimage-options.js';

type AnyFn = (...args: unknown[]) => unknown;
const api = sciNdimage as unknown as Record<string, AnyFn>;
const MODES = ['reflect', 'constant', 'nearest', 'mirror', 'wrap'] as const;

/** A random 2-D float64 image (1–7 × 1–7, values in [-10, 10]). */
const image = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }))
  .chain(([r, c]) =>
    fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: r * c, maxLength: r * c }).map((v) => new NDArray(Float64Array.from(v), [r, c], 'float64')),
  );

/** Random 2-D weights of odd size (1, 3 or 5 rows; 1 or 3 columns), so flipping them keeps the centre. */
const weights = fc
  .tuple(fc.constantFrom(1, 3, 5), fc.constantFrom(1, 3))
  .chain(([r, c]) =>
    fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: r * c, maxLength: r * c }).map((v) => new NDArray(Float64Array.from(v), [r, c], 'float64')),
  );

function values(x: NDArray): number[] {
  return Array.from(elementsOf(x).filter((_, i) => i % 2 === 0));
}

/** |a − b| ≤ tol · max(1, max|b|), element by element. */
function close(a: number[], b: number[], tol: number): boolean {
  const scale = Math.max(1, ...b.map(Math.abs));
  return a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) <= tol * scale);
}

export function ndimagePropertySuite(factory: ArrayFactory, options: NdimageSuiteOptions): void {
  const run = async (fn: string, ...args: unknown[]): Promise<number[]> => {
    const [x, ...rest] = args;
    return values(await factory.read(api[fn](factory.make(x as NDArray), ...rest)));
  };
  const params = { numRuns: 40 };
  const float32Only = factory.dtypes !== undefined && !factory.dtypes.includes('float64');
  // identities that hold to float64 rounding hold to float32 rounding on a float32-only backend
  const float32Tolerance = options.tolerance?.float32 ?? DEFAULT_NDIMAGE_TOLERANCE.float32;
  const tol = (float64Tolerance: number) => (float32Only ? Math.max(float64Tolerance, float32Tolerance) : float64Tolerance);
  describe('properties', () => {
    if (isSelected('convolve', options) && isSelected('correlate', options)) {
      it('convolve equals correlate with the weights flipped on every axis (odd sizes)', async () => {
        await fc.assert(
          fc.asyncProperty(image, weights, fc.constantFrom(...MODES), async (x, w, mode) => {
            const flipped = new NDArray(Float64Array.from(w.data as Float64Array).reverse(), w.shape, 'float64');
            expect(await run('convolve', x, w, { mode })).toEqual(await run('correlate', x, flipped, { mode }));
          }),
          params,
        );
      });
      it('correlate is linear: correlate(a·x + b·y) = a·correlate(x) + b·correlate(y)', async () => {
        await fc.assert(
          fc.asyncProperty(image, weights, fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), async (x, w, a, b) => {
            const y = new NDArray((x.data as Float64Array).map((v, i) => Math.cos(v + i)), x.shape, 'float64');
            const mix = new NDArray((x.data as Float64Array).map((v, i) => a * v + b * (y.data as Float64Array)[i]), x.shape, 'float64');
            const fx = await run('correlate', x, w, { mode: 'constant', cval: 0 });
            const fy = await run('correlate', y, w, { mode: 'constant', cval: 0 });
            const fmix = await run('correlate', mix, w, { mode: 'constant', cval: 0 });
            expect(close(fmix, fx.map((v, i) => a * v + b * fy[i]), tol(1e-12))).toBe(true);
          }),
          params,
        );
      });
    }
    if (isSelected('uniformFilter', options) && isSelected('correlate', options)) {
      it('uniformFilter equals correlate with a normalised box', async () => {
        await fc.assert(
          fc.asyncProperty(image, fc.constantFrom(1, 2, 3, 4), fc.constantFrom(...MODES), async (x, size, mode) => {
            const box = new NDArray(new Float64Array(size * size).fill(1 / (size * size)), [size, size], 'float64');
            expect(close(await run('uniformFilter', x, { size, mode }), await run('correlate', x, box, { mode }), tol(1e-12))).toBe(true);
          }),
          params,
        );
      });
    }
    if (isSelected('gaussianFilter', options)) {
      it('gaussianFilter leaves a constant image constant (mode nearest)', async () => {
        await fc.assert(
          fc.asyncProperty(image, fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0.3, max: 4, noNaN: true }), async (x, c, sigma) => {
            const flat = new NDArray(new Float64Array(x.size).fill(c), x.shape, 'float64');
            const out = await run('gaussianFilter', flat, sigma, { mode: 'nearest' });
            expect(close(out, out.map(() => c), tol(1e-13))).toBe(true);
          }),
          params,
        );
      });
    }
    if (isSelected('gaussianFilter', options) && isSelected('gaussianFilter1d', options)) {
      it('gaussianFilter equals gaussianFilter1d along each axis in turn', async () => {
        await fc.assert(
          fc.asyncProperty(image, fc.double({ min: 0.3, max: 3, noNaN: true }), fc.double({ min: 0.3, max: 3, noNaN: true }), fc.constantFrom(...MODES), async (x, s0, s1, mode) => {
            const pass0 = await factory.read(api.gaussianFilter1d(factory.make(x), s0, { axis: 0, mode }));
            const both = await run('gaussianFilter1d', pass0, s1, { axis: 1, mode });
            expect(close(await run('gaussianFilter', x, [s0, s1], { mode }), both, tol(1e-14))).toBe(true);
          }),
          params,
        );
      });
    }
    if (isSelected('minimumFilter', options) && isSelected('maximumFilter', options)) {
      it('minimumFilter ≤ x ≤ maximumFilter for footprints that hold their centre', async () => {
        const footprint = fc
          .tuple(fc.constantFrom(1, 3), fc.constantFrom(1, 3, 5))
          .chain(([r, c]) => fc.array(fc.boolean(), { minLength: r * c, maxLength: r * c }).map((v) => ({ r, c, v })))
          .map(({ r, c, v }) => {
            v[Math.floor(r / 2) * c + Math.floor(c / 2)] = true;
            return Array.from({ length: r }, (_, i) => v.slice(i * c, (i + 1) * c));
          });
        await fc.assert(
          fc.asyncProperty(image, footprint, fc.constantFrom(...MODES), async (x, fp, mode) => {
            const lo = await run('minimumFilter', x, { footprint: fp, mode });
            const hi = await run('maximumFilter', x, { footprint: fp, mode });
            // the input as the backend holds it (a float32-only backend rounds the float64 image)
            const v = values(await factory.read(factory.make(x)));
            expect(v.every((e, i) => lo[i] <= e && e <= hi[i])).toBe(true);
          }),
          params,
        );
      });
    }
    if (isSelected('sobel', options) && isSelected('laplace', options) && isSelected('correlate', options)) {
      it('sobel and laplace equal correlate with their 3×3 kernels', async () => {
        const sobelRows = new NDArray(Float64Array.of(-1, 0, 1, -2, 0, 2, -1, 0, 1), [3, 3], 'float64');
        const laplacian = new NDArray(Float64Array.of(0, 1, 0, 1, -4, 1, 0, 1, 0), [3, 3], 'float64');
        await fc.assert(
          fc.asyncProperty(image, fc.constantFrom(...MODES), async (x, mode) => {
            expect(close(await run('sobel', x, { axis: 1, mode }), await run('correlate', x, sobelRows, { mode }), tol(1e-12))).toBe(true);
            expect(close(await run('laplace', x, { mode }), await run('correlate', x, laplacian, { mode }), tol(1e-12))).toBe(true);
          }),
          params,
        );
      });
    }
    if (isSelected('rankFilter', options) && isSelected('percentileFilter', options) && isSelected('minimumFilter', options)) {
      it('minimumFilter ≤ rankFilter(r) ≤ rankFilter(r + 1), and percentileFilter(p) is rankFilter(⌊9p/100⌋)', async () => {
        await fc.assert(
          fc.asyncProperty(image, fc.integer({ min: 0, max: 7 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(...MODES), async (x, r, p, mode) => {
            const lo = await run('minimumFilter', x, { size: 3, mode });
            const a = await run('rankFilter', x, r, { size: 3, mode });
            const b = await run('rankFilter', x, r + 1, { size: 3, mode });
            expect(a.every((v, i) => lo[i] <= v && v <= b[i])).toBe(true);
            const rank = p === 100 ? 8 : Math.trunc((9 * p) / 100);
            expect(await run('percentileFilter', x, p, { size: 3, mode })).toEqual(await run('rankFilter', x, rank, { size: 3, mode }));
          }),
          params,
        );
      });
    }
  });
}
