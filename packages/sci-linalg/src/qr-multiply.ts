/**
 * `qrMultiply`: SciPy's qr_multiply, the QR decomposition of a with Q applied to c instead
 * of returned: Q c ('left') or c Q ('right'), Q the economic M×K factor (K = min(M, N)),
 * conjugated with `conjugate`. Q comes from `qr` (Householder, LAPACK's signs), so the
 * product is the one LAPACK's ormqr/unmqr forms from the same reflectors.
 */
import { astype, conj, isComplexDtype, matmul, NDArray, reshape, take, zeros } from '@sciport/array-api';
import { checkBoolean, describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { type FiniteOptions, type OverwriteAOptions, readFunctionOptions } from './options.js';
import { qrHost } from './qr.js';
import { checkMatrix, lapackDtype, toArray } from './stack.js';

export interface QrMultiplyOptions extends FiniteOptions, OverwriteAOptions {
  /** 'right' (c Q, the default) or 'left' (Q c). */
  mode?: 'left' | 'right';
  /** Column pivoting (geqp3): P is returned last, as qr returns it. */
  pivoting?: boolean;
  /** Multiply by conj(Q) instead of Q. */
  conjugate?: boolean;
  /**
   * SciPy's overwrite_c: accepted (sciport never writes into c). As in SciPy it also changes
   * what 'left' takes for a tall a: c with M rows, multiplied by the full M×M Q.
   */
  overwriteC?: boolean;
}

/** SciPy's `qr_multiply(a, c)`: [Q c or c Q, R] (and P with `pivoting`). */
export function qrMultiplyHost(a: unknown, c: unknown, options?: QrMultiplyOptions): NDArray[] {
  const o = readFunctionOptions(options, 'qrMultiply');
  const mode = o.mode ?? 'right';
  if (mode !== 'left' && mode !== 'right') {
    throw new InvalidArgumentError(`qrMultiply: mode argument can only be 'left' or 'right' but not ${describe(mode)}.`, {
      argument: 'mode',
      hint: "Use 'left' (Q @ c) or 'right' (c @ Q).",
    });
  }
  const pivoting = checkBoolean(o.pivoting, 'pivoting', false);
  const conjugate = checkBoolean(o.conjugate, 'conjugate', false);
  const overwriteC = checkBoolean(o.overwriteC, 'overwriteC', false);
  const A = toArray(a);
  checkMatrix(A, 'a', 'qrMultiply');
  let C = toArray(c);
  const oneDim = C.ndim < 2;
  if (oneDim) C = mode === 'left' ? reshape(C, [C.size, 1]) : reshape(C, [1, C.size]);
  const m = A.shape[A.ndim - 2];
  const n = A.shape[A.ndim - 1];
  const k = Math.min(m, n);
  // SciPy's check; with overwrite_c, a tall a takes c with M rows (the full Q)
  const full = mode === 'left' && overwriteC && m > n;
  const needed = mode === 'left' ? (full ? m : k) : m;
  const have = mode === 'left' ? C.shape[C.ndim - 2] : C.shape[C.ndim - 1];
  if (have !== needed) {
    throw new ShapeError(`qrMultiply: array shapes are not compatible for ${mode === 'left' ? 'Q @ c' : 'c @ Q'}: [${A.shape.join(', ')}] vs [${C.shape.join(', ')}].`, {
      argument: 'c',
      hint: mode === 'left' ? `c needs ${needed} rows (min(M, N)).` : `c needs ${m} columns (M).`,
    });
  }
  if (isComplexDtype(C.dtype) && !isComplexDtype(lapackDtype(A.dtype))) {
    throw new DtypeError('qrMultiply: c is complex and a is real; SciPy would drop the imaginary part of c.', {
      argument: 'c',
      hint: 'Pass a complex a (astype(a, "complex128")), or the real part of c.',
    });
  }
  const factors = qrHost(A, { mode: full ? 'full' : 'economic', pivoting, checkFinite: o.checkFinite }) as NDArray[];
  const [q, r, ...p] = factors;
  let product: NDArray;
  if (C.size === 0) {
    product = zeros(C.shape, { dtype: q.dtype });
  } else {
    const qc = conjugate ? conj(q) : q;
    const cc = C.dtype === q.dtype ? C : astype(C, q.dtype);
    product = mode === 'left' ? matmul(qc, cc) : matmul(cc, qc);
  }
  if (oneDim) product = reshape(product, [product.size]);
  // SciPy returns the economic R (the K×N of qr's 'raw' mode) also when it used the full Q
  const rows = new NDArray(Int32Array.from({ length: k }, (_, i) => i), [k], 'int32');
  return [product, full ? take(r, rows, { axis: -2 }) : r, ...p];
}
