import { broadcastShapes } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { ShapeError } from '@sciport/dispatch-core';
import type { SolveOptions } from '@sciport/linalg';
import { readFunctionOptions } from '@sciport/linalg/backend-kit';
import { GPUArray } from '../gpu-array.js';
import { reshape } from '../namespace/manipulation.js';
import { Params } from '../program/params.js';
import { copyRightHandSides, factorStack, submitWithStatus } from './lu-factor.js';
import { preparedStructure } from './prepared-structure.js';
import { LU_SOLVE } from './lu-programs.js';
import { squareStack } from './square-stack.js';

/**
 * solve(a, b) on float32 GPU arrays: partial-pivoting LU of every matrix of the (broadcast)
 * batch, then the triangular solves, all in one submission. A singular matrix or non-finite
 * input is reported when the result is read (toHost rejects with the host's error).
 */
export function solveGPU(a: GPUArray, b: GPUArray, options?: SolveOptions): GPUArray {
  const o = readFunctionOptions(options, 'solve');
  const lower = checkBoolean(o.lower, 'lower', false);
  const transposed = checkBoolean(o.transposed, 'transposed', false);
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const structure = preparedStructure(o.assumeA, lower);
  const n = squareStack(a, 'a', 'solve');
  const vector = b.ndim <= 1;
  const bMatrix = vector ? reshape(b, [b.ndim === 0 ? 1 : b.shape[0]!, 1]) : b;
  const rows = bMatrix.shape[bMatrix.ndim - 2]!;
  if (rows !== n) {
    throw new ShapeError(`solve: a is ${n}×${n} but b has ${rows} rows.`, {
      argument: 'b',
      hint: `Pass b with ${n} rows (shape [..., ${n}, k] or [${n}]).`,
    });
  }
  const k = bMatrix.shape[bMatrix.ndim - 1]!;
  const batchShape = broadcastShapes(a.shape.slice(0, -2), bMatrix.shape.slice(0, -2));
  const resultShape = vector ? [...batchShape, n] : [...batchShape, n, k];
  if (n === 0 || k === 0 || batchShape.includes(0)) return GPUArray.empty(resultShape, 'float32', a.storage.runtime);
  const stack = factorStack(a, batchShape, structure, transposed, checkFinite);
  const x = copyRightHandSides(stack, bMatrix, [...batchShape, n, k], checkFinite);
  stack.batch.dispatch(LU_SOLVE, new Params().u(n).u(k).u(stack.batches), [stack.lu.buffer, stack.pivots.buffer, x.buffer], stack.batches * k);
  submitWithStatus(x, stack, 'solve', true);
  stack.lu.dispose();
  stack.pivots.dispose();
  if (bMatrix !== b) bMatrix.dispose();
  return vector ? reshapeOwned(x, resultShape) : x;
}

/** `x` reshaped (a view), the original handle disposed: the caller gets one array to dispose. */
function reshapeOwned(x: GPUArray, shape: readonly number[]): GPUArray {
  const view = reshape(x, shape);
  if (view !== x) x.dispose();
  return view;
}
