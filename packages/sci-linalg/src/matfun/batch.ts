/**
 * The stacks of square matrices the matrix functions take ([..., N, N]): read, checked and
 * mapped one matrix at a time, as SciPy 1.17 applies them over leading batch dimensions.
 */
import type { NDArray } from '@sciport/array-api';
import { allocateFloat, batchCount, checkFiniteValues, checkMatrix, checkSquare, type Float, fromData, type LapackDtype, lapackDtype, type Stack, toArray, toStack } from '../stack.js';
import { type Square, sliceOf, square } from './dense.js';

export interface SquareStack {
  readonly input: NDArray;
  readonly stack: Stack;
  readonly f: Square;
  /** Number of matrices. */
  readonly count: number;
}

/** `x` as a stack of square matrices of its LAPACK type (or `dtype`), checked as SciPy checks it. */
export function readSquare(x: unknown, fn: string, argument: string, checkFinite: boolean, dtype?: LapackDtype): SquareStack {
  const input = toArray(x);
  checkMatrix(input, argument, fn);
  checkSquare(input, argument, fn);
  if (checkFinite) checkFiniteValues(input, argument, fn);
  const type = dtype ?? lapackDtype(input.dtype);
  const stack = toStack(input, type);
  return { input, stack, f: square(type, stack.rows), count: batchCount(stack.batch) };
}

/** Applies `fn` to every matrix of `s`, collecting results of type `dtype` into an array of s's shape. */
export function mapMatrices(s: SquareStack, dtype: LapackDtype, fn: (a: Float, index: number) => Float): NDArray {
  const { f, count, stack } = s;
  const out = allocateFloat(dtype, count * f.n * f.n);
  for (let i = 0; i < count; i++) {
    const r = fn(sliceOf(stack.data, f, i), i);
    out.set(r, i * r.length);
  }
  return fromData(out, [...stack.batch, f.n, f.n], dtype);
}
