import { ChunkedArray, type Cluster, chunked, cluster, isChunked } from '@sciport/backend-cluster';
import { arrayNamespace, asarray, hostNamespace as hx, type NDArray } from '@sciport/array-api';
import {
  BackendNotImplementedError,
  explain,
  InvalidArgumentError,
  NAMESPACE_KEY,
  NamespaceMismatchError,
  NotSupportedError,
  ShapeError,
  withBackend,
} from '@sciport/dispatch-core';
import { fft, fft2, fftfreq, fftn, fftshift, ifft2, ifftn, ifftshift, irfftn, rfftn } from '@sciport/fft';
import fc from 'fast-check';
import { COMPLETE_SPECTRUM } from '../src/runtime/task-names.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MARKER = new URL('./fixtures/marker-backend.mjs', import.meta.url).href;

let c: Cluster;
beforeAll(async () => {
  c = await cluster.local({ workers: 2, modules: [MARKER] });
});
afterAll(async () => {
  await c.close();
});

/** Deterministic test data: values i*0.5 - 3 in C order. */
function ramp(shape: number[], dtype: 'float64' | 'float32' | 'int32' | 'complex128' = 'float64'): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: n }, (_, i) => ((i * 7) % 11) * 0.5 - 2);
  if (dtype === 'complex128') {
    const data = new Float64Array(2 * n);
    values.forEach((v, i) => {
      data[2 * i] = v;
      data[2 * i + 1] = -v / 3;
    });
    return asarray(data, { dtype, shape });
  }
  return asarray(dtype === 'int32' ? values.map(Math.round) : values, { dtype, shape });
}

async function same(actual: ChunkedArray, expected: NDArray, rtol = 0): Promise<void> {
  expect(isChunked(actual)).toBe(true);
  expect(actual.shape).toEqual(expected.shape);
  expect(actual.dtype).toBe(expected.dtype);
  const got = await actual.toHost();
  if (rtol === 0) {
    expect(got.toArray()).toEqual(expected.toArray());
    return;
  }
  const a = got.toTypedArray() as Float64Array;
  const b = expected.toTypedArray() as Float64Array;
  let scale = 0;
  for (const v of b) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  expect(a.length).toBe(b.length);
  expect(worst).toBeLessThanOrEqual(rtol * Math.max(scale, 1));
}

interface RecordedTask {
  readonly fn: string;
  readonly params: any;
  readonly outputs?: readonly { readonly shape: readonly number[] }[];
}

/** Runs `body` with every task the cluster's executor is given appended to the list it gets. */
async function recordingTasks<T>(body: (tasks: RecordedTask[]) => Promise<T>): Promise<T> {
  const tasks: RecordedTask[] = [];
  const executor = c.executor as { run: (task: any) => Promise<any> };
  const run = executor.run;
  executor.run = (task) => {
    tasks.push(task);
    return run.call(executor, task);
  };
  try {
    return await body(tasks);
  } finally {
    executor.run = run;
  }
}

