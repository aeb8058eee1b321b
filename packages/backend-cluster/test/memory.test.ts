/**
 * Chunk memory on a local cluster: released blocks go back to the pool at once (dispose,
 * intermediates of n-D transforms), only pool memory is ever recycled, and workers write
 * slab results straight into the output chunk.
 */
import { type ChunkedArray, type Cluster, chunked, ClusterError, cluster } from '@sciport/backend-cluster';
import { NDArray } from '@sciport/array-api';
import { fft, fft2, ifft2, rfft } from '@sciport/fft';
import { withInputFill, withResultMemory } from '@sciport/fft/backend-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortExecutor } from '../src/executor/port-executor.js';
import '../src/fft/worker.js';
import '../src/runtime/builtin-tasks.js';
import { CALL, COMPLETE_SPECTRUM, XP } from '../src/runtime/task-names.js';
import { registerHostMemory } from '../src/runtime/host-memory.js';
import { runTask } from '../src/runtime/run-task.js';
import { runInSlabs } from '../src/runtime/split.js';
import { allocateChunk, type ChunkData } from '../src/protocol/chunk-data.js';

let c: Cluster;
let pool: PortExecutor['pool'];
beforeAll(async () => {
  c = await cluster.local({ workers: 2 });
  pool = (c.executor as PortExecutor).pool;
});
afterAll(async () => {
  await c.close();
});

function random(shape: number[], seed = 1): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = s / 2 ** 32 - 0.5;
  }
  return new NDArray(data, shape, 'float64');
}

/** A host array's memory as a chunk (C-contiguous arrays only). */
const chunk = (x: NDArray): ChunkData => ({ dtype: x.dtype, shape: x.shape, data: x.data as Float64Array });

/** Gather parameters for a [2·half, cols] block assembled from two row pieces, inputs 0 and 1. */
function twoRowPieces(dtype: string, half: number, cols: number) {
  return {
    count: 2,
    dtype,
    shape: [2 * half, cols],
    pieces: [
      { input: 0, srcStart: [0, 0], dstStart: [0, 0], extent: [half, cols] },
      { input: 1, srcStart: [0, 0], dstStart: [half, 0], extent: [half, cols] },
    ],
  };
}

