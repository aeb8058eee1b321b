/**
 * The real generalized Schur decomposition of a real pencil (A, B): A = Q S Zᵀ, B = Q P Zᵀ
 * with Q, Z orthogonal, S quasi upper triangular (2×2 blocks for complex conjugate pairs)
 * and P upper triangular, by the double-shift QZ algorithm of Moler & Stewart ("An algorithm
 * for generalized matrix eigenvalue problems", SIAM J. Numer. Anal. 10, 1973): Givens
 * reduction to Hessenberg-triangular form (gghrd), then implicit double-shift sweeps (shifts
 * from the trailing 2×2 block of S P⁻¹), 3-element reflectors from the left and the right,
 * deflation at small subdiagonal entries of S and at zero diagonal entries of P (the zero
 * chased down as in LAPACK's hgeqz). A converged 2×2 block with real eigenvalues is split;
 * one with a complex pair gets a diagonal P block (its 2×2 SVD), as LAPACK's lagv2 leaves
 * it, and P's diagonal is made non-negative. Row-major, double: (i, j) at i·n + j.
 */
import { geqrf, orgqr } from './householder.js';

const ULP = 2 ** -52;
const SAFMIN = 2 ** -1022;

interface Rotation {
  c: number;
  s: number;
  r: number;
}

/** [c s; −s c] [f; g] = [r; 0]. */
function givens(f: number, g: number): Rotation {
  if (g === 0) return { c: 1, s: 0, r: f };
  if (f === 0) return { c: 0, s: 1, r: g };
  const r = Math.hypot(f, g);
  return { c: f / r, s: g / r, r };
}

/** Rows x, y (columns c0..c1−1): x ← c x + s y, y ← c y − s x. */
function rotRows(m: Float64Array, n: number, x: number, y: number, c0: number, c1: number, g: Rotation): void {
  for (let j = c0; j < c1; j++) {
    const a = m[x * n + j];
    const b = m[y * n + j];
    m[x * n + j] = g.c * a + g.s * b;
    m[y * n + j] = g.c * b - g.s * a;
  }
}

/** Columns x, y (rows r0..r1−1): x ← c x + s y, y ← c y − s x. */
function rotColumns(m: Float64Array, n: number, x: number, y: number, r0: number, r1: number, g: Rotation): void {
  for (let i = r0; i < r1; i++) {
    const a = m[i * n + x];
    const b = m[i * n + y];
    m[i * n + x] = g.c * a + g.s * b;
    m[i * n + y] = g.c * b - g.s * a;
  }
}

/** Householder reflector (I − τ u uᵀ) mapping the 2- or 3-vector x to a multiple of e_pivot; u[pivot] = 1. */
function reflector(x: number[], pivot: number): { u: number[]; tau: number } {
  const u = x.slice();
  let xnorm = 0;
  for (let k = 0; k < u.length; k++) if (k !== pivot) xnorm = Math.hypot(xnorm, u[k]);
  const alpha = u[pivot];
  if (xnorm === 0) {
    u.fill(0);
    u[pivot] = 1;
    return { u, tau: 0 };
  }
  const beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, xnorm);
  for (let k = 0; k < u.length; k++) if (k !== pivot) u[k] /= alpha - beta;
  u[pivot] = 1;
  return { u, tau: (beta - alpha) / beta };
}

/** Rows r0..r0+len−1 (columns c0..c1−1) ← (I − τ u uᵀ) rows. */
function reflectRows(m: Float64Array, n: number, r0: number, c0: number, c1: number, { u, tau }: { u: number[]; tau: number }): void {
  if (tau === 0) return;
  for (let j = c0; j < c1; j++) {
    let s = 0;
    for (let k = 0; k < u.length; k++) s += u[k] * m[(r0 + k) * n + j];
    s *= tau;
    for (let k = 0; k < u.length; k++) m[(r0 + k) * n + j] -= s * u[k];
  }
}

/** Columns c0..c0+len−1 (rows r0..r1−1) ← columns (I − τ u uᵀ). */
function reflectColumns(m: Float64Array, n: number, c0: number, r0: number, r1: number, { u, tau }: { u: number[]; tau: number }): void {
  if (tau === 0) return;
  for (let i = r0; i < r1; i++) {
    const row = i * n + c0;
    let s = 0;
    for (let k = 0; k < u.length; k++) s += u[k] * m[row + k];
    s *= tau;
    for (let k = 0; k < u.length; k++) m[row + k] -= s * u[k];
  }
}

