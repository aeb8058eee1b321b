/**
 * What every measurement shares: which elements of `input` each result is computed over,
 * as SciPy selects them from `labels` and `index`:
 *  - no labels: one group, every element (any `index` is ignored, as SciPy);
 *  - labels, no index: one group, the elements whose label is > 0;
 *  - a number index: one group, the elements whose label equals it;
 *  - a sequence (or array) index: one group per distinct index value; the result has the
 *    index's shape and repeats a group's value for a repeated index value.
 * One pass over the labels assigns each element its group (O(n + labels)).
 */
import { asarray, broadcastShapes, broadcastTo, type DType, isComplexDtype, type NDArray, zeros } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { readInput } from './filter-io.js';
import { quantize } from './output.js';
import { readPlane, writePlane } from './planes.js';

export interface LabelGroups {
  /** The input's values in C order (doubles) and its dtype and shape. */
  readonly values: Float64Array;
  readonly dtype: DType;
  readonly shape: readonly number[];
  /** Each element's group, or −1 for elements in none. */
  readonly group: Int32Array;
  readonly groupCount: number;
  /** Null for a single (scalar) result; else per index entry (C order) its group. */
  readonly slots: Int32Array | null;
  readonly indexShape: readonly number[];
  /** The labels (C order) when given: median needs them for SciPy's value of a missing label. */
  readonly labels: Float64Array | null;
}

/** Reads a measurement's arguments; `fn` names it in errors. */
export function labelGroups(fn: string, input: unknown, labels: unknown, index: unknown): LabelGroups {
  const x = readInput(input);
  if (isComplexDtype(x.dtype)) {
    throw new DtypeError(`${fn} does not take complex input (${x.dtype}).`, {
      argument: 'input',
      hint: 'Measure the real and imaginary parts (or the magnitude) separately.',
    });
  }
  const values = readPlane(x);
  const base = { values, dtype: x.dtype, shape: x.shape };
  if (labels === undefined || labels === null) {
    return { ...base, group: new Int32Array(values.length), groupCount: 1, slots: null, indexShape: [], labels: null };
  }
  const l = readLabels(labels, x.shape);
  const group = new Int32Array(values.length);
  if (index === undefined || index === null) {
    for (let i = 0; i < l.length; i++) group[i] = l[i] > 0 ? 0 : -1;
    return { ...base, group, groupCount: 1, slots: null, indexShape: [], labels: l };
  }
  if (typeof index === 'number') {
    for (let i = 0; i < l.length; i++) group[i] = l[i] === index ? 0 : -1;
    return { ...base, group, groupCount: 1, slots: null, indexShape: [], labels: l };
  }
  const idx = readIndex(index);
  const { slots, groupCount } = assignGroups(idx.values, l, group);
  return { ...base, group, groupCount, slots, indexShape: idx.shape, labels: l };
}

/** The labels as doubles in the input's C order; they must broadcast to the input's shape. */
export function readLabels(labels: unknown, shape: readonly number[]): Float64Array {
  let l = asarray(labels);
  if (isComplexDtype(l.dtype)) {
    throw new DtypeError(`'labels' must be real, got ${l.dtype}.`, { argument: 'labels', hint: 'Pass integer labels, e.g. from label().' });
  }
  if (l.ndim !== shape.length || l.shape.some((n, i) => n !== shape[i])) {
    let fits = false;
    try {
      const b = broadcastShapes(l.shape, shape);
      fits = b.length === shape.length && b.every((n, i) => n === shape[i]);
    } catch {
      fits = false;
    }
    if (!fits) {
      throw new ShapeError(`'labels' has shape [${l.shape.join(', ')}], which does not broadcast to the input's [${shape.join(', ')}].`, {
        argument: 'labels',
        hint: 'Give labels of the input’s shape (or one that broadcasts to it).',
      });
    }
    l = broadcastTo(l, [...shape]);
  }
  return readPlane(l);
}

/** A sequence index: its values (C order) and shape. */
function readIndex(index: unknown): { values: Float64Array; shape: readonly number[] } {
  // a flat list of numbers, the common case, without asarray's general nested-list walk
  if (Array.isArray(index) && index.every((v) => typeof v === 'number')) return { values: Float64Array.from(index), shape: [index.length] };
  let a: NDArray;
  try {
    a = asarray(index);
  } catch {
    throw new InvalidArgumentError(`'index' must be a label, a sequence of labels or null, got ${describe(index)}.`, {
      argument: 'index',
      hint: 'Pass e.g. 1, [1, 2, 3], or null for every label > 0.',
    });
  }
  if (isComplexDtype(a.dtype)) {
    throw new DtypeError(`'index' must be real, got ${a.dtype}.`, { argument: 'index', hint: 'Pass label values.' });
  }
  return { values: readPlane(a), shape: a.shape };
}

/**
 * One group per distinct index value (numbered in order of first appearance): `slots[s]` is the
 * group of index entry s, and group[i] that of label l[i] (−1 when its label is not indexed).
 * Integer index values in a range not much larger than the arrays use a dense table (labels
 * from label() always do); others a Map.
 */
function assignGroups(index: Float64Array, l: Float64Array, group: Int32Array): { slots: Int32Array; groupCount: number } {
  const slots = new Int32Array(index.length);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let integers = true;
  for (const k of index) {
    if (k < lo) lo = k;
    if (k > hi) hi = k;
    integers &&= Number.isInteger(k);
  }
  let groupCount = 0;
  if (index.length > 0 && integers && hi - lo <= Math.max(1024, 4 * (l.length + index.length))) {
    const table = new Int32Array(hi - lo + 1).fill(-1);
    for (let s = 0; s < index.length; s++) {
      const t = index[s] - lo;
      if (table[t] === -1) table[t] = groupCount++;
      slots[s] = table[t];
    }
    const span = hi - lo;
    for (let i = 0; i < l.length; i++) {
      const v = l[i] - lo;
      // labels outside the table's range (or not integers) are in no group
      group[i] = v >= 0 && v <= span && v === Math.floor(v) ? table[v] : -1;
    }
    return { slots, groupCount };
  }
  const groupOf = new Map<number, number>();
  index.forEach((v, s) => {
    let g = groupOf.get(v);
    if (g === undefined) groupOf.set(v, (g = groupOf.size));
    slots[s] = g;
  });
  for (let i = 0; i < l.length; i++) group[i] = groupOf.get(l[i]) ?? -1;
  return { slots, groupCount: groupOf.size };
}

/** Per-group values as SciPy returns them: a number for a single group, else an array of `dtype` with the index's shape. */
export function groupResult(g: LabelGroups, perGroup: Float64Array, dtype: DType): number | NDArray {
  if (g.slots === null) return perGroup[0];
  const out = new Float64Array(g.slots.length);
  g.slots.forEach((s, k) => {
    out[k] = perGroup[s];
  });
  return makeArray(out, g.indexShape, dtype);
}

/** An NDArray of `dtype` and `shape` holding `values` (C order), stored as the dtype stores them. */
export function makeArray(values: Float64Array, shape: readonly number[], dtype: DType): NDArray {
  const out = zeros(shape, { dtype });
  quantize(values, dtype);
  writePlane(out, values, 0);
  return out;
}
