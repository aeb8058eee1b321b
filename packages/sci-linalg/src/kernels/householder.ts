/**
 * Householder QR on row-major matrices, real (lanes = 1) or complex interleaved (lanes = 2):
 * LAPACK's geqr2/geqp3 (factorisation), larfg (one reflector) and ung2r/org2r (forming Q),
 * unblocked. Element (i, j) of the m×n matrix at element offset `o` starts at
 * `lanes * (o + i * n + j)`. The reflectors are H(i) = I − τᵢ vᵢ vᵢᴴ with vᵢ[i] = 1, stored
 * below the diagonal as LAPACK stores them, so R's signs are LAPACK's.
 */
import type { Float } from '../stack.js';

/**
 * LAPACK's larfg on the column x = a[i.., j] (m − i elements): chooses β = −sign(Re α)·‖x‖
 * and τ = (β − α)/β, scales x[1..] by 1/(α − β) (the reflector's v) and stores β at α.
 * τ = 0 (H = I) when x[1..] is zero and α is real. Writes τ at `tau[tp]`, `tau[tp + 1]`.
 */
function larfg(a: Float, lanes: number, n: number, o: number, i: number, j: number, m: number, tau: Float, tp: number): void {
  const at = (r: number) => lanes * (o + r * n + j);
  const ar = a[at(i)];
  const ai = lanes === 2 ? a[at(i) + 1] : 0;
  let xnorm = 0;
  for (let r = i + 1; r < m; r++) {
    const p = at(r);
    xnorm = Math.hypot(xnorm, a[p], lanes === 2 ? a[p + 1] : 0);
  }
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
  for (let r = i + 1; r < m; r++) {
    const p = at(r);
    if (lanes === 1) a[p] *= sr;
    else {
      const xr = a[p];
      const xi = a[p + 1];
      a[p] = xr * sr - xi * si;
      a[p + 1] = xr * si + xi * sr;
    }
  }
  a[at(i)] = beta;
  if (lanes === 2) a[at(i) + 1] = 0;
}

/**
 * Applies I − t v vᴴ (t = tr + i·ti) from the left to columns c0..c1 of rows i..m of the
 * matrix `b` (row length nb, offset ob), with v = [1; a[i+1.., j]] from the matrix `a`.
 */
function applyReflector(
  a: Float,
  o: number,
  n: number,
  i: number,
  j: number,
  m: number,
  tr: number,
  ti: number,
  b: Float,
  ob: number,
  nb: number,
  c0: number,
  c1: number,
  lanes: number,
): void {
  if (tr === 0 && ti === 0) return;
  const v = (r: number) => lanes * (o + r * n + j);
  for (let c = c0; c < c1; c++) {
    // w = vᴴ b[:, c]
    let wr = 0;
    let wi = 0;
    for (let r = i; r < m; r++) {
      const q = lanes * (ob + r * nb + c);
      const vr = r === i ? 1 : a[v(r)];
      const vi = r === i || lanes === 1 ? 0 : a[v(r) + 1];
      const br = b[q];
      const bi = lanes === 2 ? b[q + 1] : 0;
      wr += vr * br + vi * bi;
      wi += vr * bi - vi * br;
    }
    // b[:, c] -= (t w) v
    const twr = tr * wr - ti * wi;
    const twi = tr * wi + ti * wr;
    for (let r = i; r < m; r++) {
      const q = lanes * (ob + r * nb + c);
      const vr = r === i ? 1 : a[v(r)];
      const vi = r === i || lanes === 1 ? 0 : a[v(r) + 1];
      b[q] -= twr * vr - twi * vi;
      if (lanes === 2) b[q + 1] -= twr * vi + twi * vr;
    }
  }
}

function columnNorm(a: Float, lanes: number, o: number, n: number, j: number, r0: number, m: number): number {
  let s = 0;
  for (let r = r0; r < m; r++) {
    const p = lanes * (o + r * n + j);
    s = Math.hypot(s, a[p], lanes === 2 ? a[p + 1] : 0);
  }
  return s;
}

