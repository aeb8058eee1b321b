/**
 * The SVD of one matrix by LAPACK's route (gesvd with bdsqr): Householder bidiagonalization
 * A = Q B Pᴴ (Golub & Kahan 1965; kernels/bidiagonal-reduction.ts), the SVD of the real
 * bidiagonal B = W Σ Zᵀ by implicit QR (Demmel & Kahan 1990; kernels/bidiagonal-qr.ts), and
 * then U = Q W, Vᴴ = Zᵀ Pᴴ as matrix products. A wide matrix is decomposed through Aᴴ.
 * Everything is computed in double precision (a float32 input is rounded once, on output).
 */
import { gemm } from '@sciport/array-api/kernels';
import type { Float } from '../stack.js';
import { bidiagonalSvd } from './bidiagonal-qr.js';
import { bidiagonalize, formP, formQ } from './bidiagonal-reduction.js';

/** gesvd's safe range for ‖A‖max (dlamch: √(safe minimum)/ε and its inverse): outside it A is scaled first. */
const SMALL_NORM = Math.sqrt(2 ** -1022) / 2 ** -53;
const BIG_NORM = 1 / SMALL_NORM;

export interface MatrixSvd {
  /** min(m, n) singular values, descending. */
  readonly s: Float64Array;
  /** U, m×uCols (uCols = m when full, else min(m, n)), interleaved when complex. */
  readonly u: Float64Array | null;
  /** Vᴴ, vhRows×n (vhRows = n when full, else min(m, n)). */
  readonly vh: Float64Array | null;
}

/**
 * The SVD of the m×n matrix at element offset `o` of `data` (row-major, `lanes` numbers an
 * element), or null when the bidiagonal QR iteration did not converge.
 */
export function householderSvd(data: Float, o: number, m: number, n: number, lanes: number, vectors: boolean, full: boolean): MatrixSvd | null {
  const tall = m >= n;
  const p = Math.max(m, n);
  const q = Math.min(m, n);
  // the tall matrix to reduce: A itself, or Aᴴ
  const w = new Float64Array(lanes * p * q);
  let norm = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const from = lanes * (o + i * n + j);
      const to = lanes * (tall ? i * q + j : j * q + i);
      const re = data[from];
      w[to] = re;
      if (lanes === 2) {
        const im = data[from + 1];
        w[to + 1] = tall ? im : -im;
        norm = Math.max(norm, Math.hypot(re, im));
      } else norm = Math.max(norm, Math.abs(re));
    }
  }
  let scale = 1;
  if (norm > 0 && norm < SMALL_NORM) scale = SMALL_NORM / norm;
  else if (norm > BIG_NORM) scale = BIG_NORM / norm;
  if (scale !== 1) for (let i = 0; i < w.length; i++) w[i] *= scale;
  const { d, e, tauq, taup } = bidiagonalize(w, p, q, lanes);
  const vt = vectors ? identity(q) : null;
  const ut = vectors ? identity(q) : null;
  if (!bidiagonalSvd(d, e, q, { vt, vtCols: q, ut, utCols: q })) return null;
  if (scale !== 1) for (let i = 0; i < q; i++) d[i] /= scale;
  if (vt === null || ut === null) return { s: d, u: null, vh: null };
  // the long vectors (U of the tall matrix, completed when full) and the short ones (its Vᴴ)
  const longCols = full ? p : q;
  const long = longVectors(formQ(w, p, q, lanes, tauq, longCols), p, q, longCols, ut, lanes);
  const short = shortVectors(formP(w, q, lanes, taup), q, vt, lanes);
  if (tall) return { s: d, u: long, vh: short };
  // A = (Aᴴ)ᴴ = (short)ᴴ Σ (long)ᴴ
  return { s: d, u: conjugateTranspose(short, q, q, lanes), vh: conjugateTranspose(long, p, longCols, lanes) };
}

function identity(q: number): Float64Array {
  const x = new Float64Array(q * q);
  for (let i = 0; i < q; i++) x[i * q + i] = 1;
  return x;
}

/**
 * [Q₁ W, Q₂] for Q = [Q₁ Q₂] (p×cols, Q₁ its first q columns) and W = utᵀ (real q×q): the
 * product on the real matrix kernel, the real and imaginary parts apart when Q is complex.
 */
function longVectors(qm: Float64Array, p: number, q: number, cols: number, ut: Float64Array, lanes: number): Float64Array {
  const out = new Float64Array(lanes * p * cols);
  if (lanes === 1) {
    gemm(false, true, p, q, q, 1, qm, 0, cols, ut, 0, q, 0, out, 0, cols);
    for (let i = 0; i < p; i++) for (let j = q; j < cols; j++) out[i * cols + j] = qm[i * cols + j];
    return out;
  }
  const re = new Float64Array(p * q);
  const im = new Float64Array(p * q);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < q; j++) {
      re[i * q + j] = qm[2 * (i * cols + j)];
      im[i * q + j] = qm[2 * (i * cols + j) + 1];
    }
  }
  const productRe = new Float64Array(p * q);
  const productIm = new Float64Array(p * q);
  gemm(false, true, p, q, q, 1, re, 0, q, ut, 0, q, 0, productRe, 0, q);
  gemm(false, true, p, q, q, 1, im, 0, q, ut, 0, q, 0, productIm, 0, q);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < cols; j++) {
      const to = 2 * (i * cols + j);
      if (j < q) {
        out[to] = productRe[i * q + j];
        out[to + 1] = productIm[i * q + j];
      } else {
        out[to] = qm[to];
        out[to + 1] = qm[to + 1];
      }
    }
  }
  return out;
}

/** Zᵀ Pᴴ for Zᵀ = vt (real q×q): a complex Pᴴ is read as a real q×2q matrix (re, im interleaved). */
function shortVectors(pm: Float64Array, q: number, vt: Float64Array, lanes: number): Float64Array {
  const ph = conjugateTranspose(pm, q, q, lanes);
  const out = new Float64Array(lanes * q * q);
  gemm(false, false, q, lanes * q, q, 1, vt, 0, q, ph, 0, lanes * q, 0, out, 0, lanes * q);
  return out;
}

/** Xᴴ of the rows×cols row-major x. */
function conjugateTranspose(x: Float64Array, rows: number, cols: number, lanes: number): Float64Array {
  const out = new Float64Array(lanes * rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const from = lanes * (i * cols + j);
      const to = lanes * (j * rows + i);
      out[to] = x[from];
      if (lanes === 2) out[to + 1] = -x[from + 1];
    }
  }
  return out;
}
