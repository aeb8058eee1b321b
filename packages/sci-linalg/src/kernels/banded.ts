/**
 * Band-storage kernels, real (lanes = 1) or complex interleaved (lanes = 2), on LAPACK's band
 * layout kept row by row (row r of the band array holds one diagonal): LU with partial
 * pivoting (gbtf2 / gbtrs) and Cholesky (pbtf2 / pbtrs). Only O(n·bandwidth²) work and
 * storage; the elements of the band array outside the matrix are never read.
 */
import type { Float } from '../stack.js';

/** x · y for complex (xr, xi), (yr, yi). */
function mul(xr: number, xi: number, yr: number, yi: number): [number, number] {
  return [xr * yr - xi * yi, xr * yi + xi * yr];
}

/** x / y by Smith's algorithm (y ≠ 0). */
function div(xr: number, xi: number, yr: number, yi: number): [number, number] {
  if (yi === 0) return [xr / yr, xi / yr];
  if (Math.abs(yr) >= Math.abs(yi)) {
    const r = yi / yr;
    const d = yr + yi * r;
    return [(xr + xi * r) / d, (xi - xr * r) / d];
  }
  const r = yr / yi;
  const d = yr * r + yi;
  return [(xr * r + xi) / d, (xi * r - xr) / d];
}

/**
 * LU factorisation with partial pivoting of the n×n band matrix with kl sub- and ku
 * superdiagonals (LAPACK's gbtf2): `ab` holds 2·kl + ku + 1 rows of n, element (i, j) of A at
 * row kl + ku + i − j, column j, the first kl rows free for the fill-in that row swaps bring.
 * Afterwards U (kl + ku superdiagonals) and the multipliers are in place and `piv[j]` is the
 * row swapped with row j. Returns 0, or 1 + the first column with an exactly zero pivot.
 */
export function gbtrf(ab: Float, n: number, kl: number, ku: number, lanes: number, piv: Int32Array): number {
  const kv = kl + ku;
  const at = (i: number, j: number) => lanes * ((kv + i - j) * n + j);
  let info = 0;
  let ju = 0;
  for (let j = 0; j < n; j++) {
    // fill-in positions this column's swaps may reach start as zero
    const km = Math.min(kl, n - 1 - j);
    let jp = 0;
    let best = -1;
    for (let t = 0; t <= km; t++) {
      const p = at(j + t, j);
      const v = Math.abs(ab[p]) + (lanes === 2 ? Math.abs(ab[p + 1]) : 0);
      if (v > best) {
        best = v;
        jp = t;
      }
    }
    piv[j] = j + jp;
    const pp = at(j + jp, j);
    if (ab[pp] === 0 && (lanes === 1 || ab[pp + 1] === 0)) {
      if (info === 0) info = j + 1;
      continue;
    }
    ju = Math.max(ju, Math.min(j + ku + jp, n - 1));
    if (jp !== 0) {
      for (let c = j; c <= ju; c++) {
        for (let l = 0; l < lanes; l++) {
          const p = at(j + jp, c) + l;
          const q = at(j, c) + l;
          const t = ab[p];
          ab[p] = ab[q];
          ab[q] = t;
        }
      }
    }
    const d = at(j, j);
    const dr = ab[d];
    const di = lanes === 2 ? ab[d + 1] : 0;
    for (let i = 1; i <= km; i++) {
      const p = at(j + i, j);
      const [lr, li] = div(ab[p], lanes === 2 ? ab[p + 1] : 0, dr, di);
      ab[p] = lr;
      if (lanes === 2) ab[p + 1] = li;
      for (let c = j + 1; c <= ju; c++) {
        const u = at(j, c);
        const [pr, pi] = mul(lr, li, ab[u], lanes === 2 ? ab[u + 1] : 0);
        const q = at(j + i, c);
        ab[q] -= pr;
        if (lanes === 2) ab[q + 1] -= pi;
      }
    }
  }
  return info;
}

/** Solves A X = B (B n×k, row-major at `bo`) from gbtrf's factors and pivots (gbtrs, no transpose). */
export function gbtrs(ab: Float, n: number, kl: number, ku: number, lanes: number, piv: Int32Array, b: Float, bo: number, k: number): void {
  const kv = kl + ku;
  const at = (i: number, j: number) => lanes * ((kv + i - j) * n + j);
  const row = (i: number) => lanes * (bo + i * k);
  // L: the row swaps and multipliers of each column in turn
  for (let j = 0; j < n - 1; j++) {
    const lm = Math.min(kl, n - 1 - j);
    const l = piv[j];
    if (l !== j) {
      for (let c = 0; c < lanes * k; c++) {
        const t = b[row(l) + c];
        b[row(l) + c] = b[row(j) + c];
        b[row(j) + c] = t;
      }
    }
    for (let i = 1; i <= lm; i++) axpy(b, row(j + i), row(j), ab, at(j + i, j), k, lanes);
  }
  // U: back substitution over its kl + ku superdiagonals
  for (let j = n - 1; j >= 0; j--) {
    divideRow(b, row(j), ab, at(j, j), k, lanes);
    for (let i = Math.max(0, j - kv); i < j; i++) axpy(b, row(i), row(j), ab, at(i, j), k, lanes);
  }
}

