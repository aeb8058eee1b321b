/**
 * label on chunked arrays against the host (SciPy's numbering: components in C order of their
 * first element), on worker threads: random images of 1–4 axes on random grids (blocks of 1
 * included) with every connectivity, components that cross block corners only diagonally, and
 * the count as a Promise.
 */
import { NDArray } from '@sciport/array-api';
import { type ChunkedArray, type Cluster, chunked, cluster } from '@sciport/backend-cluster';
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

function split(n: number, sizes: number[]): number[] {
  const out: number[] = [];
  for (let left = n, i = 0; left > 0; i++) {
    const b = Math.min(left, sizes[i % sizes.length]);
    out.push(b);
    left -= b;
  }
  return out;
}

const product = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

function boolArray(shape: readonly number[], values: readonly (boolean | number)[]): NDArray {
  return new NDArray(Uint8Array.from(values, Number), [...shape], 'bool');
}

type Label = (x: unknown, options?: unknown) => [unknown, unknown];
const label = ndimage.label as unknown as Label;

async function expectSameLabels(x: NDArray, chunks: number[][] | number, options: Record<string, unknown> = {}): Promise<void> {
  const [expected, expectedCount] = label(x, options) as [NDArray, number];
  const [labels, count] = label(chunked(x, { chunks: chunks as never, cluster: c }), options) as [ChunkedArray, Promise<number>];
  expect(labels.shape).toEqual(expected.shape);
  expect(labels.dtype).toBe(expected.dtype);
  expect(await count).toBe(expectedCount);
  const result = await labels.toHost();
  expect(Array.from(result.data as Int32Array)).toEqual(Array.from(expected.data as Int32Array));
}

describe('label across chunks', () => {
  it('random images on random grids, every connectivity: the host’s labels and count', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 })
          .filter((shape) => product(shape) <= 400)
          .chain((shape) =>
            fc.record({
              shape: fc.constant(shape),
              chunks: fc.tuple(...shape.map((n) => fc.array(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: n }).map((s) => split(n, s)))),
              density: fc.double({ min: 0.2, max: 0.8, noNaN: true }),
              seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: product(shape), maxLength: product(shape) }),
              connectivity: fc.integer({ min: 1, max: shape.length }),
            }),
          ),
        async ({ shape, chunks, density, seed, connectivity }) => {
          const x = boolArray(
            shape,
            seed.map((v) => v < density),
          );
          await expectSameLabels(x, chunks, { structure: ndimage.generateBinaryStructure(shape.length, connectivity) });
        },
      ),
      { numRuns: 120 },
    );
  }, 240_000);

  it('diagonal chains that cross block corners only diagonally (8-connected, blocks of 1, 2 and 3)', async () => {
    // anti-diagonal and diagonal staircases: every step meets the next only at a corner
    const n = 9;
    const values = Array.from({ length: n * n }, (_, k) => {
      const [i, j] = [Math.floor(k / n), k % n];
      return i === j || i + j === n - 1 || (i === 0 && j === 4);
    });
    const x = boolArray([n, n], values);
    const eight = ndimage.generateBinaryStructure(2, 2);
    for (const chunks of [1, 2, 3, [[4, 5], [5, 4]]] as const) {
      await expectSameLabels(x, chunks as never, { structure: eight });
      await expectSameLabels(x, chunks as never);
    }
    const [, count] = label(x, { structure: eight }) as [NDArray, number];
    expect(count).toBe(2);
  });

  it('3-D chains through block corners along the space diagonal', async () => {
    const n = 6;
    const values = Array.from({ length: n ** 3 }, (_, k) => {
      const [i, j, l] = [Math.floor(k / (n * n)), Math.floor(k / n) % n, k % n];
      return (i === j && j === l) || (i === n - 1 - j && l === i) || k === n * n * n - 2;
    });
    const x = boolArray([n, n, n], values);
    for (const connectivity of [1, 2, 3]) {
      await expectSameLabels(x, [1, 2, 3] as never, { structure: ndimage.generateBinaryStructure(3, connectivity) });
    }
  });

  it('non-bool input, an asymmetric-looking given structure, an output dtype and edge cases', async () => {
    const x = new NDArray(Float64Array.from({ length: 48 }, (_, i) => ((i * 7) % 5) - 2), [6, 8], 'float64');
    await expectSameLabels(x, [[2, 4], [3, 3, 2]], { structure: [[1, 1, 0], [1, 1, 1], [0, 1, 1]] });
    await expectSameLabels(x, 2, { output: 'int16' });
    await expectSameLabels(x, 2, { output: 'float64' });
    await expectSameLabels(boolArray([5], [1, 1, 1, 1, 1]), 1);
    await expectSameLabels(boolArray([3, 3], new Array(9).fill(0)), 1);
    await expectSameLabels(new NDArray(new Float64Array(0), [0, 4], 'float64'), [[0], [2, 2]] as never);
  });

  it('too many labels for the output dtype: the host’s error, from the count and the labels', async () => {
    const x = boolArray([1, 600], Array.from({ length: 600 }, (_, i) => i % 2 === 0));
    const [labels, count] = label(chunked(x, { chunks: [1, 100], cluster: c }), { output: 'int8' }) as [ChunkedArray, Promise<number>];
    await expect(count).rejects.toMatchObject({ name: 'InvalidArgumentError', argument: 'output' });
    await expect(labels.toHost()).rejects.toMatchObject({ name: 'InvalidArgumentError', argument: 'output' });
    expect(() => label(x, { output: 'int8' })).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'output' }));
  });

  it('bad arguments throw the host’s typed error at the call', () => {
    const xc = chunked(boolArray([3, 4], new Array(12).fill(1)), { chunks: 2, cluster: c });
    expect(() => label(xc, { structure: [1, 1, 1] })).toThrow(expect.objectContaining({ argument: 'structure' }));
    expect(() => label(xc, { output: 'complex128' })).toThrow(expect.objectContaining({ name: 'DtypeError', argument: 'output' }));
  });
});

