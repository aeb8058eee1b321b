/**
 * The Householder vector of one strided vector, LAPACK's larfg as geqr2 uses it, real
 * (lanes = 1) or complex interleaved (lanes = 2): shared by the unblocked QR (columns of a
 * row-major matrix, stride = row length) and the blocked one (rows of the transposed
 * matrix, stride 1), so both choose the same β and τ.
 */
import type { Float } from '../stack.js';

/** Below this sum of squares (or at infinity / NaN) `vectorNorm` takes the overflow- and underflow-safe path. */
const SAFE_SUM_OF_SQUARES = 2 ** -900;

/**
 * ‖x‖₂ of the `len` elements x[t] at `a[start + t·stride]` (`lanes` parts each): the plain
 * sum of squares where it can neither overflow nor lose entries to underflow, otherwise a
 * chain of hypot (as dnrm2 scales, without its cost on ordinary data).
 */
export function vectorNorm(a: Float, start: number, stride: number, len: number, lanes: number): number {
  let ss = 0;
  for (let t = 0, p = start; t < len; t++, p += stride) {
    ss += a[p] * a[p];
    if (lanes === 2) ss += a[p + 1] * a[p + 1];
  }
  if (ss >= SAFE_SUM_OF_SQUARES && ss < Number.POSITIVE_INFINITY) return Math.sqrt(ss);
  let norm = 0;
  for (let t = 0, p = start; t < len; t++, p += stride) norm = Math.hypot(norm, a[p], lanes === 2 ? a[p + 1] : 0);
  return norm;
}

/**
 * LAPACK's larfg on the vector (α, x) of `len` elements at `a[start + t·stride]`
 * (t = 0 is α): chooses β = −sign(Re α)·‖(α, x)‖ and τ = (β − α)/β, scales x by 1/(α − β)
 * (the reflector's v below its leading 1) and stores β at α. τ = 0 (H = I) when x is zero
 * and α is real. Writes τ at `tau[tp]` (and its imaginary part at `tau[tp + 1]`).
 */
export function larfg(a: Float, start: number, stride: number, len: number, lanes: number, tau: Float, tp: number): void {
  const ar = a[start];
  const ai = lanes === 2 ? a[start + 1] : 0;
  const xnorm = vectorNorm(a, start + stride, stride, len - 1, lanes);
  tau[tp] = 0;
  if (lanes === 2) tau[tp + 1] = 0;
  if (xnorm === 0 && ai === 0) return;
  const norm = Math.hypot(ar, ai, xnorm);
  const beta = ar >= 0 ? -norm : norm;
  tau[tp] = (beta - ar) / beta;
  if (lanes === 2) tau[tp + 1] = -ai / beta;
  // 1 / (α − β), Smith-free since |α − β| ≥ |β| > 0
  const dr = ar - beta;
  const d2 = dr * dr + ai * ai;
  const sr = dr / d2;
  const si = -ai / d2;
  for (let t = 1, p = start + stride; t < len; t++, p += stride) {
    if (lanes === 1) a[p] *= sr;
    else {
      const xr = a[p];
      const xi = a[p + 1];
      a[p] = xr * sr - xi * si;
      a[p + 1] = xr * si + xi * sr;
    }
  }
  a[start] = beta;
  if (lanes === 2) a[start + 1] = 0;
}
