/**
 * Morphology on chunked arrays against the host, on worker threads: random images of 1–3 axes
 * cut into random grids (blocks of 1 included), every binary and grey primitive and
 * composition with random structures, origins, iterations, border values, masks and modes —
 * to the bit. Then the operations that repeat until nothing changes (iterations below 1,
 * binaryPropagation, binaryFillHoles), which converge in rounds across chunks.
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

type AnyFn = (...args: unknown[]) => unknown;
const api = ndimage as unknown as Record<string, AnyFn>;

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

const product = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** A random shape of 1–3 axes (lengths 1–8) and a random grid on it. */
const shapeAndGrid = fc
  .array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 3 })
  .chain((shape) =>
    fc.tuple(fc.constant(shape), fc.tuple(...shape.map((n) => fc.array(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: n }).map((s) => split(n, s))))),
  );

function boolArray(shape: readonly number[], values: readonly boolean[]): NDArray {
  return new NDArray(Uint8Array.from(values, Number), [...shape], 'bool');
}

const bools = (shape: readonly number[], density = 0.5) =>
  fc.array(fc.double({ min: 0, max: 1, noNaN: true }).map((v) => v < density), { minLength: product(shape), maxLength: product(shape) });

/** A random structure of `ndim` axes (each of length 1–3), or undefined for the default. */
const structureOf = (ndim: number) =>
  fc.oneof(
    fc.constant(undefined),
    fc.integer({ min: 1, max: ndim }).map((connectivity) => ndimage.generateBinaryStructure(ndim, connectivity)),
    fc.array(fc.integer({ min: 1, max: 3 }), { minLength: ndim, maxLength: ndim }).chain((s) => bools(s, 0.6).map((v) => boolArray(s, v))),
  );

async function expectSame(fn: string, x: NDArray, chunks: number[][], options: Record<string, unknown>): Promise<void> {
  const expected = api[fn](x, options) as NDArray;
  const xc = chunked(x, { chunks, cluster: c });
  const result = await (api[fn](xc, options) as ChunkedArray).toHost();
  expect(result.dtype).toBe(expected.dtype);
  expect(result.shape).toEqual(expected.shape);
  expect(Array.from(result.data as Uint8Array)).toEqual(Array.from(expected.data as Uint8Array));
}

describe('binary morphology by halo exchange', () => {
  it('erosion, dilation, opening, closing: random structures, iterations, border values, origins and masks', async () => {
    await fc.assert(
      fc.asyncProperty(
        shapeAndGrid.chain(([shape, chunks]) =>
          fc.record({
            shape: fc.constant(shape),
            chunks: fc.constant(chunks),
            values: bools(shape),
            fn: fc.constantFrom('binaryErosion', 'binaryDilation', 'binaryOpening', 'binaryClosing'),
            structure: structureOf(shape.length),
            iterations: fc.integer({ min: 1, max: 3 }),
            borderValue: fc.constantFrom(0, 1),
            mask: fc.option(bools(shape, 0.7), { nil: undefined }),
          }),
        ),
        async ({ shape, chunks, values, fn, structure, iterations, borderValue, mask }) => {
          const options: Record<string, unknown> = { iterations, borderValue };
          if (structure !== undefined) options.structure = structure;
          if (mask !== undefined) options.mask = boolArray(shape, mask);
          await expectSame(fn, boolArray(shape, values), chunks, options);
        },
      ),
      { numRuns: 80 },
    );
  }, 180_000);

  it('origins and axes shift and restrict the window as on the host', async () => {
    const x = boolArray([7, 6], Array.from({ length: 42 }, (_, i) => (i * 7) % 5 !== 0));
    const s = boolArray([2, 3], [true, true, false, false, true, true]);
    for (const fn of ['binaryErosion', 'binaryDilation', 'binaryOpening', 'binaryClosing']) {
      await expectSame(fn, x, [[1, 3, 3], [2, 1, 3]], { structure: s, origin: [-1, 1], iterations: 2 });
      await expectSame(fn, x, [[2, 2, 3], [3, 3]], { axes: [1], structure: [true, false, true], borderValue: 1 });
    }
  }, 60_000);

  it('hit-or-miss with its default and given structures', async () => {
    const x = boolArray([6, 7], Array.from({ length: 42 }, (_, i) => (i * 11) % 3 === 0));
    await expectSame('binaryHitOrMiss', x, [[1, 2, 3], [3, 1, 3]], {});
    await expectSame('binaryHitOrMiss', x, [[2, 2, 2], [3, 4]], {
      structure1: boolArray([3, 3], [false, true, false, false, true, false, false, false, false]),
      structure2: boolArray([3, 3], [true, false, false, false, false, false, false, false, true]),
      origin1: [0, 1],
    });
  }, 60_000);

  it('a non-bool input and a mask given as a chunked array', async () => {
    const x = new NDArray(Float64Array.from({ length: 30 }, (_, i) => (i % 4) - 1), [5, 6], 'float64');
    const mask = boolArray([5, 6], Array.from({ length: 30 }, (_, i) => i % 5 !== 2));
    const expected = ndimage.binaryDilation(x, { mask, iterations: 2 });
    const xc = chunked(x, { chunks: [[2, 3], [1, 2, 3]], cluster: c });
    const mc = chunked(mask, { chunks: 2, cluster: c });
    const result = await ndimage.binaryDilation(xc, { mask: mc, iterations: 2 }).toHost();
    expect(Array.from(result.data as Uint8Array)).toEqual(Array.from(expected.data as Uint8Array));
  });
});

