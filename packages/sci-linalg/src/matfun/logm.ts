/**
 * `logm`: the principal matrix logarithm by inverse scaling and squaring (Al-Mohy & Higham,
 * "Improved inverse scaling and squaring algorithms for the matrix logarithm", SIAM J. Sci.
 * Comput. 34(4), 2012, Algorithm 4.1) on the complex Schur form, as SciPy: T^(1/2^s) − I = R
 * (inverse-squaring.ts), log(I + R) by the m-point Gauss–Legendre rule for
 * ∫₀¹ (I + βR)⁻¹R dβ, times 2^s, with the diagonal and first superdiagonal set exactly
 * from T. Computed in double precision for every input, as SciPy (float64 / complex128).
 */
import type { NDArray } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { ShapeError } from '@sciport/dispatch-core';
import { ctrsm } from '../kernels/complex.js';
import type { FunmOptions } from '../matfun-options.js';
import { readFunctionOptions } from '../options.js';
import { bandwidthOf } from '../structure.js';
import { type Float, fromData, type LapackDtype } from '../stack.js';
import { mapMatrices, readSquare } from './batch.js';
import { type C, cabs, cadd, catanh, cdivide, cequal, clog, cmul, cscale, csub, unwind } from './complex-scalar.js';
import { combine, norm1, type Square, square, zeros } from './dense.js';
import { expmOf } from './expm-kernel.js';
import { entry, hasPrincipalBranch, inverseSquaring, setEntry } from './inverse-squaring.js';
import { negligibleImaginary, realParts, toComplex, unitarySimilarity } from './real-result.js';
import { complexSchurOf } from './schur-form.js';

/** θₘ of Al-Mohy & Higham (2012), Table 2.1, for m = 1 … 16. */
const THETA = [
  Number.NaN, 1.59e-5, 2.31e-3, 1.94e-2, 6.21e-2, 1.28e-1, 2.06e-1, 2.88e-1, 3.67e-1, 4.39e-1, 5.03e-1, 5.6e-1, 6.09e-1, 6.52e-1, 6.89e-1, 7.21e-1,
  7.49e-1,
];

/** Nodes and weights of the m-point Gauss–Legendre rule on [−1, 1] (Newton's method on Pₘ). */
export function gaussLegendre(m: number): { nodes: number[]; weights: number[] } {
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < m; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (m + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= m; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
      const pm = m === 1 ? x : p1;
      const pm1 = m === 1 ? 1 : p0;
      dp = (m * (x * pm - pm1)) / (x * x - 1);
      const dx = pm / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes.push(x);
    weights.push(2 / ((1 - x * x) * dp * dp));
  }
  return { nodes, weights };
}

/** The (1, 2) entry of log([[l1, t12], [0, l2]]) (Higham, Functions of Matrices, (11.28)). */
function logSuperdiagonal(l1: C, l2: C, t12: C): C {
  if (cequal(l1, l2)) return cdivide(t12, l1);
  const d = csub(l2, l1);
  if (cabs(d) > cabs(cadd(l1, l2)) / 2) return cdivide(cmul(t12, csub(clog(l2), clog(l1))), d);
  const z = cdivide(d, cadd(l1, l2));
  const u = unwind(csub(clog(l2), clog(l1)));
  const a = u === 0 ? catanh(z) : cadd(catanh(z), [0, Math.PI * u]);
  return cdivide(cscale(cmul(t12, a), 2), d);
}

/** log T for complex upper triangular T (SciPy's `_logm_triu`). */
export function triangularLog(fc: Square, t0: Float): Float {
  const { n } = fc;
  const { r, s, m } = inverseSquaring(fc, t0, THETA);
  const { nodes, weights } = gaussLegendre(m);
  const u = zeros(fc);
  for (let q = 0; q < m; q++) {
    const beta = 0.5 + 0.5 * nodes[q];
    const alpha = 0.5 * weights[q];
    const lhs = combine(fc, [[beta, r]], 1);
    const rhs = combine(fc, [[alpha, r]]);
    ctrsm(lhs, 0, n, rhs, 0, n, false, 0, false);
    for (let p = 0; p < u.length; p++) u[p] += rhs[p];
  }
  for (let p = 0; p < u.length; p++) u[p] *= 2 ** s;
  if (hasPrincipalBranch(fc, t0)) {
    for (let i = 0; i < n; i++) setEntry(u, n, i, i, clog(entry(t0, n, i, i)));
    for (let i = 0; i + 1 < n; i++) setEntry(u, n, i, i + 1, logSuperdiagonal(entry(t0, n, i, i), entry(t0, n, i + 1, i + 1), entry(t0, n, i, i + 1)));
  }
  // entries below the diagonal stay zero (the solves are triangular)
  return u;
}

