/**
 * Householder reduction of a tall matrix to upper bidiagonal form, A = Q B Pᴴ (Golub &
 * Kahan, "Calculating the singular values and pseudo-inverse of a matrix", 1965; LAPACK's
 * gebd2), and the forming of Q and Pᴴ from the reflectors (LAPACK's orgbr/ungbr).
 *
 * `a` is m×n (m ≥ n), row-major, double precision, real (lanes = 1) or complex interleaved
 * (lanes = 2). Step i reflects column i from the left (Hᵢᴴ, zeroing a[i+1.., i]) and then
 * row i from the right (Gᵢ, zeroing a[i, i+2..]). larfg's β is real, so B is real even for
 * complex A (as zgebrd's D and E). The reflector vectors are kept below the diagonal and
 * right of the superdiagonal, as LAPACK keeps them.
 */
import { reducePanel } from './bidiagonal-panel.js';
import { makeReflector, reflectLeft, reflectRight } from './reflector.js';
import { reflectorProduct } from './reflector-product.js';

export interface Bidiagonal {
  /** B's diagonal (n values) and superdiagonal (n − 1 values, padded to n). */
  readonly d: Float64Array;
  readonly e: Float64Array;
  /** τ of Hᵢ and Gᵢ (lanes numbers each). */
  readonly tauq: Float64Array;
  readonly taup: Float64Array;
}

/** Columns a panel of the blocked reduction takes (LAPACK's NB). */
const PANEL = 32;
/**
 * The blocked reduction runs while more than this many columns remain (measured, both
 * alternated in one process, best of 20: equal at n = 100, blocked ahead from 128 on).
 */
const BLOCKED_MIN = 96;

/** Reduces `a` (m×n, m ≥ n) in place; afterwards it holds the reflectors. */
export function bidiagonalize(a: Float64Array, m: number, n: number, lanes: number): Bidiagonal {
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const tauq = new Float64Array(lanes * n);
  const taup = new Float64Array(lanes * n);
  const v = new Float64Array(lanes * Math.max(m, n));
  const w = new Float64Array(lanes * n);
  let start = 0;
  if (lanes === 1 && n >= BLOCKED_MIN) {
    // real: panels of PANEL columns while the trailing matrix is large, the rest one by one
    const x = new Float64Array(m * PANEL);
    const y = new Float64Array(n * PANEL);
    const z = new Float64Array(2 * PANEL);
    for (; n - start > BLOCKED_MIN; start += PANEL) reducePanel(a, m, n, start, PANEL, d, e, tauq, taup, x, y, v, z);
  }
  for (let i = start; i < n; i++) {
    // Hᵢ from column i, rows i..m−1
    const len = m - i;
    for (let r = 0; r < len; r++) {
      const p = lanes * ((i + r) * n + i);
      v[lanes * r] = a[p];
      if (lanes === 2) v[2 * r + 1] = a[p + 1];
    }
    const [beta, tr, ti] = makeReflector(v, len, lanes);
    d[i] = beta;
    tauq[lanes * i] = tr;
    if (lanes === 2) tauq[2 * i + 1] = ti;
    // trailing columns ← Hᵢᴴ · them (Hᵢᴴ = I − conj(τ) v vᴴ)
    reflectLeft(a, 0, n, lanes, i, len, i + 1, n, v, tr, -ti, w);
    for (let r = 1; r < len; r++) {
      const p = lanes * ((i + r) * n + i);
      a[p] = v[lanes * r];
      if (lanes === 2) a[p + 1] = v[2 * r + 1];
    }
    a[lanes * (i * n + i)] = beta;
    if (lanes === 2) a[lanes * (i * n + i) + 1] = 0;
    if (i >= n - 1) continue;
    // Gᵢ from row i, columns i+1..n−1: the reflector of the conjugated row, so row·Gᵢ = (β, 0, …)
    const rowLen = n - i - 1;
    const row = lanes * (i * n + i + 1);
    for (let k = 0; k < lanes * rowLen; k += lanes) {
      v[k] = a[row + k];
      if (lanes === 2) v[k + 1] = -a[row + k + 1];
    }
    const [betaP, pr, pi] = makeReflector(v, rowLen, lanes);
    e[i] = betaP;
    taup[lanes * i] = pr;
    if (lanes === 2) taup[2 * i + 1] = pi;
    reflectRight(a, 0, n, lanes, i + 1, m, i + 1, rowLen, v, pr, pi);
    a[row] = betaP;
    if (lanes === 2) a[row + 1] = 0;
    for (let k = lanes; k < lanes * rowLen; k++) a[row + k] = v[k];
  }
  return { d, e, tauq, taup };
}

/**
 * Q's first `cols` columns (cols = n or m), m×cols row-major: H₀ H₁ … Hₙ₋₁ applied to the
 * first columns of the identity (orgbr), Hᵢ's vector kept below the diagonal in column i.
 */
export function formQ(a: Float64Array, m: number, n: number, lanes: number, tauq: Float64Array, cols: number): Float64Array {
  return reflectorProduct(m, cols, lanes, {
    count: n,
    shift: 0,
    tau: tauq,
    load(i, v) {
      v[0] = 1;
      if (lanes === 2) v[1] = 0;
      for (let r = 1; r < m - i; r++) {
        const p = lanes * ((i + r) * n + i);
        v[lanes * r] = a[p];
        if (lanes === 2) v[2 * r + 1] = a[p + 1];
      }
    },
  });
}

/**
 * P = G₀ G₁ … Gₙ₋₂ (n×n row-major); Gᵢ acts on indices i+1..n−1 with the vector kept in
 * row i of `a` (Gₙ₋₂, of order 1, is the identity for real A and a phase that makes
 * e[n − 2] real for complex A).
 */
export function formP(a: Float64Array, n: number, lanes: number, taup: Float64Array): Float64Array {
  return reflectorProduct(n, n, lanes, {
    count: Math.max(0, n - 1),
    shift: 1,
    tau: taup,
    load(i, v) {
      v[0] = 1;
      if (lanes === 2) v[1] = 0;
      const row = lanes * (i * n + i + 1);
      for (let k = lanes; k < lanes * (n - i - 1); k++) v[k] = a[row + k];
    },
  });
}
