/**
 * Eigenvectors from a complex Schur decomposition A = Z T Zᴴ, as LAPACK's ztrevc computes
 * them (back substitution on the triangular T − λI, a near-zero pivot replaced by
 * max(ulp·|λ|, smlnum), then Z times the vector), normalised as zgeev normalises them: unit
 * 2-norm with the largest component real and positive. Complex interleaved, row-major; the
 * results are computed in double.
 */
import type { Float } from '../stack.js';
import { cdiv } from './complex.js';
import { precisionOf } from './real-schur.js';

/** Beyond this size a partial solution is rescaled, so the back substitution cannot overflow. */
const BIG = 2 ** 600;

/**
 * Right (`left` false) or left eigenvectors of A: column k of the n×n `out` (Float64Array,
 * complex interleaved) belongs to the eigenvalue T[k, k]. Right: A v = λ v; left: vᴴ A = λ vᴴ.
 */
export function schurEigenvectors(t: Float, o: number, n: number, z: Float, oz: number, left: boolean, out: Float64Array): void {
  const { ulp, safmin } = precisionOf(t);
  const smlnum = safmin * (n / ulp);
  const x = new Float64Array(2 * n);
  const tr = (i: number, j: number) => t[2 * (o + i * n + j)];
  const ti = (i: number, j: number) => t[2 * (o + i * n + j) + 1];
  for (let ki = 0; ki < n; ki++) {
    const lr = tr(ki, ki);
    const li = ti(ki, ki);
    const smin = Math.max(ulp * (Math.abs(lr) + Math.abs(li)), smlnum);
    x.fill(0);
    x[2 * ki] = 1;
    // the diagonal of T − λI, a tiny pivot replaced by smin (ztrevc's perturbation)
    const pivot = (k: number): [number, number] => {
      const dr = tr(k, k) - lr;
      const di = ti(k, k) - li;
      return Math.abs(dr) + Math.abs(di) < smin ? [smin, 0] : [dr, di];
    };
    const rescale = (k: number) => {
      const size = Math.abs(x[2 * k]) + Math.abs(x[2 * k + 1]);
      if (size > BIG) for (let j = 0; j < 2 * n; j++) x[j] /= size;
    };
    if (!left) {
      // (T[0..ki, 0..ki] − λI) x = 0 with x[ki] = 1: x[k] = −(T[k, ki] + Σ T[k, j] x[j]) / (T[k, k] − λ)
      for (let k = ki - 1; k >= 0; k--) {
        let sr = tr(k, ki) * x[2 * ki] - ti(k, ki) * x[2 * ki + 1];
        let si = tr(k, ki) * x[2 * ki + 1] + ti(k, ki) * x[2 * ki];
        for (let j = k + 1; j < ki; j++) {
          const ar = tr(k, j);
          const ai = ti(k, j);
          sr += ar * x[2 * j] - ai * x[2 * j + 1];
          si += ar * x[2 * j + 1] + ai * x[2 * j];
        }
        const [dr, di] = pivot(k);
        const [qr, qi] = cdiv(-sr, -si, dr, di);
        x[2 * k] = qr;
        x[2 * k + 1] = qi;
        rescale(k);
      }
    } else {
      // yᴴ (T[ki.., ki..] − λI) = 0 with y[ki] = 1, forward: y[k] = −Σ_{j<k} conj(T[j, k]) y[j] / conj(T[k, k] − λ)
      for (let k = ki + 1; k < n; k++) {
        let sr = 0;
        let si = 0;
        for (let j = ki; j < k; j++) {
          const ar = tr(j, k);
          const ai = -ti(j, k);
          sr += ar * x[2 * j] - ai * x[2 * j + 1];
          si += ar * x[2 * j + 1] + ai * x[2 * j];
        }
        const [dr, di] = pivot(k);
        const [qr, qi] = cdiv(-sr, -si, dr, -di);
        x[2 * k] = qr;
        x[2 * k + 1] = qi;
        rescale(k);
      }
    }
    // v = Z x over the nonzero range of x
    const j0 = left ? ki : 0;
    const j1 = left ? n : ki + 1;
    for (let r = 0; r < n; r++) {
      let vr = 0;
      let vi = 0;
      for (let j = j0; j < j1; j++) {
        const p = 2 * (oz + r * n + j);
        vr += z[p] * x[2 * j] - z[p + 1] * x[2 * j + 1];
        vi += z[p] * x[2 * j + 1] + z[p + 1] * x[2 * j];
      }
      out[2 * (r * n + ki)] = vr;
      out[2 * (r * n + ki) + 1] = vi;
    }
  }
}

/**
 * zgeev's normalisation of column k of the n×m complex matrix `v` (Float64Array): unit
 * 2-norm, then a phase that makes the largest component real and positive.
 */
export function normalizeColumn(v: Float64Array, n: number, m: number, k: number): void {
  let norm = 0;
  let big = -1;
  let bigSize = -1;
  for (let r = 0; r < n; r++) {
    const p = 2 * (r * m + k);
    norm = Math.hypot(norm, v[p], v[p + 1]);
  }
  if (norm === 0) return;
  for (let r = 0; r < n; r++) {
    const p = 2 * (r * m + k);
    v[p] /= norm;
    v[p + 1] /= norm;
    const size = v[p] * v[p] + v[p + 1] * v[p + 1];
    if (size > bigSize) {
      bigSize = size;
      big = r;
    }
  }
  const pb = 2 * (big * m + k);
  const mag = Math.sqrt(bigSize);
  // multiply by conj(v_big) / |v_big|
  const cr = v[pb] / mag;
  const ci = -v[pb + 1] / mag;
  for (let r = 0; r < n; r++) {
    const p = 2 * (r * m + k);
    const xr = v[p];
    const xi = v[p + 1];
    v[p] = xr * cr - xi * ci;
    v[p + 1] = xr * ci + xi * cr;
  }
  v[pb + 1] = 0;
}
