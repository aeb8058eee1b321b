/**
 * Dtype conversion of array data (`astype`, `asarray` with a dtype). Follows NumPy's
 * C casts: float → int truncates toward zero, → bool is "not zero" (NaN is true),
 * real → complex sets im = 0, complex → bool is "≠ 0+0j". Complex → real is refused, as
 * the standard asks.
 */
import { DtypeError } from '@sciport/dispatch-core';
import { allocate, type DType, dtypeInfo, type TypedArray } from './dtypes.js';
import { isCContiguous, stridedOffsets } from './layout.js';
import { type NDArray, trustedArray } from './ndarray.js';

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** Number → bigint for int64/uint64 storage: truncates; NaN → 0, ±Inf saturate. */
export function toBigInt(v: number): bigint {
  if (Number.isFinite(v)) return BigInt(Math.trunc(v));
  if (Number.isNaN(v)) return 0n;
  return v > 0 ? INT64_MAX : INT64_MIN;
}

/** Element conversion for number → number storage with dtype semantics (bool). */
function writerFor(dtype: DType): ((dst: TypedArray, i: number, v: number) => void) | null {
  if (dtype === 'bool') return (dst, i, v) => ((dst as Uint8Array)[i] = v !== 0 ? 1 : 0);
  return null;
}

/**
 * Copies `src` (any strides) into a new C-contiguous array of `dtype`.
 */
export function castCopy(src: NDArray, dtype: DType, argument = 'x'): NDArray {
  const size = src.size;
  const out = allocate(dtype, size);
  castInto(src, out, dtype, argument);
  return trustedArray(out, src.shape.slice(), dtype);
}

/** Writes `src`'s elements (C order, converted) into contiguous storage `out` of `dtype`. */
export function castInto(src: NDArray, out: TypedArray, dtype: DType, argument = 'x'): void {
  const size = src.size;
  const si = dtypeInfo(src.dtype);
  const di = dtypeInfo(dtype);
  if (si.lanes === 2 && dtype === 'bool') {
    // The standard: complex → bool is "not 0+0j"; other complex → real casts are refused.
    const a = src.data as Float64Array;
    const offs2 = isCContiguous(src.shape, src.stride) ? null : stridedOffsets(src.shape, src.stride, src.offset);
    for (let i = 0; i < size; i++) {
      const p = 2 * (offs2 === null ? src.offset + i : offs2[i]);
      out[i] = a[p] !== 0 || a[p + 1] !== 0 ? 1 : 0;
    }
    return;
  }
  if (si.lanes === 2 && di.lanes === 1) {
    throw new DtypeError(`Cannot cast ${src.dtype} to ${dtype}: the imaginary part would be lost.`, {
      argument,
      hint: 'Take real(x), imag(x) or abs(x) first.',
    });
  }
  const contiguous = isCContiguous(src.shape, src.stride);
  const offs = contiguous ? null : stridedOffsets(src.shape, src.stride, src.offset);
  const base = src.offset;
  const sd = src.data;
  if (si.lanes === 2) {
    // complex → complex
    const a = sd as Float64Array;
    const o = out as Float64Array;
    for (let i = 0; i < size; i++) {
      const p = 2 * (offs === null ? base + i : offs[i]);
      o[2 * i] = a[p];
      o[2 * i + 1] = a[p + 1];
    }
    return;
  }
  if (di.lanes === 2) {
    const o = out as Float64Array;
    if (si.isBigInt) {
      const a = sd as BigInt64Array;
      for (let i = 0; i < size; i++) o[2 * i] = Number(a[offs === null ? base + i : offs[i]]);
    } else {
      const a = sd as Float64Array;
      for (let i = 0; i < size; i++) o[2 * i] = a[offs === null ? base + i : offs[i]];
    }
    return;
  }
  if (si.isBigInt && di.isBigInt) {
    const a = sd as BigInt64Array;
    const o = out as BigInt64Array;
    // BigInt64Array/BigUint64Array stores wrap modulo 2^64, as a C cast does.
    for (let i = 0; i < size; i++) o[i] = a[offs === null ? base + i : offs[i]];
    return;
  }
  if (si.isBigInt) {
    const a = sd as BigInt64Array;
    const o = out as Float64Array;
    if (dtype === 'bool') {
      for (let i = 0; i < size; i++) o[i] = a[offs === null ? base + i : offs[i]] !== 0n ? 1 : 0;
    } else if (di.kind === 'signed integer' || di.kind === 'unsigned integer') {
      const bits = di.itemsize * 8;
      for (let i = 0; i < size; i++) o[i] = Number(BigInt.asIntN(bits, a[offs === null ? base + i : offs[i]]));
    } else {
      for (let i = 0; i < size; i++) o[i] = Number(a[offs === null ? base + i : offs[i]]);
    }
    return;
  }
  if (di.isBigInt) {
    const a = sd as Float64Array;
    const o = out as BigInt64Array;
    for (let i = 0; i < size; i++) o[i] = toBigInt(a[offs === null ? base + i : offs[i]]);
    return;
  }
  const a = sd as Float64Array;
  const o = out as Float64Array;
  const write = writerFor(dtype);
  if (write !== null) {
    for (let i = 0; i < size; i++) write(o, i, a[offs === null ? base + i : offs[i]]);
    return;
  }
  if (offs === null) {
    if (sd.constructor === out.constructor && src.dtype === dtype) {
      o.set(a.subarray(base, base + size));
      return;
    }
    for (let i = 0; i < size; i++) o[i] = a[base + i];
    return;
  }
  for (let i = 0; i < size; i++) o[i] = a[offs[i]];
}
