import { asarray, type DType, NDArray, packedMap } from '@sciport/array-api';
import { getDispatchState, InvalidArgumentError, NamespaceMismatchError } from '@sciport/dispatch-core';
import { Cluster } from '../cluster.js';
import { ClusterError } from '../errors.js';
import { portableState } from '../executor/portable-state.js';
import { allocateChunk, type ChunkData } from '../protocol/chunk-data.js';
import { type AssemblePiece, copyBox } from '../runtime/assemble.js';
import { ASSEMBLE } from '../runtime/task-names.js';
import type { ChunkRef } from '../executor/executor.js';
import { Block } from './block.js';
import { ChunkedArray, isChunked } from './chunked-array.js';
import {
  type AxisPiece,
  axisPieces,
  blockIndices,
  blockShape,
  type Chunks,
  type ChunksInput,
  flatIndex,
  normalizeChunks,
  numBlocks,
  offsets,
  sameChunks,
} from './grid.js';
import { itemsize } from './probe.js';

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The dtype and shape of a chunk a task will produce. */
export interface PlannedChunk {
  readonly dtype: DType;
  readonly shape: readonly number[];
}

/**
 * Submit one chunk task as soon as its input blocks exist. Returns the output block at once;
 * the dispatch state of the calling scope is captured now and re-entered on the worker.
 */
export function submitTask(
  cluster: Cluster,
  fn: string,
  inputs: readonly Block[],
  params: unknown,
  shape: readonly number[],
  dtype: DType,
): Block {
  return submitTaskOutputs(cluster, fn, inputs, params, [{ dtype, shape }])[0];
}

/** submitTask for a task with several outputs: one block each, in order. */
export function submitTaskOutputs(cluster: Cluster, fn: string, inputs: readonly Block[], params: unknown, planned: readonly PlannedChunk[]): Block[] {
  for (const b of inputs) b.retain();
  const state = portableState(getDispatchState());
  const run = (refs: ChunkRef[]) => {
    try {
      return cluster.run({ fn, inputs: refs, params, state, outputs: planned });
    } catch (error) {
      return Promise.reject(error);
    }
  };
  // Inputs that exist already: sent now, so the first pass of an n-D transform starts while the
  // next passes are still being planned.
  const existing = packedMap(inputs, (b) => b.chunk);
  const started = existing.every((r) => r !== undefined) ? run(existing as ChunkRef[]) : Promise.all(packedMap(inputs, (b) => b.ref)).then(run);
  const refs = started
    .then((outs) => {
      planned.forEach(({ dtype, shape }, i) => {
        const out = outs[i];
        if (out === undefined || out.dtype !== dtype || !sameShape(out.shape, shape)) {
          throw new ClusterError(
            `Chunk task '${fn}' produced ${out?.dtype}[${out?.shape.join(', ')}] where ${dtype}[${shape.join(', ')}] was planned.`,
            { hint: 'This is a bug in the chunked strategy; please report it with the call that caused it.' },
          );
        }
      });
      return outs;
    });
  refs
    .finally(() => {
      for (const b of inputs) b.release();
    })
    .catch(() => {});
  return packedMap(planned, ({ shape }, i) => new Block(refs.then((outs) => outs[i]), cluster.executor, shape));
}

/** How to get the region [start, stop) of an array: an existing block, or boxes of several. */
export type RegionPlan =
  | { readonly block: Block }
  | { readonly inputs: Block[]; readonly pieces: AssemblePiece[]; readonly extent: number[] };

export function regionPlan(x: ChunkedArray, start: readonly number[], stop: readonly number[]): RegionPlan {
  const extent = packedMap(start, (s, d) => stop[d] - s);
  const per: AxisPiece[][] = packedMap(x.chunks, (c, d) => axisPieces(offsets(c), start[d], stop[d]));
  const grid = numBlocks(x.chunks);
  if (per.every((p, d) => p.length === 1 && p[0].srcStart === 0 && p[0].length === x.chunks[d][p[0].block])) {
    return { block: x.blocks[flatIndex(packedMap(per, (p) => p[0].block), grid)] };
  }
  const inputs: Block[] = [];
  const pieces: AssemblePiece[] = [];
  if (extent.every((e) => e > 0)) {
    for (const choice of blockIndices(packedMap(per, (p) => p.length))) {
      const axis = packedMap(choice, (c, d) => per[d][c]);
      inputs.push(x.blocks[flatIndex(packedMap(axis, (a) => a.block), grid)]);
      pieces.push({
        input: inputs.length - 1,
        srcStart: packedMap(axis, (a) => a.srcStart),
        dstStart: packedMap(axis, (a) => a.dstStart),
        extent: packedMap(axis, (a) => a.length),
      });
    }
  }
  return { inputs, pieces, extent };
}

/** The block covering [start, stop): an existing block when it matches one, else an assemble task. */
export function regionBlock(x: ChunkedArray, start: readonly number[], stop: readonly number[]): Block {
  const plan = regionPlan(x, start, stop);
  if ('block' in plan) return plan.block;
  return submitTask(x.cluster, ASSEMBLE, plan.inputs, { dtype: x.dtype, shape: plan.extent, pieces: plan.pieces }, plan.extent, x.dtype);
}

