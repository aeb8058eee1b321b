/**
 * `norm`: SciPy's (NumPy's) vector and matrix norms. Vector norms reduce one axis, matrix
 * norms two; with no axis a 1-D input takes the vector norm, a 2-D input the matrix norm,
 * and the default order (the 2-norm / Frobenius norm) any input, flattened.
 */
import { type NDArray, permuteDims } from '@sciport/array-api';
import { checkBoolean, describe, normalizeAxis } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { LinAlgError } from './errors.js';
import { type FiniteOptions, readFunctionOptions } from './options.js';
import { allocateFloat, checkFiniteValues, fromData, isComplex, type LapackDtype, lapackDtype, realOf, toArray } from './stack.js';
import { singularValuesOf } from './svd.js';
import { readAs } from './elements.js';

/** Norm orders: a number (Infinity / -Infinity for inf / -inf), 'fro', 'nuc', or null (the default). */
export type NormOrder = number | 'fro' | 'nuc' | null;

export interface NormOptions extends FiniteOptions {
  /** Order of the norm (default null: 2-norm of vectors, Frobenius norm of matrices). */
  ord?: NormOrder;
  /** One axis (vector norm), two axes (matrix norm), or null (see above). */
  axis?: number | readonly [number, number] | null;
  /** Keep the reduced axes as size-1 dimensions (default false). */
  keepdims?: boolean;
}

export function normHost(x: unknown, options?: NormOptions): NDArray {
  const o = readFunctionOptions(options, 'norm');
  const keepdims = checkBoolean(o.keepdims, 'keepdims', false);
  const a = toArray(x);
  if (checkBoolean(o.checkFinite, 'checkFinite', true)) checkFiniteValues(a, 'a', 'norm');
  const ord = checkOrder(o.ord);
  let axes: number[];
  if (o.axis === undefined || o.axis === null) {
    if (ord === null) axes = a.shape.map((_, i) => i);
    else if (a.ndim === 1 || a.ndim === 2) axes = a.shape.map((_, i) => i);
    else {
      throw new ShapeError(`norm: improper number of dimensions to norm (${a.ndim}) for ord ${describe(ord)}.`, {
        argument: 'a',
        hint: 'Give axis (one axis for a vector norm, two for a matrix norm).',
      });
    }
  } else {
    const given = typeof o.axis === 'number' ? [o.axis] : Array.isArray(o.axis) ? (o.axis as unknown[]) : [o.axis];
    // in the order given: axis [1, 0] is the matrix's transpose
    axes = given.map((x) => normalizeAxis(x, a.ndim, 'axis'));
    if (axes.length !== 1 && axes.length !== 2) {
      throw new InvalidArgumentError('norm: axis must be one axis or a pair of axes.', { argument: 'axis', hint: 'e.g. -1 or [-2, -1].' });
    }
    if (axes.length === 2 && axes[0] === axes[1]) {
      throw new InvalidArgumentError('norm: the two axes of a matrix norm must differ.', { argument: 'axis', hint: 'e.g. [-2, -1].' });
    }
  }
  const flat = ord === null && (o.axis === undefined || o.axis === null);
  const matrix = !flat && axes.length === 2;
  if (!flat && !matrix && (ord === 'fro' || ord === 'nuc')) {
    throw new InvalidArgumentError(`norm: invalid norm order '${ord}' for vectors.`, { argument: 'ord', hint: 'Use a number, or a matrix axis pair.' });
  }
  const rest = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const moved = permuteDims(a, [...rest, ...axes]);
  const dtype = lapackDtype(a.dtype);
  const lanes = isComplex(dtype) ? 2 : 1;
  const data = readAs(moved, dtype) as Float64Array | Float32Array;
  const outer = rest.reduce((p, i) => p * a.shape[i], 1);
  const inner = axes.reduce((p, i) => p * a.shape[i], 1);
  const outType = returnsPythonFloat(a, dtype, o.axis, keepdims, ord) ? 'float64' : realOf(dtype);
  const out = allocateFloat(outType, outer);
  // the magnitudes, for the norms that are not a plain sum of squares
  let abs: Float64Array | null = null;
  // SciPy takes a 1-D float vector's 2-norm from BLAS nrm2, which neither overflows nor underflows
  const scaled = a.ndim === 1 && a.size > 0 && a.dtype === dtype && !keepdims && (o.axis === undefined || o.axis === null);
  const singular = matrix && (ord === 2 || ord === -2 || ord === 'nuc') ? singularValues(data, dtype, outer, a.shape[axes[0]], a.shape[axes[1]]) : null;
  for (let s = 0; s < outer; s++) {
    if (singular !== null) {
      const k = Math.min(a.shape[axes[0]], a.shape[axes[1]]);
      out[s] = spectralNorm(singular.subarray(s * k, (s + 1) * k), ord);
      continue;
    }
    if (lanes === 1 && (ord === null || ord === 'fro' || (ord === 2 && !matrix))) {
      // the 2-norm / Frobenius norm of real values, straight from the storage
      out[s] = scaled ? euclideanNorm(data, s * inner, inner) : Math.sqrt(sumOfSquares(data, s * inner, inner));
      continue;
    }
    abs ??= new Float64Array(inner);
    for (let i = 0; i < inner; i++) {
      const p = lanes * (s * inner + i);
      abs[i] = lanes === 1 ? Math.abs(data[p]) : Math.hypot(data[p], data[p + 1]);
    }
    out[s] = matrix ? matrixNorm(abs, a.shape[axes[0]], a.shape[axes[1]], ord) : vectorNorm(abs, ord);
  }
  const shape = keepdims ? a.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : rest.map((i) => a.shape[i]);
  return fromData(out, shape, outType);
}

