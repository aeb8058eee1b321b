/**
 * The labelled measurements on chunked arrays as tree reductions — sum, sumLabels, mean,
 * variance, standardDeviation, minimum, maximum, minimumPosition, maximumPosition, extrema,
 * centerOfMass: each block reports a row of statistics per group (measure-tasks.ts), the rows
 * are merged eight at a time on the workers, and the submitting thread reads the last one and
 * builds SciPy's result form (a number or a list for a single group, an array with the index's
 * shape for a sequence index). variance and standardDeviation take a second pass with the
 * means, as the host does. Each returns a Promise of the host's result.
 *
 * Extremes and their positions, counts and integer sums are exact; float sums (and the means,
 * variances and centres of mass built on them) add the blocks' partial sums, so they agree with
 * the host's single C-order pass to rounding.
 */
import { asarray, type DType, type NDArray, packedMap } from '@sciport/array-api';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { NDIMAGE_MULTIMETHODS } from '@sciport/ndimage';
import { type ChunkedArray, isChunked } from '../chunked/chunked-array.js';
import { rechunkArray, submitUnplanned } from '../chunked/core.js';
import { blockIndices, numBlocks, offsets } from '../chunked/grid.js';
import { chunkedNamespace } from '../chunked/namespace.js';
import { asChunked, host, probeArray, withoutBackend } from '../chunked/ops/common.js';
import type { ChunkRef } from '../executor/executor.js';
import { GROUP_STATS, MERGE_GROUP_STATS } from '../runtime/task-names.js';
import { treeReduce } from './find-objects.js';
import { COUNT, type GroupStatsParams, MAX, MAX_AT, MIN, MIN_AT, MOMENTS, SQUARES, SUM } from './measure-tasks.js';

/** The measurements this module runs. */
export const MEASUREMENTS = new Set([
  'sum',
  'sumLabels',
  'mean',
  'variance',
  'standardDeviation',
  'minimum',
  'maximum',
  'minimumPosition',
  'maximumPosition',
  'extrema',
  'centerOfMass',
]);

/** How the elements are grouped, as the host reads labels and index. */
interface Grouping {
  readonly select: GroupStatsParams['select'];
  readonly groups: number[];
  /** Per index entry (C order) its group; null for a single group. */
  readonly slots: number[] | null;
  readonly indexShape: number[];
}

function grouping(labels: unknown, index: unknown): Grouping {
  if (labels === undefined || labels === null) return { select: 'all', groups: [], slots: null, indexShape: [] };
  if (index === undefined || index === null) return { select: 'positive', groups: [], slots: null, indexShape: [] };
  if (typeof index === 'number') return { select: 'one', groups: [index], slots: null, indexShape: [] };
  const a = asarray(index as never);
  const values = Array.from(a.toTypedArray() as ArrayLike<number | bigint>, Number);
  const groupOf = new Map<number, number>();
  const slots = packedMap(values, (v) => {
    let g = groupOf.get(v);
    if (g === undefined) groupOf.set(v, (g = groupOf.size));
    return g;
  });
  return { select: 'each', groups: [...groupOf.keys()], slots, indexShape: [...a.shape] };
}

/** One statistics row per group, merged over every block. */
async function groupStats(x: ChunkedArray, labels: ChunkedArray | null, g: Grouping, means?: readonly number[]): Promise<Float64Array[]> {
  const offs = packedMap(x.chunks, offsets);
  const parts: Promise<ChunkRef>[] = [];
  const single = g.slots === null;
  let i = 0;
  for (const idx of blockIndices(numBlocks(x.chunks))) {
    const params: GroupStatsParams = {
      select: g.select,
      groups: g.groups,
      single,
      start: packedMap(idx, (k, d) => offs[d][k]),
      shape: x.shape,
      ...(means === undefined ? {} : { means }),
    };
    const inputs = labels === null ? [x.blocks[i]] : [x.blocks[i], labels.blocks[i]];
    i++;
    parts.push(submitUnplanned(x.cluster, GROUP_STATS, inputs, params).then(([ref]) => ref));
  }
  const merged = await treeReduce(x.cluster, MERGE_GROUP_STATS, parts, { single });
  const chunk = await x.cluster.get(merged);
  x.cluster.executor.release(merged);
  const [groups, width] = chunk.shape;
  const data = Float64Array.from(chunk.data as Float64Array);
  return Array.from({ length: groups }, (_, k) => data.subarray(k * width, (k + 1) * width));
}

/** A single-group float32 sum is a float32 value in SciPy. */
function asInputFloat(value: number, dtype: DType): number {
  return dtype === 'float32' ? Math.fround(value) : value;
}