export interface RealQzResult {
  /** α = αr + i·αi and β (β ≥ 0) per diagonal position. */
  alphar: Float64Array;
  alphai: Float64Array;
  beta: Float64Array;
  info: number;
}

/** In place: (a, b) becomes (S, P) = (Qᵀ A Z, Qᵀ B Z); q and z (n×n) receive Q and Z. */
export function realQz(a: Float64Array, b: Float64Array, n: number, q: Float64Array, z: Float64Array): RealQzResult {
  const at = (i: number, j: number) => i * n + j;
  // gghrd: B = Q R, A ← Qᵀ A, then Givens rotations
  const tau = new Float64Array(n);
  geqrf(b, 0, n, n, 1, tau, 0);
  orgqr(b, 0, n, n, 1, tau, 0, q, 0, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) b[at(i, j)] = 0;
  const qa = new Float64Array(n * n);
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) {
    const f = q[at(k, i)];
    if (f !== 0) for (let j = 0; j < n; j++) qa[at(i, j)] += f * a[at(k, j)];
  }
  a.set(qa);
  z.fill(0);
  for (let i = 0; i < n; i++) z[at(i, i)] = 1;
  for (let jcol = 0; jcol + 2 < n; jcol++) {
    for (let jrow = n - 1; jrow >= jcol + 2; jrow--) {
      let g = givens(a[at(jrow - 1, jcol)], a[at(jrow, jcol)]);
      rotRows(a, n, jrow - 1, jrow, jcol, n, g);
      a[at(jrow, jcol)] = 0;
      rotRows(b, n, jrow - 1, jrow, jrow - 1, n, g);
      rotColumns(q, n, jrow - 1, jrow, 0, n, g);
      g = givens(b[at(jrow, jrow)], b[at(jrow, jrow - 1)]);
      rotColumns(a, n, jrow, jrow - 1, 0, n, g);
      rotColumns(b, n, jrow, jrow - 1, 0, jrow + 1, g);
      b[at(jrow, jrow - 1)] = 0;
      rotColumns(z, n, jrow, jrow - 1, 0, n, g);
    }
  }
  return iterate(a, b, n, q, z);
}

function iterate(h: Float64Array, t: Float64Array, n: number, q: Float64Array, z: Float64Array): RealQzResult {
  const at = (i: number, j: number) => i * n + j;
  const result: RealQzResult = { alphar: new Float64Array(n), alphai: new Float64Array(n), beta: new Float64Array(n), info: 0 };
  let bnorm = 0;
  for (let i = 0; i < n * n; i++) bnorm = Math.hypot(bnorm, t[i]);
  const btol = Math.max(SAFMIN, ULP * bnorm);
  const small = (i: number) => Math.abs(h[at(i, i - 1)]) <= Math.max(SAFMIN, ULP * (Math.abs(h[at(i, i)]) + Math.abs(h[at(i - 1, i - 1)])));
  let ilast = n - 1;
  let iiter = 0;
  const maxit = 40 * n;
  for (let jiter = 0; ilast >= 0; jiter++) {
    if (jiter > maxit) {
      result.info = ilast + 1;
      return result;
    }
    if (ilast === 0 || small(ilast)) {
      if (ilast > 0) h[at(ilast, ilast - 1)] = 0;
      deflateOne(h, t, n, z, ilast, result);
      ilast--;
      iiter = 0;
      continue;
    }
    if (ilast === 1 || small(ilast - 1)) {
      if (ilast > 1) h[at(ilast - 1, ilast - 2)] = 0;
      if (deflateTwo(h, t, n, q, z, ilast - 1, btol, result)) {
        // the block had real eigenvalues and is now triangular: two 1×1 blocks
        deflateOne(h, t, n, z, ilast, result);
        deflateOne(h, t, n, z, ilast - 1, result);
      }
      ilast -= 2;
      iiter = 0;
      continue;
    }
    // the active block ifirst..ilast
    let ifirst = ilast - 1;
    while (ifirst > 0 && !small(ifirst)) ifirst--;
    if (ifirst > 0) h[at(ifirst, ifirst - 1)] = 0;
    // a (nearly) zero diagonal entry of P in the block: rotate it away (chase to the bottom)
    let zeroAt = -1;
    for (let j = ifirst; j <= ilast; j++) if (Math.abs(t[at(j, j)]) <= btol) zeroAt = j;
    if (zeroAt >= 0) {
      chaseZero(h, t, n, q, z, ifirst, ilast, zeroAt);
      continue;
    }
    iiter++;
    doubleShiftSweep(h, t, n, q, z, ifirst, ilast, iiter % 10 === 0);
  }
  return result;
}

