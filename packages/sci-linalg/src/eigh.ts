/**
 * `eigh` and `eigvalsh`: eigenvalues (ascending) and orthonormal eigenvectors of Hermitian /
 * real symmetric matrices, and of the generalized problems with a Hermitian positive definite
 * B (LAPACK's sygst reduction: B = L Lᴴ, then type 1 C = L⁻¹ A L⁻ᴴ, types 2 and 3
 * C = Lᴴ A L). The matrix is reduced to real tridiagonal form by Householder reflectors
 * (gehrd's reduction, which keeps a Hermitian matrix tridiagonal), whose eigen-decomposition
 * comes from the implicit QL algorithm (kernels/tridiagonal-ql.ts) for small orders, and
 * for larger ones from root-free QL (values) or divide and conquer (vectors).
 */
import type { NDArray } from '@sciport/array-api';
import { checkBoolean, describe } from '@sciport/array-api/kit';
import { gemm } from '@sciport/array-api/kernels';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import type { EighOptions, EigvalshOptions } from './eigen-options.js';
import { LinAlgError } from './errors.js';
import { applyTridiagonalQ, reduceSymmetricBlocked } from './kernels/blocked-tridiagonal-reduction.js';
import { kernelsFor } from './kernels/index.js';
import { DIVIDE_AND_CONQUER_MIN_ORDER, tridiagonalDivideConquer } from './kernels/tridiagonal-divide-conquer.js';
import { tridiagonalQL } from './kernels/tridiagonal-ql.js';
import { sytrd } from './kernels/tridiagonal-reduction.js';
import { tridiagonalEigenvalues } from './kernels/tridiagonal-root-free-ql.js';
import { readFunctionOptions } from './options.js';
import {
  allocateFloat,
  batchCount,
  broadcastBatch,
  checkFiniteValues,
  checkMatrix,
  type Float,
  fromData,
  isComplex,
  type LapackDtype,
  lapackDtype,
  realOf,
  type Stack,
  toArray,
  toStack,
} from './stack.js';
import { mirrorTriangle } from './structure.js';
import { jacobiEigenBatch, SMALL_EIGH_ORDER } from './small/eigh.js';

/** The order from which eigvalsh of a real matrix takes the blocked reduction (measured). */
const BLOCKED_VALUES_MIN_ORDER = 128;

/** The eigenvalues (ascending) and, when asked, the eigenvectors of one Hermitian matrix. */
export interface HermitianEigen {
  w: Float64Array;
  /** Eigenvectors as columns, n×n row-major, `lanes` values per entry (double). */
  v: Float64Array | null;
}

/**
 * The eigen-decomposition of the full Hermitian n×n matrix at `o` of `a` (both triangles
 * present; consumed). Throws LinAlgError when the QL iteration does not converge.
 */
export function hermitianEigen(a: Float, o: number, n: number, lanes: number, vectors: boolean): HermitianEigen {
  // eigenvalues alone of smaller matrices: the unblocked reduction below costs less than panels
  if (lanes === 1 && n >= (vectors ? DIVIDE_AND_CONQUER_MIN_ORDER : BLOCKED_VALUES_MIN_ORDER)) return realSymmetricEigen(a, o, n, vectors);
  const q = vectors ? new Float64Array(lanes * n * n) : null;
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  sytrd(a, o, n, lanes, d, e, q);
  if (d.some(Number.isNaN) || e.some(Number.isNaN)) {
    // as LAPACK under SciPy (checkFinite: false): non-finite input gives NaN results
    d.fill(Number.NaN);
    return { w: d, v: q === null ? null : new Float64Array(lanes * n * n).fill(Number.NaN) };
  }
  if (n >= DIVIDE_AND_CONQUER_MIN_ORDER) return largeTridiagonalEigen(d, e, n, lanes, q);
  // the rows of zt are the columns of Q: the QL rotations then act on contiguous rows
  let zt: Float64Array | null = null;
  if (q !== null) {
    zt = new Float64Array(lanes * n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let l = 0; l < lanes; l++) zt[lanes * (j * n + i) + l] = q[lanes * (i * n + j) + l];
  }
  const info = tridiagonalQL(d, e, n, zt, n, lanes);
  if (info > 0) throw notConverged(info);
  if (zt === null) return { w: d, v: null };
  const v = new Float64Array(lanes * n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let l = 0; l < lanes; l++) v[lanes * (i * n + j) + l] = zt[lanes * (j * n + i) + l];
  return { w: d, v };
}