describe('grey morphology by halo exchange', () => {
  const modes = ['reflect', 'constant', 'nearest', 'mirror', 'wrap'] as const;
  it('every primitive and composition, with sizes, footprints, structures, origins and modes', async () => {
    await fc.assert(
      fc.asyncProperty(
        shapeAndGrid.chain(([shape, chunks]) =>
          fc.record({
            shape: fc.constant(shape),
            chunks: fc.constant(chunks),
            values: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: product(shape), maxLength: product(shape) }),
            fn: fc.constantFrom(
              'greyErosion',
              'greyDilation',
              'greyOpening',
              'greyClosing',
              'morphologicalGradient',
              'morphologicalLaplace',
              'whiteTophat',
              'blackTophat',
            ),
            window: fc.oneof(
              fc.integer({ min: 1, max: 4 }).map((size) => ({ size }) as Record<string, unknown>),
              fc.array(fc.integer({ min: 1, max: 3 }), { minLength: shape.length, maxLength: shape.length }).chain((s) =>
                bools(s, 0.7).map((v) => ({ footprint: boolArray(s, [true, ...v.slice(1)]) }) as Record<string, unknown>),
              ),
              fc.array(fc.integer({ min: 1, max: 3 }), { minLength: shape.length, maxLength: shape.length }).map(
                (s) => ({ structure: new NDArray(Float64Array.from({ length: product(s) }, (_, i) => (i % 3) - 1), s, 'float64') }) as Record<string, unknown>,
              ),
            ),
            mode: fc.constantFrom(...modes),
            dtype: fc.constantFrom('float64', 'int16', 'uint8'),
            shiftOrigin: fc.boolean(),
          }),
        ),
        async ({ shape, chunks, values, fn, window, mode, dtype, shiftOrigin }) => {
          const data = dtype === 'float64' ? Float64Array.from(values, (v) => v / 4) : dtype === 'int16' ? Int16Array.from(values) : Uint8Array.from(values, (v) => v + 50);
          const x = new NDArray(data, shape, dtype);
          const options: Record<string, unknown> = { ...window, mode, cval: 3 };
          const windowShape = (window.footprint ?? window.structure) as NDArray | undefined;
          // an origin of −1 is valid along every axis at least 2 long
          if (shiftOrigin && (windowShape?.shape ?? shape.map(() => window.size as number)).every((n) => n >= 2)) options.origin = -1;
          const expected = api[fn](x, options) as NDArray;
          const result = await (api[fn](chunked(x, { chunks, cluster: c }), options) as ChunkedArray).toHost();
          expect(result.dtype).toBe(expected.dtype);
          expect(result.shape).toEqual(expected.shape);
          expect(Array.from(result.data as Float64Array)).toEqual(Array.from(expected.data as Float64Array));
        },
      ),
      { numRuns: 80 },
    );
  }, 180_000);

  it('one mode per axis of a box', async () => {
    const x = new NDArray(Float64Array.from({ length: 42 }, (_, i) => Math.sin(i * 1.7)), [6, 7], 'float64');
    await expectSame('greyClosing', x, [[1, 2, 3], [3, 1, 3]], { size: [3, 2], mode: ['wrap', 'mirror'] });
    await expectSame('whiteTophat', x, [[2, 2, 2], [2, 5]], { size: 3, mode: ['constant', 'reflect'], cval: -1 });
  });
});

