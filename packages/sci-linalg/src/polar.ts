/**
 * `polar` and `orthogonalProcrustes`: both from one SVD, as SciPy computes them.
 * polar: a = W Σ Vᴴ gives u = W Vᴴ and p = V Σ Vᴴ (right) or W Σ Wᴴ (left);
 * Procrustes (Schönemann, "A generalized solution of the orthogonal Procrustes problem",
 * Psychometrika 31, 1966): Aᴴ B = U Σ Vᴴ gives R = U Vᴴ, minimising ‖A R − B‖_F, and scale = Σσ.
 */
import { conj, expandDims, matmul, matrixTranspose, multiply, type NDArray, sum } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { ShapeError } from '@sciport/dispatch-core';
import { checkChoice, type PolarOptions, type ProcrustesOptions } from './least-squares-options.js';
import { readMatrix } from './lu.js';
import { readFunctionOptions } from './options.js';
import { broadcastBatch, checkFiniteValues, checkMatrix, fromData, lapackDtype, toArray, toStack } from './stack.js';
import { decompose } from './svd.js';

const conjugateTranspose = (x: NDArray) => conj(matrixTranspose(x));

/** SciPy's `polar(a)`: [u, p] with a = u p (side 'right') or a = p u ('left'), p Hermitian positive semidefinite. */
export function polarHost(a: unknown, options?: PolarOptions): [NDArray, NDArray] {
  const o = readFunctionOptions(options, 'polar');
  const side = checkChoice(o.side, ['right', 'left'], 'right', 'side', "`side` must be either 'right' or 'left'");
  // SciPy's polar calls svd with its default check_finite=True
  const stack = readMatrix(a, 'polar', true);
  const { s, u: w, vh } = decompose(stack, true, false) as Required<ReturnType<typeof decompose>>;
  const u = matmul(w, vh);
  // X diag(s) as X · s broadcast along the rows
  const scaled = (x: NDArray) => multiply(x, expandDims(s, -2));
  const p = side === 'right' ? matmul(scaled(conjugateTranspose(vh)), vh) : matmul(scaled(w), conjugateTranspose(w));
  return [u, p];
}

/**
 * SciPy's `orthogonal_procrustes(A, B)`: [R, scale], R orthogonal (unitary) minimising
 * ‖A R − B‖_F and scale the sum of the singular values of Aᴴ B (0-d, or [...] for a stack).
 */
export function orthogonalProcrustesHost(A: unknown, B: unknown, options?: ProcrustesOptions): [NDArray, NDArray] {
  const o = readFunctionOptions(options, 'orthogonalProcrustes');
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const a = toArray(A);
  const b = toArray(B);
  checkMatrix(a, 'A', 'orthogonalProcrustes');
  checkMatrix(b, 'B', 'orthogonalProcrustes');
  if (checkFinite) {
    checkFiniteValues(a, 'A', 'orthogonalProcrustes');
    checkFiniteValues(b, 'B', 'orthogonalProcrustes');
  }
  const core = (x: NDArray) => x.shape.slice(-2);
  if (core(a).some((d, i) => d !== core(b)[i])) {
    throw new ShapeError(`orthogonalProcrustes: the shapes of A and B differ ([${a.shape.join(', ')}] vs [${b.shape.join(', ')}]).`, {
      argument: 'B',
      hint: 'A and B must have the same number of rows and columns.',
    });
  }
  const batch = broadcastBatch(a.shape.slice(0, -2), b.shape.slice(0, -2), 'B', 'orthogonalProcrustes');
  const dtype = lapackDtype(a.dtype, b.dtype);
  const asStackArray = (x: NDArray) => fromData(toStack(x, dtype, batch).data, [...batch, ...core(x)], dtype);
  const product = matmul(conjugateTranspose(asStackArray(a)), asStackArray(b));
  const { s, u, vh } = decompose(toStack(product, dtype), true, false) as Required<ReturnType<typeof decompose>>;
  return [matmul(u, vh), sum(s, { axis: -1 })];
}
