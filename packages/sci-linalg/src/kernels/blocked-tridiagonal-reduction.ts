/**
 * Blocked reduction of a real symmetric matrix to tridiagonal form, A = Q T Qᵀ, and the
 * blocked product by Q: LAPACK's sytrd with latrd's panels (Dongarra, Sorensen and
 * Hammarling, "Block reduction of matrices to condensed forms for eigenvalue computations",
 * J. Comput. Appl. Math. 27, 1989) and ormtr with larft's compact WY form (Schreiber and
 * Van Loan). A panel of nb reflectors is generated with its symmetric products corrected by
 * the panel's pending rank-2 updates (A − V Wᵀ − W Vᵀ); the trailing matrix then takes
 * them as two matrix products on the WebAssembly kernel. The matrix is row-major and kept
 * full (both triangles), so row j is column j: every inner loop runs along a row.
 */
import { gemm } from '@sciport/array-api/kernels';
import { makeReflector } from './reflector.js';

/** Reflectors per panel. */
const PANEL = 32;

/**
 * Reduces the full symmetric n×n matrix `a` (row-major, double; overwritten): d receives the
 * diagonal, e the off-diagonal (e[i] couples i and i+1), `taus` the reflectors' τ. Row i of
 * `a` keeps reflector i: v = (1, a[i, i+2..n)) on rows i+1..n−1.
 */
export function reduceSymmetricBlocked(a: Float64Array, n: number, d: Float64Array, e: Float64Array, taus: Float64Array): void {
  // the panel's reflectors V and products W, rows of nb values (row r: the panel's entries at matrix row r)
  const vp = new Float64Array(n * PANEL);
  const wp = new Float64Array(n * PANEL);
  const v = new Float64Array(n);
  const y = new Float64Array(n);
  const vw = new Float64Array(PANEL);
  const vv = new Float64Array(PANEL);
  for (let p = 0; p < n; p += PANEL) {
    const nb = Math.min(PANEL, n - p);
    vp.fill(0);
    wp.fill(0);
    for (let t = 0; t < nb; t++) {
      const j = p + t;
      const row = j * n;
      // row j (= column j) brought up to date with the panel's earlier rank-2 updates
      for (let r = j; r < n; r++) {
        let s = 0;
        for (let u = 0; u < t; u++) s += vp[r * PANEL + u] * wp[j * PANEL + u] + wp[r * PANEL + u] * vp[j * PANEL + u];
        a[row + r] -= s;
      }
      d[j] = a[row + j];
      if (j === n - 1) break;
      const len = n - j - 1;
      for (let k = 0; k < len; k++) v[k] = a[row + j + 1 + k];
      const [beta, tau] = makeReflector(v, len, 1);
      e[j] = beta;
      taus[j] = tau;
      for (let k = 0; k < len; k++) a[row + j + 1 + k] = v[k];
      for (let k = 0; k < len; k++) vp[(j + 1 + k) * PANEL + t] = v[k];
      if (tau === 0) continue;
      // y = A₂₂ v with A₂₂ the trailing matrix before this panel's updates …
      symmetricProduct(a, n, j + 1, v, y);
      // … corrected: y −= V (Wᵀ v) + W (Vᵀ v) over the panel's earlier columns
      vw.fill(0, 0, t);
      vv.fill(0, 0, t);
      for (let k = 0; k < len; k++) {
        const r = (j + 1 + k) * PANEL;
        const x = v[k];
        for (let u = 0; u < t; u++) {
          vw[u] += wp[r + u] * x;
          vv[u] += vp[r + u] * x;
        }
      }
      for (let k = 0; k < len; k++) {
        const r = (j + 1 + k) * PANEL;
        let s = 0;
        for (let u = 0; u < t; u++) s += vp[r + u] * vw[u] + wp[r + u] * vv[u];
        y[k] -= s;
      }
      // w = τ y − ½ τ² (yᵀ v) v (sytd2's w, so that A − v wᵀ − w vᵀ = H A H)
      let dot = 0;
      for (let k = 0; k < len; k++) dot += y[k] * v[k];
      const alpha = -0.5 * tau * tau * dot;
      for (let k = 0; k < len; k++) wp[(j + 1 + k) * PANEL + t] = tau * y[k] + alpha * v[k];
    }
    // the trailing matrix takes the whole panel: A₂₂ −= V Wᵀ + W Vᵀ
    const q = p + nb;
    const m = n - q;
    if (m > 0) {
      gemm(false, true, m, m, nb, -1, vp, q * PANEL, PANEL, wp, q * PANEL, PANEL, 1, a, q * n + q, n);
      gemm(false, true, m, m, nb, -1, wp, q * PANEL, PANEL, vp, q * PANEL, PANEL, 1, a, q * n + q, n);
    }
  }
}

