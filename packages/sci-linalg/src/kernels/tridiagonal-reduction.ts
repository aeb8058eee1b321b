/**
 * Reduction of a Hermitian (real symmetric) matrix to real symmetric tridiagonal form,
 * A = Q T Qᴴ, by Householder reflectors with the symmetric rank-2 update of LAPACK's
 * sytd2/hetd2 (lower form): each step computes p = τ A v, w = p − ½ τ (pᴴ v) v and
 * A ← A − v wᴴ − w vᴴ, so the trailing matrix stays exactly Hermitian. The reflectors are
 * chosen as larfg chooses them; the off-diagonal comes out real, complex or not.
 * Row-major full storage (both triangles), real or complex interleaved (lanes).
 */
import type { Float } from '../stack.js';
import { setIdentity } from './hessenberg.js';
import { makeReflector, reflectRight } from './reflector.js';

/**
 * Reduces the full Hermitian n×n matrix at `o` (consumed): d receives the diagonal, e the
 * off-diagonal (e[i] couples i and i+1), and `q` (when given, n×n at 0) Q.
 */
export function sytrd(a: Float, o: number, n: number, lanes: number, d: Float64Array, e: Float64Array, q: Float | null): void {
  if (q !== null) setIdentity(q, 0, n, lanes);
  const v = new Float64Array(lanes * n);
  const w = new Float64Array(lanes * n);
  const at = (i: number, j: number) => lanes * (o + i * n + j);
  for (let i = 0; i + 1 < n; i++) {
    const len = n - i - 1;
    for (let k = 0; k < len; k++) for (let l = 0; l < lanes; l++) v[lanes * k + l] = a[at(i + 1 + k, i) + l];
    const [beta, tr, ti] = makeReflector(v, len, lanes);
    e[i] = beta;
    d[i] = a[at(i, i)];
    if (tr !== 0 || ti !== 0) {
      const base = i + 1;
      // w = τ A22 v (rows of A22 against v: contiguous)
      for (let r = 0; r < len; r++) {
        const row = at(base + r, base);
        let sr = 0;
        let si = 0;
        for (let c = 0; c < len; c++) {
          const ar = a[row + lanes * c];
          const vr = v[lanes * c];
          if (lanes === 1) sr += ar * vr;
          else {
            const ai = a[row + 2 * c + 1];
            const vi = v[2 * c + 1];
            sr += ar * vr - ai * vi;
            si += ar * vi + ai * vr;
          }
        }
        w[lanes * r] = tr * sr - ti * si;
        if (lanes === 2) w[2 * r + 1] = tr * si + ti * sr;
      }
      // α = −½ τ (wᴴ v); w ← w + α v
      let dr = 0;
      let di = 0;
      for (let k = 0; k < len; k++) {
        const wr = w[lanes * k];
        const wi = lanes === 2 ? -w[2 * k + 1] : 0;
        const vr = v[lanes * k];
        const vi = lanes === 2 ? v[2 * k + 1] : 0;
        dr += wr * vr - wi * vi;
        di += wr * vi + wi * vr;
      }
      const alr = -0.5 * (tr * dr - ti * di);
      const ali = -0.5 * (tr * di + ti * dr);
      for (let k = 0; k < len; k++) {
        const vr = v[lanes * k];
        const vi = lanes === 2 ? v[2 * k + 1] : 0;
        w[lanes * k] += alr * vr - ali * vi;
        if (lanes === 2) w[2 * k + 1] += alr * vi + ali * vr;
      }
      // A22 ← A22 − v wᴴ − w vᴴ
      for (let r = 0; r < len; r++) {
        const row = at(base + r, base);
        const vr = v[lanes * r];
        const wr = w[lanes * r];
        if (lanes === 1) {
          for (let c = 0; c < len; c++) a[row + c] -= vr * w[c] + wr * v[c];
        } else {
          const vi = v[2 * r + 1];
          const wi = w[2 * r + 1];
          for (let c = 0; c < len; c++) {
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
    if (q !== null) reflectRight(q, 0, n, lanes, 0, n, i + 1, len, v, tr, ti);
  }
  if (n > 0) d[n - 1] = a[at(n - 1, n - 1)];
}