describe('findObjects as a tree reduction', () => {
  type FindObjects = (x: unknown, options?: unknown) => unknown;
  const findObjects = ndimage.findObjects as unknown as FindObjects;

  it('random label arrays on random grids (more blocks than one node of the tree joins), with and without maxLabel', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 })
          .chain((shape) =>
            fc.record({
              shape: fc.constant(shape),
              chunks: fc.tuple(...shape.map((n) => fc.array(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: n }).map((s) => split(n, s)))),
              values: fc.array(fc.integer({ min: -1, max: 6 }), { minLength: product(shape), maxLength: product(shape) }),
              maxLabel: fc.option(fc.integer({ min: -1, max: 8 }), { nil: undefined }),
            }),
          ),
        async ({ shape, chunks, values, maxLabel }) => {
          // (one label ≥ 0 somewhere: the host's findObjects fails on all-negative labels without maxLabel)
          const x = new NDArray(Int32Array.from(values, (v, i) => (i === 0 ? Math.abs(v) : v)), shape, 'int32');
          const options = maxLabel === undefined ? {} : { maxLabel };
          const expected = findObjects(x, options);
          expect(await findObjects(chunked(x, { chunks, cluster: c }), options)).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it('the boxes of chunked labels: label then findObjects, never gathered', async () => {
    const n = 10;
    const x = boolArray([n, n], Array.from({ length: n * n }, (_, k) => (Math.floor(k / n) * 3 + (k % n) * 5) % 7 < 3));
    const structure = ndimage.generateBinaryStructure(2, 2);
    const [labels] = label(chunked(x, { chunks: 3, cluster: c }), { structure }) as [ChunkedArray, Promise<number>];
    const [hostLabels] = label(x, { structure }) as [NDArray, number];
    expect(await findObjects(labels)).toEqual(findObjects(hostLabels));
  });

  it('bad arguments throw the host’s typed error at the call', () => {
    const xc = chunked(new NDArray(new Float64Array(6), [2, 3], 'float64'), { chunks: 1, cluster: c });
    expect(() => findObjects(xc)).toThrow(expect.objectContaining({ name: 'DtypeError', argument: 'input' }));
    const lc = chunked(new NDArray(new Int32Array(6), [2, 3], 'int32'), { chunks: 1, cluster: c });
    expect(() => findObjects(lc, { maxLabel: 1.5 })).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'maxLabel' }));
  });
});