describe('repeated until nothing changes: rounds of halo exchange across chunks', () => {
  it('iterations below 1, binaryPropagation and binaryFillHoles on random grids', async () => {
    await fc.assert(
      fc.asyncProperty(
        shapeAndGrid.chain(([shape, chunks]) =>
          fc.record({
            shape: fc.constant(shape),
            chunks: fc.constant(chunks),
            values: bools(shape, 0.3),
            fn: fc.constantFrom('binaryErosion', 'binaryDilation', 'binaryPropagation', 'binaryFillHoles'),
            iterations: fc.constantFrom(0, -1),
            structure: fc.option(fc.integer({ min: 1, max: shape.length }).map((k) => ndimage.generateBinaryStructure(shape.length, k)), { nil: undefined }),
            mask: fc.option(bools(shape, 0.7), { nil: undefined }),
          }),
        ),
        async ({ shape, chunks, values, fn, iterations, structure, mask }) => {
          const options: Record<string, unknown> = {};
          if (structure !== undefined) options.structure = structure;
          if (fn !== 'binaryFillHoles' && mask !== undefined) options.mask = boolArray(shape, mask);
          if (fn === 'binaryErosion' || fn === 'binaryDilation') options.iterations = iterations;
          await expectSame(fn, boolArray(shape, values), chunks, options);
        },
      ),
      { numRuns: 60 },
    );
  }, 180_000);

  it('a seed propagates through a maze of 1-wide blocks, around corners and diagonally across block corners', async () => {
    // a diagonal staircase of foreground: 8-connected only, crossing a block corner at every step
    const n = 9;
    const mask = boolArray([n, n], Array.from({ length: n * n }, (_, k) => Math.floor(k / n) === k % n || Math.floor(k / n) === (k % n) + 1));
    const seed = boolArray([n, n], Array.from({ length: n * n }, (_, k) => k === 0));
    const options = { mask, structure: ndimage.generateBinaryStructure(2, 2) };
    const expected = ndimage.binaryPropagation(seed, options);
    expect(Array.from(expected.data as Uint8Array)).toEqual(Array.from(mask.data as Uint8Array));
    for (const chunks of [1, 2, 3, [[4, 5], [1, 8]]] as const) {
      const result = await ndimage.binaryPropagation(chunked(seed, { chunks: chunks as never, cluster: c }), options).toHost();
      expect(Array.from(result.data as Uint8Array)).toEqual(Array.from(expected.data as Uint8Array));
    }
  });

  it('fills holes whose border crosses many blocks', async () => {
    const n = 12;
    // a ring with a hole in the middle, and a ring broken open
    const ring = (i: number, j: number) => Math.max(Math.abs(i - 4), Math.abs(j - 4)) === 3;
    const broken = (i: number, j: number) => Math.max(Math.abs(i - 8), Math.abs(j - 8)) === 2 && !(i === 10 && j === 8);
    const x = boolArray([n, n], Array.from({ length: n * n }, (_, k) => ring(Math.floor(k / n), k % n) || broken(Math.floor(k / n), k % n)));
    const expected = ndimage.binaryFillHoles(x);
    const result = await ndimage.binaryFillHoles(chunked(x, { chunks: [1, 2], cluster: c })).toHost();
    expect(Array.from(result.data as Uint8Array)).toEqual(Array.from(expected.data as Uint8Array));
    expect((expected.data as Uint8Array)[4 * n + 4]).toBe(1);
    expect((expected.data as Uint8Array)[8 * n + 8]).toBe(0);
  });
});
