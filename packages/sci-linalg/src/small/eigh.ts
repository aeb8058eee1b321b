/**
 * The eigen-decomposition of a small real symmetric matrix (n ≤ SMALL_EIGH_ORDER) by the
 * cyclic Jacobi method (Golub & Van Loan, §8.5; the threshold of Demmel & Veselić, "Jacobi's
 * method is more accurate than QR", 1992, which gives the eigenvalues to high relative
 * accuracy). For 2×2 … 4×4 matrices it converges in a few sweeps and needs none of the
 * Householder reduction's work arrays, which dominate the general path at this size; the
 * analytic roots of the characteristic cubic are avoided: they lose accuracy for close or
 * small eigenvalues.
 */
import { LinAlgError } from '../errors.js';
import type { Float } from '../stack.js';

/** The largest order the small path takes. */
export const SMALL_EIGH_ORDER = 4;

/** Sweeps allowed (a handful suffice: Jacobi converges quadratically). */
const MAX_SWEEPS = 40;

const EPS = 2 ** -53;

/**
 * Eigenvalues (ascending) of the full symmetric n×n matrix at `o` of `a` (read only) into
 * w[wo…], and with `v` its orthonormal eigenvectors as the columns of the n×n row-major
 * matrix at v[vo…]. `m` (n²) and `rot` (n², when v is given) are scratch. Non-finite input
 * gives NaN results, as the general path.
 */
function decomposeInto(a: Float, o: number, n: number, w: Float, wo: number, v: Float | null, vo: number, m: Float64Array, rot: Float64Array): void {
  for (let i = 0; i < n * n; i++) m[i] = a[o + i];
  for (let i = 0; i < n * n; i++) {
    if (!Number.isFinite(m[i])) {
      w.fill(Number.NaN, wo, wo + n);
      v?.fill(Number.NaN, vo, vo + n * n);
      return;
    }
  }
  if (v !== null) {
    rot.fill(0);
    for (let i = 0; i < n; i++) rot[i * n + i] = 1;
  }
  let converged = false;
  for (let sweep = 0; sweep < MAX_SWEEPS && !converged; sweep++) {
    converged = true;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        const app = m[p * n + p];
        const aqq = m[q * n + q];
        // negligible relative to the diagonal: the eigenvalues keep their relative accuracy
        if (Math.abs(apq) <= EPS * Math.sqrt(Math.abs(app) * Math.abs(aqq))) {
          m[p * n + q] = 0;
          m[q * n + p] = 0;
          continue;
        }
        converged = false;
        // the rotation that zeroes a_pq: t = tan φ, the smaller root of t² + 2θt − 1 = 0
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.hypot(1, theta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        m[p * n + p] = app - t * apq;
        m[q * n + q] = aqq + t * apq;
        m[p * n + q] = 0;
        m[q * n + p] = 0;
        for (let r = 0; r < n; r++) {
          if (r === p || r === q) continue;
          const g = m[r * n + p];
          const h = m[r * n + q];
          const rp = c * g - s * h;
          const rq = s * g + c * h;
          m[r * n + p] = rp;
          m[p * n + r] = rp;
          m[r * n + q] = rq;
          m[q * n + r] = rq;
        }
        if (v !== null) {
          for (let r = 0; r < n; r++) {
            const g = rot[r * n + p];
            const h = rot[r * n + q];
            rot[r * n + p] = c * g - s * h;
            rot[r * n + q] = s * g + c * h;
          }
        }
      }
    }
  }
  if (!converged) {
    throw new LinAlgError('The Jacobi eigenvalue iteration failed to converge.', { argument: 'a', hint: 'Check the matrix for extreme values.' });
  }
  // ascending, by a stable insertion sort of the diagonal; v's columns follow
  for (let j = 0; j < n; j++) {
    const value = m[j * n + j];
    let k = j;
    while (k > 0 && w[wo + k - 1] > value) {
      w[wo + k] = w[wo + k - 1];
      if (v !== null) for (let r = 0; r < n; r++) v[vo + r * n + k] = v[vo + r * n + k - 1];
      k--;
    }
    w[wo + k] = value;
    if (v !== null) for (let r = 0; r < n; r++) v[vo + r * n + k] = rot[r * n + j];
  }
}

/**
 * Eigenvalues (ascending, [count, n]) and with `vectors` eigenvectors ([count, n, n], as
 * columns) of the `count` full symmetric n×n real matrices in `a`, into new arrays of the
 * storage type of `a`.
 */
export function jacobiEigenBatch(a: Float, n: number, count: number, vectors: boolean): { w: Float; v: Float | null } {
  const Storage = a instanceof Float32Array ? Float32Array : Float64Array;
  const w = new Storage(count * n);
  const v = vectors ? new Storage(count * n * n) : null;
  const m = new Float64Array(n * n);
  const rot = new Float64Array(n * n);
  for (let s = 0; s < count; s++) decomposeInto(a, s * n * n, n, w, s * n, v, s * n * n, m, rot);
  return { w, v };
}
