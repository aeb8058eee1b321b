/**
 * The kernel set of a LAPACK type: the real kernels for s/d, the complex ones for c/z.
 * Offsets are in elements (a complex element counts once).
 */
import { type Float, isComplex, type LapackDtype } from '../stack.js';
import { cgetrf, claswp, cpotrf, ctrsm } from './complex.js';
import { laswp } from './real.js';
import { getrfReal, potrfReal, potrfUpperReal, trsmReal } from './real-dispatch.js';

export interface Kernels {
  getrf(a: Float, o: number, m: number, n: number, piv: Int32Array, po: number): number;
  laswp(b: Float, bo: number, k: number, piv: Int32Array, po: number, count: number, reverse: boolean): void;
  trsm(t: Float, to: number, n: number, b: Float, bo: number, k: number, lower: boolean, trans: number, unit: boolean): number;
  potrf(a: Float, o: number, n: number): number;
  /**
   * potrf of the upper triangle (A = Uᵀ U; the strictly lower triangle is left as it is),
   * or undefined where the kernel set has none for this order: the caller then mirrors the
   * upper triangle into the lower one and calls potrf.
   */
  potrfUpper?(a: Float, o: number, n: number): number | undefined;
}

const REAL: Kernels = { getrf: getrfReal, laswp, trsm: trsmReal, potrf: potrfReal, potrfUpper: potrfUpperReal };
const COMPLEX: Kernels = { getrf: cgetrf, laswp: claswp, trsm: ctrsm, potrf: cpotrf };

export function kernelsFor(dtype: LapackDtype): Kernels {
  return isComplex(dtype) ? COMPLEX : REAL;
}