/** y[0..len) = A[s.., s..] v (rows s..n−1 of the full matrix, len = n − s): dot products along rows. */
function symmetricProduct(a: Float64Array, n: number, s: number, v: Float64Array, y: Float64Array): void {
  const len = n - s;
  for (let k = 0; k < len; k++) {
    const row = (s + k) * n + s;
    // four partial sums: independent additions the processor can overlap
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let c = 0;
    for (; c + 3 < len; c += 4) {
      s0 += a[row + c] * v[c];
      s1 += a[row + c + 1] * v[c + 1];
      s2 += a[row + c + 2] * v[c + 2];
      s3 += a[row + c + 3] * v[c + 3];
    }
    for (; c < len; c++) s0 += a[row + c] * v[c];
    y[k] = s0 + s1 + (s2 + s3);
  }
}

/**
 * z ← Q z for the n×cols row-major z, Q = H(0) H(1) … H(n−2) from reduceSymmetricBlocked
 * (reflectors in the rows of `a`): blocks of reflectors from the last, each applied as
 * I − Y T Yᵀ with two matrix products (ormtr).
 */
export function applyTridiagonalQ(a: Float64Array, n: number, taus: Float64Array, z: Float64Array, cols: number): void {
  const count = n - 1;
  if (count <= 0) return;
  // yt: the block's reflectors as rows (Yᵀ), on matrix rows b0+1..n−1
  const yt = new Float64Array(PANEL * n);
  const t = new Float64Array(PANEL * PANEL);
  const w1 = new Float64Array(PANEL * cols);
  const w2 = new Float64Array(PANEL * cols);
  const last = Math.floor((count - 1) / PANEL) * PANEL;
  for (let b0 = last; b0 >= 0; b0 -= PANEL) {
    const nb = Math.min(PANEL, count - b0);
    const start = b0 + 1;
    const len = n - start;
    yt.fill(0);
    for (let i = 0; i < nb; i++) {
      const j = b0 + i;
      // reflector j: 1 at row j+1, then a[j, j+2..n)
      const base = i * len + (j + 1 - start);
      yt[base] = 1;
      for (let r = j + 2; r < n; r++) yt[base + r - j - 1] = a[j * n + r];
    }
    blockTriangle(yt, len, nb, taus, b0, t);
    // W = Yᵀ z[start..], W ← T W, z[start..] −= Y W
    gemm(false, false, nb, cols, len, 1, yt, 0, len, z, start * cols, cols, 0, w1, 0, cols);
    gemm(false, false, nb, cols, nb, 1, t, 0, PANEL, w1, 0, cols, 0, w2, 0, cols);
    gemm(true, false, len, cols, nb, -1, yt, 0, len, w2, 0, cols, 1, z, start * cols, cols);
  }
}

/**
 * larft (forward, by columns): the upper triangular T with H(b0) … H(b0+nb−1) = I − Y T Yᵀ,
 * T[i, i] = τᵢ and T[0..i, i] = −τᵢ T[0..i, 0..i] (Y[:, 0..i]ᵀ yᵢ). Y's columns are the rows of yt (len long).
 */
function blockTriangle(yt: Float64Array, len: number, nb: number, taus: Float64Array, b0: number, t: Float64Array): void {
  t.fill(0);
  const g = new Float64Array(nb);
  for (let i = 0; i < nb; i++) {
    const tau = taus[b0 + i];
    t[i * PANEL + i] = tau;
    if (tau === 0) continue;
    for (let u = 0; u < i; u++) {
      let s = 0;
      for (let r = 0; r < len; r++) s += yt[u * len + r] * yt[i * len + r];
      g[u] = s;
    }
    for (let u = 0; u < i; u++) {
      let s = 0;
      for (let x = u; x < i; x++) s += t[u * PANEL + x] * g[x];
      t[u * PANEL + i] = -tau * s;
    }
  }
}
