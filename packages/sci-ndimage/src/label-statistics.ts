/**
 * sum (sumLabels), mean, variance, standardDeviation per label group, as SciPy's `_stats`:
 * one pass for the counts and sums (a second for the centred squares), in C order. A
 * single group gives a number; SciPy sums it in the input's dtype, so a float32 input's
 * sum is rounded to float32 (integer sums are exact). A sequence index gives float64
 * arrays (SciPy's bincount); a label without elements has sum 0 and mean/variance NaN.
 */
import type { DType, NDArray } from '@sciport/array-api';
import { readOptions } from '@sciport/array-api';
import { groupResult, type LabelGroups, labelGroups } from './label-groups.js';
import { MEASUREMENT_KEYS, type MeasurementOptions } from './measurement-options.js';

export type LabelResult = number | NDArray;

interface Moments {
  readonly count: Float64Array;
  readonly sum: Float64Array;
}

/** Counts and sums per group. */
export function groupMoments(g: LabelGroups): Moments {
  const count = new Float64Array(g.groupCount);
  const sum = new Float64Array(g.groupCount);
  const { values, group } = g;
  for (let i = 0; i < values.length; i++) {
    const k = group[i];
    if (k < 0) continue;
    count[k]++;
    sum[k] += values[i];
  }
  // a single group is summed in the input's dtype by SciPy
  if (g.slots === null) sum[0] = asInputFloat(sum[0], g.dtype);
  return { count, sum };
}

/** A single-group float32 sum is a float32 value in SciPy. */
export function asInputFloat(value: number, dtype: DType): number {
  return dtype === 'float32' ? Math.fround(value) : value;
}

/** The sums of squared deviations from each group's mean. */
function centredSquares(g: LabelGroups, m: Moments): Float64Array {
  const means = m.sum.map((s, k) => s / m.count[k]);
  const out = new Float64Array(g.groupCount);
  const { values, group } = g;
  for (let i = 0; i < values.length; i++) {
    const k = group[i];
    if (k < 0) continue;
    const d = values[i] - means[k];
    out[k] += d * d;
  }
  if (g.slots === null) out[0] = asInputFloat(out[0], g.dtype);
  return out;
}

function read(fn: string, input: unknown, labels: unknown, index: unknown, options: MeasurementOptions | undefined): LabelGroups {
  readOptions(options, MEASUREMENT_KEYS, fn);
  return labelGroups(fn, input, labels, index);
}

export function sumLabelsHost(input: unknown, labels?: unknown, index?: unknown, options?: MeasurementOptions): LabelResult {
  const g = read('sumLabels', input, labels, index, options);
  return groupResult(g, groupMoments(g).sum, 'float64');
}

export function sumHost(input: unknown, labels?: unknown, index?: unknown, options?: MeasurementOptions): LabelResult {
  const g = read('sum', input, labels, index, options);
  return groupResult(g, groupMoments(g).sum, 'float64');
}

export function meanHost(input: unknown, labels?: unknown, index?: unknown, options?: MeasurementOptions): LabelResult {
  const g = read('mean', input, labels, index, options);
  const m = groupMoments(g);
  return groupResult(g, m.sum.map((s, k) => s / m.count[k]), 'float64');
}

function varianceOf(g: LabelGroups): Float64Array {
  const m = groupMoments(g);
  return centredSquares(g, m).map((s, k) => s / m.count[k]);
}

export function varianceHost(input: unknown, labels?: unknown, index?: unknown, options?: MeasurementOptions): LabelResult {
  const g = read('variance', input, labels, index, options);
  return groupResult(g, varianceOf(g), 'float64');
}

export function standardDeviationHost(input: unknown, labels?: unknown, index?: unknown, options?: MeasurementOptions): LabelResult {
  const g = read('standardDeviation', input, labels, index, options);
  return groupResult(g, varianceOf(g).map(Math.sqrt), 'float64');
}
