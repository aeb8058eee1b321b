/**
 * LU decomposition: `luFactor` (LAPACK's getrf, the packed form), `luSolve` (getrs) and
 * `lu` (the factors as separate matrices: A = P L U).
 */
import { type NDArray, broadcastTo } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { kernelsFor } from './kernels/index.js';
import { checkTrans, type FiniteOptions, type OverwriteAOptions, type OverwriteBOptions, readFunctionOptions, type Trans } from './options.js';
import { luSolveSlice } from './solve.js';
import { allocateFloat, checkFiniteValues, checkMatrix, fromData, isComplex, lapackDtype, realOf, type Stack, toArray, toStack } from './stack.js';
import { elementsOf } from './elements.js';
import { emptyResult, linearSystem } from './system.js';

/** Every matrix of `a` ([..., M, N]) factored in place; `piv` holds min(M, N) row swaps per matrix. */
export function factorStack(a: Stack): { piv: Int32Array; info: number[] } {
  const { rows: m, cols: n } = a;
  const mn = Math.min(m, n);
  const count = a.batch.reduce((p, d) => p * d, 1);
  const piv = new Int32Array(count * mn);
  const info: number[] = [];
  const kern = kernelsFor(a.dtype);
  for (let s = 0; s < count; s++) info.push(kern.getrf(a.data, s * m * n, m, n, piv, s * mn));
  return { piv, info };
}

/** The input matrix of a decomposition, checked and copied into a stack of its LAPACK type. */
export function readMatrix(x: unknown, fn: string, checkFinite: boolean, argument = 'a'): Stack {
  const a = toArray(x);
  checkMatrix(a, argument, fn);
  if (checkFinite) checkFiniteValues(a, argument, fn);
  return toStack(a, lapackDtype(a.dtype));
}

export interface LuFactorOptions extends FiniteOptions, OverwriteAOptions {}

/**
 * SciPy's `lu_factor`: [lu, piv] with L (unit diagonal, not stored) and U packed in `lu`
 * and `piv[i]` the row interchanged with row i (0-based, int32). An exactly singular
 * matrix is factored all the same (SciPy warns; see the README).
 */
export function luFactorHost(a: unknown, options?: LuFactorOptions): [NDArray, NDArray] {
  const o = readFunctionOptions(options, 'luFactor');
  const input = toArray(a);
  const stack = readMatrix(input, 'luFactor', checkBoolean(o.checkFinite, 'checkFinite', true));
  if (input.size === 0) {
    // SciPy hands an empty matrix back unchanged, in its own dtype
    return [input, fromData(new Int32Array(0), [...stack.batch, Math.min(stack.rows, stack.cols)], 'int32')];
  }
  const { piv } = factorStack(stack);
  const shape = [...stack.batch, stack.rows, stack.cols];
  return [fromData(stack.data, shape, stack.dtype), fromData(piv, [...stack.batch, Math.min(stack.rows, stack.cols)], 'int32')];
}

export interface LuSolveOptions extends FiniteOptions, OverwriteBOptions {
  /** Solve a x = b (0, 'N'), aᵀ x = b (1, 'T') or aᴴ x = b (2, 'C'); default 0. */
  trans?: Trans;
}

/** SciPy's `lu_solve`: solves a x = b from `luFactor(a)`'s [lu, piv]. */
export function luSolveHost(luAndPiv: readonly [unknown, unknown], b: unknown, options?: LuSolveOptions): NDArray {
  const o = readFunctionOptions(options, 'luSolve');
  const trans = checkTrans(o.trans);
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  if (!Array.isArray(luAndPiv) || luAndPiv.length !== 2) {
    throw new InvalidArgumentError('luSolve takes the [lu, piv] pair luFactor returns.', {
      argument: 'luAndPiv',
      hint: 'Pass luFactor(a) as it is.',
    });
  }
  const system = linearSystem(luAndPiv[0], b, { fn: 'luSolve', aName: 'lu', checkFinite, readsAOnly: true, finiteBOnly: true });
  const piv = toArray(luAndPiv[1]);
  const batch = system.a.batch;
  const n = system.n;
  const expected = [...toArray(luAndPiv[0]).shape.slice(0, -2), n];
  if (piv.ndim !== expected.length || piv.shape.some((d, i) => d !== expected[i])) {
    throw new ShapeError(`luSolve: piv has shape [${piv.shape.join(', ')}], expected [${expected.join(', ')}].`, {
      argument: 'piv',
      hint: 'Pass the pivots luFactor returned with lu.',
    });
  }
  if (system.empty) return fromData(emptyResult(system), system.resultShape, system.dtype);
  const pivots = pivotsOf(piv, [...batch, n]);
  for (let i = 0; i < pivots.length; i++) {
    if (!(pivots[i] >= 0 && pivots[i] < n)) {
      throw new InvalidArgumentError(`luSolve: pivot ${pivots[i]} is out of range for ${n} rows.`, {
        argument: 'piv',
        hint: 'Pass the pivots luFactor returned with lu.',
      });
    }
  }
  for (let s = 0; s < system.count; s++) luSolveSlice(system, s * n * n, s * n * system.k, pivots, trans, s * n);
  return fromData(system.b.data, system.resultShape, system.dtype);
}

