/**
 * valueIndices: for each distinct value of an integer array, the indices of its elements,
 * as SciPy's value_indices: a Map from value (ascending) to one int32 index array per axis
 * (the package's index dtype; SciPy's are intp), the elements in C order.
 */
import { dtypeInfo, NDArray, readOptions } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError } from '@sciport/dispatch-core';
import { readInput } from './filter-io.js';
import { VALUE_INDICES_KEYS, type ValueIndicesOptions } from './measurement-options.js';
import { readPlane } from './planes.js';

export function valueIndicesHost(arr: unknown, options?: ValueIndicesOptions): Map<number, NDArray[]> {
  const x = readInput(arr);
  const o = readOptions(options, VALUE_INDICES_KEYS, 'valueIndices');
  if (!dtypeInfo(x.dtype).kind.endsWith('integer')) {
    throw new DtypeError(`valueIndices needs an integer array, got ${x.dtype}.`, { argument: 'arr', hint: 'Pass integer values, e.g. labels.' });
  }
  const ignore = o.ignoreValue ?? null;
  if (ignore !== null && (typeof ignore !== 'number' || !Number.isInteger(ignore))) {
    throw new InvalidArgumentError(`'ignoreValue' must be an integer or null, got ${describe(ignore)}.`, {
      argument: 'ignoreValue',
      hint: 'Give the value to leave out (e.g. 0 for the background).',
    });
  }
  const values = readPlane(x);
  const { order, keys, starts } = groupByValue(values, ignore);
  // each axis's coordinate of every listed element, once; each value's arrays are slices of them
  const coordinates = x.shape.map((n, d) => {
    const stride = x.shape.slice(d + 1).reduce((a, b) => a * b, 1);
    const c = new Int32Array(order.length);
    for (let j = 0; j < order.length; j++) c[j] = Math.floor(order[j] / stride) % n;
    return c;
  });
  const result = new Map<number, NDArray[]>();
  keys.forEach((k, g) => {
    const from = starts[g];
    const to = starts[g + 1];
    result.set(
      k,
      coordinates.map((c) => new NDArray(c.slice(from, to), [to - from], 'int32')),
    );
  });
  return result;
}

/** Values spanning at most this many integers per element (plus a constant) are grouped by counting. */
const DENSE_SPAN_PER_ELEMENT = 2;

/**
 * The flat positions of the elements other than `ignore`, grouped by value (ascending), each
 * group in C order; `keys[g]` is group g's value and its positions are order[starts[g]…starts[g + 1]).
 * Labels and other compact ranges are grouped by a counting sort (linear); sparse values by sorting.
 */
function groupByValue(values: Float64Array, ignore: number | null): { order: Int32Array; keys: number[]; starts: number[] } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let listed = 0;
  for (const v of values) {
    if (v === ignore) continue;
    listed++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const order = new Int32Array(listed);
  const keys: number[] = [];
  const starts: number[] = [];
  if (listed === 0) return { order, keys, starts: [0] };
  const span = hi - lo + 1;
  if (span <= DENSE_SPAN_PER_ELEMENT * values.length + 1024) {
    const next = new Int32Array(span + 1);
    for (const v of values) if (v !== ignore) next[v - lo + 1]++;
    for (let b = 0; b < span; b++) {
      if (next[b + 1] === 0) {
        next[b + 1] = next[b];
        continue;
      }
      keys.push(lo + b);
      starts.push(next[b]);
      next[b + 1] += next[b];
    }
    starts.push(listed);
    values.forEach((v, i) => {
      if (v !== ignore) order[next[v - lo]++] = i;
    });
    return { order, keys, starts };
  }
  let n = 0;
  values.forEach((v, i) => {
    if (v !== ignore) order[n++] = i;
  });
  order.sort((a, b) => values[a] - values[b] || a - b);
  order.forEach((i, j) => {
    if (j === 0 || values[i] !== values[order[j - 1]]) {
      keys.push(values[i]);
      starts.push(j);
    }
  });
  starts.push(listed);
  return { order, keys, starts };
}