/** A larger real symmetric matrix: the blocked reduction (in double), then as largeTridiagonalEigen with Q applied in blocks. */
function realSymmetricEigen(a: Float, o: number, n: number, vectors: boolean): HermitianEigen {
  const full = new Float64Array(n * n);
  full.set(a.subarray(o, o + n * n));
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const taus = new Float64Array(n);
  reduceSymmetricBlocked(full, n, d, e, taus, vectors);
  if (d.some(Number.isNaN) || e.some(Number.isNaN)) {
    d.fill(Number.NaN);
    return { w: d, v: vectors ? new Float64Array(n * n).fill(Number.NaN) : null };
  }
  if (!vectors) return largeTridiagonalEigen(d, e, n, 1, null);
  const z = tridiagonalDivideConquer(d, e, n);
  if (z === null) throw notConverged(n - 1);
  applyTridiagonalQ(full, n, taus, z, n);
  return { w: d, v: z };
}

function notConverged(info: number): LinAlgError {
  return new LinAlgError(
    `The algorithm failed to converge; ${info} off-diagonal elements of an intermediate tridiagonal form did not converge to zero.`,
    { argument: 'a', hint: 'Check the matrix for non-finite or extreme values.' },
  );
}

/**
 * The tridiagonal problem of a larger matrix: values alone by root-free QL (sterf), vectors
 * by divide and conquer (stedc), then V = Q Z by matrix products — complex Q as its real
 * and imaginary parts times the real Z.
 */
function largeTridiagonalEigen(d: Float64Array, e: Float64Array, n: number, lanes: number, q: Float64Array | null): HermitianEigen {
  if (q === null) {
    const info = tridiagonalEigenvalues(d, e, n);
    if (info > 0) throw notConverged(info);
    return { w: d, v: null };
  }
  const z = tridiagonalDivideConquer(d, e, n);
  if (z === null) throw notConverged(n - 1);
  const v = new Float64Array(lanes * n * n);
  if (lanes === 1) {
    gemm(false, false, n, n, n, 1, q, 0, n, z, 0, n, 0, v, 0, n);
    return { w: d, v };
  }
  const part = new Float64Array(n * n);
  const product = new Float64Array(n * n);
  for (let l = 0; l < 2; l++) {
    for (let i = 0; i < n * n; i++) part[i] = q[2 * i + l];
    gemm(false, false, n, n, n, 1, part, 0, n, z, 0, n, 0, product, 0, n);
    for (let i = 0; i < n * n; i++) v[2 * i + l] = product[i];
  }
  return { w: d, v };
}

const DRIVERS = ['ev', 'evd', 'evr', 'evx', 'gv', 'gvd', 'gvx'] as const;

interface Subset {
  byIndex: [number, number] | null;
  byValue: [number, number] | null;
}

function readPair(value: unknown, argument: string): [number, number] | null {
  if (value === undefined || value === null) return null;
  const items = value instanceof Object && Symbol.iterator in value ? Array.from(value as Iterable<unknown>) : null;
  if (items === null || items.length !== 2 || !items.every((x) => typeof x === 'number' && !Number.isNaN(x))) {
    throw new InvalidArgumentError(`${argument} must be a pair of numbers, got ${describe(value)}.`, {
      argument,
      hint: argument === 'subsetByIndex' ? 'Pass [first, last] (0-based, inclusive).' : 'Pass [low, high]: the eigenvalues in (low, high].',
    });
  }
  return items as [number, number];
}