describe('chunked()', () => {
  it('splits an array into blocks (dask-style chunks) and gathers it back', async () => {
    const x = ramp([5, 7]);
    const xc = chunked(x, { chunks: [2, 3], cluster: c });
    expect(xc.chunks).toEqual([
      [2, 2, 1],
      [3, 3, 1],
    ]);
    expect(xc.numblocks).toEqual([3, 3]);
    expect(xc.blocks.length).toBe(9);
    await same(xc, x);
  });

  it('accepts explicit block lengths, -1/null for a whole axis, one size for all axes, and auto', () => {
    const x = ramp([6, 4]);
    expect(chunked(x, { chunks: [[1, 5], -1], cluster: c }).chunks).toEqual([[1, 5], [4]]);
    expect(chunked(x, { chunks: [null, 3], cluster: c }).chunks).toEqual([[6], [3, 1]]);
    expect(chunked(x, { chunks: 4, cluster: c }).chunks).toEqual([[4, 2], [4]]);
    expect(chunked(x, { cluster: c }).chunks).toEqual([[6], [4]]);
  });

  it('round-trips every dtype, including complex, int64 and bool, and strided views', async () => {
    for (const [values, dtype] of [
      [[1, 2, 3, 4, 5, 6], 'int64'],
      [[1, 0, 1, 1, 0, 0], 'bool'],
      [[1.5, -2, 3, 4, 5, 6], 'float32'],
      [[250, 1, 2, 3, 4, 5], 'uint8'],
    ] as const) {
      const x = asarray(values as unknown as number[], { dtype, shape: [2, 3] });
      await same(chunked(x, { chunks: [1, 2], cluster: c }), x);
    }
    const z = ramp([3, 4], 'complex128');
    await same(chunked(z, { chunks: [2, 3], cluster: c }), z);
    const t = ramp([4, 3]).T;
    await same(chunked(t, { chunks: [2, 2], cluster: c }), hx.asarray(t, { copy: true }));
  });

  it('rejects a missing cluster and chunks that do not split the array', () => {
    const x = ramp([4]);
    expect(() => chunked(x, undefined as never)).toThrow(InvalidArgumentError);
    expect(() => chunked(x, { cluster: {} as never })).toThrow(/needs a cluster/);
    expect(() => chunked(x, { chunks: [[1, 2]], cluster: c })).toThrow(ShapeError);
    expect(() => chunked(x, { chunks: [2, 2], cluster: c })).toThrow(/one entry per axis/);
    expect(() => chunked(x, { chunks: 0, cluster: c })).toThrow(InvalidArgumentError);
  });

  it('rechunks to any grid without changing values (property)', async () => {
    const shapeArb = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 0, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(shapeArb, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), async (shape, a, b) => {
        const x = ramp(shape);
        const xc = chunked(x, { chunks: shape.map(() => a), cluster: c });
        const yc = xc.rechunk(shape.map(() => b));
        expect(yc.chunks).toEqual(shape.map((n) => (n === 0 ? [0] : Array.from({ length: Math.ceil(n / b) }, (_, i) => Math.min(b, n - i * b)))));
        expect((await yc.toHost()).toArray()).toEqual(x.toArray());
      }),
      { numRuns: 25 },
    );
  });

  it('recycles the shared memory of dead chunks without touching live ones', async () => {
    const x = ramp([256, 1024]);
    const xc = chunked(x, { chunks: [64, -1], cluster: c });
    const ns = arrayNamespace(xc);
    const kept: [number, ChunkedArray][] = [];
    // ~500 MB of short-lived 2 MB results: enough for the collector to run and the pool to refill.
    for (let i = 0; i < 120; i++) {
      const y = ns.multiply(xc, i);
      if (i % 20 === 0) kept.push([i, y]);
      await y.persist();
    }
    for (const [i, y] of kept) expect((await y.toHost()).toArray()).toEqual(hx.multiply(x, i).toArray());
  });

  it('reports progress and persists', async () => {
    const xc = chunked(ramp([8, 8]), { chunks: [2, 8], cluster: c });
    const yc = arrayNamespace(xc).abs(xc);
    const seen: number[] = [];
    yc.on('progress', (p) => {
      expect(p.total).toBe(4);
      seen.push(p.done);
    });
    expect(await yc.persist()).toBe(yc);
    expect(yc.progress).toEqual({ done: 4, total: 4 });
    expect(seen.at(-1)).toBe(4);
  });

  it('has T, mT, rechunk, toHost and the namespace key from the package entry, like class members', async () => {
    // array-methods.ts installs them on the prototype; the entry imports it.
    const members = ['T', 'mT', 'rechunk', 'toHost', NAMESPACE_KEY] as const;
    for (const key of members) expect(Object.getOwnPropertyDescriptor(ChunkedArray.prototype, key)?.enumerable).toBe(false);
    const x = ramp([2, 3]);
    const xc = chunked(x, { chunks: [1, 2], cluster: c });
    const enumerated: string[] = [];
    for (const key in xc) enumerated.push(key);
    expect(enumerated).not.toContain('toHost');
    await same(xc.T, hx.permuteDims(x, [1, 0]));
    await same(xc.mT, hx.matrixTranspose(x));
    expect(xc.rechunk(1).numblocks).toEqual([2, 3]);
    expect(xc[NAMESPACE_KEY]()).toBe(arrayNamespace(xc));
    expect(() => chunked(ramp([3]), { cluster: c }).T).toThrow(InvalidArgumentError);
  });
});