/** P[j, j] = 0: rotations from the left move the zero down to P[ilast, ilast], then one from the right zeros S[ilast, ilast−1]. */
function chaseZero(h: Float64Array, t: Float64Array, n: number, q: Float64Array, z: Float64Array, ifirst: number, ilast: number, j: number): void {
  const at = (i: number, k: number) => i * n + k;
  t[at(j, j)] = 0;
  for (let k = j; k < ilast; k++) {
    // rows k, k+1 zero P[k+1, k+1] (P[k, k] is zero): rotate on P[k, k+1], P[k+1, k+1]
    const g = givens(t[at(k, k + 1)], t[at(k + 1, k + 1)]);
    rotRows(t, n, k, k + 1, k + 1, n, g);
    t[at(k + 1, k + 1)] = 0;
    rotRows(h, n, k, k + 1, Math.max(ifirst, k - 1), n, g);
    rotColumns(q, n, k, k + 1, 0, n, g);
    if (k > ifirst) {
      // restore S's Hessenberg form: columns k, k−1 zero S[k+1, k−1]
      const g2 = givens(h[at(k + 1, k)], h[at(k + 1, k - 1)]);
      rotColumns(h, n, k, k - 1, 0, k + 2, g2);
      h[at(k + 1, k - 1)] = 0;
      rotColumns(t, n, k, k - 1, 0, k + 1, g2);
      rotColumns(z, n, k, k - 1, 0, n, g2);
    }
  }
  // P[ilast, ilast] = 0: a rotation of columns ilast, ilast−1 zeros S[ilast, ilast−1]
  const g = givens(h[at(ilast, ilast)], h[at(ilast, ilast - 1)]);
  rotColumns(h, n, ilast, ilast - 1, 0, ilast + 1, g);
  h[at(ilast, ilast - 1)] = 0;
  rotColumns(t, n, ilast, ilast - 1, 0, ilast, g);
  rotColumns(z, n, ilast, ilast - 1, 0, n, g);
}

/** A 1×1 block at i: make P[i, i] ≥ 0 and record (α, β). */
export function deflateOne(h: Float64Array, t: Float64Array, n: number, z: Float64Array, i: number, result: RealQzResult): void {
  if (t[i * n + i] < 0) {
    for (let r = 0; r <= i; r++) {
      h[r * n + i] = -h[r * n + i];
      t[r * n + i] = -t[r * n + i];
    }
    for (let r = 0; r < n; r++) z[r * n + i] = -z[r * n + i];
  }
  result.alphar[i] = h[i * n + i];
  result.alphai[i] = 0;
  result.beta[i] = t[i * n + i];
}

/**
 * A 2×2 block at rows j, j+1. Real eigenvalues: rotations make both S and P triangular
 * (returns true; the caller deflates the two 1×1 blocks). A complex pair: the SVD of the P
 * block makes it diagonal and non-negative, and (α, β) are recorded (returns false).
 */