/** Σ v² of `count` real values from `start` (four interleaved partial sums, as BLAS dot products). */
function sumOfSquares(data: Float64Array | Float32Array, start: number, count: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const end = start + count;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const a = data[i];
    const b = data[i + 1];
    const c = data[i + 2];
    const d = data[i + 3];
    s0 += a * a;
    s1 += b * b;
    s2 += c * c;
    s3 += d * d;
  }
  for (; i < end; i++) s0 += data[i] * data[i];
  return s0 + s1 + (s2 + s3);
}

/** Below this, a sum of squares may have lost values to underflow (2⁻⁹⁶⁰). */
const UNDERFLOW_RISK = 2 ** -960;

/**
 * √(Σ v²) without overflow or underflow, as BLAS nrm2: the plain sum when it is safely in
 * range, else the sum of (v / max|v|)² scaled back (two passes; only for extreme values).
 */
function euclideanNorm(data: Float64Array | Float32Array, start: number, count: number): number {
  const sum = sumOfSquares(data, start, count);
  if (Number.isNaN(sum) || (sum < Number.POSITIVE_INFINITY && sum >= UNDERFLOW_RISK)) return Math.sqrt(sum);
  let largest = 0;
  for (let i = start; i < start + count; i++) largest = Math.max(largest, Math.abs(data[i]));
  if (largest === 0 || largest === Number.POSITIVE_INFINITY) return largest;
  let scaledSum = 0;
  for (let i = start; i < start + count; i++) {
    const v = data[i] / largest;
    scaledSum += v * v;
  }
  return largest * Math.sqrt(scaledSum);
}

function checkOrder(ord: unknown): NormOrder {
  if (ord === undefined || ord === null) return null;
  if (ord === 'fro' || ord === 'nuc' || (typeof ord === 'number' && !Number.isNaN(ord))) return ord;
  throw new InvalidArgumentError(`norm: invalid norm order ${describe(ord)}.`, {
    argument: 'ord',
    hint: "Use a number (Infinity for inf), 'fro', 'nuc', or null.",
  });
}