/** The same values on another chunk grid. */
export function rechunkArray(x: ChunkedArray, chunks: Chunks): ChunkedArray {
  if (sameChunks(x.chunks, chunks)) return x;
  const offs = packedMap(chunks, offsets);
  const blocks: Block[] = [];
  for (const idx of blockIndices(numBlocks(chunks))) {
    blocks.push(
      regionBlock(
        x,
        packedMap(idx, (i, d) => offs[d][i]),
        packedMap(idx, (i, d) => offs[d][i + 1]),
      ),
    );
  }
  return new ChunkedArray(x.cluster, x.dtype, x.shape, chunks, blocks);
}

/** Gather all blocks into one host array (a fresh copy the caller may modify). */
export async function gatherToHost(x: ChunkedArray): Promise<NDArray> {
  const refs = await Promise.all(packedMap(x.blocks, (b) => b.ref));
  const parts = await Promise.all(packedMap(refs, (r) => x.cluster.get(r)));
  const out = allocateChunk(x.dtype, x.shape, false);
  const offs = packedMap(x.chunks, offsets);
  let k = 0;
  for (const idx of blockIndices(numBlocks(x.chunks))) {
    const part = parts[k++];
    copyBox(part, out, {
      srcStart: packedMap(idx, () => 0),
      dstStart: packedMap(idx, (i, d) => offs[d][i]),
      extent: blockShape(x.chunks, idx),
    });
  }
  return new NDArray(out.data as any, [...x.shape], x.dtype);
}

export interface ChunkedOptions {
  /** Block lengths: `1024`, `[1024, 1024]`, `[[100, 28], [64]]`, -1/null for a whole axis, or 'auto' (default, ~8 MiB blocks). */
  readonly chunks?: ChunksInput;
  /** The cluster that holds the blocks and runs their tasks. */
  readonly cluster: Cluster;
}

/** Put a host array on a cluster, split into blocks. */
export function fromHost(x: NDArray, cluster: Cluster, chunks: Chunks): ChunkedArray {
  const data: ChunkData = {
    dtype: x.dtype,
    shape: x.shape,
    data: (x.isContiguous && x.offset === 0 ? x.data : x.toTypedArray()) as any,
  };
  const executor = cluster.executor;
  const offs = packedMap(chunks, offsets);
  const blocks: Block[] = [];
  for (const idx of blockIndices(numBlocks(chunks))) {
    const shape = blockShape(chunks, idx);
    const part = executor.allocate?.(x.dtype, shape) ?? allocateChunk(x.dtype, shape, false);
    copyBox(data, part, { srcStart: packedMap(idx, (i, d) => offs[d][i]), dstStart: packedMap(idx, () => 0), extent: shape });
    blocks.push(new Block(Promise.resolve(cluster.put(part)), cluster.executor, shape));
  }
  return new ChunkedArray(cluster, x.dtype, x.shape, chunks, blocks);
}

function checkCluster(cluster: unknown): asserts cluster is Cluster {
  if (!(cluster instanceof Cluster)) {
    throw new InvalidArgumentError('chunked() needs a cluster.', {
      argument: 'cluster',
      hint: "Create one with `await cluster.local({ workers: 4 })` and pass { cluster: c }.",
    });
  }
}

/**
 * Split an array into blocks held by a cluster: `chunked(x, { chunks: [1024, 1024], cluster: c })`.
 * Accepts anything `asarray` does; a ChunkedArray is rechunked.
 */
export function chunked(x: unknown, options: ChunkedOptions): ChunkedArray {
  if (options === undefined || options === null) {
    throw new InvalidArgumentError('chunked(x, options) needs options with a cluster.', {
      argument: 'options',
      hint: 'E.g. chunked(x, { chunks: [1024, 1024], cluster: await cluster.local() }).',
    });
  }
  checkCluster(options.cluster);
  if (isChunked(x)) {
    if (x.cluster !== options.cluster) {
      throw new NamespaceMismatchError('This chunked array lives on another cluster.', {
        argument: 'x',
        hint: 'Bring it to the host first: chunked(await x.toHost(), { cluster }).',
      });
    }
    return options.chunks === undefined ? x : x.rechunk(options.chunks);
  }
  const host = x instanceof NDArray ? x : asarray(x as any);
  return fromHost(host, options.cluster, normalizeChunks(options.chunks ?? 'auto', host.shape, itemsize(host.dtype)));
}

/**
 * Submit one chunk task whose outputs' shapes are not known in advance (a list of label pairs):
 * resolves to the output chunks, which the caller reads or wraps in blocks and must release.
 */
export function submitUnplanned(cluster: Cluster, fn: string, inputs: readonly Block[], params: unknown): Promise<ChunkRef[]> {
  for (const b of inputs) b.retain();
  const state = portableState(getDispatchState());
  const refs = Promise.all(packedMap(inputs, (b) => b.ref)).then((ins) => cluster.run({ fn, inputs: ins, params, state }));
  refs
    .finally(() => {
      for (const b of inputs) b.release();
    })
    .catch(() => {});
  return refs;
}
