/**
 * Real (s/d) kernels on row-major matrices: element (i, j) of the matrix at offset `o` with
 * leading dimension `ld` is `a[o + i * ld + j]`. Float32Array storage rounds every stored
 * value to single precision, so float32 problems are computed in float32 as LAPACK's s
 * routines are (products are formed in double before the store, never less accurate).
 */
import type { Float } from '../stack.js';

/** Rows and columns of one panel of the blocked LU (LAPACK's default block size for dgetrf is 64). */
const BLOCK = 32;

/**
 * LU factorisation with partial pivoting, LAPACK's dgetrf: right-looking and blocked. Each
 * panel of BLOCK columns is factored unblocked (dgetf2: pivot = first largest |a[i, k]|,
 * whole rows swapped, multipliers scaled by the reciprocal pivot), then the block row of U
 * is solved (dtrsm) and the trailing matrix updated (dgemm), with row-contiguous inner loops.
 * `piv[po + k]` receives the row swapped with row k (0-based). Returns LAPACK's `info`: 0, or
 * 1 + the first k with an exactly zero pivot (the factorisation is still completed).
 */
export function getrf(a: Float, o: number, m: number, n: number, piv: Int32Array, po: number): number {
  const mn = Math.min(m, n);
  let info = 0;
  for (let k0 = 0; k0 < mn; k0 += BLOCK) {
    const k1 = Math.min(k0 + BLOCK, mn);
    for (let k = k0; k < k1; k++) {
      let p = k;
      let best = Math.abs(a[o + k * n + k]);
      for (let i = k + 1; i < m; i++) {
        const v = Math.abs(a[o + i * n + k]);
        if (v > best) {
          best = v;
          p = i;
        }
      }
      piv[po + k] = p;
      const pivot = a[o + p * n + k];
      if (pivot === 0) {
        if (info === 0) info = k + 1;
        continue;
      }
      if (p !== k) swapRows(a, o + k * n, o + p * n, n);
      const r = 1 / pivot;
      for (let i = k + 1; i < m; i++) {
        const row = o + i * n;
        const l = (a[row + k] *= r);
        if (l === 0) continue;
        const urow = o + k * n;
        for (let j = k + 1; j < k1; j++) a[row + j] -= l * a[urow + j];
      }
    }
    if (k1 >= n) continue;
    // U12 = L11⁻¹ A12 (unit lower triangular solve, dtrsm)
    for (let i = k0 + 1; i < k1; i++) {
      const row = o + i * n;
      for (let r = k0; r < i; r++) {
        const l = a[row + r];
        if (l === 0) continue;
        const urow = o + r * n;
        for (let j = k1; j < n; j++) a[row + j] -= l * a[urow + j];
      }
    }
    // A22 -= L21 U12 (dgemm)
    for (let i = k1; i < m; i++) {
      const row = o + i * n;
      for (let r = k0; r < k1; r++) {
        const l = a[row + r];
        if (l === 0) continue;
        const urow = o + r * n;
        for (let j = k1; j < n; j++) a[row + j] -= l * a[urow + j];
      }
    }
  }
  return info;
}

function swapRows(a: Float, p: number, q: number, n: number): void {
  for (let j = 0; j < n; j++) {
    const t = a[p + j];
    a[p + j] = a[q + j];
    a[q + j] = t;
  }
}

/** Applies getrf's row interchanges to the k-column matrix `b` (dlaswp), forward or in reverse. */
export function laswp(b: Float, bo: number, k: number, piv: Int32Array, po: number, count: number, reverse: boolean): void {
  if (reverse) {
    for (let i = count - 1; i >= 0; i--) if (piv[po + i] !== i) swapRows(b, bo + i * k, bo + piv[po + i] * k, k);
  } else {
    for (let i = 0; i < count; i++) if (piv[po + i] !== i) swapRows(b, bo + i * k, bo + piv[po + i] * k, k);
  }
}

/**
 * Solves op(T) X = B in place for the n×n triangular T (dtrsm / dtrtrs), op = T or Tᵀ
 * (`trans` 0 or 1; 2, the conjugate transpose, is Tᵀ for real T). B is n×k. Returns the
 * first row with an exactly zero diagonal (nothing is solved then; dtrtrs's check), or -1.
 */
export function trsm(t: Float, to: number, n: number, b: Float, bo: number, k: number, lower: boolean, trans: number, unit: boolean): number {
  if (!unit) for (let i = 0; i < n; i++) if (t[to + i * n + i] === 0) return i;
  const transposed = trans !== 0;
  // element (i, j) of op(T) is t[to + i·rowStride + j·colStride]
  const rowStride = transposed ? 1 : n;
  const colStride = transposed ? n : 1;
  const forward = lower !== transposed;
  for (let s = 0; s < n; s++) {
    const i = forward ? s : n - 1 - s;
    const row = bo + i * k;
    const rStart = forward ? 0 : i + 1;
    const rEnd = forward ? i : n;
    for (let r = rStart; r < rEnd; r++) {
      const c = t[to + i * rowStride + r * colStride];
      if (c === 0) continue;
      const src = bo + r * k;
      for (let j = 0; j < k; j++) b[row + j] -= c * b[src + j];
    }
    if (!unit) {
      const d = t[to + i * (n + 1)];
      for (let j = 0; j < k; j++) b[row + j] /= d;
    }
  }
  return -1;
}

/**
 * Cholesky factorisation A = L Lᵀ of the symmetric matrix whose lower triangle is stored
 * at `o` (dpotrf, in its dot-product form: each L[i, j] is one row·row product, rows
 * contiguous). Writes L over the lower triangle and zeros above it. Returns `info`: 0, or
 * 1 + the order of the first leading minor that is not positive definite.
 */
export function potrf(a: Float, o: number, n: number): number {
  for (let j = 0; j < n; j++) {
    const rj = o + j * n;
    let d = a[rj + j];
    for (let k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
    if (!(d > 0)) return j + 1;
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = o + i * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[ri + j] = s / ljj;
    }
    for (let c = j + 1; c < n; c++) a[rj + c] = 0;
  }
  return 0;
}