function swapColumns(a: Float, lanes: number, o: number, n: number, m: number, j: number, k: number): void {
  for (let r = 0; r < m; r++) {
    for (let l = 0; l < lanes; l++) {
      const p = lanes * (o + r * n + j) + l;
      const q = lanes * (o + r * n + k) + l;
      const t = a[p];
      a[p] = a[q];
      a[q] = t;
    }
  }
}

/**
 * QR factorisation in place (geqr2; with `jpvt`, geqp3's column pivoting as dlaqp2 does it:
 * the column of largest remaining norm goes first, norms downdated by the safeguarded
 * formula of Drmač & Bujanović, LAPACK Working Note 176). Afterwards R is on and above the
 * diagonal, the reflectors below it, τ (min(m, n) values, `lanes` each) at `tau[to..]`,
 * and `jpvt[jo + i]` the original index of column i.
 */
export function geqrf(a: Float, o: number, m: number, n: number, lanes: number, tau: Float, to: number, jpvt?: Int32Array, jo = 0): void {
  const k = Math.min(m, n);
  let vn1: Float64Array | undefined;
  let vn2: Float64Array | undefined;
  const tol3z = Math.sqrt(a instanceof Float32Array ? 2 ** -24 : 2 ** -53);
  if (jpvt !== undefined) {
    vn1 = new Float64Array(n);
    vn2 = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      jpvt[jo + j] = j;
      vn1[j] = vn2[j] = columnNorm(a, lanes, o, n, j, 0, m);
    }
  }
  for (let i = 0; i < k; i++) {
    if (vn1 !== undefined && vn2 !== undefined && jpvt !== undefined) {
      let p = i;
      for (let j = i + 1; j < n; j++) if (vn1[j] > vn1[p]) p = j;
      if (p !== i) {
        swapColumns(a, lanes, o, n, m, i, p);
        const t = jpvt[jo + p];
        jpvt[jo + p] = jpvt[jo + i];
        jpvt[jo + i] = t;
        vn1[p] = vn1[i];
        vn2[p] = vn2[i];
      }
    }
    const tp = lanes * (to + i);
    larfg(a, lanes, n, o, i, i, m, tau, tp);
    // geqr2 applies H(i)ᴴ = I − conj(τ) v vᴴ to the trailing columns
    applyReflector(a, o, n, i, i, m, tau[tp], lanes === 2 ? -tau[tp + 1] : 0, a, o, n, i + 1, n, lanes);
    if (vn1 !== undefined && vn2 !== undefined) {
      for (let j = i + 1; j < n; j++) {
        if (vn1[j] === 0) continue;
        const p = lanes * (o + i * n + j);
        const ratio = Math.hypot(a[p], lanes === 2 ? a[p + 1] : 0) / vn1[j];
        const temp = Math.max(0, 1 - ratio * ratio);
        const temp2 = temp * (vn1[j] / vn2[j]) ** 2;
        if (temp2 <= tol3z) {
          vn1[j] = vn2[j] = columnNorm(a, lanes, o, n, j, i + 1, m);
        } else vn1[j] *= Math.sqrt(temp);
      }
    }
  }
}

/**
 * Forms the first `cols` columns of Q = H(0) H(1) … H(k−1) (ung2r/org2r) into the m×cols
 * matrix at `q` (offset oq), from the reflectors of `geqrf`'s output at `a` (m×n, offset o).
 */
export function orgqr(a: Float, o: number, m: number, n: number, lanes: number, tau: Float, to: number, q: Float, oq: number, cols: number): void {
  const k = Math.min(m, n);
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < cols; c++) {
      const p = lanes * (oq + r * cols + c);
      q[p] = r === c ? 1 : 0;
      if (lanes === 2) q[p + 1] = 0;
    }
  }
  // backward accumulation: H(i) only touches rows and columns ≥ i of the partial product
  for (let i = k - 1; i >= 0; i--) {
    const tp = lanes * (to + i);
    applyReflector(a, o, n, i, i, m, tau[tp], lanes === 2 ? tau[tp + 1] : 0, q, oq, cols, i, cols, lanes);
  }
}