function readSubset(o: Partial<EighOptions>, n: number): Subset {
  const index = readPair(o.subsetByIndex, 'subsetByIndex');
  const value = readPair(o.subsetByValue, 'subsetByValue');
  if (index !== null && value !== null) {
    throw new InvalidArgumentError('Either index or value subset can be requested.', {
      argument: 'subsetByValue',
      hint: 'Pass subsetByIndex or subsetByValue, not both.',
    });
  }
  let byIndex: [number, number] | null = null;
  if (index !== null) {
    // SciPy converts with int(): toward zero
    const [lo, hi] = index.map(Math.trunc);
    if (!(lo >= 0 && lo <= hi && hi < n)) {
      throw new InvalidArgumentError(
        `Requested eigenvalue indices are not valid. Valid range is [0, ${n - 1}] and start <= end, but start=${lo}, end=${hi} is given`,
        { argument: 'subsetByIndex', hint: 'Pass [first, last] with 0 ≤ first ≤ last < N.' },
      );
    }
    byIndex = [lo, hi];
  }
  if (value !== null && !(value[0] < value[1])) {
    throw new InvalidArgumentError(
      `Requested eigenvalue bounds are not valid. Valid range is (-inf, inf) and low < high, but low=${value[0]}, high=${value[1]} is given`,
      { argument: 'subsetByValue', hint: 'Pass [low, high] with low < high.' },
    );
  }
  return { byIndex, byValue: value };
}

function checkDriver(value: unknown, generalized: boolean, subset: boolean): void {
  if (value === undefined || value === null) return;
  if (!DRIVERS.includes(value as never)) {
    throw new InvalidArgumentError(`"${String(value)}" is unknown. Possible values are "None", "${DRIVERS.join('", "')}".`, {
      argument: 'driver',
      hint: 'Leave driver out, or pass one of LAPACK’s driver names.',
    });
  }
  const driver = value as string;
  const refuse = (message: string) => new InvalidArgumentError(message, { argument: 'driver', hint: 'Leave driver out to let the problem choose.' });
  if (!generalized && driver.startsWith('g')) throw refuse(`${driver} requires input b array to be supplied for generalized eigenvalue problems.`);
  if (generalized && driver.startsWith('e')) throw refuse(`"${driver}" does not accept input b array for standard eigenvalue problems.`);
  if (subset && ['ev', 'evd', 'gv', 'gvd'].includes(driver)) throw refuse(`"${driver}" cannot compute subsets of eigenvalues`);
}

function checkType(value: unknown): 1 | 2 | 3 {
  if (value === undefined) return 1;
  if (value === 1 || value === 2 || value === 3) return value;
  throw new InvalidArgumentError('"type" keyword only accepts 1, 2, and 3.', { argument: 'type', hint: 'Use 1 (A x = λ B x), 2 (A B x = λ x) or 3 (B A x = λ x).' });
}

/** The square input `argument` of eigh, checked. */
function readSquare(x: unknown, argument: 'a' | 'b', checkFinite: boolean): NDArray {
  const array = toArray(x);
  checkMatrix(array, argument, 'eigh');
  if (checkFinite) checkFiniteValues(array, argument, 'eigh');
  if (array.shape[array.ndim - 1] !== array.shape[array.ndim - 2]) {
    throw new ShapeError(`eigh: expected square "${argument}" matrix, got shape [${array.shape.join(', ')}].`, {
      argument,
      hint: 'Pass an N×N Hermitian matrix (or a stack [..., N, N]).',
    });
  }
  return array;
}

/** C = op products for the generalized reduction: c ← x·y (n×n, lanes), optionally x conjugate-transposed. */
function multiply(x: Float, xo: number, y: Float, yo: number, n: number, lanes: number, conjX: boolean, out: Float, oo: number): void {
  const tmp = new Float64Array(lanes * n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const p = lanes * (xo + (conjX ? k * n + i : i * n + k));
      const xr = x[p];
      const xi = lanes === 2 ? (conjX ? -x[p + 1] : x[p + 1]) : 0;
      if (xr === 0 && xi === 0) continue;
      for (let j = 0; j < n; j++) {
        const q = lanes * (yo + k * n + j);
        if (lanes === 1) tmp[i * n + j] += xr * y[q];
        else {
          tmp[2 * (i * n + j)] += xr * y[q] - xi * y[q + 1];
          tmp[2 * (i * n + j) + 1] += xr * y[q + 1] + xi * y[q];
        }
      }
    }
  }
  out.set(tmp, lanes * oo);
}

function conjugateTranspose(a: Float, o: number, n: number, lanes: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const p = lanes * (o + i * n + j);
      const q = lanes * (o + j * n + i);
      const t = a[p];
      a[p] = a[q];
      a[q] = t;
      if (lanes === 2) {
        const ti = a[p + 1];
        a[p + 1] = -a[q + 1];
        a[q + 1] = -ti;
      }
    }
  }
}