function vectorNorm(abs: Float64Array, ord: NormOrder): number {
  if (ord === Number.POSITIVE_INFINITY) return reduceOrThrow(abs, Math.max);
  if (ord === Number.NEGATIVE_INFINITY) return reduceOrThrow(abs, Math.min);
  let s = 0;
  if (ord === 0) {
    for (const v of abs) if (v !== 0) s++;
    return s;
  }
  if (ord === 1) {
    for (const v of abs) s += v;
    return s;
  }
  if (ord === null || ord === 2) {
    for (const v of abs) s += v * v;
    return Math.sqrt(s);
  }
  const p = ord as number;
  for (const v of abs) s += v ** p;
  return s ** (1 / p);
}

/** max or min of magnitudes: NumPy's max starts from 0 (so an empty max is 0), an empty min raises. */
function reduceOrThrow(values: Float64Array, f: (a: number, b: number) => number): number {
  if (values.length === 0 && f === Math.max) return 0;
  if (values.length === 0) {
    throw new ShapeError('norm: zero-size array to a minimum, which has no identity.', {
      argument: 'a',
      hint: 'This norm of an empty array is undefined.',
    });
  }
  let r = values[0];
  for (let i = 1; i < values.length; i++) r = f(r, values[i]);
  return r;
}

/**
 * The singular values of the `count` m×n matrices in `data` (NumPy's norm takes them from
 * LAPACK's gesdd: a NaN makes its SVD fail to converge, an infinity gives NaN).
 */
function singularValues(data: Float64Array | Float32Array, dtype: LapackDtype, count: number, m: number, n: number): Float64Array {
  if (data.some(Number.isNaN)) {
    throw new LinAlgError('norm: SVD did not converge.', { argument: 'a', hint: 'Remove the NaN values: ord 2, -2 and nuc need singular values.' });
  }
  const s = singularValuesOf({ data, dtype, batch: [count], rows: m, cols: n }).toTypedArray() as Float64Array | Float32Array;
  return Float64Array.from(s);
}

/** ord 2 (the largest singular value), −2 (the smallest) or 'nuc' (their sum). */
function spectralNorm(singular: Float64Array, ord: NormOrder): number {
  if (ord === 'nuc') return singular.reduce((sum, v) => sum + v, 0);
  return reduceOrThrow(singular, ord === 2 ? Math.max : Math.min);
}

/** Matrix norms of the m×n magnitudes `abs` (row-major). */
function matrixNorm(abs: Float64Array, m: number, n: number, ord: NormOrder): number {
  if (ord === null || ord === 'fro') return vectorNorm(abs, 2);
  if (ord === 1 || ord === -1) {
    const sums = new Float64Array(n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) sums[j] += abs[i * n + j];
    return reduceOrThrow(m === 0 ? new Float64Array(n) : sums, ord === 1 ? Math.max : Math.min);
  }
  if (ord === Number.POSITIVE_INFINITY || ord === Number.NEGATIVE_INFINITY) {
    const sums = new Float64Array(m);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) sums[i] += abs[i * n + j];
    return reduceOrThrow(sums, ord > 0 ? Math.max : Math.min);
  }
  throw new InvalidArgumentError(`norm: invalid norm order ${describe(ord)} for matrices.`, {
    argument: 'ord',
    hint: "Use null, 'fro', 'nuc', 1, -1, 2, -2, Infinity or -Infinity.",
  });
}

/**
 * Where SciPy answers from BLAS/LAPACK with a Python float (float64 whatever the input's
 * precision): the 2-norm of one float vector (nrm2), and ord 1 / inf of one float matrix
 * that is not a single row or column (lange).
 */
function returnsPythonFloat(a: NDArray, dtype: string, axis: unknown, keepdims: boolean, ord: NormOrder): boolean {
  if (a.size === 0 || a.dtype !== dtype || (axis !== undefined && axis !== null) || keepdims) return false;
  if (a.ndim === 1) return ord === null || ord === 2;
  return a.ndim === 2 && a.shape[0] > 1 && a.shape[1] > 1 && (ord === 1 || ord === Number.POSITIVE_INFINITY);
}
