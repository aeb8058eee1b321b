/**
 * `fractionalMatrixPower(A, t)`: A^t by SciPy's route. Integer t: repeated squaring in A's
 * type (NumPy's matrix_power; the inverse first for t < 0). Otherwise t = a + b with a an
 * integer and |b| < 1 chosen by Higham & Lin's condition-number test ("A Schur–Padé algorithm
 * for fractional powers of a matrix", SIAM J. Matrix Anal. Appl. 32(3), 2011, §6), A^b by
 * their Schur–Padé algorithm on the complex Schur form (inverse scaling and squaring, the
 * [m/m] Padé approximant of (1 − x)^b as a continued fraction, squaring with the diagonal
 * and superdiagonal recomputed), and A^t = A^a · A^b. A singular A takes funm's x^b for t > 0
 * and gives NaN for t < 0, as SciPy.
 */
import { astype, type NDArray } from '@sciport/array-api';
import { checkFiniteNumber } from '@sciport/array-api/kit';
import type { DispatchOptions } from '@sciport/dispatch-core';
import { ctrsm } from '../kernels/complex.js';
import { readFunctionOptions } from '../options.js';
import { singularValuesOf } from '../svd.js';
import { bandwidthOf } from '../structure.js';
import { type Float, fromData, type LapackDtype } from '../stack.js';
import { mapMatrices, readSquare } from './batch.js';
import { cpow } from './complex-scalar.js';
import { combine, identity, luFactorOf, luSolveInPlace, matmul, type Square, square, zeros } from './dense.js';
import { funmOf } from './funm.js';
import { entry, fractionalSuperdiagonal, hasPrincipalBranch, inverseSquaring, setEntry } from './inverse-squaring.js';
import { realParts, toComplex, unitarySimilarity } from './real-result.js';
import { complexSchurOf } from './schur-form.js';

/** θₘ of Higham & Lin (2011), Table 3.1, m = 1 … 7. */
const THETA = [Number.NaN, 1.51e-5, 2.24e-3, 1.88e-2, 6.04e-2, 1.24e-1, 2.0e-1, 2.79e-1];

/** The continued-fraction coefficient cᵢ of the Padé approximant of (1 − x)^t. */
function padeConstant(i: number, t: number): number {
  if (i === 1) return -t;
  if (i % 2 === 0) {
    const j = i / 2;
    return (-j + t) / (2 * (2 * j - 1));
  }
  const j = (i - 1) / 2;
  return (-j - t) / (2 * (2 * j + 1));
}

/** The [m/m] Padé approximant of (I + R)^t for triangular R, bottom-up through the continued fraction. */
function fractionalPade(fc: Square, r: Float, t: number, m: number): Float {
  const { n } = fc;
  const minusR = combine(fc, [[-1, r]]);
  let y = combine(fc, [[padeConstant(2 * m, t), minusR]]);
  for (let j = 2 * m - 1; j >= 1; j--) {
    const lhs = combine(fc, [[1, y]], 1);
    const rhs = combine(fc, [[padeConstant(j, t), minusR]]);
    ctrsm(lhs, 0, n, rhs, 0, n, false, 0, false);
    y = rhs;
  }
  return combine(fc, [[1, y]], 1);
}

/** T^t for complex upper triangular T with a nonzero diagonal, |t| < 1 (SciPy's `_remainder_matrix_power_triu`). */
function triangularPower(fc: Square, t0: Float, t: number): Float {
  const { n } = fc;
  let diagonal = true;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (t0[2 * (i * n + j)] !== 0 || t0[2 * (i * n + j) + 1] !== 0) diagonal = false;
  if (diagonal) {
    const u = zeros(fc);
    for (let i = 0; i < n; i++) setEntry(u, n, i, i, cpow(entry(t0, n, i, i), t));
    return u;
  }
  const { r, s, m } = inverseSquaring(fc, t0, THETA);
  let u = fractionalPade(fc, r, t, m);
  const principal = hasPrincipalBranch(fc, t0);
  for (let i = s; i >= 0; i--) {
    if (i < s) u = matmul(fc, u, u);
    else if (principal) {
      // as SciPy: the diagonal and superdiagonal are set exactly before the first squaring only
      const p = t * 2 ** -i;
      for (let j = 0; j < n; j++) setEntry(u, n, j, j, cpow(entry(t0, n, j, j), p));
      for (let j = 0; j + 1 < n; j++) setEntry(u, n, j, j + 1, fractionalSuperdiagonal(entry(t0, n, j, j), entry(t0, n, j + 1, j + 1), entry(t0, n, j, j + 1), p));
    }
  }
  return u;
}

/** A^t for |t| < 1 (complex), or null when T is singular (SciPy's FractionalMatrixPowerError). */
function remainderPower(f: Square, a: Float, t: number): { x: Float; complex: boolean } | null {
  const fc = square(f.lanes === 2 ? 'complex128' : 'complex128', f.n);
  const triangular = bandwidthOf(a, 0, f.n, f.n, f.lanes)[0] === 0;
  let tt: Float;
  let z: Float | null = null;
  let complex = f.lanes === 2;
  if (triangular) {
    tt = f.lanes === 2 ? a.slice() : toComplex(a);
    for (let i = 0; i < f.n; i++) if (f.lanes === 1 && a[i * f.n + i] < 0) complex = true;
  } else {
    const schur = complexSchurOf(square(f.lanes === 2 ? 'complex128' : 'float64', f.n), Float64Array.from(a));
    tt = schur.t;
    z = schur.z;
    complex = complex || schur.negativeReal || schur.complexPairs;
  }
  for (let i = 0; i < f.n; i++) if (tt[2 * (i * f.n + i)] === 0 && tt[2 * (i * f.n + i) + 1] === 0) return null;
  const u = triangularPower(fc, tt, t);
  return { x: z === null ? u : unitarySimilarity(fc, z, u), complex };
}

