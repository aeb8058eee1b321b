/**
 * Toeplitz systems without forming the matrix: `solveToeplitz` (Levinson's recursion,
 * kernels/levinson.ts, O(n²)) and `matmulToeplitz` (the product through a circulant embedding
 * and the FFT, O((m + n) log(m + n)) per column). As SciPy, both compute in float64 or
 * complex128 whatever the input precision.
 */
import { conj, isComplexDtype, multiply, type NDArray, NDArray as NDArrayClass, reshape, take } from '@sciport/array-api';
import { checkBoolean, describe } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { fft, ifft, irfft, rfft } from '@sciport/fft';
import { LinAlgError } from './errors.js';
import { levinson } from './kernels/levinson.js';
import { readFunctionOptions } from './options.js';
import { broadcastBatch, checkFiniteValues, toArray, toStack } from './stack.js';
import type { MatmulToeplitzOptions, SolveToeplitzOptions, ToeplitzSpec } from './structured-options.js';

function isArrayLike(x: unknown): boolean {
  return x instanceof NDArrayClass || Array.isArray(x) || ArrayBuffer.isView(x);
}

/** c and r of SciPy's `c_or_cr`: a JS array of two arrays is the (c, r) pair; anything else is c, with r = conj(c). */
export function readToeplitzSpec(cOrCr: ToeplitzSpec, fn: string, checkFinite: boolean): { c: NDArray; r: NDArray } {
  const pair = Array.isArray(cOrCr) && cOrCr.length === 2 && isArrayLike(cOrCr[0]) && isArrayLike(cOrCr[1]);
  const c = toArray(pair ? (cOrCr as unknown[])[0] : cOrCr);
  const r = pair ? toArray((cOrCr as unknown[])[1]) : conj(c);
  for (const [x, name] of [
    [c, 'c'],
    [r, 'r'],
  ] as const) {
    if (x.ndim === 0) {
      throw new ShapeError(`${fn}: '${name}' must be a vector [..., N], got a scalar.`, { argument: 'cOrCr', hint: 'Pass the first column c (and row r) as vectors.' });
    }
    if (checkFinite) checkFiniteValues(x, 'cOrCr', fn);
  }
  return { c, r };
}

/** A vector argument [..., N] as a stack of 1×N rows of `dtype`, its batch broadcast to `batch`. */
function rows(x: NDArray, dtype: 'float64' | 'complex128', batch: readonly number[]): Float64Array {
  return toStack(reshape(x, [...x.shape.slice(0, -1), 1, x.shape[x.ndim - 1]]), dtype, batch).data as Float64Array;
}

function incompatible(fn: string): ShapeError {
  return new ShapeError(`${fn}: incompatible dimensions.`, {
    argument: 'b',
    hint: 'c (and r) and b must have the same length N (b: [N] or [..., N, K]).',
  });
}

/**
 * SciPy's `solve_toeplitz(c_or_cr, b)`: solves T x = b for the Toeplitz matrix with first
 * column c and first row r (default conj(c)), by Levinson's recursion. A singular leading
 * principal minor is a LinAlgError naming it (Levinson needs every one nonsingular, even
 * where T itself is not singular).
 */
export function solveToeplitzHost(cOrCr: ToeplitzSpec, b: unknown, options?: SolveToeplitzOptions): NDArray {
  const o = readFunctionOptions(options, 'solveToeplitz');
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const { c, r } = readToeplitzSpec(cOrCr, 'solveToeplitz', checkFinite);
  const B = toArray(b);
  if (B.ndim === 0) throw incompatible('solveToeplitz');
  if (checkFinite) checkFiniteValues(B, 'b', 'solveToeplitz');
  const n = c.shape[c.ndim - 1];
  const vector = B.ndim === 1;
  const bMatrix = vector ? reshape(B, [B.shape[0], 1]) : B;
  if (r.shape[r.ndim - 1] !== n || bMatrix.shape[bMatrix.ndim - 2] !== n) throw incompatible('solveToeplitz');
  const batch = broadcastBatch(broadcastBatch(c.shape.slice(0, -1), r.shape.slice(0, -1), 'cOrCr', 'solveToeplitz'), bMatrix.shape.slice(0, -2), 'b', 'solveToeplitz');
  const complex = [c, r, B].some((x) => isComplexDtype(x.dtype));
  const dtype = complex ? 'complex128' : 'float64';
  const k = bMatrix.shape[bMatrix.ndim - 1];
  const resultShape = vector ? [...batch, n] : [...batch, n, k];
  const x = toStack(bMatrix, dtype, batch).data as Float64Array;
  const count = batch.reduce((p, d) => p * d, 1);
  if (n * k * count === 0) return new NDArrayClass(x, resultShape, dtype);
  const lanes = complex ? 2 : 1;
  const cs = rows(c, dtype, batch);
  const rs = rows(r, dtype, batch);
  const diagonals = new Float64Array(2 * (2 * n - 1));
  for (let s = 0; s < count; s++) {
    // T[i, j] = c[i − j] below the diagonal, r[j − i] above it (r[0] unused)
    for (let d = -(n - 1); d < n; d++) {
      const p = lanes * (s * n + Math.abs(d));
      const v = d >= 0 ? cs : rs;
      diagonals[2 * (d + n - 1)] = v[p];
      diagonals[2 * (d + n - 1) + 1] = lanes === 2 ? v[p + 1] : 0;
    }
    const info = levinson(n, k, lanes, diagonals, x.subarray(lanes * s * n * k, lanes * (s + 1) * n * k));
    if (info > 0) {
      throw new LinAlgError(`Singular principal minor: the leading ${info}×${info} block of the Toeplitz matrix is singular.`, {
        argument: 'cOrCr',
        hint: 'Levinson’s recursion needs every leading principal minor nonsingular; use solve(toeplitz(c, { r }), b) instead.',
      });
    }
  }
  return new NDArrayClass(x, resultShape, dtype);
}

