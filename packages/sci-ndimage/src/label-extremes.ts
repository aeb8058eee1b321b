/**
 * minimum, maximum, their positions, extrema and median per label group, with SciPy's
 * rules (its `_select`). A single group works as NumPy's min/max/median: a NaN wins, ties
 * go to the first element in C order, and an empty group has no extremum (an error, where
 * SciPy raises). A sequence index works as SciPy's sort of the values (NaN last): the
 * minimum skips NaN, the maximum is NaN when the group holds one, the minimum's position is
 * the first tie in C order and the maximum's the last, and a label without elements gets
 * 0 and position 0 — and, for the median, the smallest value of the smallest label.
 */
import { type DType, readOptions } from '@sciport/array-api';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { groupResult, type LabelGroups, labelGroups } from './label-groups.js';
import { MEASUREMENT_KEYS, type MeasurementOptions } from './measurement-options.js';
import type { LabelResult } from './label-statistics.js';

interface Extremes {
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** Flat C-order positions of the minimum and maximum (0 for an empty group). */
  readonly minAt: Float64Array;
  readonly maxAt: Float64Array;
}

function read(fn: string, input: unknown, labels: unknown, index: unknown, options: MeasurementOptions | undefined): LabelGroups {
  readOptions(options, MEASUREMENT_KEYS, fn);
  return labelGroups(fn, input, labels, index);
}

/** Minimum and maximum (and where) of every group, by the single-group or the sequence rules. */
function extremesOf(fn: string, g: LabelGroups): Extremes {
  const n = g.groupCount;
  const min = new Float64Array(n);
  const max = new Float64Array(n);
  const minAt = new Float64Array(n);
  const maxAt = new Float64Array(n);
  const seen = new Uint8Array(n);
  const single = g.slots === null;
  const { values, group } = g;
  for (let i = 0; i < values.length; i++) {
    const k = group[i];
    if (k < 0) continue;
    const v = values[i];
    if (!seen[k]) {
      seen[k] = 1;
      min[k] = max[k] = v;
      minAt[k] = maxAt[k] = i;
      continue;
    }
    if (single) {
      // NumPy's min/max: the first NaN wins and stays; otherwise the first of equal extremes
      if (Number.isNaN(min[k])) continue;
      if (Number.isNaN(v) || v < min[k]) [min[k], minAt[k]] = [v, i];
      if (Number.isNaN(v) || v > max[k]) [max[k], maxAt[k]] = [v, i];
    } else {
      // the order of SciPy's sort (NaN last): the first of the smallest, the last of the largest
      if (Number.isNaN(min[k]) ? !Number.isNaN(v) : v < min[k]) [min[k], minAt[k]] = [v, i];
      if (Number.isNaN(v) || (!Number.isNaN(max[k]) && v >= max[k])) [max[k], maxAt[k]] = [v, i];
    }
  }
  if (single && !seen[0]) {
    throw new InvalidArgumentError(`${fn}: no element is selected, so there is no extremum.`, {
      argument: g.labels === null ? 'input' : 'index',
      hint: g.labels === null ? 'Pass a non-empty input.' : 'Choose a label that occurs in labels (or pass a sequence index: missing labels then give 0).',
    });
  }
  return { min, max, minAt, maxAt };
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

/** Positions as SciPy returns them: one coordinate list, or one per index entry. */
function positionResult(g: LabelGroups, at: Float64Array): number[] | number[][] {
  if (g.slots === null) return coordinates(at[0], g.shape);
  return Array.from(g.slots, (s) => coordinates(at[s], g.shape));
}

export function minimumHost(input: unknown, labels?: unknown, index?: unknown, options?: MeasurementOptions): LabelResult {
  const g = read('minimum', input, labels, index, options);
  return groupResult(g, extremesOf('minimum', g).min, g.dtype);
}

export function maximumHost(input: unknown, labels?: unknown, index?: unknown, options?: MeasurementOptions): LabelResult {
  const g = read('maximum', input, labels, index, options);
  return groupResult(g, extremesOf('maximum', g).max, g.dtype);
}

export function minimumPositionHost(input: unknown, labels?: unknown, index?: unknown, options?: MeasurementOptions): number[] | number[][] {
  const g = read('minimumPosition', input, labels, index, options);
  return positionResult(g, extremesOf('minimumPosition', g).minAt);
}

export function maximumPositionHost(input: unknown, labels?: unknown, index?: unknown, options?: MeasurementOptions): number[] | number[][] {
  const g = read('maximumPosition', input, labels, index, options);
  return positionResult(g, extremesOf('maximumPosition', g).maxAt);
}

/** SciPy's (minimum, maximum, minimum position, maximum position). */
export type ExtremaResult = [LabelResult, LabelResult, number[] | number[][], number[] | number[][]];

export function extremaHost(input: unknown, labels?: unknown, index?: unknown, options?: MeasurementOptions): ExtremaResult {
  const g = read('extrema', input, labels, index, options);
  const e = extremesOf('extrema', g);
  return [groupResult(g, e.min, g.dtype), groupResult(g, e.max, g.dtype), positionResult(g, e.minAt), positionResult(g, e.maxAt)];
}

/** The median's dtype: float32 stays float32 (SciPy averages in it), everything else float64. */
function medianDtype(dtype: DType): DType {
  return dtype === 'float32' ? 'float32' : 'float64';
}

export function medianHost(input: unknown, labels?: unknown, index?: unknown, options?: MeasurementOptions): LabelResult {
  const g = read('median', input, labels, index, options);
  const dtype = medianDtype(g.dtype);
  const mid = (a: number, b: number) => (dtype === 'float32' ? Math.fround(Math.fround(a + b) / 2) : (a + b) / 2);
  // the values of each group, gathered group by group (a counting sort) and sorted (NaN last)
  const n = g.groupCount;
  const start = new Int32Array(n + 1);
  for (const k of g.group) if (k >= 0) start[k + 1]++;
  for (let k = 0; k < n; k++) start[k + 1] += start[k];
  const sorted = new Float64Array(start[n]);
  const fill = start.slice(0, n);
  g.group.forEach((k, i) => {
    if (k >= 0) sorted[fill[k]++] = g.values[i];
  });
  const medians = new Float64Array(n);
  const missing = g.slots === null ? Number.NaN : missingLabelMedian(g);
  for (let k = 0; k < n; k++) {
    const part = sorted.subarray(start[k], start[k + 1]);
    if (part.length === 0) {
      medians[k] = missing;
      continue;
    }
    part.sort();
    // NumPy's median of one group is NaN when it holds a NaN; SciPy's per-label median sorts NaN last
    if (g.slots === null && Number.isNaN(part[part.length - 1])) medians[k] = Number.NaN;
    else medians[k] = mid(part[(part.length - 1) >> 1], part[part.length >> 1]);
  }
  return groupResult(g, medians, dtype);
}

/** SciPy's median for a label without elements: the smallest value (NaN last) of the smallest label present. */
function missingLabelMedian(g: LabelGroups): number {
  const labels = g.labels as Float64Array;
  let label = Number.POSITIVE_INFINITY;
  let value = Number.NaN;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    const v = g.values[i];
    if (l < label) [label, value] = [l, v];
    else if (l === label && (Number.isNaN(value) || v < value)) value = v;
  }
  return value;
}
