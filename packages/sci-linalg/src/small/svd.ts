/**
 * The SVD of a batch of small real matrices (max(M, N) ≤ SMALL_SVD_ORDER) in one loop: the
 * same one-sided Jacobi method as svd.ts's `decompose` (kernels/jacobi-svd.ts: the same
 * rotations in the same order, in the same storage precision, so the same results), with
 * its scratch allocated once per call and the inner products inlined, instead of the
 * arrays, tuples and closures the general path creates per matrix and per rotation — which
 * are most of its time on 3×3 and 4×4 matrices.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { LinAlgError } from '../errors.js';
import { completeBasis } from '../kernels/jacobi-svd.js';
import { allocateFloat, type Float, type Stack } from '../stack.js';

/** The largest max(M, N) the small path takes. */
export const SMALL_SVD_ORDER = 8;

/** Sweeps allowed, as the general path. */
const MAX_SWEEPS = 60;

export interface SmallSvd {
  readonly s: Float;
  readonly u: Float | null;
  readonly vh: Float | null;
}

/**
 * Orthogonalises the q columns (length p) of the real `w` (column j at j·p), accumulating
 * the rotations in `v` (q×q, column j at j·q) when not null: jacobiOrthogonalize's sweeps
 * for lanes = 1. Returns false when the sweeps do not converge.
 */
function orthogonalize(w: Float, p: number, q: number, v: Float | null, eps: number): boolean {
  const tol = (Math.sqrt(p) + 2) * eps;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let j = 0; j < q - 1; j++) {
      for (let k = j + 1; k < q; k++) {
        const a = j * p;
        const b = k * p;
        let alpha = 0;
        let beta = 0;
        let g = 0;
        for (let i = 0; i < p; i++) alpha += w[a + i] * w[a + i];
        for (let i = 0; i < p; i++) beta += w[b + i] * w[b + i];
        for (let i = 0; i < p; i++) g += w[a + i] * w[b + i];
        const e = g / Math.abs(g);
        g = Math.abs(g);
        if (g === 0 || g <= tol * Math.sqrt(alpha) * Math.sqrt(beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * g);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < p; i++) {
          const x = w[a + i];
          const y = w[b + i];
          w[a + i] = c * x - s * e * y;
          w[b + i] = s * e * x + c * y;
        }
        if (v !== null) {
          for (let i = 0; i < q; i++) {
            const x = v[j * q + i];
            const y = v[k * q + i];
            v[j * q + i] = c * x - s * e * y;
            v[k * q + i] = s * e * x + c * y;
          }
        }
      }
    }
    if (!rotated) return true;
  }
  return false;
}

/**
 * The SVD of every real matrix of `stack` (max(M, N) ≤ SMALL_SVD_ORDER), laid out as
 * `decompose` returns it: s descending, U m×m or m×k, Vᴴ n×n or k×n.
 */
export function smallSvd(stack: Stack, vectors: boolean, full: boolean): SmallSvd {
  const { rows: m, cols: n, batch, dtype, data } = stack;
  const tall = m >= n;
  const p = Math.max(m, n);
  const q = Math.min(m, n);
  const count = batch.reduce((a, d) => a * d, 1);
  const real = dtype === 'float32' ? 'float32' : 'float64';
  const eps = real === 'float32' ? 2 ** -24 : 2 ** -53;
  const s = allocateFloat(real, count * q);
  const uCols = full ? m : q;
  const vhRows = full ? n : q;
  const longCols = tall ? uCols : vhRows;
  const u = vectors ? allocateFloat(dtype, count * m * uCols) : null;
  const vh = vectors ? allocateFloat(dtype, count * vhRows * n) : null;
  // scratch, once: the columns, the rotations, the long singular vectors
  const w = allocateFloat(dtype, p * q);
  const v = vectors ? allocateFloat(dtype, q * q) : null;
  const x = allocateFloat(dtype, p * longCols);
  const norms = new Float64Array(q);
  const order = new Int32Array(q);
  const have = new Array<boolean>(longCols);
  for (let b = 0; b < count; b++) {
    const o = b * m * n;
    let finite = true;
    for (let i = o; i < o + m * n; i++) {
      if (Number.isNaN(data[i])) {
        throw new InvalidArgumentError('svd: a has a NaN entry.', {
          argument: 'a',
          hint: 'Remove the NaN values (checkFinite: true reports them before the decomposition).',
        });
      }
      if (!Number.isFinite(data[i])) finite = false;
    }
    if (!finite) {
      // as LAPACK's gesdd under SciPy: an infinity gives NaN results
      s.fill(Number.NaN, b * q, (b + 1) * q);
      u?.fill(Number.NaN, b * m * uCols, (b + 1) * m * uCols);
      vh?.fill(Number.NaN, b * vhRows * n, (b + 1) * vhRows * n);
      continue;
    }
    // the q columns of A (tall) or of Aᵀ (wide), each of length p
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) w[tall ? j * p + i : i * p + j] = data[o + i * n + j];
    if (v !== null) {
      v.fill(0);
      for (let j = 0; j < q; j++) v[j * q + j] = 1;
    }
    if (!orthogonalize(w, p, q, v, eps)) {
      throw new LinAlgError('SVD did not converge.', { argument: 'a', hint: 'The Jacobi sweeps did not converge; check the input for extreme values.' });
    }
    for (let j = 0; j < q; j++) {
      let norm = 0;
      for (let i = 0; i < p; i++) norm = Math.hypot(norm, w[j * p + i]);
      norms[j] = norm;
      // a stable insertion by descending norm, as the general path's sort
      let t = j;
      while (t > 0 && norms[order[t - 1]] < norm) {
        order[t] = order[t - 1];
        t--;
      }
      order[t] = j;
    }
    for (let t = 0; t < q; t++) s[b * q + t] = norms[order[t]];
    if (u === null || vh === null || v === null) continue;
    // the long singular vectors (columns of w normalised), completed to `longCols` columns
    x.fill(0);
    have.fill(false);
    let missing = longCols > q;
    for (let t = 0; t < q; t++) {
      const sigma = norms[order[t]];
      if (sigma === 0) {
        missing = true;
        continue;
      }
      for (let i = 0; i < p; i++) x[t * p + i] = w[order[t] * p + i] / sigma;
      have[t] = true;
    }
    if (missing) completeBasis(x, p, longCols, have, 1);
    // long vectors: U's columns (tall) or Vᴴ's rows (wide); short ones from v
    for (let t = 0; t < longCols; t++) {
      for (let i = 0; i < p; i++) {
        if (tall) u[b * m * uCols + i * uCols + t] = x[t * p + i];
        else vh[b * vhRows * n + t * n + i] = x[t * p + i];
      }
    }
    for (let t = 0; t < q; t++) {
      for (let i = 0; i < q; i++) {
        if (tall) vh[b * vhRows * n + t * n + i] = v[order[t] * q + i];
        else u[b * m * uCols + i * uCols + t] = v[order[t] * q + i];
      }
    }
  }
  return { s, u, vh };
}
