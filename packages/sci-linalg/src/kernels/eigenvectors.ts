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
        const row = 2 * (o + k * n);
        let sr = t[row + 2 * ki] * x[2 * ki] - t[row + 2 * ki + 1] * x[2 * ki + 1];
        let si = t[row + 2 * ki] * x[2 * ki + 1] + t[row + 2 * ki + 1] * x[2 * ki];
        for (let j = 2 * (k + 1); j < 2 * ki; j += 2) {
          const ar = t[row + j];
          const ai = t[row + j + 1];
          const xr = x[j];
          const xi = x[j + 1];
          sr += ar * xr - ai * xi;
          si += ar * xi + ai * xr;
        }
        const [dr, di] = pivot(k);
        const [qr, qi] = cdiv(-sr, -si, dr, di);
        x[2 * k] = qr;
        x[2 * k + 1] = qi;
        rescale(k);
      }
    } else {
      // yᴴ (T[ki.., ki..] − λI) = 0 with y[ki] = 1, forward: y[k] = −Σ_{j<k} conj(T[j, k]) y[j] / conj(T[k, k] − λ);
      // accumulated row by row: after y[j] is known, its terms go into every later y[k]
      for (let k = ki + 1; k < n; k++) {
        const row = 2 * (o + ki * n);
        x[2 * k] = -t[row + 2 * k];
        x[2 * k + 1] = t[row + 2 * k + 1];
      }
      for (let k = ki + 1; k < n; k++) {
        const [dr, di] = pivot(k);
        const [qr, qi] = cdiv(x[2 * k], x[2 * k + 1], dr, -di);
        x[2 * k] = qr;
        x[2 * k + 1] = qi;
        rescale(k);
        // later entries: y[m] −= conj(T[k, m]) y[k]
        const row = 2 * (o + k * n);
        for (let m = 2 * (k + 1); m < 2 * n; m += 2) {
          const ar = t[row + m];
          const ai = -t[row + m + 1];
          x[m] -= ar * qr - ai * qi;
          x[m + 1] -= ar * qi + ai * qr;
        }
      }
    }
    // v = Z x over the nonzero range of x (rows of Z are contiguous)
    const j0 = left ? ki : 0;
    const j1 = left ? n : ki + 1;
    for (let r = 0; r < n; r++) {
      const row = 2 * (oz + r * n);
      let vr = 0;
      let vi = 0;
      for (let j = 2 * j0; j < 2 * j1; j += 2) {
        const zr = z[row + j];
        const zi = z[row + j + 1];
        vr += zr * x[j] - zi * x[j + 1];
        vi += zr * x[j + 1] + zi * x[j];
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
