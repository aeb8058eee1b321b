/**
 * Properties of labelling and the measurements on random images (fast-check): the number
 * of components equals a brute-force flood fill's; labels do not depend on the foreground
 * values, and transposing the image transposes the partition; the per-label sums add up
 * to the sum over every label > 0; min ≤ median ≤ max per label.
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

/** A random 2-D binary image (1–9 × 1–9) as 0/1 values. */
const binaryImage = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }))
  .chain(([r, c]) => fc.array(fc.boolean(), { minLength: r * c, maxLength: r * c }).map((v) => ({ r, c, v: v.map(Number) })));

function values(x: NDArray): number[] {
  return Array.from(elementsOf(x).filter((_, i) => i % 2 === 0));
}

/** Components of a binary r×c image by flood fill; `diagonal`: 8-connected, else 4-connected. */
function floodFillCount(v: readonly number[], r: number, c: number, diagonal: boolean): number {
  const seen = new Uint8Array(v.length);
  let count = 0;
  for (let start = 0; start < v.length; start++) {
    if (!v[start] || seen[start]) continue;
    count++;
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const p = stack.pop() as number;
      const [i, j] = [Math.floor(p / c), p % c];
      for (let di = -1; di <= 1; di++) {
        for (let dj = -1; dj <= 1; dj++) {
          if ((di === 0 && dj === 0) || (!diagonal && di !== 0 && dj !== 0)) continue;
          const [a, b] = [i + di, j + dj];
          const q = a * c + b;
          if (a >= 0 && a < r && b >= 0 && b < c && v[q] && !seen[q]) {
            seen[q] = 1;
            stack.push(q);
          }
        }
      }
    }
  }
  return count;
}

/** Whether two labellings split the elements the same way (equal up to renumbering). */
function samePartition(a: readonly number[], b: readonly number[]): boolean {
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  return a.every((x, i) => {
    const y = b[i];
    if ((x === 0) !== (y === 0)) return false;
    if ((ab.get(x) ?? y) !== y || (ba.get(y) ?? x) !== x) return false;
    ab.set(x, y);
    ba.set(y, x);
    return true;
  });
}

export function ndimageMeasurementPropertySuite(factory: ArrayFactory, options: NdimageSuiteOptions): void {
  const params = { numRuns: 60 };
  const make = (v: readonly number[], shape: number[], dtype: 'float64' | 'int32' = 'float64') =>
    factory.make(new NDArray(dtype === 'int32' ? Int32Array.from(v) : Float64Array.from(v), shape, dtype));
  const labelsOf = async (x: unknown, opts: object = {}): Promise<[number[], number]> => {
    // backends without synchronous readback may give the count as a Promise
    const [labels, count] = api.label(x, opts) as [unknown, number | Promise<number>];
    return [values(await factory.read(labels)), await count];
  };
  describe('labelling and measurements: properties', () => {
    if (isSelected('label', options)) {
      it('label counts the components a flood fill finds (4- and 8-connected)', async () => {
        const full = [[1, 1, 1], [1, 1, 1], [1, 1, 1]];
        await fc.assert(
          fc.asyncProperty(binaryImage, async ({ r, c, v }) => {
            expect((await labelsOf(make(v, [r, c])))[1]).toBe(floodFillCount(v, r, c, false));
            expect((await labelsOf(make(v, [r, c]), { structure: full }))[1]).toBe(floodFillCount(v, r, c, true));
          }),
          params,
        );
      });
      it('labels do not depend on the foreground values, and transposing the image transposes the partition', async () => {
        await fc.assert(
          fc.asyncProperty(binaryImage, fc.integer({ min: 1, max: 1000 }), async ({ r, c, v }, seed) => {
            const [labels] = await labelsOf(make(v, [r, c]));
            const scaled = v.map((e, i) => e * (((i * 7919 + seed) % 13) - 6.5));
            expect((await labelsOf(make(scaled, [r, c])))[0]).toEqual(labels);
            const transposed = Array.from({ length: r * c }, (_, k) => v[(k % r) * c + Math.floor(k / r)]);
            const [labelsT] = await labelsOf(make(transposed, [c, r]));
            const back = Array.from({ length: r * c }, (_, k) => labelsT[(k % c) * r + Math.floor(k / c)]);
            expect(samePartition(back, labels)).toBe(true);
          }),
          params,
        );
      });
    }
    if (isSelected('sum', options) && isSelected('label', options)) {
      it('the per-label sums add up to the sum over every label > 0', async () => {
        await fc.assert(
          fc.asyncProperty(binaryImage, async ({ r, c, v }) => {
            const [labels, count] = await labelsOf(make(v, [r, c]));
            const x = Array.from(v, (_, i) => Math.sin(i + 1) * 10);
            const lab = new NDArray(Int32Array.from(labels), [r, c], 'int32');
            const index = Array.from({ length: count }, (_, i) => i + 1);
            // (a backend without synchronous readback may give its measurements as Promises)
            const perLabel = count === 0 ? [] : values(await factory.read(await api.sum(make(x, [r, c]), lab, index)));
            const total = (await api.sum(make(x, [r, c]), lab)) as number;
            expect(Math.abs(perLabel.reduce((a, b) => a + b, 0) - total)).toBeLessThanOrEqual(1e-12 * Math.max(1, ...x.map(Math.abs)) * x.length);
          }),
          params,
        );
      });
    }
    if (isSelected('minimum', options) && isSelected('median', options) && isSelected('maximum', options)) {
      it('minimum ≤ median ≤ maximum for every label present', async () => {
        const labelled = fc.integer({ min: 1, max: 40 }).chain((n) =>
          fc.tuple(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n })),
        );
        await fc.assert(
          fc.asyncProperty(labelled, async ([x, l]) => {
            const index = [...new Set(l)];
            const lab = new NDArray(Int32Array.from(l), [l.length], 'int32');
            const read = async (fn: string) => values(await factory.read(await api[fn](make(x, [x.length]), lab, index)));
            const [lo, mid, hi] = [await read('minimum'), await read('median'), await read('maximum')];
            expect(index.every((_, k) => lo[k] <= mid[k] && mid[k] <= hi[k])).toBe(true);
          }),
          params,
        );
      });
    }
  });
}
