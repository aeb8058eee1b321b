/**
 * findObjects: the bounding box of each label 1…maxLabel of an integer (or boolean) label
 * array, as SciPy's find_objects: per label an array of [start, stop) pairs, one per axis,
 * or null for a label with no element. Non-positive labels and labels above maxLabel are
 * not reported.
 */
import { dtypeInfo, readOptions } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError } from '@sciport/dispatch-core';
import { readInput } from './filter-io.js';
import { FIND_OBJECTS_KEYS, type FindObjectsOptions } from './measurement-options.js';
import { readPlane } from './planes.js';

/** One object's box: [start, stop) per axis. */
export type ObjectSlices = [number, number][];

export function findObjectsHost(input: unknown, options?: FindObjectsOptions): (ObjectSlices | null)[] {
  const x = readInput(input);
  const o = readOptions(options, FIND_OBJECTS_KEYS, 'findObjects');
  const kind = dtypeInfo(x.dtype).kind;
  if (!kind.endsWith('integer') && kind !== 'bool') {
    throw new DtypeError(`findObjects needs integer labels, got ${x.dtype}.`, {
      argument: 'input',
      hint: 'Pass the labels of label() (any integer dtype).',
    });
  }
  const maxLabelOption = o.maxLabel ?? 0;
  if (typeof maxLabelOption !== 'number' || !Number.isInteger(maxLabelOption)) {
    throw new InvalidArgumentError(`'maxLabel' must be an integer, got ${describe(maxLabelOption)}.`, {
      argument: 'maxLabel',
      hint: 'Give the largest label to report (0: the largest present).',
    });
  }
  const labels = readPlane(x);
  // as SciPy: a maxLabel below 1 means the largest label present (none present: no objects)
  let maxLabel = 0;
  if (maxLabelOption >= 1) maxLabel = maxLabelOption;
  else for (const l of labels) maxLabel = Math.max(maxLabel, l);
  const rank = x.ndim;
  // per label: start (lo) and stop (hi) per axis, set by the label's first element
  const lo = new Float64Array(maxLabel * rank);
  const hi = new Float64Array(maxLabel * rank);
  const seen = new Uint8Array(maxLabel);
  const coords = new Array<number>(rank).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] - 1;
    if (l >= 0 && l < maxLabel) {
      const base = l * rank;
      for (let d = 0; d < rank; d++) {
        const c = coords[d];
        if (!seen[l] || c < lo[base + d]) lo[base + d] = c;
        if (!seen[l] || c + 1 > hi[base + d]) hi[base + d] = c + 1;
      }
      seen[l] = 1;
    }
    for (let d = rank - 1; d >= 0; d--) {
      if (++coords[d] < x.shape[d]) break;
      coords[d] = 0;
    }
  }
  return Array.from(seen, (s, l) => (s ? Array.from({ length: rank }, (_, d): [number, number] => [lo[l * rank + d], hi[l * rank + d]]) : null));
}
