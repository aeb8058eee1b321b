/**
 * The worker side of the labelled measurements on chunked arrays (measure.ts): per block and
 * per group (the elements a label, a list of labels or "every label > 0" selects), a row of
 * statistics, and the merge of such rows — a tree reduction.
 *
 * Row: count, sum, minimum and its position, maximum and its position (global C-order
 * positions, −1 while empty), the sum of squared deviations from given means (variance's second
 * pass), then Σ v·coordinate per axis (centre of mass). The extremes follow SciPy's rules,
 * written as "the best element under a total order", which does not depend on the order in
 * which blocks are merged: for a single group NumPy's (the first NaN wins; else the first of
 * equal extremes), for a sequence index SciPy's sort (the minimum skips NaN unless every value is
 * NaN, the maximum is the last NaN or the last of equal maxima).
 */
import { cStrides, packedMap } from '@sciport/array-api';
import type { ChunkData } from '../protocol/chunk-data.js';
import { chunkToNDArray } from '../runtime/ndarray-bridge.js';
import { GROUP_STATS, MERGE_GROUP_STATS } from '../runtime/task-names.js';
import { registerTask } from '../runtime/task-registry.js';

export const COUNT = 0;
export const SUM = 1;
export const MIN = 2;
export const MIN_AT = 3;
export const MAX = 4;
export const MAX_AT = 5;
export const SQUARES = 6;
export const MOMENTS = 7;

export interface GroupStatsParams {
  /** How elements are grouped: every element, labels > 0, label == one value, or one group per distinct value. */
  readonly select: 'all' | 'positive' | 'one' | 'each';
  /** The label values of the groups ('one': one, 'each': the distinct ones in group order). */
  readonly groups: readonly number[];
  /** NumPy's single-group rules for the extremes, else SciPy's sequence rules. */
  readonly single: boolean;
  readonly start: readonly number[];
  readonly shape: readonly number[];
  /** Each group's mean, for the squared deviations (variance's second pass). */
  readonly means?: readonly number[];
}

/** Whether (v, at) beats the row's minimum (`max`: maximum) under the rules of `single`. */
function beats(v: number, at: number, best: number, bestAt: number, max: boolean, single: boolean): boolean {
  if (bestAt < 0) return true;
  const vn = Number.isNaN(v);
  const bn = Number.isNaN(best);
  if (single || max) {
    // NaN beats every number; among NaN, or among equal values, the first (the last for a sequence maximum)
    if (vn !== bn) return vn;
    if (!vn && v !== best) return max ? v > best : v < best;
    return single ? at < bestAt : at > bestAt;
  }
  // sequence minimum: numbers beat NaN; the smallest, the first of equal ones
  if (vn !== bn) return bn;
  if (!vn && v !== best) return v < best;
  return at < bestAt;
}

/** A chunk's values as doubles, in C order. */
function doubles(chunk: ChunkData): Float64Array {
  return Float64Array.from(chunkToNDArray(chunk).toTypedArray() as ArrayLike<number | bigint>, Number);
}

function emptyRows(groups: number, width: number): Float64Array {
  const rows = new Float64Array(groups * width);
  for (let g = 0; g < groups; g++) {
    rows[g * width + MIN_AT] = -1;
    rows[g * width + MAX_AT] = -1;
  }
  return rows;
}

registerTask(GROUP_STATS, (inputs, params: GroupStatsParams) => {
  const x = doubles(inputs[0]);
  const labels = inputs.length > 1 ? doubles(inputs[1]) : null;
  const rank = params.shape.length;
  const width = MOMENTS + rank;
  const groupCount = params.select === 'each' ? params.groups.length : 1;
  const rows = emptyRows(groupCount, width);
  const groupOf = new Map(packedMap(params.groups, (v, g) => [v, g] as [number, number]));
  const strides = cStrides(params.shape);
  const local = inputs[0].shape;
  const coord = new Array<number>(rank).fill(0);
  for (let i = 0; i < x.length; i++) {
    let g = 0;
    if (params.select === 'positive') g = (labels as Float64Array)[i] > 0 ? 0 : -1;
    else if (params.select === 'one') g = (labels as Float64Array)[i] === params.groups[0] ? 0 : -1;
    else if (params.select === 'each') g = groupOf.get((labels as Float64Array)[i]) ?? -1;
    if (g >= 0) {
      const v = x[i];
      const row = g * width;
      let at = 0;
      for (let d = 0; d < rank; d++) at += (params.start[d] + coord[d]) * strides[d];
      rows[row + COUNT]++;
      rows[row + SUM] += v;
      if (beats(v, at, rows[row + MIN], rows[row + MIN_AT], false, params.single)) {
        rows[row + MIN] = v;
        rows[row + MIN_AT] = at;
      }
      if (beats(v, at, rows[row + MAX], rows[row + MAX_AT], true, params.single)) {
        rows[row + MAX] = v;
        rows[row + MAX_AT] = at;
      }
      if (params.means !== undefined) {
        const dev = v - params.means[g];
        rows[row + SQUARES] += dev * dev;
      }
      for (let d = 0; d < rank; d++) rows[row + MOMENTS + d] += v * (params.start[d] + coord[d]);
    }
    for (let d = rank - 1; d >= 0; d--) {
      if (++coord[d] < local[d]) break;
      coord[d] = 0;
    }
  }
  return { dtype: 'float64', shape: [groupCount, width], data: rows };
});

registerTask(MERGE_GROUP_STATS, (inputs: readonly ChunkData[], params: { single: boolean }) => {
  const [groups, width] = inputs[0].shape;
  const rows = emptyRows(groups, width);
  for (const part of inputs) {
    const p = part.data as Float64Array;
    for (let row = 0; row < rows.length; row += width) {
      if (p[row + COUNT] === 0) continue;
      rows[row + COUNT] += p[row + COUNT];
      rows[row + SUM] += p[row + SUM];
      rows[row + SQUARES] += p[row + SQUARES];
      for (let k = MOMENTS; k < width; k++) rows[row + k] += p[row + k];
      if (beats(p[row + MIN], p[row + MIN_AT], rows[row + MIN], rows[row + MIN_AT], false, params.single)) {
        rows[row + MIN] = p[row + MIN];
        rows[row + MIN_AT] = p[row + MIN_AT];
      }
      if (beats(p[row + MAX], p[row + MAX_AT], rows[row + MAX], rows[row + MAX_AT], true, params.single)) {
        rows[row + MAX] = p[row + MAX];
        rows[row + MAX_AT] = p[row + MAX_AT];
      }
    }
  }
  return { dtype: 'float64', shape: [groups, width], data: rows };
});