/** A flat C-order position as coordinates. */
function coordinates(flat: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    out[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return out;
}

/** Per-group numbers in SciPy's form: a number for a single group, else an array of the index's shape. */
function groupResult(g: Grouping, perGroup: readonly number[], dtype: DType): number | NDArray {
  if (g.slots === null) return perGroup[0];
  const values = Float64Array.from(g.slots, (s) => perGroup[s]);
  return host.reshape(host.astype(asarray(values), dtype), g.indexShape) as NDArray;
}

function positionResult(g: Grouping, at: readonly number[], shape: readonly number[]): number[] | number[][] {
  // a label without elements has position 0
  const coords = (k: number) => coordinates(Math.max(0, at[k]), shape);
  if (g.slots === null) return coords(0);
  return packedMap(g.slots, coords);
}

/** The host's error for a single group without elements (no extremum). */
function checkSelected(fn: string, rows: readonly Float64Array[], g: Grouping): void {
  if (g.slots !== null || rows[0][COUNT] > 0) return;
  const noLabels = g.select === 'all';
  throw new InvalidArgumentError(`${fn}: no element is selected, so there is no extremum.`, {
    argument: noLabels ? 'input' : 'index',
    hint: noLabels ? 'Pass a non-empty input.' : 'Choose a label that occurs in labels (or pass a sequence index: missing labels then give 0).',
  });
}

async function measure(fn: string, x: ChunkedArray, labels: ChunkedArray | null, g: Grouping): Promise<unknown> {
  const rows = await groupStats(x, labels, g);
  const single = g.slots === null;
  const column = (k: number) => packedMap(rows, (r) => r[k]);
  const sums = packedMap(rows, (r) => (single ? asInputFloat(r[SUM], x.dtype) : r[SUM]));
  const means = packedMap(rows, (r, k) => sums[k] / r[COUNT]);
  switch (fn) {
    case 'sum':
    case 'sumLabels':
      return groupResult(g, sums, 'float64');
    case 'mean':
      return groupResult(g, means, 'float64');
    case 'variance':
    case 'standardDeviation': {
      // the second pass, around the first pass's means (the host's order of operations)
      const second = await groupStats(x, labels, g, means);
      const variances = packedMap(second, (r, k) => (single ? asInputFloat(r[SQUARES], x.dtype) : r[SQUARES]) / rows[k][COUNT]);
      return groupResult(g, fn === 'variance' ? variances : packedMap(variances, Math.sqrt), 'float64');
    }
    case 'centerOfMass': {
      const centre = (k: number) => Array.from({ length: x.ndim }, (_, d) => rows[k][MOMENTS + d] / sums[k]);
      return single ? centre(0) : packedMap(g.slots as number[], centre);
    }
  }
  checkSelected(fn, rows, g);
  // a sequence index's missing label gets 0 (its position 0)
  const extreme = (k: number) => packedMap(rows, (r) => (r[COUNT] > 0 ? r[k] : 0));
  switch (fn) {
    case 'minimum':
      return groupResult(g, extreme(MIN), x.dtype);
    case 'maximum':
      return groupResult(g, extreme(MAX), x.dtype);
    case 'minimumPosition':
      return positionResult(g, column(MIN_AT), x.shape);
    case 'maximumPosition':
      return positionResult(g, column(MAX_AT), x.shape);
    default:
      return [
        groupResult(g, extreme(MIN), x.dtype),
        groupResult(g, extreme(MAX), x.dtype),
        positionResult(g, column(MIN_AT), x.shape),
        positionResult(g, column(MAX_AT), x.shape),
      ];
  }
}

/** Labels on the input's grid: chunked (broadcast and rechunked as needed) or a host array put on the cluster. */
export function labelsOn(x: ChunkedArray, labels: unknown): ChunkedArray {
  let l = asChunked(labels, x.cluster, 'labels');
  if (l.shape.length !== x.ndim || l.shape.some((n, d) => n !== x.shape[d])) {
    if (!broadcastsTo(l.shape, x.shape)) {
      throw new ShapeError(`'labels' has shape [${l.shape.join(', ')}], which does not broadcast to the input's [${x.shape.join(', ')}].`, {
        argument: 'labels',
        hint: 'Give labels of the input’s shape (or one that broadcasts to it).',
      });
    }
    l = (chunkedNamespace(x.cluster) as unknown as { broadcastTo: (a: ChunkedArray, s: number[]) => ChunkedArray }).broadcastTo(l, [...x.shape]);
  }
  return rechunkArray(l, x.chunks);
}

function broadcastsTo(from: readonly number[], to: readonly number[]): boolean {
  if (from.length > to.length) return false;
  const lead = to.length - from.length;
  return from.every((n, d) => n === 1 || n === to[lead + d]);
}

/** The probe's labels: they select the probe element, so a data-dependent "nothing selected" waits for the data. */
export function probeLabels(labels: unknown, index: unknown): NDArray | null {
  if (labels === undefined || labels === null) return null;
  const dtype = isChunked(labels) ? labels.dtype : asarray(labels as never).dtype;
  const shape = (isChunked(labels) ? labels.shape : asarray(labels as never).shape).length;
  const value = typeof index === 'number' ? index : 1;
  return host.reshape(host.astype(asarray(Float64Array.of(value)), dtype), new Array<number>(shape).fill(1)) as NDArray;
}

/** The cluster's strategy for measurement `name`: a Promise of the host's result. */
export function measurementStrategy(name: string): (input: unknown, labels?: unknown, index?: unknown, options?: unknown) => Promise<unknown> {
  const hostFunction = NDIMAGE_MULTIMETHODS[name].default as (...args: unknown[]) => unknown;
  return (input, labels, index, rawOptions) => {
    const x = input as ChunkedArray;
    const options = withoutBackend(rawOptions);
    // the host refuses bad arguments here, with its own errors (labels' broadcasting is checked below)
    // (an empty input is its own probe: the host's answer for it, an error included, is the answer)
    const probe = probeArray(x.size > 0 ? packedMap(x.shape, () => 1) : x.shape, x.dtype);
    hostFunction(probe, probeLabels(labels, index), index, options);
    const hasLabels = labels !== undefined && labels !== null;
    const l = hasLabels ? labelsOn(x, labels) : null;
    const result = measure(name, x, l, grouping(labels, index));
    result.catch(() => {});
    return result;
  };
}