interface EighResult {
  w: NDArray;
  v: NDArray | null;
}

function solve(fn: 'eigh' | 'eigvalsh', a: unknown, b: unknown, options: EighOptions | undefined, valuesOnly: boolean): EighResult {
  const o = readFunctionOptions(options, fn);
  const lower = checkBoolean(o.lower, 'lower', true);
  const vectors = !valuesOnly && !checkBoolean((o as EighOptions).eigvalsOnly, 'eigvalsOnly', false);
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const generalized = b !== undefined && b !== null;
  const ai = readSquare(a, 'a', checkFinite);
  const bi = generalized ? readSquare(b, 'b', checkFinite) : null;
  const n = ai.shape[ai.ndim - 1];
  if (bi !== null && bi.shape[bi.ndim - 1] !== n) {
    throw new ShapeError(`eigh: wrong b dimensions [${bi.shape.join(', ')}], should be [${ai.shape.join(', ')}].`, {
      argument: 'b',
      hint: 'b must have the order of a.',
    });
  }
  const subsetGiven = (o.subsetByIndex ?? null) !== null || (o.subsetByValue ?? null) !== null;
  checkDriver(o.driver, generalized, subsetGiven);
  // SciPy returns an empty matrix's (empty) results before it reads type and the subsets
  const type = generalized && n > 0 ? checkType(o.type) : 1;
  const subset = n > 0 ? readSubset(o, n) : { byIndex: null, byValue: null };
  const dtype: LapackDtype = bi === null ? lapackDtype(ai.dtype) : lapackDtype(ai.dtype, bi.dtype);
  const batch = bi === null ? ai.shape.slice(0, -2) : broadcastBatch(ai.shape.slice(0, -2), bi.shape.slice(0, -2), 'b', 'eigh');
  const as = toStack(ai, dtype, batch);
  const bs = bi === null ? null : toStack(bi, dtype, batch);
  const lanes = isComplex(dtype) ? 2 : 1;
  const count = batchCount(batch);
  if (lanes === 1 && bs === null && n <= SMALL_EIGH_ORDER && subset.byIndex === null && subset.byValue === null) {
    // batches of small real matrices: Jacobi, straight into the results (small/eigh.ts)
    for (let s = 0; s < count; s++) mirrorTriangle(as.data, s * n * n, n, lanes, lower, true);
    const small = jacobiEigenBatch(as.data, n, count, vectors);
    return { w: fromData(small.w, [...batch, n], realOf(dtype)), v: small.v === null ? null : fromData(small.v, [...batch, n, n], dtype) };
  }
  const results: HermitianEigen[] = [];
  for (let s = 0; s < count; s++) {
    const off = s * n * n;
    // SciPy reads one triangle (and a real diagonal): mirror it into a full Hermitian matrix
    mirrorTriangle(as.data, off, n, lanes, lower, true);
    let factor: Float | null = null;
    if (bs !== null) {
      mirrorTriangle(bs.data, off, n, lanes, lower, true);
      factor = reduceGeneralized(as, bs, off, n, lanes, type);
    }
    const result = hermitianEigen(as.data, off, n, lanes, vectors);
    if (factor !== null && result.v !== null) backTransform(result.v, factor, off, n, lanes, type);
    results.push(result);
  }
  return assemble(results, n, batch, dtype, subset, vectors);
}

/**
 * sygst: B = L Lᴴ (a LinAlgError when B is not positive definite) and A replaced by
 * L⁻¹ A L⁻ᴴ (type 1) or Lᴴ A L (types 2, 3); L stays in `bs`.
 */
function reduceGeneralized(as: Stack, bs: Stack, off: number, n: number, lanes: number, type: number): Float {
  const kern = kernelsFor(as.dtype);
  const info = kern.potrf(bs.data, off, n);
  if (info > 0) {
    throw new LinAlgError(
      `The leading minor of order ${info} of B is not positive definite. The factorization of B could not be completed and no eigenvalues or eigenvectors were computed.`,
      { argument: 'b', hint: 'b must be Hermitian positive definite.' },
    );
  }
  if (type === 1) {
    // X = L⁻¹ A, then C = L⁻¹ Xᴴ (= L⁻¹ A L⁻ᴴ, as A is Hermitian)
    kern.trsm(bs.data, off, n, as.data, off, n, true, 0, false);
    conjugateTranspose(as.data, off, n, lanes);
    kern.trsm(bs.data, off, n, as.data, off, n, true, 0, false);
  } else {
    multiply(as.data, off, bs.data, off, n, lanes, false, as.data, off);
    multiply(bs.data, off, as.data, off, n, lanes, true, as.data, off);
  }
  // restore exact Hermitian symmetry lost to rounding
  mirrorTriangle(as.data, off, n, lanes, true, true);
  return bs.data;
}