/** b[p..] −= a[q]·b[s..] over k elements, a[q] conjugated when `conjugate`. */
function axpy(b: Float, p: number, s: number, a: Float, q: number, k: number, lanes: number, conjugate = false): void {
  const ar = a[q];
  const ai = lanes === 2 ? (conjugate ? -a[q + 1] : a[q + 1]) : 0;
  if (ar === 0 && ai === 0) return;
  for (let c = 0; c < lanes * k; c += lanes) {
    if (lanes === 1) b[p + c] -= ar * b[s + c];
    else {
      const [xr, xi] = mul(ar, ai, b[s + c], b[s + c + 1]);
      b[p + c] -= xr;
      b[p + c + 1] -= xi;
    }
  }
}

function divideRow(b: Float, p: number, a: Float, q: number, k: number, lanes: number, conjugate = false): void {
  const dr = a[q];
  const di = lanes === 2 ? (conjugate ? -a[q + 1] : a[q + 1]) : 0;
  for (let c = 0; c < lanes * k; c += lanes) {
    if (lanes === 1) b[p + c] /= dr;
    else [b[p + c], b[p + c + 1]] = div(b[p + c], b[p + c + 1], dr, di);
  }
}

/**
 * Where element (i, j), i ≤ j, of the upper factor U (A = Uᴴ U) lives in the (kd + 1)×n band
 * array: the upper form stores it at row kd + i − j; the lower form stores L = Uᴴ, so
 * U(i, j) is the conjugate of the lower form's element (j, i) at row j − i, column i.
 */
function upperIndex(n: number, kd: number, lower: boolean, lanes: number): (i: number, j: number) => number {
  return lower ? (i, j) => lanes * ((j - i) * n + i) : (i, j) => lanes * ((kd + i - j) * n + j);
}

/**
 * Cholesky factorisation of the Hermitian positive definite band matrix with kd off-diagonals
 * in LAPACK's upper or lower band form (pbtf2, row-oriented): U row by row, each element one
 * dot product over the band. Writes the factor over the referenced elements (the diagonal's
 * imaginary part is ignored, as LAPACK). Returns 0, or 1 + the first leading minor that is
 * not positive definite.
 */
export function pbtrf(ab: Float, n: number, kd: number, lower: boolean, lanes: number): number {
  const at = upperIndex(n, kd, lower, lanes);
  // U(i, j) = s·(re, im) with s the conjugation of the lower form
  const si = lower ? -1 : 1;
  const get = (i: number, j: number): [number, number] => {
    const p = at(i, j);
    return [ab[p], lanes === 2 ? si * ab[p + 1] : 0];
  };
  const set = (i: number, j: number, re: number, im: number) => {
    const p = at(i, j);
    ab[p] = re;
    if (lanes === 2) ab[p + 1] = si * im;
  };
  for (let j = 0; j < n; j++) {
    let d = get(j, j)[0];
    for (let k = Math.max(0, j - kd); k < j; k++) {
      const [r, i] = get(k, j);
      d -= r * r + i * i;
    }
    if (!(d > 0)) return j + 1;
    const ujj = Math.sqrt(d);
    set(j, j, ujj, 0);
    for (let c = j + 1; c <= Math.min(n - 1, j + kd); c++) {
      let [sr, sIm] = get(j, c);
      for (let k = Math.max(0, c - kd); k < j; k++) {
        // s −= conj(U(k, j)) · U(k, c)
        const [ar, ai] = get(k, j);
        const [br, bi] = get(k, c);
        sr -= ar * br + ai * bi;
        sIm -= ar * bi - ai * br;
      }
      set(j, c, sr / ujj, sIm / ujj);
    }
  }
  return 0;
}

/** Solves A X = B from pbtrf's factor (pbtrs): Uᴴ Y = B forward, then U X = Y backward. */
export function pbtrs(cb: Float, n: number, kd: number, lower: boolean, lanes: number, b: Float, bo: number, k: number): void {
  const at = upperIndex(n, kd, lower, lanes);
  const row = (i: number) => lanes * (bo + i * k);
  // U(i, j) is stored conjugated in the lower form: conjugate again to read Uᴴ's (j, i)
  const uConj = !lower;
  for (let j = 0; j < n; j++) {
    for (let i = Math.max(0, j - kd); i < j; i++) axpy(b, row(j), row(i), cb, at(i, j), k, lanes, uConj);
    divideRow(b, row(j), cb, at(j, j), k, lanes);
  }
  for (let j = n - 1; j >= 0; j--) {
    for (let c = j + 1; c <= Math.min(n - 1, j + kd); c++) axpy(b, row(j), row(c), cb, at(j, c), k, lanes, !uConj);
    divideRow(b, row(j), cb, at(j, j), k, lanes);
  }
}
