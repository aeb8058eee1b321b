import { type DType, isComplexDtype, type NDArray, packedMap } from '@sciport/array-api';
import { XP, FOLD } from '../../runtime/task-names.js';
import { inputRef } from '../../runtime/template.js';
import type { Block } from '../block.js';
import { ChunkedArray } from '../chunked-array.js';
import { submitTask } from '../core.js';
import { blockIndices, blockShape, flatIndex, numBlocks } from '../grid.js';
import { unary, binary, elementwise } from './elementwise.js';
import { normalizeAxes } from '@sciport/array-api/kit';
import { host, probeArray, product } from './common.js';
import { dropAxes } from './manipulate.js';

/** Partials combined per task: a tree of fan-in 8 keeps depth at log8(blocks). */
const FAN_IN = 8;

export interface ReduceSpec {
  /** Host namespace reduction applied to each block with keepdims (e.g. 'sum'). */
  readonly partial: string;
  /** Host binary function that merges two partials (e.g. 'add'). */
  readonly combine: string;
  /** Extra options for the partial (e.g. { dtype }). */
  readonly extra?: Record<string, unknown>;
}

/**
 * Tree reduction (as dask.array.reduction): reduce each block with keepdims, then merge the
 * partials that belong to the same output block, FAN_IN at a time, until one is left.
 */
export function treeReduce(
  x: ChunkedArray,
  spec: ReduceSpec,
  axis: unknown,
  keepdims: boolean | undefined,
): ChunkedArray {
  const axes = normalizeAxes(axis, x.ndim);
  const options = { ...spec.extra, axis: axes, keepdims: true };
  const probe = host[spec.partial](probeArray(packedMap(x.shape, () => 1), x.dtype), options) as NDArray;
  const dtype = probe.dtype as DType;
  const reduced = new Set(axes);
  const grid = numBlocks(x.chunks);
  const outChunks = packedMap(x.chunks, (c, d) => (reduced.has(d) ? [1] : [...c]));
  const outGrid = numBlocks(outChunks);
  const groups = new Map<number, Block[]>();
  for (const idx of blockIndices(grid)) {
    const shape = packedMap(blockShape(x.chunks, idx), (n, d) => (reduced.has(d) ? 1 : n));
    const partial = submitTask(x.cluster, XP, [x.blocks[flatIndex(idx, grid)]], { op: spec.partial, args: [inputRef(0), options] }, shape, dtype);
    const key = flatIndex(
      packedMap(idx, (i, d) => (reduced.has(d) ? 0 : i)),
      outGrid,
    );
    let list = groups.get(key);
    if (list === undefined) groups.set(key, (list = []));
    list.push(partial);
  }
  const blocks: Block[] = [];
  for (const idx of blockIndices(outGrid)) {
    let level = groups.get(flatIndex(idx, outGrid)) ?? [];
    const shape = blockShape(outChunks, idx);
    while (level.length > 1) {
      const next: Block[] = [];
      for (let i = 0; i < level.length; i += FAN_IN) {
        const group = level.slice(i, i + FAN_IN);
        next.push(group.length === 1 ? group[0] : submitTask(x.cluster, FOLD, group, { op: spec.combine }, shape, dtype));
      }
      level = next;
    }
    blocks.push(level[0]);
  }
  const out = new ChunkedArray(x.cluster, dtype, packedMap(outChunks, (c) => c.reduce((a, b) => a + b, 0)), outChunks, blocks);
  return keepdims === true ? out : dropAxes(out, axes);
}

/** mean = sum / count, summed in the output dtype (SciPy/NumPy accumulate in float64 too). */
export function mean(x: ChunkedArray, axis: unknown, keepdims?: boolean): ChunkedArray {
  const axes = normalizeAxes(axis, x.ndim);
  const dtype = (host.mean(probeArray(packedMap(x.shape, () => 1), x.dtype), { axis: axes, keepdims: true }) as NDArray).dtype as DType;
  const count = product(packedMap(axes, (d) => x.shape[d]));
  const total = treeReduce(x, { partial: 'sum', combine: 'add', extra: { dtype } }, axes, keepdims);
  return binary('divide')(total, count);
}

/**
 * Variance in two passes (mean, then the mean of squared deviations): numerically as good as
 * the host's, unlike the one-pass sum-of-squares formula.
 */
export function variance(
  x: ChunkedArray,
  axis: unknown,
  keepdims: boolean | undefined,
  correction = 0,
): ChunkedArray {
  const axes = normalizeAxes(axis, x.ndim);
  host.var(probeArray(packedMap(x.shape, () => 1), x.dtype), { axis: axes, keepdims: true, correction });
  const m = mean(x, axes, true);
  const d = binary('subtract')(x, m);
  const sq = isComplexDtype(d.dtype) ? unary('square')(unary('abs')(d)) : unary('square')(d);
  const count = product(packedMap(axes, (a) => x.shape[a]));
  const total = treeReduce(sq, { partial: 'sum', combine: 'add' }, axes, keepdims);
  return binary('divide')(total, count - correction);
}

export function std(x: ChunkedArray, axis: unknown, keepdims?: boolean, correction = 0): ChunkedArray {
  return elementwise('sqrt', [variance(x, axis, keepdims, correction)], [inputRef(0)]);
}
