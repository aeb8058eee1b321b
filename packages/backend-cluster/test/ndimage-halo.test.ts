/**
 * Halo exchange against the host: on random arrays cut into random chunk grids (blocks of 1
 * included), every ndimage filter the cluster runs gives the host's result — to the bit, except
 * the uniform filters, whose running sum starts at each block's halo (to rounding). Also what
 * the cluster declines, and why, as explain() shows it.
 */
import { NDArray } from '@sciport/array-api';
import { type Cluster, chunked, cluster } from '@sciport/backend-cluster';
import { explain, formatRecord } from '@sciport/dispatch-core';
import * as ndimage from '@sciport/ndimage';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let c: Cluster;
beforeAll(async () => {
  c = await cluster.local({ workers: 2 });
});
afterAll(async () => {
  await c.close();
});

type AnyFn = (...args: unknown[]) => NDArray;
const api = ndimage as unknown as Record<string, AnyFn>;
const MODES = ['reflect', 'constant', 'nearest', 'mirror', 'wrap', 'grid-wrap'] as const;

/** A random array of 1–3 axes (lengths 1–7) and a random split of each axis into blocks. */
const chunkedInput = fc
  .array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 })
  .chain((shape) =>
    fc.record({
      values: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), {
        minLength: shape.reduce((a, b) => a * b, 1),
        maxLength: shape.reduce((a, b) => a * b, 1),
      }),
      chunks: fc.tuple(...shape.map((n) => fc.array(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: n }).map((sizes) => split(n, sizes)))),
    }).map(({ values, chunks }) => ({ x: new NDArray(Float64Array.from(values), shape, 'float64'), chunks })),
  );

/** Block lengths summing to n, taken from `sizes` in turn. */
function split(n: number, sizes: number[]): number[] {
  const out: number[] = [];
  for (let left = n, i = 0; left > 0; i++) {
    const b = Math.min(left, sizes[i % sizes.length]);
    out.push(b);
    left -= b;
  }
  return out;
}

const mode = fc.constantFrom(...MODES);
const origin = fc.integer({ min: -1, max: 1 });

/** A filter call valid on any input of `ndim` axes: [name, arguments after the input]. */
function call(ndim: number): fc.Arbitrary<[string, unknown[]]> {
  const axis = fc.integer({ min: -ndim, max: ndim - 1 });
  const weights1d = fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 5 });
  const modes = fc.array(mode, { minLength: ndim, maxLength: ndim });
  return fc.oneof(
    fc.tuple(fc.constantFrom('correlate1d', 'convolve1d'), weights1d, axis, mode, fc.double({ min: -3, max: 3, noNaN: true })).map(([fn, w, a, m, cval]) => [
      fn,
      [w, { axis: a, mode: m, cval }],
    ]),
    fc
      .tuple(fc.constantFrom('correlate', 'convolve'), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: ndim, maxLength: ndim }), mode)
      .map(([fn, wshape, m]) => {
        const n = wshape.reduce((a, b) => a * b, 1);
        const w = new NDArray(Float64Array.from({ length: n }, (_, i) => Math.cos(i + 1)), wshape, 'float64');
        return [fn, [w, { mode: m }]] as [string, unknown[]];
      }),
    fc.tuple(fc.integer({ min: 1, max: 4 }), axis, mode).map(([size, a, m]) => ['uniformFilter1d', [size, { axis: a, mode: m, origin: size > 2 ? 1 : 0 }]]),
    fc.tuple(fc.integer({ min: 1, max: 4 }), modes).map(([size, m]) => ['uniformFilter', [{ size, mode: m }]]),
    fc.tuple(fc.double({ min: 0.3, max: 2, noNaN: true }), fc.integer({ min: 0, max: 3 }), axis, mode).map(([s, order, a, m]) => ['gaussianFilter1d', [s, { order, axis: a, mode: m }]]),
    fc.tuple(fc.double({ min: 0.3, max: 2, noNaN: true }), modes, fc.constantFrom(2, 3, 4)).map(([s, m, truncate]) => ['gaussianFilter', [s, { mode: m, truncate }]]),
    fc.tuple(fc.constantFrom('sobel', 'prewitt'), axis, modes).map(([fn, a, m]) => [fn, [{ axis: a, mode: m }]]),
    modes.map((m) => ['laplace', [{ mode: m }]]),
    // different modes per axis: every axis is smoothed with each, so the axes are made whole
    fc.tuple(fc.constantFrom('gaussianLaplace', 'gaussianGradientMagnitude'), fc.double({ min: 0.5, max: 1.5, noNaN: true }), modes).map(([fn, s, m]) => [fn, [s, { mode: m }]]),
    fc.tuple(fc.constantFrom('minimumFilter1d', 'maximumFilter1d'), fc.integer({ min: 1, max: 4 }), axis, mode, origin).map(([fn, size, a, m, o]) => [
      fn,
      [size, { axis: a, mode: m, origin: size > 2 ? o : 0 }],
    ]),
    fc.tuple(fc.constantFrom('minimumFilter', 'maximumFilter', 'medianFilter'), fc.integer({ min: 1, max: 3 }), mode).map(([fn, size, m]) => [fn, [{ size, mode: m, cval: 1.5 }]]),
    fc.tuple(fc.constantFrom('minimumFilter', 'maximumFilter'), mode).map(([fn, m]) => [fn, [{ footprint: footprint(ndim), mode: m }]]),
    fc.tuple(fc.integer({ min: 0, max: 1 }), mode).map(([r, m]) => ['rankFilter', [r, { footprint: footprint(ndim), mode: m }]]),
    fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), mode).map(([p, m]) => ['percentileFilter', [p, { size: 3, mode: m }]]),
  );
}