/** NumPy's matrix_power for p ≥ 0 by binary powering, in `f`'s type. */
function integerPower(f: Square, a: Float, p: number): Float {
  if (p === 0) return identity(f);
  if (p === 1) return a.slice();
  if (p === 2) return matmul(f, a, a);
  if (p === 3) return matmul(f, matmul(f, a, a), a);
  let z: Float | null = null;
  let result: Float | null = null;
  for (let k = p; k > 0; k = Math.floor(k / 2)) {
    z = z === null ? a : matmul(f, z, z);
    if (k % 2 === 1) result = result === null ? z : matmul(f, result, z);
  }
  return result as Float;
}

export interface FractionalPowerResult {
  readonly x: Float;
  readonly dtype: LapackDtype;
}

/** A^t of one matrix of type `f`. */
function powerOf(f: Square, a: Float, t: number): FractionalPowerResult {
  const wide: LapackDtype = f.lanes === 2 ? 'complex128' : 'float64';
  if (Number.isInteger(t)) {
    if (t >= 0) return { x: integerPower(f, a, t), dtype: f.dtype };
    const factors = luFactorOf(f, a);
    // NumPy's inv of a singular matrix raises; SciPy's integer path then fails the same way
    const inverse = factors.singular ? identity(f).fill(Number.NaN) : luSolveInPlace(f, factors, identity(f));
    return { x: integerPower(f, inverse, -t), dtype: f.dtype };
  }
  const fw = square(wide, f.n);
  const a64 = Float64Array.from(a);
  const sv = singularValuesOf({ data: a64.slice(), dtype: wide, batch: [1], rows: f.n, cols: f.n }).toTypedArray() as Float64Array;
  const smin = sv[f.n - 1];
  if (smin !== 0) {
    const k2 = sv[0] / smin;
    const p1 = t - Math.floor(t);
    const p2 = t - Math.ceil(t);
    const [whole, rest] = p1 * k2 ** (1 - p1) <= -p2 * k2 ? [Math.floor(t), p1] : [Math.ceil(t), p2];
    const r = remainderPower(fw, a64, rest);
    if (r !== null) {
      const q = powerOf(fw, a64, whole).x;
      const fc = square('complex128', f.n);
      const x = matmul(fc, fw.lanes === 2 ? q : toComplex(q), r.x);
      return r.complex ? { x, dtype: 'complex128' } : { x: realParts(x), dtype: 'float64' };
    }
  }
  if (t < 0) return { x: zeros(fw).fill(Number.NaN), dtype: wide };
  const rest = t - Math.floor(t);
  const r = funmOf(fw, a64, (x) => {
    const v = x.toTypedArray() as Float;
    const out = new Float64Array(v.length);
    for (let i = 0; i < v.length / 2; i++) [out[2 * i], out[2 * i + 1]] = cpow([v[2 * i], v[2 * i + 1]], rest);
    return fromData(out, [v.length / 2], 'complex128');
  });
  const q = powerOf(fw, a64, Math.floor(t)).x;
  const fr = square(r.dtype, f.n);
  const qr = r.dtype === wide ? q : toComplex(q);
  return { x: matmul(fr, qr, r.x), dtype: r.dtype };
}

/**
 * SciPy's `fractional_matrix_power(A, t)` for every matrix of A ([..., N, N]) and a real t:
 * A's own type for integer t ≥ 0 (and t < 0 for inexact A), float64 / complex128 otherwise.
 */
export function fractionalMatrixPowerHost(a: unknown, t: number, options?: DispatchOptions): NDArray {
  readFunctionOptions(options, 'fractionalMatrixPower');
  const power = checkFiniteNumber(t, 't');
  const s = readSquare(a, 'fractionalMatrixPower', 'A', false);
  const size = s.f.lanes * s.f.n * s.f.n;
  const results = Array.from({ length: s.count }, (_, i) => powerOf(s.f, s.stack.data.slice(i * size, (i + 1) * size), power));
  const order: LapackDtype[] = ['float32', 'float64', 'complex64', 'complex128'];
  let dtype: LapackDtype = Number.isInteger(power) ? s.f.dtype : s.f.lanes === 2 ? 'complex128' : 'float64';
  for (const r of results) if (order.indexOf(r.dtype) > order.indexOf(dtype)) dtype = r.dtype;
  const lanes = dtype.startsWith('complex') ? 2 : 1;
  const x = mapMatrices(s, dtype, (_, i) => {
    const r = results[i];
    return (r.dtype.startsWith('complex') ? 2 : 1) === lanes ? r.x : toComplex(r.x);
  });
  // NumPy's matrix_power keeps an integer matrix's type for t ≥ 0 (computed here in float64, exact below 2⁵³)
  const integerInput = /^u?int/.test(s.input.dtype);
  return integerInput && Number.isInteger(power) && power >= 0 ? astype(x, s.input.dtype) : x;
}
