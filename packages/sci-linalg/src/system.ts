/**
 * A linear system `a x = b` made ready for the kernels, as SciPy's solvers read it: `a` is
 * [..., N, N]; `b` is [..., N, K], or [N] (a vector: the result is then a vector too); the
 * batch dimensions broadcast; both are copied into stacks of the LAPACK type of the two.
 */
import { reshape } from '@sciport/array-api';
import { ShapeError } from '@sciport/dispatch-core';
import {
  allocateFloat,
  broadcastBatch,
  checkFiniteValues,
  checkMatrix,
  checkSquare,
  type Float,
  type LapackDtype,
  lapackDtype,
  readStack,
  type Stack,
  toArray,
  toStack,
} from './stack.js';

export interface LinearSystem {
  readonly a: Stack;
  /** Right-hand sides, [...batch, N, K]; the solvers write the solution over it. */
  readonly b: Stack;
  readonly dtype: LapackDtype;
  /** Number of matrices in the (broadcast) batch. */
  readonly count: number;
  readonly n: number;
  readonly k: number;
  /** The result's shape ([...batch, N] for a vector b). */
  readonly resultShape: readonly number[];
  /** True when some dimension is 0: nothing to solve. */
  readonly empty: boolean;
}

export interface SystemArguments {
  readonly fn: string;
  readonly aName: string;
  readonly checkFinite: boolean;
  /** SciPy's 1×1 shortcut in solve: a single-element `a` divides any `b`. */
  readonly scalarA?: boolean;
  /** The solver only reads `a` (a triangular or factored matrix): it may be `a`'s own storage. */
  readonly readsAOnly?: boolean;
  /** checkFinite tests `b` alone (SciPy's lu_solve does not test the factors). */
  readonly finiteBOnly?: boolean;
}

export function linearSystem(aInput: unknown, bInput: unknown, args: SystemArguments): LinearSystem {
  const { fn, aName } = args;
  const a = toArray(aInput);
  let b = toArray(bInput);
  checkMatrix(a, aName, fn);
  checkSquare(a, aName, fn);
  if (args.checkFinite) {
    if (args.finiteBOnly !== true) checkFiniteValues(a, aName, fn);
    checkFiniteValues(b, 'b', fn);
  }
  const vector = b.ndim <= 1;
  if (b.ndim === 0) b = reshape(b, [1]);
  const bMatrix = vector ? reshape(b, [b.shape[0], 1]) : b;
  const n = a.shape[a.ndim - 1];
  const bRows = bMatrix.shape[bMatrix.ndim - 2];
  const scalar = args.scalarA === true && a.size === 1;
  if (bRows !== n && !scalar) {
    throw new ShapeError(`${fn}: incompatible shapes: '${aName}' is [${a.shape.join(', ')}] and 'b' is [${b.shape.join(', ')}].`, {
      argument: 'b',
      hint: `b must have ${n} rows: shape [${n}] or [..., ${n}, K].`,
    });
  }
  const batch = broadcastBatch(a.shape.slice(0, -2), bMatrix.shape.slice(0, -2), 'b', fn);
  const dtype = lapackDtype(a.dtype, b.dtype);
  const aStack = args.readsAOnly ? readStack(a, dtype, batch) : toStack(a, dtype, batch);
  const bStack = toStack(bMatrix, dtype, batch);
  const k = bMatrix.shape[bMatrix.ndim - 1];
  const count = batch.reduce((p, d) => p * d, 1);
  const resultShape = vector ? [...batch, bRows] : [...batch, bRows, k];
  const empty = count === 0 || n === 0 || bRows === 0 || k === 0;
  return { a: aStack, b: bStack, dtype, count, n: scalar ? 1 : n, k, resultShape, empty };
}

/** Storage for an empty result. */
export function emptyResult(system: LinearSystem): Float {
  return allocateFloat(system.dtype, system.resultShape.reduce((p, d) => p * d, 1));
}