/** Blocks are released once their chunk exists: a turn of the event loop. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function expectSame(y: ChunkedArray, expected: NDArray): Promise<void> {
  const got = await y.toHost();
  expect(got.shape).toEqual(expected.shape);
  expect(Array.from(got.toTypedArray() as Float64Array)).toEqual(Array.from(expected.toTypedArray() as Float64Array));
}

describe('dispose', () => {
  it('returns the blocks to the pool at once, and the next task reuses them', async () => {
    pool.clear();
    const x = chunked(random([64, 32]), { chunks: [16, 32], cluster: c });
    const y = await fft(x).persist();
    const before = pool.bytesFree;
    y.dispose();
    await settle();
    expect(pool.bytesFree - before).toBe(64 * 32 * 16);
    await fft(x).persist();
    expect(pool.bytesFree).toBe(before);
  });

  it('a disposed array throws a ClusterError when used; dispose twice is harmless', async () => {
    const x = chunked(random([8, 8]), { chunks: [4, 8], cluster: c });
    x.dispose();
    x.dispose();
    expect(() => fft(x)).toThrow(ClusterError);
    await expect(x.toHost()).rejects.toThrow(/disposed/);
  });

  it('disposing an input right after submitting work does not disturb the running tasks', async () => {
    const host = random([256, 128], 7);
    for (let i = 0; i < 5; i++) {
      const x = chunked(host, { chunks: [32, 64], cluster: c });
      const y = fft2(x);
      x.dispose();
      // New work that takes pooled memory while y's tasks may still read x's blocks.
      const z = fft(chunked(random([256, 128], i), { chunks: [32, 128], cluster: c }));
      await expectSame(y, fft2(host));
      await expectSame(z, fft(random([256, 128], i)));
    }
  });

  it('`using` disposes at the end of the scope', async () => {
    pool.clear();
    const before = pool.bytesFree;
    {
      using y = await fft(chunked(random([32, 16]), { chunks: [8, 16], cluster: c })).persist();
      expect(y.shape).toEqual([32, 16]);
    }
    await settle();
    expect(pool.bytesFree).toBeGreaterThan(before);
  });

  it("never recycles the caller's own shared memory", async () => {
    const shared = new Float64Array(new SharedArrayBuffer(8 * 64)).map((_, i) => i);
    // put() keeps a chunk already in shared memory as it is (no copy): it is not the pool's.
    const ref = c.put({ dtype: 'float64', shape: [64], data: shared });
    c.executor.release(ref);
    const taken = [1, 2, 3].map(() => pool.take('float64', [64]).chunk.data.buffer);
    expect(taken).not.toContain(shared.buffer);
    // chunked() copies the host array into pool memory, which does come back.
    const before = pool.bytesFree;
    chunked(new NDArray(shared, [64], 'float64'), { chunks: [64], cluster: c }).dispose();
    await settle();
    expect(pool.bytesFree).toBe(before + 8 * 64);
    expect(shared[5]).toBe(5);
  });
});

describe('results that view memory the host owns', () => {
  it('come back as new chunks, so recycling their source cannot change them', async () => {
    const input = c.put({ dtype: 'float64', shape: [4, 6], data: random([4, 6], 9).data as Float64Array });
    // No planned output: reshape returns a view of its input, which the worker must not hand back as is.
    const [ref] = await c.run({ fn: XP, inputs: [input], params: { op: 'reshape', args: [{ $input: 0 }, [24]] } });
    const source = await c.get(input);
    const result = await c.get(ref);
    const expected = Array.from(source.data);
    c.executor.release(input);
    pool.take('float64', [4, 6]).chunk.data.fill(-1);
    expect(Array.from(result.data)).toEqual(expected);
  });
});

describe('n-D transforms', () => {
  it('free the intermediate pass once the next pass has read it', async () => {
    pool.clear();
    const host = random([128, 128], 3);
    const x = chunked(host, { chunks: [32, 32], cluster: c });
    const y = await fft2(x).persist();
    // The row pass's output (real input: the half spectrum, 128×65 complex) is back in the pool,
    // without a garbage collection.
    expect(pool.bytesFree).toBeGreaterThanOrEqual(128 * 65 * 16);
    await expectSame(y, fft2(host));
    pool.clear();
    const z = await ifft2(y).persist();
    // complex input: the row pass's output is 128×128 complex
    expect(pool.bytesFree).toBeGreaterThanOrEqual(128 * 128 * 16);
    await expectSame(z, ifft2(fft2(host)));
  });
});

describe('the spectrum of real input, block by block', () => {
  // fft2 of a real 8×6 array from a band of its half spectrum (rfft along axis 1: 8×4)
  const x = random([8, 6], 21);
  const full = fft2(x).data as Float64Array;
  const half = rfft(x, { axis: 1 }).data as Float64Array;
  const columns = (data: Float64Array, width: number, from: number, to: number) =>
    Array.from({ length: 8 }, (_, r) => Array.from(data.subarray(2 * (r * width + from), 2 * (r * width + to)))).flat();
  const band = new NDArray(Float64Array.from(columns(half, 4, 1, 3)), [8, 2], 'complex128');
  const params = {
    call: { id: 'sciport.fft.fftn', args: [{ $input: 0 }, { axes: [0], s: [8], norm: 'backward' }] },
    completion: { realAxis: 1, n: 6, reversed: [0], scale: 1, conj: false },
    start: 1,
    mirror: { start: 4, length: 2 },
  };

  it('writes the band and its mirror image straight into the given output chunks', async () => {
    const given = [allocateChunk('complex128', [8, 2], true), allocateChunk('complex128', [8, 2], true)];
    const outs = await runTask(COMPLETE_SPECTRUM, [chunk(band)], params, undefined, { outputs: given });
    // the band's FFT is written in place into the first chunk, the mirror image into the second
    outs.forEach((out, i) => {
      expect(out.data.buffer).toBe(given[i].data.buffer);
      expect(out.data.byteOffset).toBe(given[i].data.byteOffset);
    });
    expect(Array.from(given[0].data)).toEqual(columns(full, 6, 1, 3));
    expect(Array.from(given[1].data)).toEqual(columns(full, 6, 4, 6));
  });

  it('allocates its outputs without given chunks (the Redis executor)', async () => {
    const outs = await runTask(COMPLETE_SPECTRUM, [chunk(band)], params, undefined);
    expect(outs.map((o) => o.shape)).toEqual([
      [8, 2],
      [8, 2],
    ]);
    expect(Array.from(outs[0].data)).toEqual(columns(full, 6, 1, 3));
    expect(Array.from(outs[1].data)).toEqual(columns(full, 6, 4, 6));
  });
});

describe('slab results', () => {
  const rows = random([64, 256], 5);

  it('a CALL task writes an fft straight into the given output chunk, slab by slab', async () => {
    const given = allocateChunk('complex128', [64, 256], true);
    const [out] = await runTask(CALL, [chunk(rows)], { id: 'sciport.fft.fft', args: [{ $input: 0 }, { axis: 1 }], split: { axis: 0, size: 8 } }, undefined, { outputs: [given] });
    expect(out).toBe(given);
    expect(Array.from(given.data)).toEqual(Array.from(fft(rows).data as Float64Array));
  });

  it('a result that views its gathered input is copied out of worker scratch', async () => {
    // Two pieces of a [4, 3] block; astype without copy returns the assembled block itself.
    const top = chunk(random([2, 3], 11));
    const bottom = chunk(random([2, 3], 12));
    const gather = twoRowPieces('float64', 2, 3);
    const params = { op: 'astype', args: [{ $input: 0 }, 'float64', { copy: false }], gather };
    const [first] = await runTask(XP, [top, bottom], params, undefined);
    const expected = [...Array.from(top.data), ...Array.from(bottom.data)];
    expect(Array.from(first.data)).toEqual(expected);
    // The next gathered task reuses the scratch; the first result must not change.
    await runTask(XP, [bottom, top], params, undefined);
    expect(Array.from(first.data)).toEqual(expected);
  });

  it('contiguous slabs are offered their part of the output, strided ones worker scratch', () => {
    const out = allocateChunk('complex128', [64, 256], false);
    const offered: (Float64Array | undefined)[] = [];
    const [byRows] = runInSlabs([chunk(rows)], undefined, { axis: 0, size: 16 }, { given: [out] }, (block, _extra, memory) => {
      offered.push(memory);
      const y = fft(block);
      return { dtype: y.dtype, shape: y.shape, data: y.data as Float64Array };
    });
    expect(byRows).toBe(out);
    expect(offered.every((m) => m?.buffer === out.data.buffer)).toBe(true);
    expect(offered.map((m) => m?.byteOffset)).toEqual([0, 1, 2, 3].map((k) => k * 16 * 256 * 16));
    expect(Array.from(out.data)).toEqual(Array.from(fft(rows).data as Float64Array));

    offered.length = 0;
    const cols = allocateChunk('complex128', [64, 256], false);
    runInSlabs([chunk(rows)], undefined, { axis: 1, size: 64 }, { given: [cols] }, (block, _extra, memory) => {
      offered.push(memory);
      const y = fft(block, { axis: 0 });
      return { dtype: y.dtype, shape: y.shape, data: y.data as Float64Array };
    });
    expect(offered.every((m) => m !== undefined && m.buffer !== cols.data.buffer && m.length === 2 * 64 * 64)).toBe(true);
    expect(Array.from(cols.data)).toEqual(Array.from(fft(rows, { axis: 0 }).data as Float64Array));
  });
});

describe('gathered blocks read through the transform (input fill)', () => {
  // A [32, 8] complex block in two row pieces, as a column pass of fft2 gathers it.
  const block = new NDArray(random([32, 16], 21).data, [32, 8], 'complex128');
  const top = chunk(new NDArray((block.data as Float64Array).slice(0, 2 * 16 * 8), [16, 8], 'complex128'));
  const bottom = chunk(new NDArray((block.data as Float64Array).slice(2 * 16 * 8), [16, 8], 'complex128'));
  const gather = twoRowPieces('complex128', 16, 8);
  const params = { id: 'sciport.fft.fft', args: [{ $input: 0 }, { axis: 0 }], gather };
  const expected = Array.from(fft(block, { axis: 0 }).data as Float64Array);

  it('assembles the block into the kernels memory, not the output chunk, and writes the result there', async () => {
    let filled: boolean | undefined;
    registerHostMemory('sciport.fft', {
      resultMemory: withResultMemory,
      inputFill: (array, fill, compute) => {
        const outcome = withInputFill(array, fill, compute);
        filled = outcome.filled;
        return outcome;
      },
    });
    try {
      const given = allocateChunk('complex128', [32, 8], true);
      const [out] = await runTask(CALL, [top, bottom], params, undefined, { outputs: [given] });
      expect(filled).toBe(true);
      expect(out.data.buffer).toBe(given.data.buffer);
      expect(Array.from(given.data)).toEqual(expected);
    } finally {
      registerHostMemory('sciport.fft', { resultMemory: withResultMemory, inputFill: withInputFill });
    }
  });

  it('when the transform did not take the fill, assembles the block in the output chunk and calls again', async () => {
    let calls = 0;
    registerHostMemory('sciport.fft', {
      resultMemory: withResultMemory,
      inputFill: (_array, _fill, compute) => {
        calls++;
        return { result: compute(), filled: false };
      },
    });
    try {
      const given = allocateChunk('complex128', [32, 8], true);
      (given.data as Float64Array).fill(Number.NaN);
      const [out] = await runTask(CALL, [top, bottom], params, undefined, { outputs: [given] });
      expect(calls).toBe(1);
      expect(Array.from(out.data)).toEqual(expected);
    } finally {
      registerHostMemory('sciport.fft', { resultMemory: withResultMemory, inputFill: withInputFill });
    }
  });
});

describe('a task that writes several output blocks (boxes of its result)', () => {
  const rows = new NDArray(random([24, 20], 31).data, [24, 10], 'complex128');
  const whole = fft(rows);
  // Columns [0, 3), [3, 7), [7, 10) of the result: the column bands a next pass would read.
  const boxes = [
    { start: [0, 0], shape: [24, 3] },
    { start: [0, 3], shape: [24, 4] },
    { start: [0, 7], shape: [24, 3] },
  ];
  const expected = boxes.map((b) =>
    Array.from(
      { length: b.shape[0] * b.shape[1] },
      (_, k) => whole.get(Math.floor(k / b.shape[1]), b.start[1] + (k % b.shape[1])) as unknown as [number, number],
    ).flat(),
  );

  it.each([
    ['whole', undefined],
    ['in slabs', { axis: 0, size: 5 }],
  ])('%s: each given output chunk holds its box', async (_name, split) => {
    const given = boxes.map((b) => allocateChunk('complex128', b.shape, true));
    const params = { id: 'sciport.fft.fft', args: [{ $input: 0 }, { axis: 1 }], boxes, ...(split === undefined ? {} : { split }) };
    const outs = await runTask(CALL, [chunk(rows)], params, undefined, { outputs: given });
    expect(outs.map((o) => o.data.buffer)).toEqual(given.map((g) => g.data.buffer));
    expect(outs.map((o) => Array.from(o.data))).toEqual(expected);
  });
});