/** The eigenvectors of C turned into those of the pencil: x = L⁻ᴴ y (types 1, 2) or x = L y (type 3). */
function backTransform(v: Float64Array, l: Float, off: number, n: number, lanes: number, type: number): void {
  const kern = kernelsFor(lanes === 2 ? 'complex128' : 'float64');
  const factor = new Float64Array(lanes * n * n);
  for (let i = 0; i < lanes * n * n; i++) factor[i] = l[lanes * off + i];
  if (type === 3) multiply(factor, 0, v, 0, n, lanes, false, v, 0);
  else kern.trsm(factor, 0, n, v, 0, n, true, 2, false);
}

function assemble(results: HermitianEigen[], n: number, batch: readonly number[], dtype: LapackDtype, subset: Subset, vectors: boolean): EighResult {
  const count = results.length;
  // the selected columns of each matrix (ascending order)
  const chosen = results.map(({ w }) => {
    if (subset.byIndex !== null) return range(subset.byIndex[0], subset.byIndex[1] + 1);
    if (subset.byValue !== null) {
      const [lo, hi] = subset.byValue;
      return range(0, n).filter((i) => w[i] > lo && w[i] <= hi);
    }
    return range(0, n);
  });
  const m = chosen.length === 0 ? (subset.byIndex !== null ? subset.byIndex[1] - subset.byIndex[0] + 1 : n) : chosen[0].length;
  if (chosen.some((c) => c.length !== m)) {
    throw new InvalidArgumentError('eigh: the matrices of the stack have different numbers of eigenvalues in subsetByValue.', {
      argument: 'subsetByValue',
      hint: 'SciPy cannot stack results of different lengths either: call eigh on each matrix.',
    });
  }
  const lanes = isComplex(dtype) ? 2 : 1;
  const w = allocateFloat(realOf(dtype), count * m);
  const v = vectors ? allocateFloat(dtype, count * n * m) : null;
  for (let s = 0; s < count; s++) {
    const { w: values, v: vecs } = results[s];
    if (m === n && v !== null && vecs !== null) {
      // every column, in order: one copy (converting to the output's float type)
      v.set(vecs, lanes * s * n * n);
      w.set(values, s * n);
      continue;
    }
    chosen[s].forEach((i, k) => {
      w[s * m + k] = values[i];
      if (v === null || vecs === null) return;
      for (let r = 0; r < n; r++) for (let l = 0; l < lanes; l++) v[lanes * (s * n * m + r * m + k) + l] = vecs[lanes * (r * n + i) + l];
    });
  }
  return {
    w: fromData(w, [...batch, m], realOf(dtype)),
    v: v === null ? null : fromData(v, [...batch, n, m], dtype),
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** `eigh`'s results: [w, v], or w alone with `eigvalsOnly`. */
export interface EighFunction {
  (a: unknown, b?: unknown, options?: EighOptions & { eigvalsOnly?: false }): [NDArray, NDArray];
  (a: unknown, b: unknown, options: EighOptions & { eigvalsOnly: true }): NDArray;
  (a: unknown, b?: unknown, options?: EighOptions): [NDArray, NDArray] | NDArray;
}

/** SciPy's `eigh(a, b, options)`: [w, v] (w ascending, v's columns orthonormal, or B-orthonormal), or w with `eigvalsOnly`. */
export function eighHost(a: unknown, b?: unknown, options?: EighOptions): [NDArray, NDArray] | NDArray {
  const { w, v } = solve('eigh', a, b, options, false);
  return v === null ? w : [w, v];
}

/** SciPy's `eigvalsh(a, b, options)`: the eigenvalues in ascending order. */
export function eigvalshHost(a: unknown, b?: unknown, options?: EigvalshOptions): NDArray {
  return solve('eigvalsh', a, b, options, true).w;
}
