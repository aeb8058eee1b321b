/**
 * How the Schur-based functions hand back their complex results: Z F Zᴴ, and for real input
 * its real part when the imaginary parts are negligible (SciPy's `_maybe_real`: all below
 * 10³·ε for single, 10⁶·ε for double precision) or, for functions that are real for real
 * input by construction, always.
 */
import type { Float, LapackDtype } from '../stack.js';
import { matmul, type Square, transpose } from './dense.js';

/** Z F Zᴴ. */
export function unitarySimilarity(fc: Square, z: Float, f: Float): Float {
  return matmul(fc, matmul(fc, z, f), transpose(fc, z, true));
}

/** The real parts of an interleaved complex buffer, in the same precision. */
export function realParts(x: Float): Float {
  const out = new (x.constructor as Float64ArrayConstructor)(x.length / 2);
  for (let p = 0; p < out.length; p++) out[p] = x[2 * p];
  return out;
}

/** A real buffer as an interleaved complex one of the same precision (zero imaginary parts). */
export function toComplex(x: Float): Float {
  const out = new (x.constructor as Float64ArrayConstructor)(2 * x.length);
  for (let p = 0; p < x.length; p++) out[2 * p] = x[p];
  return out;
}

/** Whether every imaginary part of the complex `x` is within SciPy's `_maybe_real` tolerance. */
export function negligibleImaginary(x: Float, dtype: LapackDtype): boolean {
  const tol = dtype === 'complex64' ? 1e3 * 2 ** -23 : 1e6 * 2 ** -52;
  for (let p = 1; p < x.length; p += 2) if (!(Math.abs(x[p]) <= tol)) return false;
  return true;
}
