/**
 * Cholesky decomposition: `cholesky` (LAPACK's potrf, the factor alone), `choFactor` (the
 * factor with the other triangle left as it was) and `choSolve` (potrs).
 */
import { NDArray } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { LinAlgError } from './errors.js';
import { kernelsFor } from './kernels/index.js';
import { readMatrix } from './lu.js';
import { type FiniteOptions, type OverwriteAOptions, type OverwriteBOptions, readFunctionOptions } from './options.js';
import { checkSquare, fromData, isComplex, type Stack } from './stack.js';
import { mirrorTriangle } from './structure.js';
import { emptyResult, linearSystem } from './system.js';

/**
 * Factors every matrix of the square stack in place, reading the `lower` (or upper)
 * triangle: afterwards the stack holds L (lower) or U = Lᴴ (upper), with zeros in the other
 * triangle, or with the other triangle as it was when `keepOther` (cho_factor's layout).
 * A matrix that is not positive definite is a LinAlgError naming the leading minor, as
 * SciPy's message does.
 */
export function choleskyStack(a: Stack, lower: boolean, argument: string, keepOther = false): void {
  const n = a.rows;
  const lanes = isComplex(a.dtype) ? 2 : 1;
  const kern = kernelsFor(a.dtype);
  const count = a.batch.reduce((p, d) => p * d, 1);
  for (let s = 0; s < count; s++) {
    const o = s * n * n;
    // the upper triangle's own kernel leaves the lower triangle untouched
    const upperInfo = lower ? undefined : kern.potrfUpper?.(a.data, o, n);
    if (upperInfo !== undefined) {
      if (upperInfo > 0) throw notPositiveDefinite(upperInfo, argument);
      if (!keepOther) zeroBelowDiagonal(a.data, o, n);
      continue;
    }
    const original = keepOther ? a.data.slice(lanes * o, lanes * (o + n * n)) : null;
    // potrf works on the lower triangle: mirror the upper one into it when that is the one read
    if (!lower) mirrorTriangle(a.data, o, n, lanes, false, lanes === 2);
    const info = kern.potrf(a.data, o, n);
    if (info > 0) throw notPositiveDefinite(info, argument);
    if (!lower) conjugateTranspose(a.data, o, n, lanes);
    if (original !== null) restoreOtherTriangle(a.data, o, n, lanes, lower, original);
  }
}

/** The triangle opposite `lower` of the matrix at `o` back from `original` (that matrix alone), row by row. */
function restoreOtherTriangle(a: Float64Array | Float32Array, o: number, n: number, lanes: number, lower: boolean, original: Float64Array | Float32Array): void {
  for (let i = 0; i < n; i++) {
    const [from, to] = lower ? [i * n + i + 1, i * n + n] : [i * n, i * n + i];
    if (to > from) a.set(original.subarray(lanes * from, lanes * to) as Float64Array, lanes * (o + from));
  }
}

function notPositiveDefinite(info: number, argument: string): LinAlgError {
  return new LinAlgError(`${info}-th leading minor of the array is not positive definite.`, {
    argument,
    hint: 'Cholesky needs a Hermitian positive definite matrix.',
  });
}

/** Zeros the strictly lower triangle of the real n×n matrix at `o`. */
function zeroBelowDiagonal(a: Float64Array | Float32Array, o: number, n: number): void {
  for (let i = 1; i < n; i++) a.fill(0, o + i * n, o + i * n + i);
}

/** In-place conjugate transpose of the n×n matrix at `o` (L → U = Lᴴ). */
function conjugateTranspose(a: Float64Array | Float32Array, o: number, n: number, lanes: number): void {
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

export interface CholeskyOptions extends FiniteOptions, OverwriteAOptions {
  /** Return the lower factor L (a = L Lᴴ) instead of the upper U (a = Uᴴ U); default false. */
  lower?: boolean;
}

function factor(fn: string, a: unknown, options: CholeskyOptions | undefined): { stack: Stack; lower: boolean } {
  const o = readFunctionOptions(options, fn);
  const lower = checkBoolean(o.lower, 'lower', false);
  const stack = readMatrix(a, fn, checkBoolean(o.checkFinite, 'checkFinite', true));
  checkSquare({ shape: [stack.rows, stack.cols] }, 'a', fn);
  return { stack, lower };
}

/** SciPy's `cholesky`: the Cholesky factor of the Hermitian positive definite a ([..., N, N]). */
export function choleskyHost(a: unknown, options?: CholeskyOptions): NDArray {
  const { stack, lower } = factor('cholesky', a, options);
  choleskyStack(stack, lower, 'a');
  return fromData(stack.data, [...stack.batch, stack.rows, stack.cols], stack.dtype);
}

/**
 * SciPy's `cho_factor`: [c, lower], the factor in the `lower` (or upper) triangle of c and
 * the other triangle holding a's entries, as LAPACK leaves them.
 */
export function choFactorHost(a: unknown, options?: CholeskyOptions): [NDArray, boolean | NDArray] {
  const { stack, lower } = factor('choFactor', a, options);
  choleskyStack(stack, lower, 'a', true);
  const n = stack.rows;
  const count = stack.batch.reduce((p, d) => p * d, 1);
  const c = fromData(stack.data, [...stack.batch, n, n], stack.dtype);
  // a stack's flag is an array of the batch shape, as in SciPy
  return [c, stack.batch.length === 0 ? lower : fromData(new Uint8Array(count).fill(lower ? 1 : 0), stack.batch, 'bool')];
}

/** choFactor's flag: a boolean, or a bool array (of a stack) whose elements all agree. */
function readLowerFlag(flag: unknown): boolean {
  if (typeof flag === 'boolean') return flag;
  if (flag instanceof NDArray && flag.dtype === 'bool') {
    const values = flag.toTypedArray() as Uint8Array;
    if (values.length > 0 && values.every((v) => v === values[0])) return values[0] === 1;
  }
  throw new InvalidArgumentError('choSolve takes the [c, lower] pair choFactor returns.', {
    argument: 'cAndLower',
    hint: 'Pass choFactor(a) as it is: lower is a boolean, or one bool array with equal elements.',
  });
}

export interface ChoSolveOptions extends FiniteOptions, OverwriteBOptions {}

/** SciPy's `cho_solve`: solves a x = b from `choFactor(a)`'s [c, lower]. */
export function choSolveHost(cAndLower: readonly [unknown, boolean | NDArray], b: unknown, options?: ChoSolveOptions): NDArray {
  const o = readFunctionOptions(options, 'choSolve');
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const lower = readLowerFlag(Array.isArray(cAndLower) && cAndLower.length === 2 ? cAndLower[1] : undefined);
  const system = linearSystem(cAndLower[0], b, { fn: 'choSolve', aName: 'c', checkFinite, readsAOnly: true });
  if (system.empty) return fromData(emptyResult(system), system.resultShape, system.dtype);
  const { n, k } = system;
  const kern = kernelsFor(system.dtype);
  for (let s = 0; s < system.count; s++) {
    const co = s * n * n;
    const bo = s * n * k;
    // a = L Lᴴ: L y = b, Lᴴ x = y; a = Uᴴ U: Uᴴ y = b, U x = y (potrs)
    const first = lower ? 0 : 2;
    const second = lower ? 2 : 0;
    kern.trsm(system.a.data, co, n, system.b.data, bo, k, lower, first, false);
    kern.trsm(system.a.data, co, n, system.b.data, bo, k, lower, second, false);
  }
  return fromData(system.b.data, system.resultShape, system.dtype);
}