export function deflateTwo(h: Float64Array, t: Float64Array, n: number, q: Float64Array, z: Float64Array, j: number, btol: number, result: RealQzResult): boolean {
  const at = (i: number, k: number) => i * n + k;
  const [a11, a12, a21, a22] = [h[at(j, j)], h[at(j, j + 1)], h[at(j + 1, j)], h[at(j + 1, j + 1)]];
  const [b11, b12, b22] = [t[at(j, j)], t[at(j, j + 1)], t[at(j + 1, j + 1)]];
  // det(A − λB) = 0: (b11 b22) λ² − (a11 b22 + a22 b11 − a21 b12) λ + (a11 a22 − a12 a21) = 0
  const qa = b11 * b22;
  const qb = -(a11 * b22 + a22 * b11 - a21 * b12);
  const qc = a11 * a22 - a12 * a21;
  const disc = qb * qb - 4 * qa * qc;
  const singularB = Math.abs(b11) <= btol || Math.abs(b22) <= btol;
  if (disc >= 0 || singularB) {
    // a real eigenvalue λ with vector x: (A − λB) x = 0; with B singular take the infinite one (B x = 0)
    let x0: number;
    let x1: number;
    if (singularB) {
      if (Math.abs(b22) <= btol) [x0, x1] = [-b12, b11];
      else [x0, x1] = [1, 0];
      if (x0 === 0 && x1 === 0) [x0, x1] = [0, 1];
    } else {
      const root = Math.sqrt(disc);
      const lambda = qb >= 0 ? (-qb - root) / (2 * qa) : (-qb + root) / (2 * qa);
      // rows of A − λB: pick the larger one for the null vector
      const r0 = [a11 - lambda * b11, a12 - lambda * b12];
      const r1 = [a21, a22 - lambda * b22];
      const r = Math.hypot(r0[0], r0[1]) >= Math.hypot(r1[0], r1[1]) ? r0 : r1;
      [x0, x1] = [-r[1], r[0]];
      if (x0 === 0 && x1 === 0) [x0, x1] = [1, 0];
    }
    // Z's first column along x, then Q zeros the (2, 1) entries
    const gz = givens(x0, x1);
    rotColumns(h, n, j, j + 1, 0, j + 2, gz);
    rotColumns(t, n, j, j + 1, 0, j + 2, gz);
    rotColumns(z, n, j, j + 1, 0, n, gz);
    // B x and A x are parallel: zero the one that is better determined
    const useB = Math.abs(t[at(j, j)]) + Math.abs(t[at(j + 1, j)]) >= Math.abs(h[at(j, j)]) + Math.abs(h[at(j + 1, j)]);
    const gq = useB ? givens(t[at(j, j)], t[at(j + 1, j)]) : givens(h[at(j, j)], h[at(j + 1, j)]);
    rotRows(h, n, j, j + 1, j, n, gq);
    rotRows(t, n, j, j + 1, j, n, gq);
    rotColumns(q, n, j, j + 1, 0, n, gq);
    h[at(j + 1, j)] = 0;
    t[at(j + 1, j)] = 0;
    return true;
  }
  // complex pair: the 2×2 SVD of the P block (one-sided Jacobi on its columns), applied to both
  const theta = 0.5 * Math.atan2(2 * b11 * b12, b11 * b11 - b12 * b12 - b22 * b22);
  const gz = { c: Math.cos(theta), s: Math.sin(theta), r: 0 };
  rotColumns(h, n, j, j + 1, 0, j + 2, gz);
  rotColumns(t, n, j, j + 1, 0, j + 2, gz);
  rotColumns(z, n, j, j + 1, 0, n, gz);
  // the columns of the P block are now orthogonal: a left rotation makes it diagonal
  const gq = givens(t[at(j, j)], t[at(j + 1, j)]);
  rotRows(h, n, j, j + 1, j, n, gq);
  rotRows(t, n, j, j + 1, j, n, gq);
  rotColumns(q, n, j, j + 1, 0, n, gq);
  t[at(j + 1, j)] = 0;
  t[at(j, j + 1)] = 0;
  for (const k of [j, j + 1]) {
    if (t[at(k, k)] < 0) {
      for (let r = 0; r <= j + 1; r++) {
        h[at(r, k)] = -h[at(r, k)];
        t[at(r, k)] = -t[at(r, k)];
      }
      for (let r = 0; r < n; r++) z[at(r, k)] = -z[at(r, k)];
    }
  }
  // α/β: the eigenvalues of the block with the diagonal P
  const [s11, s12, s21, s22] = [h[at(j, j)], h[at(j, j + 1)], h[at(j + 1, j)], h[at(j + 1, j + 1)]];
  const [p11, p22] = [t[at(j, j)], t[at(j + 1, j + 1)]];
  // M = S P⁻¹ = [s11/p11 s12/p22; s21/p11 s22/p22]: λ = tr/2 ± i√(−disc)
  const m11 = s11 / p11;
  const m12 = s12 / p22;
  const m21 = s21 / p11;
  const m22 = s22 / p22;
  const half = (m11 + m22) / 2;
  const im = Math.sqrt(Math.max(0, -((m11 - m22) * (m11 - m22) / 4 + m12 * m21)));
  result.beta[j] = p11;
  result.beta[j + 1] = p22;
  result.alphar[j] = half * p11;
  result.alphai[j] = im * p11;
  result.alphar[j + 1] = half * p22;
  result.alphai[j + 1] = -im * p22;
  return false;
}

