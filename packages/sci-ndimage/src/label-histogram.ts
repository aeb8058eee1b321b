/**
 * histogram: per label group, the counts of the values in `bins` equal bins between `min`
 * and `max`, as SciPy (NumPy's histogram over the edges linspace(min, max, bins + 1)): bin
 * i holds edge[i] ≤ v < edge[i+1], the last bin also v = max; values outside, and NaN, are
 * not counted. Counts are int32, the package's index dtype (SciPy's are int64).
 */
import { checkAllocatable, type NDArray, readOptions } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { labelGroups, makeArray } from './label-groups.js';
import { MEASUREMENT_KEYS, type MeasurementOptions } from './measurement-options.js';

/** NumPy's linspace(start, stop, num) with its endpoint: i·step + start, the last edge exactly stop. */
function edges(start: number, stop: number, bins: number): Float64Array {
  const out = new Float64Array(bins + 1);
  const delta = stop - start;
  const step = delta / bins;
  for (let i = 0; i <= bins; i++) out[i] = (step === 0 ? (i / bins) * delta : i * step) + start;
  out[bins] = stop;
  return out;
}

/** The bin of `v` (−1 outside): the last edge ≤ v, by bisection; v = max goes to the last bin. */
function binOf(v: number, e: Float64Array): number {
  const bins = e.length - 1;
  if (!(v >= e[0] && v <= e[bins])) return -1;
  if (v === e[bins]) return bins - 1;
  let lo = 0;
  let hi = bins; // e[lo] ≤ v < e[hi]
  while (hi - lo > 1) {
    const m = (lo + hi) >> 1;
    if (e[m] <= v) lo = m;
    else hi = m;
  }
  return lo;
}

function checkFiniteArgument(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`'${argument}' must be a finite number, got ${describe(value)}.`, { argument, hint: 'Pass the range of the bins.' });
  }
  return value;
}

export function histogramHost(
  input: unknown,
  min: number,
  max: number,
  bins: number,
  labels?: unknown,
  index?: unknown,
  options?: MeasurementOptions,
): NDArray | null | (NDArray | null)[] {
  readOptions(options, MEASUREMENT_KEYS, 'histogram');
  const lo = checkFiniteArgument(min, 'min');
  const hi = checkFiniteArgument(max, 'max');
  if (hi < lo) {
    throw new InvalidArgumentError(`'max' (${hi}) is below 'min' (${lo}).`, { argument: 'max', hint: 'Give max ≥ min.' });
  }
  if (typeof bins !== 'number' || !Number.isInteger(bins) || bins < 0) {
    throw new InvalidArgumentError(`'bins' must be an integer ≥ 0, got ${describe(bins)}.`, { argument: 'bins', hint: 'Give the number of bins.' });
  }
  checkAllocatable([bins + 1], 'bins');
  const g = labelGroups('histogram', input, labels, index);
  checkAllocatable([g.groupCount, bins], 'bins');
  const e = edges(lo, hi, bins);
  const counts = new Float64Array(g.groupCount * bins);
  const size = new Float64Array(g.groupCount);
  for (let i = 0; i < g.values.length; i++) {
    const k = g.group[i];
    if (k < 0) continue;
    size[k]++;
    const b = bins === 0 ? -1 : binOf(g.values[i], e);
    if (b >= 0) counts[k * bins + b]++;
  }
  const histogramOf = (k: number) => makeArray(counts.slice(k * bins, (k + 1) * bins), [bins], 'int32');
  // a missing scalar label gets SciPy's default (None), as the entries of a sequence below
  if (g.slots === null) return typeof index === 'number' && size[0] === 0 ? null : histogramOf(0);
  // SciPy's labeled_comprehension leaves its default (None) for labels without elements
  return Array.from(g.slots, (k) => (size[k] === 0 ? null : histogramOf(k)));
}
