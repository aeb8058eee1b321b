/**
 * The kernel set of a LAPACK type: the real kernels for s/d, the complex ones for c/z.
 * Offsets are in elements (a complex element counts once).
 */
import { type Float, isComplex, type LapackDtype } from '../stack.js';
import { cgetrf, claswp, cpotrf, ctrsm } from './complex.js';
import { laswp } from './real.js';
import { getrfReal, potrfReal, trsmReal } from './real-dispatch.js';

export interface Kernels {
  getrf(a: Float, o: number, m: number, n: number, piv: Int32Array, po: number): number;
  laswp(b: Float, bo: number, k: number, piv: Int32Array, po: number, count: number, reverse: boolean): void;
  trsm(t: Float, to: number, n: number, b: Float, bo: number, k: number, lower: boolean, trans: number, unit: boolean): number;
  potrf(a: Float, o: number, n: number): number;
}

const REAL: Kernels = { getrf: getrfReal, laswp, trsm: trsmReal, potrf: potrfReal };
const COMPLEX: Kernels = { getrf: cgetrf, laswp: claswp, trsm: ctrsm, potrf: cpotrf };

export function kernelsFor(dtype: LapackDtype): Kernels {
  return isComplex(dtype) ? COMPLEX : REAL;
}
