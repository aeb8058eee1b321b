/**
 * `findObjects` on chunked arrays as a tree reduction: each block lists its labels' boxes in
 * array coordinates (the host function, shifted by the block's start), and the lists are joined
 * eight at a time on the workers (smallest start, largest stop per axis) until one is left, which
 * the submitting thread reads and turns into SciPy's form. The result is exact; it comes as a
 * Promise of the host's result (a list with a box or null per label).
 */
import { type NDArray, packedMap } from '@sciport/array-api';
import { NDIMAGE_MULTIMETHODS } from '@sciport/ndimage';
import type { ChunkedArray } from '../chunked/chunked-array.js';
import { submitUnplanned } from '../chunked/core.js';
import { blockIndices, numBlocks, offsets } from '../chunked/grid.js';
import { probeArray, withoutBackend } from '../chunked/ops/common.js';
import { portableState } from '../executor/portable-state.js';
import type { ChunkRef } from '../executor/executor.js';
import { FIND_OBJECTS_BLOCK, MERGE_BOXES } from '../runtime/task-names.js';
import type { FindObjectsBlockParams } from './find-objects-tasks.js';
import { getDispatchState } from '@sciport/dispatch-core';
import type { Cluster } from '../cluster.js';

/** Partial results joined per node of the tree. */
const FAN_IN = 8;

/** One chunk from `parts`, merged `FAN_IN` at a time by `task`; every input chunk is released once read. */
export async function treeReduce(cluster: Cluster, task: string, parts: readonly Promise<ChunkRef>[], params: unknown = {}): Promise<ChunkRef> {
  const state = portableState(getDispatchState());
  let level = [...parts];
  while (level.length > 1) {
    const next: Promise<ChunkRef>[] = [];
    for (let i = 0; i < level.length; i += FAN_IN) {
      const group = level.slice(i, i + FAN_IN);
      next.push(
        Promise.all(group).then(async (refs) => {
          if (refs.length === 1) return refs[0];
          try {
            const [out] = await cluster.run({ fn: task, inputs: refs, params, state });
            return out;
          } finally {
            for (const r of refs) cluster.executor.release(r);
          }
        }),
      );
    }
    level = next;
  }
  return level[0];
}

type Box = [number, number][];

async function boxes(x: ChunkedArray, maxLabel: number): Promise<(Box | null)[]> {
  if (x.size === 0) return [];
  const offs = packedMap(x.chunks, offsets);
  const parts: Promise<ChunkRef>[] = [];
  let i = 0;
  for (const idx of blockIndices(numBlocks(x.chunks))) {
    const params: FindObjectsBlockParams = { start: packedMap(idx, (k, d) => offs[d][k]), maxLabel };
    parts.push(submitUnplanned(x.cluster, FIND_OBJECTS_BLOCK, [x.blocks[i++]], params).then(([ref]) => ref));
  }
  const merged = await treeReduce(x.cluster, MERGE_BOXES, parts);
  const chunk = await x.cluster.get(merged);
  x.cluster.executor.release(merged);
  const [labels, width] = chunk.shape;
  const data = chunk.data as Float64Array;
  const rank = (width - 1) / 2;
  return Array.from({ length: labels }, (_, l) =>
    data[l * width] === 0 ? null : Array.from({ length: rank }, (_, d): [number, number] => [data[l * width + 1 + 2 * d], data[l * width + 2 + 2 * d]]),
  );
}

/** The cluster's findObjects: a Promise of the host's result. */
export function findObjectsStrategy(input: unknown, rawOptions?: unknown): Promise<(Box | null)[]> {
  const x = input as ChunkedArray;
  const options = (withoutBackend(rawOptions) ?? {}) as { maxLabel?: number };
  const host = NDIMAGE_MULTIMETHODS.findObjects.default as (...args: unknown[]) => unknown;
  // the host refuses bad arguments here, with its own errors
  host(probeArray(packedMap(x.shape, (n) => Math.min(n, 1)), x.dtype) as NDArray, options);
  const result = boxes(x, options.maxLabel ?? 0);
  result.catch(() => {});
  return result;
}
