/**
 * Planes: an array's values (or one part of complex values) as a C-ordered Float64Array,
 * which is how SciPy's filters see them (their line buffers are doubles). Reading copies,
 * so the input is never written and an `output` may be the input itself.
 */
import { dtypeInfo, type NDArray } from '@sciport/array-api';

export type Part = 0 | 1;

/** The values of `x` (part `part`, 0 = real, 1 = imaginary, of complex arrays) in C order. */
export function readPlane(x: NDArray, part: Part = 0): Float64Array {
  const info = dtypeInfo(x.dtype);
  const size = x.size;
  const out = new Float64Array(size);
  if (size === 0) return out;
  if (info.lanes === 1 && part === 1) return out;
  if (info.lanes === 1 && !info.isBigInt && x.isContiguous) {
    // one native conversion instead of an element loop
    out.set((x.data as Float64Array).subarray(x.offset, x.offset + size));
    return out;
  }
  const data = x.data as ArrayLike<number | bigint>;
  const nd = x.ndim;
  const lanes = info.lanes;
  const big = info.isBigInt;
  const idx = new Array<number>(nd).fill(0);
  let p = x.offset;
  for (let k = 0; k < size; k++) {
    const v = data[lanes * p + part];
    out[k] = big ? Number(v) : (v as number);
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < x.shape[d]) {
        p += x.stride[d];
        break;
      }
      p -= (x.shape[d] - 1) * x.stride[d];
      idx[d] = 0;
    }
  }
  return out;
}

/** Writes a C-ordered plane into part `part` of `x` (values already stored-as `x`'s dtype). */
export function writePlane(x: NDArray, plane: Float64Array, part: Part = 0): void {
  const info = dtypeInfo(x.dtype);
  const size = x.size;
  if (size === 0) return;
  const data = x.data as { [i: number]: number | bigint };
  const nd = x.ndim;
  const lanes = info.lanes;
  const big = info.isBigInt;
  const idx = new Array<number>(nd).fill(0);
  let p = x.offset;
  for (let k = 0; k < size; k++) {
    data[lanes * p + part] = big ? BigInt(plane[k]) : plane[k];
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < x.shape[d]) {
        p += x.stride[d];
        break;
      }
      p -= (x.shape[d] - 1) * x.stride[d];
      idx[d] = 0;
    }
  }
}
