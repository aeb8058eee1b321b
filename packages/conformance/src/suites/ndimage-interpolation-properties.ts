/**
 * Properties of the interpolation functions that hold for any correct implementation:
 * an integer shift of order 0 in 'grid-wrap' is a roll, the order-k spline of the
 * prefiltered samples passes through the samples, a NaN coordinate gives cval, zoom by 1
 * and rotation by 360° give the input back.
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

/** A random 2-D float64 image (2–7 × 2–7, values in [-10, 10]). */
const image = fc
  .tuple(fc.integer({ min: 2, max: 7 }), fc.integer({ min: 2, max: 7 }))
  .chain(([r, c]) =>
    fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: r * c, maxLength: r * c }).map((v) => new NDArray(Float64Array.from(v), [r, c], 'float64')),
  );

function values(x: NDArray): number[] {
  return Array.from(elementsOf(x).filter((_, i) => i % 2 === 0));
}

function close(a: number[], b: number[], tol: number): boolean {
  const scale = Math.max(1, ...b.map(Math.abs));
  return a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) <= tol * scale);
}

export function ndimageInterpolationPropertySuite(factory: ArrayFactory, options: NdimageSuiteOptions): void {
  const run = async (fn: string, x: NDArray, ...rest: unknown[]): Promise<number[]> => values(await factory.read(api[fn](factory.make(x), ...rest)));
  const params = { numRuns: 30 };
  const float32Only = factory.dtypes !== undefined && !factory.dtypes.includes('float64');
  // identities that hold to float64 rounding hold to float32 rounding on a float32-only backend
  const float32Tolerance = options.tolerance?.float32 ?? DEFAULT_NDIMAGE_TOLERANCE.float32;
  const tol = (float64Tolerance: number) => (float32Only ? Math.max(float64Tolerance, float32Tolerance) : float64Tolerance);
  // the input as the backend holds it (a float32-only backend rounds the float64 image)
  const held = async (x: NDArray): Promise<number[]> => values(await factory.read(factory.make(x)));
  describe('interpolation properties', () => {
    if (isSelected('shift', options)) {
      it('shift by integers, order 0, grid-wrap is a roll', async () => {
        await fc.assert(
          fc.asyncProperty(image, fc.integer({ min: -9, max: 9 }), fc.integer({ min: -9, max: 9 }), async (x, s0, s1) => {
            const [r, c] = x.shape;
            const v = await held(x);
            const mod = (a: number, n: number) => ((a % n) + n) % n;
            const rolled = v.map((_, k) => v[mod(Math.floor(k / c) - s0, r) * c + mod((k % c) - s1, c)]);
            expect(close(await run('shift', x, [s0, s1], { order: 0, mode: 'grid-wrap' }), rolled, 0)).toBe(true);
          }),
          params,
        );
      });
    }
    if (isSelected('splineFilter', options) && isSelected('mapCoordinates', options)) {
      // ('reflect' starts its recursion from SciPy's approximate initial value, so it is exact on long lines only)
      it('the order-k spline of splineFilter’s coefficients passes through the samples', async () => {
        await fc.assert(
          fc.asyncProperty(image, fc.integer({ min: 2, max: 5 }), fc.constantFrom('mirror', 'grid-wrap'), async (x, order, mode) => {
            const coef = await factory.read(api.splineFilter(factory.make(x), { order, mode }));
            const [r, c] = x.shape;
            const grid = [Array.from({ length: r * c }, (_, k) => Math.floor(k / c)), Array.from({ length: r * c }, (_, k) => k % c)];
            const at = await run('mapCoordinates', coef, grid, { order, mode, prefilter: false });
            expect(close(at, await held(x), tol(1e-12))).toBe(true);
          }),
          params,
        );
      });
    }
    if (isSelected('mapCoordinates', options)) {
      // SciPy 1.17 folds a NaN coordinate to "outside", so the result is cval
      it('a NaN coordinate gives cval in every mode that folds coordinates', async () => {
        const folding = ['constant', 'reflect', 'grid-mirror', 'mirror', 'wrap', 'grid-wrap'];
        await fc.assert(
          fc.asyncProperty(image, fc.integer({ min: 0, max: 5 }), fc.constantFrom(...folding), fc.double({ min: -5, max: 5, noNaN: true }), async (x, order, mode, cval) => {
            const at = await run('mapCoordinates', x, [[Number.NaN, 1], [1, Number.NaN]], { order, mode, cval });
            // a float32 result holds cval rounded to float32
            const c = float32Only ? Math.fround(cval) : cval;
            expect(at).toEqual([c, c]);
          }),
          params,
        );
      });
    }
    if (isSelected('geometricTransform', options) && isSelected('zoom', options)) {
      it('a mapping that interpolates too does not change the result', async () => {
        await fc.assert(
          fc.asyncProperty(image, fc.integer({ min: 2, max: 5 }), async (x, order) => {
            const plain = ([i, j]: number[]) => [i * 0.9 + 0.2, j - 0.35];
            // another image of the same size, so that its coefficients would take the same scratch space
            const other = new NDArray(Float64Array.from(values(x), (v) => v + 1), x.shape, 'float64');
            const busy = (index: number[]) => {
              api.zoom(factory.make(other), 1.5, { order });
              return plain(index);
            };
            const expected = await run('geometricTransform', x, plain, { order, mode: 'mirror' });
            expect(await run('geometricTransform', x, busy, { order, mode: 'mirror' })).toEqual(expected);
          }),
          { numRuns: 5 },
        );
      });
    }
    if (isSelected('zoom', options)) {
      it('zoom by 1 is the identity (with and without prefilter)', async () => {
        await fc.assert(
          fc.asyncProperty(image, fc.integer({ min: 0, max: 5 }), async (x, order) => {
            expect(close(await run('zoom', x, 1, { order }), await held(x), 0)).toBe(true);
            expect(close(await run('zoom', x, 1, { order, prefilter: order > 1 }), await held(x), tol(1e-12))).toBe(true);
          }),
          params,
        );
      });
    }
    if (isSelected('rotate', options)) {
      it('rotate by 360° (and by 90° four times) gives the input back', async () => {
        await fc.assert(
          fc.asyncProperty(image, fc.integer({ min: 0, max: 5 }), async (x, order) => {
            expect(close(await run('rotate', x, 360, { order }), await held(x), tol(1e-12))).toBe(true);
            let y = x;
            for (let i = 0; i < 4; i++) y = await factory.read(api.rotate(factory.make(y), 90, { order: 0 }));
            expect(close(values(y), await held(x), 0)).toBe(true);
          }),
          params,
        );
      });
    }
  });
}