describe('the chunked ArrayNamespace', () => {
  const xp = () => chunked(ramp([1]), { cluster: c })[Symbol.for('sciport.namespace')]() as ReturnType<typeof arrayNamespace<ChunkedArray>>;

  it('is what arrayNamespace returns for chunked arrays; mixing kinds is an error', () => {
    const xc = chunked(ramp([3]), { cluster: c });
    expect(arrayNamespace(xc).kind).toBe('chunked');
    expect(() => arrayNamespace(xc, ramp([3]))).toThrow(NamespaceMismatchError);
  });

  it('elementwise functions broadcast across blocks of different grids', async () => {
    const a = ramp([6, 5]);
    const b = ramp([5]);
    const ac = chunked(a, { chunks: [4, 2], cluster: c });
    const bc = chunked(b, { chunks: [3], cluster: c });
    const ns = xp();
    await same(ns.add(ac, bc), hx.add(a, b));
    await same(ns.multiply(ac, 2.5), hx.multiply(a, 2.5));
    await same(ns.subtract(1, ac), hx.subtract(1, a));
    await same(ns.sqrt(ns.abs(ac)), hx.sqrt(hx.abs(a)));
    await same(ns.greater(ac, bc), hx.greater(a, b));
    const col = ramp([6, 1]);
    await same(ns.maximum(ac, chunked(col, { chunks: [5, 1], cluster: c })), hx.maximum(a, col));
    const i = ramp([6, 5], 'int32');
    await same(ns.add(chunked(i, { chunks: [3, 3], cluster: c }), ac), hx.add(i, a));
    await same(ns.astype(ac, 'float32'), hx.astype(a, 'float32'));
    await same(ns.where(ns.greater(ac, 0), ac, -1), hx.where(hx.greater(a, 0), a, -1));
    await same(ns.clip(ac, -1, 1), hx.clip(a, -1, 1));
    expect(() => ns.add(ac, chunked(ramp([4]), { cluster: c }))).toThrow(ShapeError);
  });

  it('reductions are tree reductions and agree with the host', async () => {
    const a = ramp([7, 9, 3]);
    const ac = chunked(a, { chunks: [2, 4, 2], cluster: c });
    const ns = xp();
    for (const axis of [undefined, 0, 1, -1, [0, 2]] as const) {
      for (const keepdims of [false, true]) {
        const o = { axis: axis as never, keepdims };
        await same(ns.sum(ac, o), hx.sum(a, o), 1e-14);
        await same(ns.max(ac, o), hx.max(a, o));
        await same(ns.min(ac, o), hx.min(a, o));
        await same(ns.mean(ac, o), hx.mean(a, o), 1e-14);
        await same(ns.var(ac, { ...o, correction: 1 }), hx.var(a, { ...o, correction: 1 }), 1e-13);
        await same(ns.std(ac, o), hx.std(a, o), 1e-13);
        await same(ns.prod(ac, o), hx.prod(a, o), 1e-13);
        await same(ns.any(ac, o), hx.any(a, o));
        await same(ns.all(ac, o), hx.all(a, o));
        await same(ns.countNonzero(ac, o), hx.countNonzero(a, o));
      }
    }
    const z = ramp([5, 4], 'complex128');
    const zc = chunked(z, { chunks: [2, 3], cluster: c });
    await same(ns.sum(zc, { axis: 0 }), hx.sum(z, { axis: 0 }), 1e-14);
    await same(ns.var(zc), hx.var(z), 1e-13);
  });

  it('axis-wise functions run on whole axes', async () => {
    const a = ramp([6, 7]);
    const ac = chunked(a, { chunks: [4, 3], cluster: c });
    const ns = xp();
    await same(ns.argmax(ac, { axis: 1 }), hx.argmax(a, { axis: 1 }));
    await same(ns.argmin(ac, { axis: 0, keepdims: true }), hx.argmin(a, { axis: 0, keepdims: true }));
    await same(ns.argmax(ac), hx.argmax(a));
    await same(ns.sort(ac, { axis: 0 }), hx.sort(a, { axis: 0 }));
    await same(ns.argsort(ac), hx.argsort(a));
    await same(ns.cumulativeSum(ac, { axis: 1 }), hx.cumulativeSum(a, { axis: 1 }));
    await same(ns.diff(ac, { axis: 0, n: 2 }), hx.diff(a, { axis: 0, n: 2 }));
    await same(ns.diff(ac, { prepend: 0 }), hx.diff(a, { prepend: 0 }));
    const idx = asarray([3, 0, 6, 6], { dtype: 'int64' });
    await same(ns.take(ac, chunked(idx, { cluster: c }), { axis: 1 }), hx.take(a, idx, { axis: 1 }));
    await same(ns.repeat(ac, 2, { axis: 0 }), hx.repeat(a, 2, { axis: 0 }));
    expect(() => ns.nonzero(ac)).toThrow(NotSupportedError);
    expect(() => ns.uniqueValues(ac)).toThrow(NotSupportedError);
  });

  it('manipulation reuses or moves blocks and agrees with the host', async () => {
    const a = ramp([4, 6, 5]);
    const ac = chunked(a, { chunks: [3, 4, 2], cluster: c });
    const ns = xp();
    await same(ns.permuteDims(ac, [2, 0, 1]), hx.permuteDims(a, [2, 0, 1]));
    await same(ns.moveaxis(ac, 0, -1), hx.moveaxis(a, 0, -1));
    await same(ns.reshape(ac, [4, 30]), hx.reshape(a, [4, 30]));
    await same(ns.reshape(ac, [-1]), hx.reshape(a, [-1]));
    await same(ns.reshape(ac, [2, 2, 3, 10]), hx.reshape(a, [2, 2, 3, 10]));
    await same(ns.expandDims(ac, 1), hx.expandDims(a, 1));
    await same(ns.squeeze(ns.expandDims(ac, 0), 0), a);
    await same(ns.flip(ac, { axis: [0, 2] }), hx.flip(a, { axis: [0, 2] }));
    await same(ns.flip(ac), hx.flip(a));
    await same(ns.roll(ac, [2, -3], { axis: [1, 2] }), hx.roll(a, [2, -3], { axis: [1, 2] }));
    await same(ns.roll(ac, 7), hx.roll(a, 7));
    await same(ns.concat([ac, ac], { axis: 1 }), hx.concat([a, a], { axis: 1 }));
    await same(ns.concat([ac, ac], { axis: null }), hx.concat([a, a], { axis: null }));
    await same(ns.stack([ac, ac, ac], { axis: 1 }), hx.stack([a, a, a], { axis: 1 }));
    await same(ns.tile(ac, [2, 1, 2]), hx.tile(a, [2, 1, 2]));
    await same(ns.broadcastTo(chunked(ramp([1, 5]), { cluster: c }), [3, 4, 5]), hx.broadcastTo(ramp([1, 5]), [3, 4, 5]));
    const parts = ns.unstack(ac, { axis: 1 });
    expect(parts.length).toBe(6);
    await same(parts[4], hx.unstack(a, { axis: 1 })[4]);
    expect(() => ns.reshape(ac, [7, 7])).toThrow(ShapeError);
    expect(() => ns.permuteDims(ac, [0, 0, 1])).toThrow(InvalidArgumentError);
  });

  it('matmul by blocks, with stacks and vectors; vecdot and tensordot', async () => {
    const a = ramp([7, 5]);
    const b = ramp([5, 6]);
    const ns = xp();
    const ac = chunked(a, { chunks: [3, 2], cluster: c });
    const bc = chunked(b, { chunks: [3, 4], cluster: c });
    await same(ns.matmul(ac, bc), hx.matmul(a, b), 1e-14);
    const v = ramp([5]);
    await same(ns.matmul(ac, chunked(v, { chunks: [2], cluster: c })), hx.matmul(a, v), 1e-14);
    await same(ns.matmul(chunked(ramp([7]), { cluster: c }), ac), hx.matmul(ramp([7]), a), 1e-14);
    const s = ramp([3, 4, 5]);
    const t = ramp([3, 5, 2]);
    await same(ns.matmul(chunked(s, { chunks: [2, 3, 2], cluster: c }), chunked(t, { chunks: [1, 4, 2], cluster: c })), hx.matmul(s, t), 1e-14);
    await same(ns.vecdot(ac, ac), hx.vecdot(a, a), 1e-14);
    await same(ns.tensordot(chunked(s, { cluster: c }), chunked(t, { cluster: c }), { axes: [[0, 2], [0, 1]] }), hx.tensordot(s, t, { axes: [[0, 2], [0, 1]] }), 1e-14);
    expect(() => ns.matmul(ac, ac)).toThrow(ShapeError);
  });

  it('creation functions', async () => {
    const ns = xp();
    await same(ns.zeros([3, 4]), hx.zeros([3, 4]));
    await same(ns.ones([5], { dtype: 'int32' }), hx.ones([5], { dtype: 'int32' }));
    await same(ns.full([2, 2], 7.5), hx.full([2, 2], 7.5));
    await same(ns.arange(2, 11, 3), hx.arange(2, 11, 3));
    await same(ns.linspace(0, 1, 5), hx.linspace(0, 1, 5));
    await same(ns.eye(4, 5, { k: 1 }), hx.eye(4, 5, { k: 1 }));
    const a = ramp([6, 6]);
    const ac = chunked(a, { chunks: [4, 4], cluster: c });
    await same(ns.tril(ac, { k: -1 }), hx.tril(a, { k: -1 }));
    await same(ns.triu(ac), hx.triu(a));
    await same(ns.zerosLike(ac), hx.zerosLike(a));
    const [gx, gy] = ns.meshgrid(ns.arange(0, 3), ns.arange(0, 2));
    const [hxg, hyg] = hx.meshgrid(hx.arange(0, 3), hx.arange(0, 2));
    await same(gx, hxg);
    await same(gy, hyg);
  });
});