function checkWorkers(value: unknown): void {
  if (value === undefined || value === null || Number.isInteger(value)) return;
  throw new InvalidArgumentError(`matmulToeplitz: workers must be an integer or null, got ${describe(value)}.`, {
    argument: 'workers',
    hint: 'Leave workers out: the host FFT is single-threaded.',
  });
}

/**
 * SciPy's `matmul_toeplitz(c_or_cr, x)`: T x for the (possibly rectangular) Toeplitz matrix
 * with first column c ([..., M]) and first row r ([..., N]; default conj(c)), x [N] or
 * [..., N, K]. T is embedded in the circulant of first column [c, r[N−1], …, r[1]] (length
 * M + N − 1), whose product with the zero-padded x is a cyclic convolution: FFTs of both,
 * multiplied, transformed back, first M rows kept.
 */
export function matmulToeplitzHost(cOrCr: ToeplitzSpec, x: unknown, options?: MatmulToeplitzOptions): NDArray {
  const o = readFunctionOptions(options, 'matmulToeplitz');
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', false);
  checkWorkers(o.workers);
  const { c, r } = readToeplitzSpec(cOrCr, 'matmulToeplitz', checkFinite);
  const X = toArray(x);
  if (X.ndim === 0) throw incompatible('matmulToeplitz');
  if (checkFinite) checkFiniteValues(X, 'x', 'matmulToeplitz');
  const rowsT = c.shape[c.ndim - 1];
  const colsT = r.shape[r.ndim - 1];
  const vector = X.ndim === 1;
  const xMatrix = vector ? reshape(X, [X.shape[0], 1]) : X;
  if (xMatrix.shape[xMatrix.ndim - 2] !== colsT) {
    throw new ShapeError('matmulToeplitz: incompatible dimensions.', { argument: 'x', hint: `x must have ${colsT} rows, the length of r.` });
  }
  const batch = broadcastBatch(broadcastBatch(c.shape.slice(0, -1), r.shape.slice(0, -1), 'cOrCr', 'matmulToeplitz'), xMatrix.shape.slice(0, -2), 'x', 'matmulToeplitz');
  const complex = [c, r, X].some((v) => isComplexDtype(v.dtype));
  const dtype = complex ? 'complex128' : 'float64';
  const k = xMatrix.shape[xMatrix.ndim - 1];
  const count = batch.reduce((p, d) => p * d, 1);
  const resultShape = vector ? [...batch, rowsT] : [...batch, rowsT, k];
  const lanes = complex ? 2 : 1;
  if (rowsT * colsT * k * count === 0) return new NDArrayClass(new Float64Array(lanes * count * rowsT * k), resultShape, dtype);
  const p = rowsT + colsT - 1;
  // the circulant's first column [c, r[N−1], …, r[1]], one per slice, as [..., p, 1]
  const cs = rows(c, dtype, batch);
  const rs = rows(r, dtype, batch);
  const column = new Float64Array(lanes * count * p);
  for (let s = 0; s < count; s++) {
    column.set(cs.subarray(lanes * s * rowsT, lanes * (s + 1) * rowsT), lanes * s * p);
    for (let j = 1; j < colsT; j++) {
      for (let l = 0; l < lanes; l++) column[lanes * (s * p + rowsT + j - 1) + l] = rs[lanes * (s * colsT + colsT - j) + l];
    }
  }
  const embedded = new NDArrayClass(column, [...batch, p, 1], dtype);
  const xs = new NDArrayClass(toStack(xMatrix, dtype, batch).data, [...batch, colsT, k], dtype);
  const product = complex
    ? ifft(multiply(fft(embedded, { axis: -2 }), fft(xs, { n: p, axis: -2 })), { axis: -2 })
    : irfft(multiply(rfft(embedded, { axis: -2 }), rfft(xs, { n: p, axis: -2 })), { n: p, axis: -2 });
  const top = take(product, new NDArrayClass(Int32Array.from({ length: rowsT }, (_, i) => i), [rowsT], 'int32'), { axis: -2 });
  return reshape(top, resultShape);
}
