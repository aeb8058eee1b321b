/**
 * The matrix operands of the matrix equations: read, checked (finite, square where required,
 * matching orders) and brought to one LAPACK type and one broadcast batch, as SciPy 1.17's
 * batch wrapper applies the solvers to every slice.
 */
import type { NDArray } from '@sciport/array-api';
import { ShapeError } from '@sciport/dispatch-core';
import { LinAlgError } from '../errors.js';
import { schurInPlace } from '../schur.js';
import {
  batchCount,
  broadcastBatch,
  checkFiniteValues,
  checkMatrix,
  checkSquare,
  type Float,
  isComplex,
  type LapackDtype,
  type Stack,
  toArray,
  toStack,
} from '../stack.js';

/** One operand, checked: at least 2-D, finite when asked, square when asked. */
export function readOperand(x: unknown, argument: string, fn: string, options: { square: boolean; checkFinite: boolean }): NDArray {
  const a = toArray(x);
  checkMatrix(a, argument, fn);
  if (options.square) checkSquare(a, argument, fn);
  if (options.checkFinite) checkFiniteValues(a, argument, fn);
  return a;
}

/** A ShapeError unless dimension `got` of `argument` equals `want`. */
export function checkOrder(got: number, want: number, argument: string, fn: string, what: string): void {
  if (got !== want) {
    throw new ShapeError(`${fn}: ${what} (got ${got}, expected ${want}).`, {
      argument,
      hint: 'Pass operands whose orders match the equation.',
    });
  }
}

/** The operands as stacks of `dtype` over their common batch. */
export function stacksOf(operands: readonly [NDArray, string][], dtype: LapackDtype, fn: string): { stacks: Stack[]; batch: number[]; count: number } {
  let batch: number[] = [];
  for (const [x, name] of operands) batch = broadcastBatch(batch, x.shape.slice(0, -2), name, fn);
  return { stacks: operands.map(([x]) => toStack(x, dtype, batch)), batch, count: batchCount(batch) };
}

/** Matrix `index` of a stack, as its own buffer. */
export function matrixOf(s: Stack, index: number): Float {
  const size = (isComplex(s.dtype) ? 2 : 1) * s.rows * s.cols;
  return s.data.slice(index * size, (index + 1) * size);
}

/**
 * The Schur form A = Z T Zᴴ (real quasi-triangular for real types) of the n×n matrix `a`, and
 * the eigenvalues `w` as (re, im) pairs in T's diagonal order.
 */
export function schurFactors(dtype: LapackDtype, a: Float, n: number, argument: string): { t: Float; z: Float; w: Float64Array } {
  const t = a.slice();
  const z = a.slice();
  const w = new Float64Array(2 * n);
  const info = schurInPlace(t, 0, n, isComplex(dtype) ? 2 : 1, z, 0, w);
  if (info !== 0) {
    throw new LinAlgError('Schur form not found. Possibly ill-conditioned.', {
      argument,
      hint: 'The QR algorithm did not converge for this matrix; check it for extreme scaling.',
    });
  }
  return { t, z, w };
}