describe('@sciport/fft on chunked arrays', () => {
  it('returns a ChunkedArray at once, chosen by the cluster backend', async () => {
    const x = ramp([16, 12]);
    const xc = chunked(x, { chunks: [8, 4], cluster: c });
    const record = explain(fft2, xc);
    expect(record.chosen).toBe('cluster');
    const yc = fft2(xc);
    expect(isChunked(yc)).toBe(true);
    expect(yc.shape).toEqual([16, 12]);
    expect(yc.dtype).toBe('complex128');
    await same(yc, fft2(x), 1e-14);
    // The host path is untouched by the registered cluster backend.
    expect(explain(fft, x).chosen).not.toBe('cluster');
  });

  it('large blocks run in cache-sized slabs, with and without a fused rechunk', async () => {
    // 8 MB blocks: each task works through 1 MB slabs (views or assembled pieces).
    const x = ramp([2048, 1024]);
    await same(fft2(chunked(x, { chunks: [1024, 512], cluster: c })), fft2(x), 1e-14);
    const rows = chunked(x, { chunks: [512, -1], cluster: c });
    await same(fft(rows), fft(x), 1e-14);
    await same(fft(rows, { axis: 0 }), fft(x, { axis: 0 }), 1e-14);
    await same(arrayNamespace(rows).cumulativeSum(rows, { axis: 1 }), hx.cumulativeSum(x, { axis: 1 }), 1e-14);
  });

  it('each pass of an n-D transform writes its output in the blocks the next pass reads', async () => {
    const x = hx.astype(ramp([64, 48]), 'complex128');
    const tasks = await recordingTasks(async (recorded) => {
      await same(fft2(chunked(x, { chunks: [16, 16], cluster: c })), fft2(x), 1e-14);
      return recorded;
    });
    const rowPass = tasks.filter((t) => t.params?.args?.[1]?.axis === 1);
    const columnPass = tasks.filter((t) => t.params?.args?.[1]?.axis === 0);
    expect(rowPass.length).toBeGreaterThan(0);
    expect(columnPass.length).toBeGreaterThan(0);
    // Row tasks split their rows into the column bands the column pass works on ...
    const bands = columnPass.map((t) => t.outputs?.[0].shape[1]);
    expect(bands.length).toBeGreaterThan(1);
    for (const t of rowPass) {
      expect(t.params.boxes.length).toBe(bands.length);
      expect(t.outputs?.map((o) => o.shape[1])).toEqual(bands);
    }
    // ... so every piece a column task gathers is a whole block of the row pass.
    for (const t of columnPass) {
      for (const piece of t.params.gather.pieces) expect(piece.srcStart).toEqual([0, 0]);
    }
  });

  it('fft2 of real input: real FFTs of the rows, then column FFTs of the half spectrum, each band writing its mirror image', async () => {
    const x = ramp([64, 48]);
    const tasks = await recordingTasks(async (recorded) => {
      await same(fft2(chunked(x, { chunks: [16, 16], cluster: c })), fft2(x));
      return recorded;
    });
    const rowPass = tasks.filter((t) => t.params?.id === 'sciport.fft.rfft');
    const columnPass = tasks.filter((t) => t.fn === COMPLETE_SPECTRUM);
    expect(rowPass.length + columnPass.length).toBe(tasks.length);
    // the bands of the half spectrum (25 columns), and the mirror images of the other 23
    const bands = columnPass.map((t) => t.outputs?.[0].shape[1] as number);
    expect(bands.length).toBeGreaterThan(1);
    expect(bands.reduce((a, b) => a + b, 0)).toBe(25);
    expect(columnPass.reduce((a, t) => a + ((t.outputs?.[1]?.shape[1] as number | undefined) ?? 0), 0)).toBe(23);
    for (const t of columnPass) {
      expect(t.params.call.args[1].axes).toEqual([0]);
      for (const piece of t.params.call.gather.pieces) expect(piece.srcStart).toEqual([0, 0]);
    }
    for (const t of rowPass) expect(t.outputs?.map((o) => o.shape[1])).toEqual(bands);
  });

  it('fft/fftn/ifftn of real input equal the host to the bit over uneven blocks, axes, lengths and norms', async () => {
    const x2 = ramp([33, 20]);
    const x3 = ramp([6, 9, 8]);
    const cases: [ChunkedArray, NDArray][] = [
      [fft2(chunked(x2, { chunks: [[10, 23], [7, 13]], cluster: c })), fft2(x2)],
      [ifft2(chunked(x2, { chunks: [8, 8], cluster: c }), { norm: 'ortho' }), ifft2(x2, { norm: 'ortho' })],
      [fftn(chunked(x3, { chunks: [4, 5, 3], cluster: c })), fftn(x3)],
      [ifftn(chunked(x3, { chunks: [2, 9, 8], cluster: c }), { norm: 'forward' }), ifftn(x3, { norm: 'forward' })],
      [fftn(chunked(x3, { chunks: [3, 3, 3], cluster: c }), { axes: [2, 0], s: [5, 11] }), fftn(x3, { axes: [2, 0], s: [5, 11] })],
      [fft2(chunked(x2, { chunks: [5, 5], cluster: c }), { s: [7, 1] }), fft2(x2, { s: [7, 1] })],
      [fft2(chunked(x2, { chunks: [5, 5], cluster: c }), { s: [4, 2] }), fft2(x2, { s: [4, 2] })],
    ];
    for (const [got, want] of cases) await same(got, want);
  });

  it('sends the tasks whose input blocks exist during the call, the later passes when their inputs do', async () => {
    const x = ramp([32, 24]);
    const xc = await chunked(x, { chunks: [8, 8], cluster: c }).persist();
    await recordingTasks(async (sent) => {
      const y = fft2(xc);
      // Still inside the caller's turn: the row pass is out, the column pass waits for it.
      const rowTasks = sent.length;
      expect(rowTasks).toBeGreaterThan(0);
      await same(y, fft2(x), 1e-14);
      expect(sent.length).toBeGreaterThan(rowTasks);
    });
  });

  it('n-D transforms with uneven blocks, changed lengths and slabs agree with the host', async () => {
    const x = ramp([13, 9, 22]);
    const xc = chunked(x, { chunks: [[5, 8], [4, 5], [7, 7, 8]], cluster: c });
    await same(fftn(xc), fftn(x), 1e-13);
    await same(rfftn(xc, { s: [10, 9, 15] }), rfftn(x, { s: [10, 9, 15] }), 1e-13);
    const spectrum = rfftn(x);
    await same(irfftn(chunked(spectrum, { chunks: [[6, 7], [9], [4, 4, 4]], cluster: c }), { s: [13, 9, 22] }), irfftn(spectrum, { s: [13, 9, 22] }), 1e-13);
    // Blocks large enough to run in slabs while writing several output blocks.
    const big = ramp([512, 768]);
    await same(fft2(chunked(big, { chunks: [128, 256], cluster: c })), fft2(big), 1e-13);
  });

  it('namespace-generic helpers run unchanged (fftshift, ifftshift, fftfreq)', async () => {
    const x = ramp([5, 8]);
    const xc = chunked(x, { chunks: [2, 3], cluster: c });
    await same(fftshift(xc) as unknown as ChunkedArray, fftshift(x));
    await same(ifftshift(xc, { axes: 1 } as never) as unknown as ChunkedArray, ifftshift(x, { axes: 1 } as never));
    const f = fftfreq(9, 0.5, { like: xc } as never) as unknown as ChunkedArray;
    await same(f, fftfreq(9, 0.5));
  });

  it("carries the caller's dispatch scope into the workers", async () => {
    const xc = chunked(ramp([2, 4]), { chunks: [1, 4], cluster: c });
    await import(MARKER);
    const yc = withBackend('test-marker', () => fft(xc));
    const y = await yc.toHost();
    expect(Array.from(y.toTypedArray() as Float64Array).every((v) => v === 42)).toBe(true);
    // Outside the scope the workers use the default again.
    const plain = await fft(xc).toHost();
    expect(plain.get(0, 0)).not.toEqual([42, 42]);
  });

  it("takes a per-call { backend: 'cluster' } and refuses it for host arrays (they have no cluster)", async () => {
    const x = ramp([4, 6]);
    const xc = chunked(x, { chunks: [2, 3], cluster: c });
    await same(fft(xc, { backend: 'cluster' }), fft(x), 1e-15);
    expect(() => fft(x, { backend: 'cluster' })).toThrow(BackendNotImplementedError);
  });

  it("says how to chunk a host array given { backend: 'cluster' }, in explain() and in the error", () => {
    const x = ramp([4, 6]);
    const hint = 'chunk it explicitly with chunked(x, { cluster }) from @sciport/backend-cluster';
    const [candidate] = explain(fft, x, { backend: 'cluster' }).candidates;
    expect(candidate).toMatchObject({ backend: 'cluster', verdict: 'declined' });
    expect(candidate.reason).toContain('a host array cannot be chunked implicitly, because the cluster to use is unknown');
    expect(candidate.reason).toContain(hint);
    expect(() => fft(x, { backend: 'cluster' })).toThrow(hint);
    // Allowing conversions does not help: there is still no cluster to chunk onto.
    expect(() => withBackend('cluster', () => fft2(x), { only: true, coerce: true })).toThrow(hint);
  });

  it('fails with a typed error for bad options, at the call', () => {
    const xc = chunked(ramp([4, 4]), { cluster: c });
    expect(() => fft(xc, { axis: 2 })).toThrow(InvalidArgumentError);
    expect(() => fft2(xc, { s: [0, 4] })).toThrow(InvalidArgumentError);
    expect(() => fft(xc, { norm: 'bogus' as never })).toThrow(InvalidArgumentError);
  });
});
