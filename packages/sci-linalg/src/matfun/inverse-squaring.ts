/**
 * The inverse scaling and squaring step shared by `logm` and `fractionalMatrixPower`
 * (Al-Mohy & Higham, "Improved inverse scaling and squaring algorithms for the matrix
 * logarithm", SIAM J. Sci. Comput. 34(4), 2012, Algorithm 4.1; Higham & Lin, "A Schur–Padé
 * algorithm for fractional powers of a matrix", SIAM J. Matrix Anal. Appl. 32(3), 2011), as
 * SciPy implements it: take square roots of the triangular T until ‖T − I‖ is small enough
 * for a Padé approximant of degree m ≤ 7, then R = T^(1/2^s) − I with its diagonal and first
 * superdiagonal recomputed accurately from T (Higham's Algorithm 5.1 / (5.6)). The norms
 * ‖(T − I)^p‖₁ are computed exactly where SciPy estimates them (onenormest).
 */
import type { Float } from '../stack.js';
import {
  type C,
  cabs,
  cadd,
  catanh,
  cdivide,
  cexpC,
  cequal,
  clog,
  cmul,
  cpow,
  cscale,
  csinh,
  csqrtC,
  csub,
  unwind,
} from './complex-scalar.js';
import { combine, matmul, norm1, type Square } from './dense.js';
import { triangularSqrt } from './sqrtm.js';

export const at = (n: number, i: number, j: number): number => 2 * (i * n + j);
export const entry = (x: Float, n: number, i: number, j: number): C => [x[at(n, i, j)], x[at(n, i, j) + 1]];
export function setEntry(x: Float, n: number, i: number, j: number, v: C): void {
  x[at(n, i, j)] = v[0];
  x[at(n, i, j) + 1] = v[1];
}

/** ‖(T − I)^p‖₁^(1/p). */
function normOfPower(fc: Square, t: Float, p: number): number {
  const m = combine(fc, [[1, t]], -1);
  let x = m;
  for (let k = 1; k < p; k++) x = matmul(fc, x, m);
  return norm1(fc, x) ** (1 / p);
}

/** Whether every eigenvalue (diagonal entry) is off the closed negative real axis. */
export function hasPrincipalBranch(fc: Square, t: Float): boolean {
  for (let i = 0; i < fc.n; i++) {
    const [re, im] = entry(t, fc.n, i, i);
    if (!(re > 0 || im !== 0)) return false;
  }
  return true;
}

/** a^(1/2^k) − 1 without cancellation (Al-Mohy & Higham 2012, Algorithm 5.1). */
function briggs(a: C, k: number): C {
  if (k === 0) return [a[0] - 1, a[1]];
  if (k === 1) return csub(csqrtC(a), [1, 0]);
  let kHat = k;
  let x = a;
  if (Math.atan2(x[1], x[0]) >= Math.PI / 2) {
    x = csqrtC(x);
    kHat = k - 1;
  }
  const z0: C = [x[0] - 1, x[1]];
  x = csqrtC(x);
  let r: C = [1 + x[0], x[1]];
  for (let j = 1; j < kHat; j++) {
    x = csqrtC(x);
    r = cmul(r, [1 + x[0], x[1]]);
  }
  return cdivide(z0, r);
}

/** The (1, 2) entry of [[l1, t12], [0, l2]]^p (Higham & Lin 2011, (5.6)). */
export function fractionalSuperdiagonal(l1: C, l2: C, t12: C, p: number): C {
  if (cequal(l1, l2)) return cmul(cscale(t12, p), cpow(l1, p - 1));
  const d = csub(l2, l1);
  if (cabs(d) > cabs(cadd(l1, l2)) / 2) return cdivide(cmul(t12, csub(cpow(l2, p), cpow(l1, p))), d);
  const z = cdivide(d, cadd(l1, l2));
  const logSum = cadd(clog(l2), clog(l1));
  const a = cmul(t12, cexpC(cscale(logSum, p / 2)));
  const u = unwind(csub(clog(l2), clog(l1)));
  const b = cscale(u === 0 ? catanh(z) : cadd(catanh(z), [0, Math.PI * u]), p);
  return cmul(a, cdivide(cscale(csinh(b), 2), d));
}


export interface InverseSquaring {
  /** T^(1/2^s) − I. */
  readonly r: Float;
  readonly s: number;
  readonly m: number;
}

/** SciPy's `_inverse_squaring_helper` on the complex upper triangular T0 with the θ table `theta` (indexed 1…). */
export function inverseSquaring(fc: Square, t0: Float, theta: readonly number[]): InverseSquaring {
  const { n } = fc;
  let t = t0;
  let s0 = 0;
  let diag: C[] = Array.from({ length: n }, (_, i) => entry(t0, n, i, i));
  const far = (d: C[]) => d.reduce((m, x) => Math.max(m, cabs([x[0] - 1, x[1]])), 0);
  while (far(diag) > theta[7]) {
    diag = diag.map(csqrtC);
    s0++;
  }
  for (let i = 0; i < s0; i++) t = triangularSqrt(fc, t);
  let s = s0;
  let k = 0;
  let d3 = normOfPower(fc, t, 3);
  const a2 = Math.max(normOfPower(fc, t, 2), d3);
  let m = a2 <= theta[1] ? 1 : a2 <= theta[2] ? 2 : 0;
  while (m === 0) {
    if (s > s0) d3 = normOfPower(fc, t, 3);
    const d4 = normOfPower(fc, t, 4);
    const a3 = Math.max(d3, d4);
    if (a3 <= theta[7]) {
      const j1 = [3, 4, 5, 6, 7].find((i) => a3 <= theta[i]) as number;
      if (j1 <= 6) {
        m = j1;
        break;
      }
      if (a3 / 2 <= theta[5] && k < 2) {
        k++;
        t = triangularSqrt(fc, t);
        s++;
        continue;
      }
    }
    const d5 = normOfPower(fc, t, 5);
    const eta = Math.min(a3, Math.max(d4, d5));
    m = eta <= theta[6] ? 6 : eta <= theta[7] ? 7 : 0;
    if (m !== 0) break;
    t = triangularSqrt(fc, t);
    s++;
  }
  const r = combine(fc, [[1, t]], -1);
  if (hasPrincipalBranch(fc, t0)) {
    for (let j = 0; j < n; j++) setEntry(r, n, j, j, briggs(entry(t0, n, j, j), s));
    const p = 2 ** -s;
    for (let j = 0; j + 1 < n; j++) {
      setEntry(r, n, j, j + 1, fractionalSuperdiagonal(entry(t0, n, j, j), entry(t0, n, j + 1, j + 1), entry(t0, n, j, j + 1), p));
    }
  }
  return { r, s, m };
}
