/**
 * Complex filtering as SciPy does it: a linear filter of complex data (or with complex
 * weights) is a combination of real filters of the real and imaginary parts, each
 * stored in the output's part dtype as it is produced.
 */
import { isComplexDtype, type DType, type NDArray } from '@sciport/array-api';
import { partDtype, quantize } from './output.js';
import { readPlane } from './planes.js';

/** A real filter: `plane` filtered with weights `w` and fill value `cval`. */
export type RealFilter = (plane: Float64Array, w: Float64Array | null, cval: number) => Float64Array;

function stored(plane: Float64Array, dtype: DType): Float64Array {
  quantize(plane, dtype);
  return plane;
}

/**
 * The (real, imaginary) planes of filtering `x` with weights (wr, wi) — wi null for real
 * weights — into an output of `outDtype`, each already stored as the output holds it.
 */
export function filterParts(
  x: NDArray,
  wr: Float64Array | null,
  wi: Float64Array | null,
  cval: readonly [number, number],
  outDtype: DType,
  filter: RealFilter,
): [Float64Array, Float64Array] {
  const part = partDtype(outDtype);
  const inputPart = partDtype(x.dtype);
  const xr = readPlane(x, 0);
  if (!isComplexDtype(x.dtype)) {
    // real data, complex weights
    return [stored(filter(xr, wr, cval[0]), part), stored(filter(xr, wi, cval[0]), part)];
  }
  const xi = readPlane(x, 1);
  if (wi === null) return [stored(filter(xr, wr, cval[0]), part), stored(filter(xi, wr, cval[1]), part)];
  const re = stored(filter(xr, wr, cval[0]), part);
  const reSub = stored(filter(xi, wi, cval[1]), inputPart);
  for (let k = 0; k < re.length; k++) re[k] -= reSub[k];
  const im = stored(filter(xr, wi, cval[0]), part);
  const imAdd = stored(filter(xi, wr, cval[1]), inputPart);
  for (let k = 0; k < im.length; k++) im[k] += imAdd[k];
  return [stored(re, part), stored(im, part)];
}
