/**
 * Reading an array's elements straight from its buffer. The O(n²) functions spend their
 * time here, so the common cases take no per-element work: a C-contiguous array of the
 * wanted type is read in place, and a conversion between number types is one native
 * `TypedArray.prototype.set` (a cast with the same rounding as `astype`).
 */
import { allocate, astype, type DType, dtypeInfo, type NDArray, type TypedArray } from '@sciport/array-api';

/**
 * The elements of `x` in C order (complex interleaved) as its own storage type: a view of
 * `x`'s buffer when `x` is C-contiguous, else a copy. Callers only read it.
 */
export function elementsOf(x: NDArray): TypedArray {
  if (!x.isContiguous) return x.toTypedArray();
  const lanes = dtypeInfo(x.dtype).lanes;
  const start = x.offset * lanes;
  return x.data.subarray(start, start + x.size * lanes);
}

/** Whether the fast paths below can convert `from` to `to` (number storage, no complex → real). */
function settable(from: DType, to: DType): boolean {
  const f = dtypeInfo(from);
  const t = dtypeInfo(to);
  return !f.isBigInt && !t.isBigInt && to !== 'bool' && f.lanes <= t.lanes;
}

/** A new C-order array of `dtype` storage holding `x`'s elements (the caller may write it). */
export function copyAs(x: NDArray, dtype: DType): TypedArray {
  if (!settable(x.dtype, dtype)) return astype(x, dtype, { copy: true }).data;
  const source = elementsOf(x);
  const out = allocate(dtype, x.size);
  if (dtypeInfo(x.dtype).lanes === dtypeInfo(dtype).lanes) {
    (out as Float64Array).set(source as Float64Array);
    return out;
  }
  // real → complex: the imaginary lanes stay 0
  const target = out as Float64Array;
  for (let i = 0; i < source.length; i++) target[2 * i] = source[i] as number;
  return out;
}

/** `x`'s elements as `dtype` storage, read only: `x`'s own buffer when it already is that. */
export function readAs(x: NDArray, dtype: DType): TypedArray {
  return x.dtype === dtype ? elementsOf(x) : copyAs(x, dtype);
}

/** Elements checked per block of allFinite's branch-free scan. */
const FINITE_BLOCK = 1024;

/**
 * True when every element of the floating storage `data` is finite. v·0 is 0 for finite v
 * and NaN for ±inf and NaN, so a block's sum of v·0 (four independent sums, no branch per
 * element) is 0 exactly when the whole block is finite; the tail is tested one by one.
 */
export function allFinite(data: TypedArray): boolean {
  const d = data as Float64Array;
  const n = d.length;
  let i = 0;
  for (; i + FINITE_BLOCK <= n; i += FINITE_BLOCK) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = i; j < i + FINITE_BLOCK; j += 4) {
      s0 += d[j] * 0;
      s1 += d[j + 1] * 0;
      s2 += d[j + 2] * 0;
      s3 += d[j + 3] * 0;
    }
    if (s0 + s1 + s2 + s3 !== 0) return false;
  }
  for (; i < n; i++) {
    const v = d[i];
    if (v - v !== 0) return false;
  }
  return true;
}