/** An exactly zero diagonal entry becomes 10⁻²⁰, as SciPy does (it warns that A is singular). */
function forceNonsingular(fc: Square, t: Float): void {
  for (let i = 0; i < fc.n; i++) if (t[2 * (i * fc.n + i)] === 0 && t[2 * (i * fc.n + i) + 1] === 0) t[2 * (i * fc.n + i)] = 1e-20;
}

/** log A of one matrix in double precision: complex, and whether it is to be returned as real. */
function logOf(f: Square, a: Float): { x: Float; real: boolean } {
  const fc = square('complex128', f.n);
  const a64 = Float64Array.from(a);
  let x: Float;
  if (bandwidthOf(a64, 0, f.n, f.n, f.lanes)[0] === 0) {
    const t = f.lanes === 2 ? a64 : toComplex(a64);
    forceNonsingular(fc, t);
    x = triangularLog(fc, t);
  } else {
    // the Schur form in A's own precision, the rest in double: SciPy's float32 results carry
    // single-precision imaginary parts (and so stay complex) for the same reason
    const schur = complexSchurOf(f, a);
    const t = Float64Array.from(schur.t);
    forceNonsingular(fc, t);
    x = unitarySimilarity(fc, Float64Array.from(schur.z), triangularLog(fc, t));
  }
  return f.lanes === 1 && negligibleImaginary(x, 'complex128') ? { x: realParts(x), real: true } : { x, real: false };
}

/**
 * SciPy's `logm(A, disp)`: the principal logarithm of every matrix of A ([..., N, N]),
 * float64 for real A when the result is real (within SciPy's tolerance), complex128 otherwise.
 * `disp: false` gives [L, ‖expm(L) − A‖₁ / ‖A‖₁] (deprecated in SciPy 1.16).
 */
export function logmHost(a: unknown, options?: FunmOptions): NDArray | [NDArray, NDArray] {
  const o = readFunctionOptions(options, 'logm');
  const disp = checkBoolean(o.disp, 'disp', true);
  const s = readSquare(a, 'logm', 'A', false);
  if (s.f.n === 0) {
    throw new ShapeError('logm: the logarithm of an empty matrix is undefined (SciPy fails on it too).', {
      argument: 'A',
      hint: 'Pass a matrix of order at least 1.',
    });
  }
  const size = s.f.lanes * s.f.n * s.f.n;
  const logs = Array.from({ length: s.count }, (_, i) => logOf(s.f, s.stack.data.slice(i * size, (i + 1) * size)));
  const real = logs.every((l) => l.real);
  const dtype: LapackDtype = real ? 'float64' : 'complex128';
  const x = mapMatrices(s, dtype, (_, i) => (real || !logs[i].real ? logs[i].x : toComplex(logs[i].x)));
  if (disp) return x;
  const fx = square(dtype, s.f.n);
  const errs = new Float64Array(s.count);
  const xs = x.toTypedArray() as Float;
  for (let i = 0; i < s.count; i++) {
    const li = xs.slice(i * fx.lanes * s.f.n * s.f.n, (i + 1) * fx.lanes * s.f.n * s.f.n);
    const original = Float64Array.from(s.stack.data.slice(i * size, (i + 1) * size));
    const ai = fx.lanes === 2 && s.f.lanes === 1 ? toComplex(original) : original;
    errs[i] = norm1(fx, combine(fx, [[1, expmOf(fx, li)], [-1, ai]])) / norm1(fx, ai);
  }
  return [x, fromData(errs, s.stack.batch, 'float64')];
}
