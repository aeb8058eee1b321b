/**
 * centerOfMass: per label group, Σ v·coordinate / Σ v along every axis, as SciPy (each sum
 * by sumLabels' rules: a single group's normaliser is summed in the input's dtype). No
 * check for a zero mass: it gives ±Infinity or NaN, as SciPy.
 */
import { readOptions } from '@sciport/array-api';
import { labelGroups } from './label-groups.js';
import { groupMoments } from './label-statistics.js';
import { MEASUREMENT_KEYS, type MeasurementOptions } from './measurement-options.js';

export function centerOfMassHost(input: unknown, labels?: unknown, index?: unknown, options?: MeasurementOptions): number[] | number[][] {
  readOptions(options, MEASUREMENT_KEYS, 'centerOfMass');
  const g = labelGroups('centerOfMass', input, labels, index);
  const mass = groupMoments(g).sum;
  const rank = g.shape.length;
  const moments = new Float64Array(g.groupCount * rank);
  const coords = new Array<number>(rank).fill(0);
  for (let i = 0; i < g.values.length; i++) {
    const k = g.group[i];
    if (k >= 0) for (let d = 0; d < rank; d++) moments[k * rank + d] += g.values[i] * coords[d];
    for (let d = rank - 1; d >= 0; d--) {
      if (++coords[d] < g.shape[d]) break;
      coords[d] = 0;
    }
  }
  const centre = (k: number) => Array.from({ length: rank }, (_, d) => moments[k * rank + d] / mass[k]);
  if (g.slots === null) return centre(0);
  return Array.from(g.slots, centre);
}
