/**
 * Householder QR on row-major matrices, real (lanes = 1) or complex interleaved (lanes = 2):
 * LAPACK's geqr2/geqp3 (factorisation), larfg (one reflector) and ung2r/org2r (forming Q),
 * unblocked; `geqrf`/`orgqr` hand matrices from BLOCKED_MIN columns on to the blocked
 * versions (blocked-qr.ts). geqr2 works on a transposed copy, whose rows are A's columns,
 * with blocked-qr.ts's row loops (the same operations in the same order as on the columns).
 * Element (i, j) of the m×n matrix at element offset `o` starts at `lanes * (o + i * n + j)`.
 * The reflectors are H(i) = I − τᵢ vᵢ vᵢᴴ with vᵢ[i] = 1, stored below the diagonal as
 * LAPACK stores them, so R's signs are LAPACK's.
 */
import type { Float } from '../stack.js';
import { factorRows, geqrfBlocked, orgqrBlocked, transposeIn, transposeOut } from './blocked-qr.js';

/** Smallest min(m, n) factored (and Q formed) by the blocked QR (measured: it wins from about 16 real, 24 complex). */
const BLOCKED_MIN = 32;

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

/**
 * QR factorisation in place (geqr2; with `jpvt`, geqp3's column pivoting as dlaqp2 does it:
 * the column of largest remaining norm goes first, norms downdated by the safeguarded
 * formula of Drmač & Bujanović, LAPACK Working Note 176). Afterwards R is on and above the
 * diagonal, the reflectors below it, τ (min(m, n) values, `lanes` each) at `tau[to..]`,
 * and `jpvt[jo + i]` the original index of column i.
 */
export function geqr2(a: Float, o: number, m: number, n: number, lanes: number, tau: Float, to: number, jpvt?: Int32Array, jo = 0): void {
  // the columns, which reflectors are built from and act on, as the contiguous rows of Aᵀ
  const at = a instanceof Float32Array ? new Float32Array(lanes * m * n) : new Float64Array(lanes * m * n);
  transposeIn(a, o, m, n, n, lanes, at, 0);
  factorRows(at, 0, lanes * m, n, m, lanes, tau, to, jpvt, jo);
  transposeOut(a, o, m, n, n, lanes, at, 0);
}

/**
 * Forms the first `cols` columns of Q = H(0) H(1) … H(k−1) (ung2r/org2r, unblocked) into the m×cols
 * matrix at `q` (offset oq), from the reflectors of `geqrf`'s output at `a` (m×n, offset o).
 */
export function org2r(a: Float, o: number, m: number, n: number, lanes: number, tau: Float, to: number, q: Float, oq: number, cols: number): void {
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

/**
 * QR factorisation in place, as `geqr2` (same contract): the blocked geqrf for matrices from
 * BLOCKED_MIN on where the WebAssembly kernel runs, geqr2 otherwise and with pivoting.
 */
export function geqrf(a: Float, o: number, m: number, n: number, lanes: number, tau: Float, to: number, jpvt?: Int32Array, jo = 0): void {
  if (jpvt === undefined && Math.min(m, n) >= BLOCKED_MIN && geqrfBlocked(a, o, m, n, lanes, tau, to)) return;
  geqr2(a, o, m, n, lanes, tau, to, jpvt, jo);
}

/** Forms Q as `org2r` (same contract): blocked from BLOCKED_MIN reflectors on where the WebAssembly kernel runs. */
export function orgqr(a: Float, o: number, m: number, n: number, lanes: number, tau: Float, to: number, q: Float, oq: number, cols: number): void {
  if (Math.min(m, n) >= BLOCKED_MIN && orgqrBlocked(a, o, m, n, lanes, tau, to, q, oq, cols)) return;
  org2r(a, o, m, n, lanes, tau, to, q, oq, cols);
}
