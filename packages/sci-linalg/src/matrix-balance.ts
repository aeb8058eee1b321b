/**
 * `matrixBalance`: LAPACK's gebal (kernels/balance.ts) as SciPy presents it — the balanced
 * matrix B and either T (B = T⁻¹ A T, T a permuted diagonal scaling) or the separate
 * scaling and permutation vectors.
 */
import { astype, type NDArray, reshape } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { type DispatchOptions, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { gebal } from './kernels/balance.js';
import { readMatrix } from './lu.js';
import { type OverwriteAOptions, readFunctionOptions } from './options.js';
import { batchCount, fromData, isComplex, toArray } from './stack.js';

export interface MatrixBalanceOptions extends DispatchOptions, OverwriteAOptions {
  /** Permute rows and columns that isolate eigenvalues (default true). */
  permute?: boolean;
  /** Scale rows and columns by powers of 2 (default true). */
  scale?: boolean;
  /** Return [B, [scaling, perm]] instead of [B, T] (default false). */
  separate?: boolean;
}

/**
 * `matrixBalance`'s results: [B, T], or [B, [scaling, perm]] with `separate` — for a stack,
 * as SciPy 1.17, [B, pairs] with pairs a float64 [..., 2, N] array (scaling, perm rows).
 */
export interface MatrixBalanceFunction {
  (A: unknown, options?: MatrixBalanceOptions & { separate?: false }): [NDArray, NDArray];
  (A: unknown, options: MatrixBalanceOptions & { separate: true }): [NDArray, [NDArray, NDArray] | NDArray];
  (A: unknown, options?: MatrixBalanceOptions): [NDArray, NDArray] | [NDArray, [NDArray, NDArray] | NDArray];
}

/** SciPy's 1-D reading: `np.atleast_2d`, so a vector is one row. */
function atLeast2d(x: NDArray): NDArray {
  return x.ndim >= 2 ? x : reshape(x, [1, ...x.shape]);
}

/**
 * SciPy's `matrix_balance(A, options)`: [B, T] with B = T⁻¹ A T, or with `separate`
 * [B, [scaling, perm]] (float64 scaling, int64 permutation: A[perm][:, perm] scaled).
 */
export function matrixBalanceHost(A: unknown, options?: MatrixBalanceOptions): [NDArray, NDArray] | [NDArray, [NDArray, NDArray] | NDArray] {
  const o = readFunctionOptions(options, 'matrixBalance');
  const permute = checkBoolean(o.permute, 'permute', true);
  const scale = checkBoolean(o.scale, 'scale', true);
  const separate = checkBoolean(o.separate, 'separate', false);
  const input = atLeast2d(toArray(A));
  const stack = readMatrix(input, 'matrixBalance', true, 'A');
  const { rows: n, batch, dtype, data } = stack;
  if (n !== stack.cols) {
    throw new ShapeError('The data matrix for balancing should be square.', { argument: 'A', hint: 'Pass an N×N matrix (or a stack).' });
  }
  const lanes = isComplex(dtype) ? 2 : 1;
  const count = batchCount(batch);
  const scaling = new Float64Array(count * n);
  const perm = new BigInt64Array(count * n);
  const t = new Float64Array(count * n * n);
  for (let s = 0; s < count; s++) {
    const o0 = s * n * n;
    const result = gebal(data, o0, n, lanes, permute, scale);
    if (result.nan) {
      throw new InvalidArgumentError('xGEBAL exited with the internal error "illegal value in argument number 3.".', {
        argument: 'A',
        hint: 'Remove the NaN values.',
      });
    }
    const { ilo, ihi } = result;
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < n; i++) scaling[s * n + i] = i >= ilo && i <= ihi ? result.scale[i] : 1;
    // LAPACK's interchanges: n−1 down to ihi+1, then 0 up to ilo−1 (SciPy's order)
    for (let i = n - 1; i > ihi; i--) {
      const x = result.scale[i];
      if (x !== i) [p[x], p[i]] = [p[i], p[x]];
    }
    for (let i = 0; i < ilo; i++) {
      const x = result.scale[i];
      if (x !== i) [p[x], p[i]] = [p[i], p[x]];
    }
    for (let i = 0; i < n; i++) perm[s * n + i] = BigInt(p[i]);
    // T = diag(scaling)[iperm, :]: row perm[i] of T is row i of the diagonal
    for (let i = 0; i < n; i++) t[o0 + p[i] * n + i] = scaling[s * n + i];
  }
  const b = fromData(data, [...batch, n, n], dtype);
  if (separate && batch.length > 0) {
    // SciPy 1.17's batch wrapper stacks the (scaling, perm) pairs into one float64 array [..., 2, N]
    const pairs = new Float64Array(count * 2 * n);
    for (let s = 0; s < count; s++) {
      pairs.set(scaling.subarray(s * n, (s + 1) * n), s * 2 * n);
      for (let i = 0; i < n; i++) pairs[s * 2 * n + n + i] = Number(perm[s * n + i]);
    }
    return [b, fromData(pairs, [...batch, 2, n], 'float64')];
  }
  if (separate) {
    // SciPy gives an empty matrix's scaling in the input's own dtype
    const scalingArray = n === 0 ? astype(fromData(scaling, [0], 'float64'), input.dtype) : fromData(scaling, [n], 'float64');
    return [b, [scalingArray, fromData(perm, [n], 'int64')]];
  }
  return [b, fromData(t, [...batch, n, n], 'float64')];
}
