/** `expmFrechet` and `expmCond`: the Fréchet derivative of expm and the condition number it gives. */
import { type NDArray, isComplexDtype } from '@sciport/array-api';
import { checkBoolean, describe } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import type { ExpmCondOptions, ExpmFrechetOptions, FrechetMethod } from '../matfun-options.js';
import { readFunctionOptions } from '../options.js';
import {
  allocateFloat,
  batchCount,
  broadcastBatch,
  checkFiniteValues,
  checkMatrix,
  checkSquare,
  type Float,
  fromData,
  type LapackDtype,
  lapackDtype,
  toArray,
  toStack,
} from '../stack.js';
import { singularValuesOf } from '../svd.js';
import { readSquare } from './batch.js';
import { normFro, type Square, sliceOf, square, zeros } from './dense.js';
import { expmOf } from './expm-kernel.js';
import { expmFrechetOf } from './frechet.js';
import { realParts } from './real-result.js';

function checkMethod(value: unknown): FrechetMethod {
  if (value === undefined || value === null || value === 'SPS') return 'SPS';
  if (value === 'blockEnlarge') return value;
  throw new InvalidArgumentError(`expmFrechet: unknown implementation ${describe(value)}.`, {
    argument: 'method',
    hint: "Use 'SPS' (the default) or 'blockEnlarge'.",
  });
}

function readOperand(x: unknown, argument: string, checkFinite: boolean): NDArray {
  const a = toArray(x);
  checkMatrix(a, argument, 'expmFrechet');
  checkSquare(a, argument, 'expmFrechet');
  if (checkFinite) checkFiniteValues(a, argument, 'expmFrechet');
  return a;
}

/** The 2n×2n block matrix [[A, E], [0, A]] whose exponential holds e^A and L(A, E). */
function blockMatrix(f: Square, big: Square, a: Float, e: Float): Float {
  const { n, lanes } = f;
  const out = zeros(big);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      for (let l = 0; l < lanes; l++) {
        const v = a[lanes * (i * n + j) + l];
        out[lanes * (i * 2 * n + j) + l] = v;
        out[lanes * ((n + i) * 2 * n + n + j) + l] = v;
        out[lanes * (i * 2 * n + n + j) + l] = e[lanes * (i * n + j) + l];
      }
    }
  }
  return out;
}

/** Block (r0, c0) of size n of the 2n×2n matrix `x`. */
function blockOf(f: Square, x: Float, r0: number, c0: number): Float {
  const { n, lanes } = f;
  const out = zeros(f);
  for (let i = 0; i < n; i++) {
    const from = lanes * ((r0 + i) * 2 * n + c0);
    out.set(x.subarray(from, from + lanes * n), lanes * i * n);
  }
  return out;
}

/**
 * SciPy's `expm_frechet(A, E)`: [expm(A), L(A, E)] (L alone with `computeExpm: false`) for
 * A and E ([..., N, N], batches broadcast). 'SPS' computes in double precision: e^A is
 * float64 for real A, L complex128 when A or E is complex, as SciPy; 'blockEnlarge' takes
 * expm of [[A, E], [0, A]] in the inputs' common type.
 */
export function expmFrechetHost(a: unknown, e: unknown, options?: ExpmFrechetOptions): NDArray | [NDArray, NDArray] {
  const o = readFunctionOptions(options, 'expmFrechet');
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const computeExpm = checkBoolean(o.computeExpm, 'computeExpm', true);
  const method = checkMethod(o.method);
  const A = readOperand(a, 'A', checkFinite);
  const E = readOperand(e, 'E', checkFinite);
  const n = A.shape[A.ndim - 1];
  if (E.shape[E.ndim - 1] !== n) {
    throw new ShapeError(`expmFrechet: expected A and E to be the same shape, got [${A.shape.join(', ')}] and [${E.shape.join(', ')}].`, {
      argument: 'E',
      hint: 'Pass a direction E of the same order as A.',
    });
  }
  const batch = broadcastBatch(A.shape.slice(0, -2), E.shape.slice(0, -2), 'E', 'expmFrechet');
  const complex = isComplexDtype(A.dtype) || isComplexDtype(E.dtype);
  const work: LapackDtype = method === 'SPS' ? (complex ? 'complex128' : 'float64') : lapackDtype(A.dtype, E.dtype);
  const expType: LapackDtype = method === 'SPS' && !isComplexDtype(A.dtype) ? 'float64' : work;
  const f = square(work, n);
  const as = toStack(A, work, batch);
  const es = toStack(E, work, batch);
  const count = batchCount(batch);
  const expOut = allocateFloat(expType, count * n * n);
  const lOut = allocateFloat(work, count * n * n);
  for (let s = 0; s < count; s++) {
    const [sa, se] = [sliceOf(as.data, f, s), sliceOf(es.data, f, s)];
    let r: Float;
    let l: Float;
    if (method === 'SPS') [r, l] = expmFrechetOf(f, sa, se);
    else {
      const big = square(work, 2 * n);
      const x = expmOf(big, blockMatrix(f, big, sa, se));
      [r, l] = [blockOf(f, x, 0, 0), blockOf(f, x, 0, n)];
    }
    expOut.set(expType === work ? r : realParts(r), s * n * n * (expType === work ? f.lanes : 1));
    lOut.set(l, s * n * n * f.lanes);
  }
  const shape = [...batch, n, n];
  const lArray = fromData(lOut, shape, work);
  return computeExpm ? [fromData(expOut, shape, expType), lArray] : lArray;
}

/**
 * SciPy's `expm_cond(A)`: the relative condition number of expm in the Frobenius norm,
 * ‖K‖₂ ‖A‖_F / ‖e^A‖_F with K the n²×n² Kronecker form of the Fréchet derivative (one
 * derivative per basis direction), float64; a 0-d array for one matrix, one value per matrix
 * of a stack.
 */
export function expmCondHost(a: unknown, options?: ExpmCondOptions): NDArray {
  const o = readFunctionOptions(options, 'expmCond');
  const s = readSquare(a, 'expmCond', 'A', checkBoolean(o.checkFinite, 'checkFinite', true));
  const { f, count } = s;
  if (f.n === 0) {
    throw new ShapeError('expmCond: the condition number of an empty matrix is undefined.', {
      argument: 'A',
      hint: 'Pass a matrix of order at least 1.',
    });
  }
  const wide = square(f.lanes === 2 ? 'complex128' : 'float64', f.n);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const slice = sliceOf(s.stack.data, f, i);
    const a64 = Float64Array.from(slice);
    const k = kroneckerForm(wide, a64);
    const kNorm = (singularValuesOf({ data: k, dtype: wide.dtype, batch: [1], rows: f.n * f.n, cols: f.n * f.n }).toTypedArray() as Float64Array)[0];
    out[i] = (kNorm * normFro(slice)) / normFro(expmOf(f, slice));
  }
  return fromData(out, s.stack.batch, 'float64');
}

/** K with column (i, j) the derivative L(A, eᵢeⱼᵀ), as a row-major n²×n² matrix. */
function kroneckerForm(f: Square, a: Float): Float {
  const { n, lanes } = f;
  const n2 = n * n;
  const k = allocateFloat(f.dtype, n2 * n2);
  const e = zeros(f);
  for (let c = 0; c < n2; c++) {
    e.fill(0);
    e[lanes * c] = 1;
    const [, l] = expmFrechetOf(f, a, e);
    for (let r = 0; r < n2; r++) for (let q = 0; q < lanes; q++) k[lanes * (r * n2 + c) + q] = l[lanes * r + q];
  }
  return k;
}
