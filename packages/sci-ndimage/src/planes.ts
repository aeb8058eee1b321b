/**
 * Planes: an array's values (or one part of complex values) as a C-ordered Float64Array,
 * which is how SciPy's filters see them (their line buffers are doubles). Reading copies,
 * so the input is never written and an `output` may be the input itself.
 */
import { dtypeInfo, type NDArray } from '@sciport/array-api';

export type Part = 0 | 1;

/** The values of `x` (part `part`, 0 = real, 1 = imaginary, of complex arrays) in C order. */
export function readPlane(x: NDArray, part: Part = 0): Float64Array {
  const out = new Float64Array(x.size);
  readPlaneInto(x, out, part);
  return out;
}

/** `readPlane` into `out` (length x.size), which must not overlap `x`'s elements unless it is `x`'s own C-ordered storage. */
export function readPlaneInto(x: NDArray, out: Float64Array, part: Part = 0): void {
  const info = dtypeInfo(x.dtype);
  const size = x.size;
  if (size === 0) return;
  if (info.lanes === 1 && part === 1) {
    out.fill(0);
    return;
  }
  if (info.lanes === 1 && !info.isBigInt && x.isContiguous) {
    // one native conversion instead of an element loop
    out.set((x.data as Float64Array).subarray(x.offset, x.offset + size));
    return;
  }
  const data = x.data as ArrayLike<number | bigint>;
  const lanes = info.lanes;
  const big = info.isBigInt;
  forEachPosition(x, (k, p) => {
    const v = data[lanes * p + part];
    out[k] = big ? Number(v) : (v as number);
  });
}

/**
 * The storage of `x` as a C-ordered float64 plane a filter may write in place, when `x`
 * is a C-contiguous float64 array; null otherwise.
 */
export function float64Storage(x: NDArray): Float64Array | null {
  if (x.dtype !== 'float64' || !x.isContiguous) return null;
  return (x.data as Float64Array).subarray(x.offset, x.offset + x.size);
}

/** Writes a C-ordered plane into part `part` of `x` (values already stored-as `x`'s dtype). */
export function writePlane(x: NDArray, plane: Float64Array, part: Part = 0): void {
  const info = dtypeInfo(x.dtype);
  const size = x.size;
  if (size === 0) return;
  if (info.lanes === 1 && !info.isBigInt && x.isContiguous) {
    // one native conversion (the same as an element store) instead of an element loop
    (x.data as Float64Array).set(plane.subarray(0, size), x.offset);
    return;
  }
  const data = x.data as { [i: number]: number | bigint };
  const lanes = info.lanes;
  const big = info.isBigInt;
  forEachPosition(x, (k, p) => {
    data[lanes * p + part] = big ? BigInt(plane[k]) : plane[k];
  });
}

/**
 * Calls `visit(k, p)` for the elements of `x` in C order: `k` counts them, `p` is the
 * element's position in `x.data` (in elements; a complex element spans `lanes` slots).
 */
function forEachPosition(x: NDArray, visit: (k: number, p: number) => void): void {
  const nd = x.ndim;
  const size = x.size;
  const idx = new Array<number>(nd).fill(0);
  let p = x.offset;
  for (let k = 0; k < size; k++) {
    visit(k, p);
    // step the last axis; on its end, wrap it and carry into the axis before
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