/** A footprint of 2 × 3 × … that is not a box (so it runs as one n-D pass). */
function footprint(ndim: number): number[] | number[][] | number[][][] {
  if (ndim === 1) return [1, 0, 1];
  if (ndim === 2) return [
    [1, 0, 1],
    [0, 1, 1],
  ];
  return [
    [
      [1, 0],
      [0, 1],
    ],
    [
      [0, 1],
      [1, 1],
    ],
  ];
}

describe('halo exchange', () => {
  it('random chunk grids give the host’s result (to the bit, the uniform filters to rounding)', async () => {
    await fc.assert(
      fc.asyncProperty(
        chunkedInput.chain((input) => fc.tuple(fc.constant(input), call(input.x.ndim))),
        async ([{ x, chunks }, [fn, args]]) => {
          const expected = api[fn](x, ...args);
          const xc = chunked(x, { chunks, cluster: c });
          const result = await (api[fn](xc, ...args) as unknown as { toHost(): Promise<NDArray> }).toHost();
          expect(result.dtype).toBe(expected.dtype);
          expect(result.shape).toEqual(expected.shape);
          const got = Array.from(result.data as Float64Array);
          const want = Array.from(expected.data as Float64Array);
          if (fn.startsWith('uniform')) {
            const scale = Math.max(1, ...want.map(Math.abs));
            for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(1e-13 * scale);
          } else {
            expect(got).toEqual(want);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('integer input and an output dtype: each pass stored as the host stores it', async () => {
    const x = new NDArray(Int32Array.from({ length: 42 }, (_, i) => (i * 37) % 11), [6, 7], 'int32');
    const xc = chunked(x, { chunks: [2, 3], cluster: c });
    for (const output of ['int16', 'float32', 'uint8'] as const) {
      const expected = ndimage.gaussianFilter(x, 1.3, { output, mode: 'mirror' });
      const result = await ndimage.gaussianFilter(xc, 1.3, { output, mode: 'mirror' }).toHost();
      expect(result.dtype).toBe(output);
      expect(Array.from(result.data as Int16Array)).toEqual(Array.from(expected.data as Int16Array));
    }
  });

  it('complex input with complex weights, the weights an NDArray read by every task', async () => {
    const x = new NDArray(Float64Array.from({ length: 60 }, (_, i) => Math.sin(i)), [5, 6], 'complex128');
    const w = new NDArray(Float64Array.of(1, 0.5, -2, 0, 0.25, 1), [3], 'complex128');
    const xc = chunked(x, { chunks: [2, 2], cluster: c });
    const expected = ndimage.correlate1d(x, w, { mode: 'wrap', cval: [1, 2], axis: 0 });
    const result = await ndimage.correlate1d(xc, w, { mode: 'wrap', cval: [1, 2], axis: 0 }).toHost();
    expect(Array.from(result.data as Float64Array)).toEqual(Array.from(expected.data as Float64Array));
  });

  it('bad arguments throw the host’s typed error at the call', () => {
    const xc = chunked(new NDArray(new Float64Array(12), [3, 4], 'float64'), { chunks: 2, cluster: c });
    expect(() => ndimage.uniformFilter(xc, { size: 0 })).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'size' }));
    expect(() => ndimage.correlate(xc, [1, 2])).toThrow(expect.objectContaining({ name: 'ShapeError', argument: 'weights' }));
  });
});

describe('what the cluster declines, with the reason', () => {
  it('callback filters: the callback cannot be sent to workers', () => {
    const xc = chunked(new NDArray(new Float64Array(12), [3, 4], 'float64'), { chunks: 2, cluster: c });
    const record = formatRecord(explain(ndimage.genericFilter, xc, (v: Float64Array) => v[0], { size: 3 }));
    expect(record).toContain('✗ cluster');
    expect(record).toContain('cluster tasks name registered code');
    const laplace = formatRecord(explain(ndimage.genericLaplace, xc, () => undefined));
    expect(laplace).toContain('cluster tasks name registered code');
    expect(() => ndimage.genericLaplace(xc, () => undefined)).toThrow(expect.objectContaining({ name: 'BackendNotImplementedError' }));
  });

  it('an output array of the input’s shape: chunk tasks cannot fill it', () => {
    const x = new NDArray(new Float64Array(12), [3, 4], 'float64');
    const xc = chunked(x, { chunks: 2, cluster: c });
    const record = formatRecord(explain(ndimage.sobel, xc, { output: new NDArray(new Float64Array(12), [3, 4], 'float64') }));
    expect(record).toContain("'output' is an array, which chunk tasks cannot fill");
  });
});