describe('labelled measurements as tree reductions', () => {
  type Measure = (x: unknown, labels?: unknown, index?: unknown) => unknown;
  const api = ndimage as unknown as Record<string, Measure>;
  const EXACT = ['minimum', 'maximum', 'minimumPosition', 'maximumPosition', 'extrema'];
  const SUMS = ['sum', 'sumLabels', 'mean', 'variance', 'standardDeviation', 'centerOfMass'];

  /** Numbers of a result in order (arrays, lists and tuples flattened). */
  function flat(result: unknown): number[] {
    if (result instanceof NDArray) return Array.from(result.toTypedArray() as ArrayLike<number>, Number);
    if (Array.isArray(result)) return result.flatMap(flat);
    return [result as number];
  }

  it('random values (ties and NaN included) and labels on random grids: extremes exact, sums to rounding', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 3 })
          .chain((shape) =>
            fc.record({
              shape: fc.constant(shape),
              chunks: fc.tuple(...shape.map((n) => fc.array(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: n }).map((s) => split(n, s)))),
              values: fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(Number.NaN)), { minLength: product(shape), maxLength: product(shape) }),
              labels: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: product(shape), maxLength: product(shape) }),
              index: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 3 }), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 5 })),
              withLabels: fc.boolean(),
              fn: fc.constantFrom(...EXACT, ...SUMS),
              nan: fc.boolean(),
            }),
          ),
        async ({ shape, chunks, values, labels, index, withLabels, fn, nan }) => {
          const x = new NDArray(Float64Array.from(values, (v) => (nan || !Number.isNaN(v) ? v : 1)), shape, 'float64');
          const l = new NDArray(Int32Array.from(labels), shape, 'int32');
          const args = withLabels ? [l, index] : [];
          let expected: unknown;
          try {
            expected = api[fn](x, ...args);
          } catch (error) {
            await expect(Promise.resolve().then(() => api[fn](chunked(x, { chunks, cluster: c }), ...args))).rejects.toMatchObject({
              name: (error as Error).name,
            });
            return;
          }
          // the labels on another grid (one block per axis): rechunked to the input's
          const lc = chunked(l, { chunks: shape.map((n) => [n]), cluster: c });
          const got = await api[fn](chunked(x, { chunks, cluster: c }), ...(withLabels ? [lc, index] : []));
          const [e, g] = [flat(expected), flat(got)];
          expect(g.length).toBe(e.length);
          if (EXACT.includes(fn)) {
            expect(g).toEqual(e);
            return;
          }
          g.forEach((v, k) => {
            if (Number.isFinite(e[k])) expect(Math.abs(v - e[k])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(e[k])));
            else expect(v).toEqual(e[k]);
          });
        },
      ),
      { numRuns: 200 },
    );
  }, 240_000);

  it('measures the components of a chunked label, labels never gathered', async () => {
    const n = 12;
    const x = boolArray([n, n], Array.from({ length: n * n }, (_, k) => (Math.floor(k / n) * 5 + (k % n) * 3) % 11 < 4));
    const values = new NDArray(Float64Array.from({ length: n * n }, (_, k) => k % 17), [n, n], 'float64');
    const [labels, count] = label(chunked(x, { chunks: 4, cluster: c })) as [ChunkedArray, Promise<number>];
    const [hostLabels, hostCount] = label(x) as [NDArray, number];
    const index = Array.from({ length: await count }, (_, i) => i + 1);
    expect(index.length).toBe(hostCount);
    const vc = chunked(values, { chunks: 4, cluster: c });
    for (const fn of ['sum', 'maximum', 'centerOfMass', 'extrema']) {
      expect(flat(await api[fn](vc, labels, index))).toEqual(flat(api[fn](values, hostLabels, index)));
    }
  });
});

describe('histogram by labels as a tree reduction', () => {
  type Histogram = (x: unknown, min: number, max: number, bins: number, labels?: unknown, index?: unknown) => unknown;
  const histogram = ndimage.histogram as unknown as Histogram;
  /** A result with arrays as plain lists (null kept). */
  const plain = (r: unknown): unknown => (r instanceof NDArray ? Array.from(r.toTypedArray() as Int32Array) : Array.isArray(r) ? r.map(plain) : r);

  it('random values and labels on random grids, every index form: the host’s counts exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 })
          .chain((shape) =>
            fc.record({
              shape: fc.constant(shape),
              chunks: fc.tuple(...shape.map((n) => fc.array(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: n }).map((s) => split(n, s)))),
              values: fc.array(fc.oneof(fc.double({ min: -1, max: 6, noNaN: true }), fc.constant(Number.NaN)), { minLength: product(shape), maxLength: product(shape) }),
              labels: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: product(shape), maxLength: product(shape) }),
              index: fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: 0, max: 4 }), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 4 })),
              bins: fc.integer({ min: 0, max: 5 }),
            }),
          ),
        async ({ shape, chunks, values, labels, index, bins }) => {
          const x = new NDArray(Float64Array.from(values), shape, 'float64');
          const l = new NDArray(Int32Array.from(labels), shape, 'int32');
          const rest = index === undefined ? [] : [l, index];
          const expected = histogram(x, 0, 5, bins, ...rest);
          const got = await histogram(chunked(x, { chunks, cluster: c }), 0, 5, bins, ...(index === undefined ? [] : [chunked(l, { chunks, cluster: c }), index]));
          expect(plain(got)).toEqual(plain(expected));
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});
