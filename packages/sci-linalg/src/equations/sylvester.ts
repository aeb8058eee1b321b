/**
 * `solveSylvester` (A X + X B = Q) and `solveContinuousLyapunov` (A X + X Aᴴ = Q) by
 * Bartels & Stewart's method, as SciPy: the Schur forms A = U R Uᴴ and Bᴴ = V S Vᴴ (real
 * Schur forms for real input), the triangular equation R Y + Y Sᴴ = Uᴴ Q V (see
 * sylvester-kernel.ts), and X = U Y Vᴴ.
 */
import type { NDArray } from '@sciport/array-api';
import { readOptions } from '@sciport/array-api/kit';
import type { DispatchOptions } from '@sciport/dispatch-core';
import { product, type Rect } from '../matfun/dense.js';
import { allocateFloat, type Float, fromData, type LapackDtype, lapackDtype } from '../stack.js';
import { linalgFunction } from '../table.js';
import { checkOrder, matrixOf, readOperand, schurFactors, stacksOf } from './operands.js';
import { solveQuasiTriangularSylvester } from './sylvester-kernel.js';

const rect = (data: Float, rows: number, cols: number): Rect => ({ data, rows, cols });

/** X with A X + X B = Q for one m×m A, n×n B and m×n Q. */
export function sylvesterOf(dtype: LapackDtype, a: Float, b: Float, q: Float, m: number, n: number): Float {
  const { t: r, z: u } = schurFactors(dtype, a, m, 'a');
  // Schur form of Bᴴ: Bᴴ = V S Vᴴ, so B = V Sᴴ Vᴴ
  const bh = product(dtype, rect(b, n, n), 'H', identityRect(dtype, n), 'N').data;
  const { t: s, z: v } = schurFactors(dtype, bh, n, 'b');
  const f = product(dtype, product(dtype, rect(u, m, m), 'H', rect(q, m, n), 'N'), 'N', rect(v, n, n), 'N');
  const l = product(dtype, rect(s, n, n), 'H', identityRect(dtype, n), 'N').data;
  const { y } = solveQuasiTriangularSylvester(dtype, r, m, l, n, f.data);
  return product(dtype, product(dtype, rect(u, m, m), 'N', rect(y, m, n), 'N'), 'N', rect(v, n, n), 'H').data;
}

function identityRect(dtype: LapackDtype, n: number): Rect {
  const data = allocateFloat(dtype, n * n);
  const lanes = dtype === 'complex64' || dtype === 'complex128' ? 2 : 1;
  for (let i = 0; i < n; i++) data[lanes * (i * n + i)] = 1;
  return rect(data, n, n);
}

/**
 * SciPy's `solve_sylvester(a, b, q)`: X with a X + X b = q for a ([..., M, M]), b ([..., N, N])
 * and q ([..., M, N]), batches broadcast; in the inputs' common LAPACK type.
 */
export function solveSylvesterHost(a: unknown, b: unknown, q: unknown, options?: DispatchOptions): NDArray {
  readOptions(options, linalgFunction('solveSylvester').options, 'solveSylvester');
  const fn = 'solveSylvester';
  const A = readOperand(a, 'a', fn, { square: true, checkFinite: true });
  const B = readOperand(b, 'b', fn, { square: true, checkFinite: true });
  const Q = readOperand(q, 'q', fn, { square: false, checkFinite: true });
  const m = A.shape[A.ndim - 1];
  const n = B.shape[B.ndim - 1];
  checkOrder(Q.shape[Q.ndim - 2], m, 'q', fn, 'q must have as many rows as a');
  checkOrder(Q.shape[Q.ndim - 1], n, 'q', fn, 'q must have as many columns as b');
  const dtype = lapackDtype(A.dtype, B.dtype, Q.dtype);
  const { stacks, batch, count } = stacksOf([[A, 'a'], [B, 'b'], [Q, 'q']], dtype, fn);
  const lanes = dtype === 'complex64' || dtype === 'complex128' ? 2 : 1;
  const out = allocateFloat(dtype, count * m * n);
  if (m > 0 && n > 0) {
    for (let s = 0; s < count; s++) {
      const x = sylvesterOf(dtype, matrixOf(stacks[0], s), matrixOf(stacks[1], s), matrixOf(stacks[2], s), m, n);
      out.set(x, s * lanes * m * n);
    }
  }
  return fromData(out, [...batch, m, n], dtype);
}

/**
 * SciPy's `solve_continuous_lyapunov(a, q)`: X with a X + X aᴴ = q for a and q ([..., N, N]),
 * batches broadcast.
 */
export function solveContinuousLyapunovHost(a: unknown, q: unknown, options?: DispatchOptions): NDArray {
  readOptions(options, linalgFunction('solveContinuousLyapunov').options, 'solveContinuousLyapunov');
  const fn = 'solveContinuousLyapunov';
  const A = readOperand(a, 'a', fn, { square: true, checkFinite: true });
  const Q = readOperand(q, 'q', fn, { square: true, checkFinite: true });
  const n = A.shape[A.ndim - 1];
  checkOrder(Q.shape[Q.ndim - 1], n, 'q', fn, 'a and q must have the same shape');
  const dtype = lapackDtype(A.dtype, Q.dtype);
  const { stacks, batch, count } = stacksOf([[A, 'a'], [Q, 'q']], dtype, fn);
  const lanes = dtype === 'complex64' || dtype === 'complex128' ? 2 : 1;
  const out = allocateFloat(dtype, count * n * n);
  for (let s = 0; s < count && n > 0; s++) out.set(continuousLyapunovOf(dtype, matrixOf(stacks[0], s), matrixOf(stacks[1], s), n), s * lanes * n * n);
  return fromData(out, [...batch, n, n], dtype);
}

/** X with A X + X Aᴴ = Q: one Schur form, R Y + Y Rᴴ = Uᴴ Q U. */
export function continuousLyapunovOf(dtype: LapackDtype, a: Float, q: Float, n: number): Float {
  const { t: r, z: u } = schurFactors(dtype, a, n, 'a');
  const f = product(dtype, product(dtype, rect(u, n, n), 'H', rect(q, n, n), 'N'), 'N', rect(u, n, n), 'N');
  const l = product(dtype, rect(r, n, n), 'H', identityRect(dtype, n), 'N').data;
  const { y } = solveQuasiTriangularSylvester(dtype, r, n, l, n, f.data);
  return product(dtype, product(dtype, rect(u, n, n), 'N', rect(y, n, n), 'N'), 'N', rect(u, n, n), 'H').data;
}
