/**
 * Properties of sciport.ndimage's morphology and distance transforms, checked with
 * fast-check on random images: openings and closings are idempotent, erosion ⊆ input ⊆
 * dilation for structures holding their centre, erosion is dilation of the complement
 * complemented, hole filling only adds and is idempotent, the exact Euclidean transform
 * equals the brute-force one, and the chamfer transforms equal the brute-force taxicab and
 * chessboard distances.
 */
import { NDArray } from '@sciport/array-api';
import * as sciNdimage from '@sciport/ndimage';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elementsOf } from '../compare.js';
import type { ArrayFactory } from '../factory.js';
import { isSelected, type NdimageSuiteOptions } from './ndimage-options.js';

type AnyFn = (...args: unknown[]) => unknown;
const api = sciNdimage as unknown as Record<string, AnyFn>;

/** A random 2-D bool image (1–9 × 1–9). */
const binaryImage = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }))
  .chain(([r, c]) => fc.array(fc.boolean(), { minLength: r * c, maxLength: r * c }).map((v) => new NDArray(Uint8Array.from(v, Number), [r, c], 'bool')));

/** A random 3×3 structure holding its centre. */
const structure = fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }).map((v) => {
  v[4] = true;
  return new NDArray(Uint8Array.from(v, Number), [3, 3], 'bool');
});

/** A random image with at least one background element (so every distance is finite). */
const withBackground = binaryImage.map((x) => {
  const data = Uint8Array.from(x.data as Uint8Array);
  data[0] = 0;
  return new NDArray(data, x.shape, 'bool');
});

function values(x: NDArray): number[] {
  return Array.from(elementsOf(x).filter((_, i) => i % 2 === 0));
}

function complement(x: NDArray): NDArray {
  return new NDArray(Uint8Array.from(x.data as Uint8Array, (v) => 1 - v), x.shape, 'bool');
}

export function ndimageMorphologyPropertySuite(factory: ArrayFactory, options: NdimageSuiteOptions): void {
  const read = async (result: unknown): Promise<number[]> => values(await factory.read(result));
  const call = (fn: string, x: NDArray, ...rest: unknown[]): unknown => api[fn](factory.make(x), ...rest);
  const host = async (result: unknown): Promise<NDArray> => factory.read(result);
  const params = { numRuns: 40 };
  describe('morphology properties', () => {
    for (const fn of ['binaryOpening', 'binaryClosing'] as const) {
      if (!isSelected(fn, options)) continue;
      it(`${fn} is idempotent`, async () => {
        await fc.assert(
          fc.asyncProperty(binaryImage, structure, async (x, s) => {
            const once = await host(call(fn, x, { structure: s }));
            expect(await read(call(fn, once, { structure: s }))).toEqual(values(once));
          }),
          params,
        );
      });
    }
    for (const fn of ['greyOpening', 'greyClosing'] as const) {
      if (!isSelected(fn, options)) continue;
      it(`${fn} is idempotent (flat footprint, periodic border)`, async () => {
        const grey = fc
          .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }))
          .chain(([r, c]) =>
            fc.array(fc.integer({ min: -50, max: 50 }), { minLength: r * c, maxLength: r * c }).map((v) => new NDArray(Float64Array.from(v), [r, c], 'float64')),
          );
        await fc.assert(
          fc.asyncProperty(grey, structure, async (x, s) => {
            const o = { footprint: s, mode: 'wrap' };
            const once = await host(call(fn, x, o));
            expect(await read(call(fn, once, o))).toEqual(values(once));
          }),
          params,
        );
      });
    }
    if (isSelected('binaryErosion', options) && isSelected('binaryDilation', options)) {
      it('erosion ⊆ input ⊆ dilation for a structure holding its centre', async () => {
        await fc.assert(
          fc.asyncProperty(binaryImage, structure, fc.constantFrom(0, 1), fc.constantFrom(1, 2, 0), async (x, s, borderValue, iterations) => {
            const input = values(x);
            const eroded = await read(call('binaryErosion', x, { structure: s, borderValue, iterations }));
            const dilated = await read(call('binaryDilation', x, { structure: s, borderValue, iterations }));
            input.forEach((v, i) => {
              expect(eroded[i] <= v && v <= dilated[i]).toBe(true);
            });
          }),
          params,
        );
      });
      it('erosion is the complement of the dilation of the complement (mirrored structure, complemented border)', async () => {
        await fc.assert(
          fc.asyncProperty(binaryImage, structure, fc.constantFrom(0, 1), async (x, s, borderValue) => {
            const mirrored = new NDArray(Uint8Array.from(s.data as Uint8Array).reverse(), [3, 3], 'bool');
            const eroded = await read(call('binaryErosion', x, { structure: s, borderValue }));
            const dual = await host(call('binaryDilation', complement(x), { structure: mirrored, borderValue: 1 - borderValue }));
            expect(eroded).toEqual(values(complement(dual)));
          }),
          params,
        );
      });
    }
    if (isSelected('binaryFillHoles', options)) {
      it('binaryFillHoles only adds elements and is idempotent', async () => {
        await fc.assert(
          fc.asyncProperty(binaryImage, async (x) => {
            const filled = await host(call('binaryFillHoles', x));
            values(x).forEach((v, i) => {
              expect(values(filled)[i] >= v).toBe(true);
            });
            expect(await read(call('binaryFillHoles', filled))).toEqual(values(filled));
          }),
          params,
        );
      });
    }
    if (isSelected('distanceTransformEdt', options) && isSelected('distanceTransformBf', options)) {
      it('distanceTransformEdt equals distanceTransformBf (euclidean, with sampling)', async () => {
        const sampling = fc.tuple(fc.double({ min: 0.25, max: 4, noNaN: true }), fc.double({ min: 0.25, max: 4, noNaN: true }));
        await fc.assert(
          fc.asyncProperty(withBackground, sampling, async (x, s) => {
            const edt = await read(call('distanceTransformEdt', x, { sampling: s }));
            const bf = await read(call('distanceTransformBf', x, { sampling: s }));
            bf.forEach((v, i) => {
              expect(Math.abs(edt[i] - v)).toBeLessThanOrEqual(1e-12 * Math.max(1, v));
            });
          }),
          params,
        );
      });
    }
    if (isSelected('distanceTransformCdt', options) && isSelected('distanceTransformBf', options)) {
      it('distanceTransformCdt equals distanceTransformBf for taxicab and chessboard', async () => {
        await fc.assert(
          fc.asyncProperty(withBackground, fc.constantFrom('taxicab', 'chessboard'), async (x, metric) => {
            const cdt = await read(call('distanceTransformCdt', x, { metric }));
            expect(cdt).toEqual(await read(call('distanceTransformBf', x, { metric })));
          }),
          params,
        );
      });
    }
  });
}