/** The pivots broadcast to `shape` as int32: luFactor's own array is read in place. */
function pivotsOf(piv: NDArray, shape: number[]): Int32Array {
  const same = piv.ndim === shape.length && piv.shape.every((d, i) => d === shape[i]);
  if (same && piv.dtype === 'int32') return elementsOf(piv) as Int32Array;
  return Int32Array.from(broadcastTo(piv, shape).toTypedArray() as ArrayLike<number | bigint>, Number);
}

export interface LuOptions extends FiniteOptions, OverwriteAOptions {
  /** Return [P L, U] instead of [P, L, U] (default false). */
  permuteL?: boolean;
  /** Return the permutation as row indices (int32) instead of a matrix (default false). */
  pIndices?: boolean;
}

/**
 * SciPy's `lu`: a = P L U for a ([..., M, N]) with L M×K unit lower triangular, U K×N upper
 * triangular, K = min(M, N). Returns [P, L, U], [p, L, U] with `pIndices` (a = L[p] U), or
 * [P L, U] with `permuteL`. P has the real type of the result.
 */
export function luHost(a: unknown, options?: LuOptions): NDArray[] {
  const o = readFunctionOptions(options, 'lu');
  const permuteL = checkBoolean(o.permuteL, 'permuteL', false);
  const pIndices = checkBoolean(o.pIndices, 'pIndices', false);
  const stack = readMatrix(a, 'lu', checkBoolean(o.checkFinite, 'checkFinite', true));
  const { rows: m, cols: n, batch, dtype } = stack;
  const kk = Math.min(m, n);
  const count = batch.reduce((p, d) => p * d, 1);
  const { piv } = factorStack(stack);
  const lanes = isComplex(dtype) ? 2 : 1;
  const l = allocateFloat(dtype, count * m * kk);
  const u = allocateFloat(dtype, count * kk * n);
  const perm = new Int32Array(count * m);
  for (let s = 0; s < count; s++) {
    const base = s * m * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const src = lanes * (base + i * n + j);
        if (j < i && j < kk) copy(stack.data, src, l, lanes * (s * m * kk + i * kk + j), lanes);
        else if (i < kk && j >= i) copy(stack.data, src, u, lanes * (s * kk * n + i * n + j), lanes);
      }
      if (i < kk) l[lanes * (s * m * kk + i * kk + i)] = 1;
    }
    // rows of L U in terms of a's rows: order[i] = a's row at position i after the swaps
    const order = Array.from({ length: m }, (_, i) => i);
    for (let i = 0; i < kk; i++) {
      const p = piv[s * kk + i];
      [order[i], order[p]] = [order[p], order[i]];
    }
    // a = L[p] U: a's row order[i] is row i of L U
    for (let i = 0; i < m; i++) perm[s * m + order[i]] = i;
  }
  const lShape = [...batch, m, kk];
  const uShape = [...batch, kk, n];
  const uArray = fromData(u, uShape, dtype);
  if (permuteL) {
    const pl = allocateFloat(dtype, count * m * kk);
    for (let s = 0; s < count; s++) {
      for (let i = 0; i < m; i++) {
        const from = lanes * (s * m * kk + perm[s * m + i] * kk);
        pl.set(l.subarray(from, from + lanes * kk), lanes * (s * m * kk + i * kk));
      }
    }
    return [fromData(pl, lShape, dtype), uArray];
  }
  const lArray = fromData(l, lShape, dtype);
  if (pIndices) return [fromData(perm, [...batch, m], 'int32'), lArray, uArray];
  // SciPy gives a 1×1 matrix's P the matrix's own dtype, every other P the real type
  const real = m === 1 && n === 1 ? dtype : realOf(dtype);
  const pLanes = isComplex(real) ? 2 : 1;
  const p = allocateFloat(real, count * m * m);
  for (let s = 0; s < count; s++) for (let i = 0; i < m; i++) p[pLanes * (s * m * m + i * m + perm[s * m + i])] = 1;
  return [fromData(p, [...batch, m, m], real), lArray, uArray];
}

function copy(from: ArrayLike<number>, p: number, to: Float64Array | Float32Array, q: number, lanes: number): void {
  to[q] = from[p];
  if (lanes === 2) to[q + 1] = from[p + 1];
}