/** One implicit double-shift QZ sweep on rows/columns ifirst..ilast (ilast − ifirst ≥ 2). */
function doubleShiftSweep(h: Float64Array, t: Float64Array, n: number, q: Float64Array, z: Float64Array, ifirst: number, ilast: number, exceptional: boolean): void {
  const at = (i: number, j: number) => i * n + j;
  // entries of M = S P⁻¹ from the inverse of P's leading and trailing 3×3 (2×2) blocks
  const m = (i: number, j: number): number => {
    // M[i, j] = Σ_{k = i−1..j} S[i, k] (P⁻¹)[k, j]
    let sum = 0;
    for (let k = Math.max(ifirst, i - 1); k <= j; k++) sum += h[at(i, k)] * inverseEntry(t, n, k, j);
    return sum;
  };
  let tr: number;
  let det: number;
  const e = ilast;
  if (exceptional) {
    const s = Math.abs(m(e, e - 1)) + Math.abs(m(e - 1, e - 2));
    const h11 = 0.75 * s + m(e, e);
    tr = 2 * h11;
    det = h11 * h11 + 0.4375 * s * s;
  } else {
    const [m11, m12, m21, m22] = [m(e - 1, e - 1), m(e - 1, e), m(e, e - 1), m(e, e)];
    tr = m11 + m22;
    det = m11 * m22 - m12 * m21;
  }
  const f = ifirst;
  const a11 = m(f, f);
  const a12 = m(f, f + 1);
  const a21 = m(f + 1, f);
  const a22 = m(f + 1, f + 1);
  const a32 = m(f + 2, f + 1);
  let x = [a11 * a11 + a12 * a21 - tr * a11 + det, a21 * (a11 + a22 - tr), a21 * a32];
  for (let k = ifirst; k <= ilast - 1; k++) {
    const len = Math.min(3, ilast - k + 1);
    if (k > ifirst) x = Array.from({ length: len }, (_, r) => h[at(k + r, k - 1)]);
    else x = x.slice(0, len);
    const left = reflector(x, 0);
    reflectRows(h, n, k, Math.max(ifirst, k - 1), n, left);
    reflectRows(t, n, k, k, n, left);
    reflectColumns(q, n, k, 0, n, left);
    if (k > ifirst) for (let r = 1; r < len; r++) h[at(k + r, k - 1)] = 0;
    // restore P: a reflector from the right zeros P[k+len−1, k..k+len−2]
    const last = k + len - 1;
    const rowOfP = Array.from({ length: len }, (_, c) => t[at(last, k + c)]);
    const right = reflector(rowOfP, len - 1);
    const rows = Math.min(k + 3, ilast) + 1;
    reflectColumns(h, n, k, 0, rows, right);
    reflectColumns(t, n, k, 0, last + 1, right);
    reflectColumns(z, n, k, 0, n, right);
    for (let c = 0; c < len - 1; c++) t[at(last, k + c)] = 0;
    if (len === 3) {
      // then P[k+1, k] with a 2-element reflector on columns k, k+1
      const right2 = reflector([t[at(k + 1, k)], t[at(k + 1, k + 1)]], 1);
      reflectColumns(h, n, k, 0, rows, right2);
      reflectColumns(t, n, k, 0, k + 2, right2);
      reflectColumns(z, n, k, 0, n, right2);
      t[at(k + 1, k)] = 0;
    }
  }
}

/** (P⁻¹)[k, j] of the upper triangular P, by back substitution on column j. */
function inverseEntry(t: Float64Array, n: number, k: number, j: number): number {
  if (k > j) return 0;
  // x = P⁻¹ e_j restricted to rows k..j: x_j = 1/P[j, j], x_i = −Σ_{l>i} P[i, l] x_l / P[i, i]
  const x = new Float64Array(j - k + 1);
  x[j - k] = 1 / t[j * n + j];
  for (let i = j - 1; i >= k; i--) {
    let s = 0;
    for (let l = i + 1; l <= j; l++) s += t[i * n + l] * x[l - k];
    x[i - k] = -s / t[i * n + i];
  }
  return x[0];
}
