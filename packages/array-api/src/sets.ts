/**
 * Set functions. Following the standard, NaNs are distinct from each other (each NaN
 * is its own unique value) and +0/−0 are equal. Values come out sorted, as in NumPy.
 */
import { allocate, DEFAULT_INDEX, dtypeInfo } from './dtypes.js';
import { toNDArray } from './kernels.js';
import type { UniqueAll, UniqueCounts, UniqueInverse } from './namespace-types.js';
import { contiguousData, type NDArray, trustedArray } from './ndarray.js';
import { argsort } from './sorting.js';

function computeUnique(x: NDArray): UniqueAll<NDArray> {
  const a = toNDArray(x);
  const flat = trustedArray(contiguousData(a, false), [a.size], a.dtype);
  const order = argsort(flat).data as Int32Array;
  const lanes = dtypeInfo(a.dtype).lanes;
  const d = flat.data as unknown as ArrayLike<number | bigint>;
  const same = (i: number, j: number) =>
    lanes === 2 ? d[2 * i] === d[2 * j] && d[2 * i + 1] === d[2 * j + 1] : d[i] === d[j];
  const firsts: number[] = [];
  const counts: number[] = [];
  const inverse = allocate(DEFAULT_INDEX, a.size) as Int32Array;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (k > 0 && same(order[k - 1], i)) {
      counts[counts.length - 1]++;
      // Sorting is stable, so the first of a run is the first occurrence.
    } else {
      firsts.push(i);
      counts.push(1);
    }
    inverse[i] = firsts.length - 1;
  }
  const m = firsts.length;
  const values = allocate(a.dtype, m) as unknown as unknown[];
  const src = d as unknown as unknown[];
  for (let k = 0; k < m; k++) {
    if (lanes === 2) {
      values[2 * k] = src[2 * firsts[k]];
      values[2 * k + 1] = src[2 * firsts[k] + 1];
    } else values[k] = src[firsts[k]];
  }
  return {
    values: trustedArray(values as unknown as Float64Array, [m], a.dtype),
    indices: trustedArray(Int32Array.from(firsts), [m], DEFAULT_INDEX),
    inverseIndices: trustedArray(inverse, a.shape.slice(), DEFAULT_INDEX),
    counts: trustedArray(Int32Array.from(counts), [m], DEFAULT_INDEX),
  };
}

export function uniqueAll(x: NDArray): UniqueAll<NDArray> {
  return computeUnique(x);
}
export function uniqueCounts(x: NDArray): UniqueCounts<NDArray> {
  const u = computeUnique(x);
  return { values: u.values, counts: u.counts };
}
export function uniqueInverse(x: NDArray): UniqueInverse<NDArray> {
  const u = computeUnique(x);
  return { values: u.values, inverseIndices: u.inverseIndices };
}
export function uniqueValues(x: NDArray): NDArray {
  return computeUnique(x).values;
}
