/**
 * Reduction of a Hermitian (real symmetric) matrix to real symmetric tridiagonal form,
 * A = Q T Qᴴ, by Householder reflectors with the symmetric rank-2 update of LAPACK's
 * sytd2/hetd2 (lower form): each step computes p = τ A v, w = p − ½ τ (pᴴ v) v and
 * A ← A − v wᴴ − w vᴴ on the lower triangle only, so the trailing matrix stays exactly
 * Hermitian. The reflectors are chosen as larfg chooses them; the off-diagonal comes out
 * real, complex or not. Row-major, real or complex interleaved (lanes).
 */
import type { Float } from '../stack.js';
import { setIdentity } from './hessenberg.js';
import { makeReflector, reflectLeft } from './reflector.js';

/**
 * Reduces the Hermitian n×n matrix at `o` (its lower triangle is read and overwritten; the
 * upper one is left alone): d receives the diagonal, e the off-diagonal (e[i] couples i and
 * i+1), and `q` (when given, n×n at 0) Q, accumulated backwards as orgtr does (each
 * reflector touches only the trailing block). Row-major: the symmetric product and the
 * rank-2 update run along rows of the lower triangle.
 */
export function sytrd(a: Float, o: number, n: number, lanes: number, d: Float64Array, e: Float64Array, q: Float | null): void {
  const v = new Float64Array(lanes * n);
  const w = new Float64Array(lanes * n);
  const at = (i: number, j: number) => lanes * (o + i * n + j);
  const taus = new Float64Array(2 * n);
  // the reflectors' tails, kept for forming Q (column i holds reflector i below the subdiagonal)
  const tails = q === null ? null : new Float64Array(lanes * n * n);
  for (let i = 0; i + 1 < n; i++) {
    const len = n - i - 1;
    const base = i + 1;
    for (let k = 0; k < len; k++) for (let l = 0; l < lanes; l++) v[lanes * k + l] = a[at(base + k, i) + l];
    const [beta, tr, ti] = makeReflector(v, len, lanes);
    taus[2 * i] = tr;
    taus[2 * i + 1] = ti;
    e[i] = beta;
    d[i] = a[at(i, i)];
    if (tails !== null) tails.set(v.subarray(0, lanes * len), lanes * i * n);
    if (tr === 0 && ti === 0) continue;
    // w = A22 v from the lower triangle: row r gives Σ_{c≤r} A[r, c] v_c to w_r and conj(A[r, c]) v_r to w_c (c < r)
    w.fill(0, 0, lanes * len);
    for (let r = 0; r < len; r++) {
      const row = at(base + r, base);
      const vr = v[lanes * r];
      const vi = lanes === 2 ? v[lanes * r + 1] : 0;
      let sr = 0;
      let si = 0;
      if (lanes === 1) {
        for (let c = 0; c < r; c++) {
          const x = a[row + c];
          sr += x * v[c];
          w[c] += x * vr;
        }
        sr += a[row + r] * vr;
        w[r] += sr;
      } else {
        for (let c = 0; c < r; c++) {
          const xr = a[row + 2 * c];
          const xi = a[row + 2 * c + 1];
          const ur = v[2 * c];
          const ui = v[2 * c + 1];
          sr += xr * ur - xi * ui;
          si += xr * ui + xi * ur;
          // conj(A[r, c]) v_r
          w[2 * c] += xr * vr + xi * vi;
          w[2 * c + 1] += xr * vi - xi * vr;
        }
        const diag = a[row + 2 * r];
        w[2 * r] += sr + diag * vr;
        w[2 * r + 1] += si + diag * vi;
      }
    }
    // w ← τ w, then w ← w − ½ τ (wᴴ v) v
    let dr = 0;
    let di = 0;
    for (let k = 0; k < len; k++) {
      const yr = w[lanes * k];
      const yi = lanes === 2 ? w[lanes * k + 1] : 0;
      const xr = tr * yr - ti * yi;
      const xi = tr * yi + ti * yr;
      w[lanes * k] = xr;
      if (lanes === 2) w[lanes * k + 1] = xi;
      const vr = v[lanes * k];
      const vi = lanes === 2 ? v[lanes * k + 1] : 0;
      // conj(x)·v
      dr += xr * vr + xi * vi;
      di += xr * vi - xi * vr;
    }
    const alr = -0.5 * (tr * dr - ti * di);
    const ali = -0.5 * (tr * di + ti * dr);
    for (let k = 0; k < len; k++) {
      const vr = v[lanes * k];
      const vi = lanes === 2 ? v[lanes * k + 1] : 0;
      w[lanes * k] += alr * vr - ali * vi;
      if (lanes === 2) w[lanes * k + 1] += alr * vi + ali * vr;
    }
    // the lower triangle of A22 − v wᴴ − w vᴴ
    for (let r = 0; r < len; r++) {
      const row = at(base + r, base);
      if (lanes === 1) {
        const vr = v[r];
        const wr = w[r];
        for (let c = 0; c <= r; c++) a[row + c] -= vr * w[c] + wr * v[c];
      } else {
        const vr = v[2 * r];
        const vi = v[2 * r + 1];
        const wr = w[2 * r];
        const wi = w[2 * r + 1];
        for (let c = 0; c <= r; c++) {
          const wcr = w[2 * c];
          const wci = -w[2 * c + 1];
          const vcr = v[2 * c];
          const vci = -v[2 * c + 1];
          a[row + 2 * c] -= vr * wcr - vi * wci + wr * vcr - wi * vci;
          a[row + 2 * c + 1] -= vr * wci + vi * wcr + wr * vci + wi * vcr;
        }
        // the diagonal of a Hermitian matrix is real
        a[row + 2 * r + 1] = 0;
      }
    }
  }
  if (n > 0) d[n - 1] = a[at(n - 1, n - 1)];
  if (q === null || tails === null) return;
  // Q = H(0) H(1) … H(n−2), formed backwards: H(i) acts on rows and columns i+1.. only
  setIdentity(q, 0, n, lanes);
  const scratch = new Float64Array(lanes * n);
  for (let i = n - 2; i >= 0; i--) {
    const len = n - i - 1;
    reflectLeft(q, 0, n, lanes, i + 1, len, i + 1, n, tails.subarray(lanes * i * n), taus[2 * i], taus[2 * i + 1], scratch);
  }
}
