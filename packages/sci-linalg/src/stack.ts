/**
 * Stacks of matrices, the working form of every routine: the `[..., M, N]` input copied
 * into one contiguous row-major (C order) buffer of the LAPACK type it is computed in,
 * complex values interleaved (re, im). Row-major keeps NDArray's own order, so each
 * kernel's innermost loop runs along a row (unit stride); the kernels are written for it
 * rather than for LAPACK's column-major layout.
 */
import { type DType, NDArray, asarray, broadcastShapes, broadcastTo, isComplexDtype, shapeSize } from '@sciport/array-api';
import { allFinite, copyAs, elementsOf } from './elements.js';
import { ShapeError } from '@sciport/dispatch-core';
import { nonFiniteError } from './finite-error.js';

/** The storage the kernels compute in. */
export type Float = Float64Array | Float32Array;

/** LAPACK's four types: s, d, c, z. */
export type LapackDtype = 'float32' | 'float64' | 'complex64' | 'complex128';

export interface Stack {
  readonly data: Float;
  readonly dtype: LapackDtype;
  /** Leading (batch) dimensions. */
  readonly batch: readonly number[];
  readonly rows: number;
  readonly cols: number;
}

export function isComplex(dtype: LapackDtype): boolean {
  return dtype === 'complex64' || dtype === 'complex128';
}

function isFloatingDtype(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64' || isComplexDtype(dtype);
}

function isSingle(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'complex64';
}

/**
 * The type SciPy computes in for inputs of `dtypes`: complex when any is complex, single
 * precision only when every input is float32/complex64; integers and booleans become
 * float64 (as NumPy's promotion with LAPACK's types does).
 */
export function lapackDtype(...dtypes: DType[]): LapackDtype {
  const complex = dtypes.some((d) => isComplexDtype(d));
  const single = dtypes.every(isSingle);
  if (complex) return single ? 'complex64' : 'complex128';
  return single ? 'float32' : 'float64';
}

/** The real type of a LAPACK type (float32 for complex64). */
export function realOf(dtype: LapackDtype): 'float32' | 'float64' {
  return dtype === 'float32' || dtype === 'complex64' ? 'float32' : 'float64';
}

export function allocateFloat(dtype: LapackDtype, elements: number): Float {
  const lanes = isComplex(dtype) ? 2 : 1;
  return dtype === 'float32' || dtype === 'complex64' ? new Float32Array(lanes * elements) : new Float64Array(lanes * elements);
}

/** Any input as an NDArray, with the argument named in asarray's errors. */
export function toArray(x: unknown): NDArray {
  return x instanceof NDArray ? x : asarray(x);
}

/** `x` as an array of at least 2 dimensions (SciPy's "Expected at least ndim=2"). */
export function checkMatrix(x: NDArray, argument: string, fn: string): void {
  if (x.ndim < 2) {
    throw new ShapeError(`${fn}: '${argument}' must have at least 2 dimensions ([..., M, N]), got shape [${x.shape.join(', ')}].`, {
      argument,
      hint: 'Pass a matrix or a stack of matrices.',
    });
  }
}

export function checkSquare(x: { readonly shape: readonly number[] }, argument: string, fn: string): void {
  const n = x.shape.length;
  if (x.shape[n - 1] !== x.shape[n - 2]) {
    throw new ShapeError(`${fn}: '${argument}' must be square, got shape [${x.shape.join(', ')}].`, {
      argument,
      hint: 'Pass an N×N matrix (or a stack [..., N, N]).',
    });
  }
}

/** SciPy's check_finite: "array must not contain infs or NaNs". */
export function checkFiniteValues(x: NDArray, argument: string, fn: string): void {
  // only floating types hold infs and NaNs
  if (!isFloatingDtype(x.dtype) || allFinite(elementsOf(x))) return;
  throw nonFiniteError(fn, argument);
}

/** `x` ([..., M, N]) copied into a stack of `dtype`, its batch broadcast to `batch`. */
export function toStack(x: NDArray, dtype: LapackDtype, batch: readonly number[] = x.shape.slice(0, -2)): Stack {
  const rows = x.shape[x.ndim - 2];
  const cols = x.shape[x.ndim - 1];
  const shape = [...batch, rows, cols];
  const sameShape = shape.length === x.ndim && shape.every((n, i) => n === x.shape[i]);
  if (!sameShape && x.size === rows * cols) {
    // one matrix against a batch (inv's identity, a shared a): copied once, then tiled
    const one = copyAs(x, dtype) as Float;
    const data = allocateFloat(dtype, batchCount(batch) * rows * cols);
    for (let at = 0; at < data.length; at += one.length) data.set(one, at);
    return { data, dtype, batch: [...batch], rows, cols };
  }
  const source = sameShape ? x : broadcastTo(x, shape);
  const data = copyAs(source, dtype) as Float;
  return { data, dtype, batch: [...batch], rows, cols };
}

/**
 * `x` ([..., M, N]) as a stack of `dtype` for kernels that only read it: `x`'s own storage
 * when it already has that type and the batch shape, else a copy (as toStack).
 */
export function readStack(x: NDArray, dtype: LapackDtype, batch: readonly number[] = x.shape.slice(0, -2)): Stack {
  const rows = x.shape[x.ndim - 2];
  const cols = x.shape[x.ndim - 1];
  const sameShape = x.ndim === batch.length + 2 && batch.every((n, i) => n === x.shape[i]);
  if (!sameShape || x.dtype !== dtype) return toStack(x, dtype, batch);
  return { data: elementsOf(x) as Float, dtype, batch: [...batch], rows, cols };
}

/** The common batch shape of two stacks' leading dimensions (a ShapeError naming `argument`). */
export function broadcastBatch(a: readonly number[], b: readonly number[], argument: string, fn: string): number[] {
  try {
    return broadcastShapes(a, b);
  } catch {
    throw new ShapeError(`${fn}: batch dimensions [${a.join(', ')}] and [${b.join(', ')}] do not broadcast.`, {
      argument,
      hint: 'Leading (batch) dimensions must be equal or 1.',
    });
  }
}

export function batchCount(batch: readonly number[]): number {
  return shapeSize(batch);
}

/** An NDArray owning `data`. */
export function fromData(data: Float | Int32Array | Uint8Array | BigInt64Array, shape: readonly number[], dtype: DType): NDArray {
  return new NDArray(data, [...shape], dtype);
}
