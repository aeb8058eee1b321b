/**
 * What the special-matrix constructors share: reading their vector arguments (SciPy's
 * `atleast_1d`, batch dimensions in front), and filling a result from an index rule.
 */
import { type DType, NDArray, allocate, broadcastShapes, broadcastTo, dtypeInfo, resultType, type TypedArray } from '@sciport/array-api';
import { checkAllocatable, checkInteger, describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { copyAs } from '../elements.js';
import { toArray } from '../stack.js';

/** `x` as an array of at least one dimension (a scalar becomes a 1-element vector). */
export function vector(x: unknown, argument: string, fn: string): NDArray {
  const a = toArray(x);
  if (a.dtype === 'bool') {
    throw new DtypeError(`${fn}: '${argument}' must be numeric, got bool.`, { argument, hint: 'Convert it to a number dtype.' });
  }
  return a.ndim === 0 ? new NDArray(a.toTypedArray(), [1], a.dtype) : a;
}

/** The common dtype of several arrays (NumPy's result_type). */
export function commonDtype(...arrays: NDArray[]): DType {
  return resultType(...arrays);
}

/** Vectors of `x` along the last axis, broadcast to `batch`, in C order, as `dtype` storage. */
export function rows(x: NDArray, dtype: DType, batch: readonly number[]): TypedArray {
  const n = x.shape[x.ndim - 1];
  const shape = [...batch, n];
  const same = shape.length === x.ndim && shape.every((d, i) => d === x.shape[i]);
  const source = same ? x : broadcastTo(x, shape);
  return copyAs(source, dtype);
}

/** The broadcast batch shape of several vectors' leading dimensions. */
export function vectorBatch(fn: string, ...vectors: [NDArray, string][]): number[] {
  try {
    return broadcastShapes(...vectors.map(([v]) => v.shape.slice(0, -1)));
  } catch {
    throw new ShapeError(`${fn}: the batch dimensions of ${vectors.map(([, name]) => name).join(' and ')} do not broadcast.`, {
      argument: vectors[vectors.length - 1][1],
      hint: 'Leading dimensions must be equal or 1.',
    });
  }
}

/**
 * A [...batch, m, n] array of `dtype` whose element (i, j) of slice s is element
 * `pick(i, j)` of `sources[which]`'s slice s (a vector of length `lengths[which]`), or zero
 * where `pick` returns null.
 */
export function gather(
  dtype: DType,
  batch: readonly number[],
  m: number,
  n: number,
  sources: readonly { data: TypedArray; length: number }[],
  pick: (i: number, j: number) => readonly [number, number] | null,
): NDArray {
  const lanes = dtypeInfo(dtype).lanes;
  const count = batch.reduce((p, d) => p * d, 1);
  const out = allocate(dtype, count * m * n);
  for (let s = 0; s < count; s++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const where = pick(i, j);
        if (where === null) continue;
        const src = sources[where[0]];
        const from = lanes * (s * src.length + where[1]);
        const to = lanes * (s * m * n + i * n + j);
        out[to] = src.data[from];
        if (lanes === 2) out[to + 1] = src.data[from + 1];
      }
    }
  }
  return new NDArray(out, [...batch, m, n], dtype);
}

/** A matrix order n ≥ 0 whose n×n result can be allocated (else a ShapeError before allocating). */
export function checkOrder(n: unknown, fn: string, argument = 'n'): number {
  const k = checkInteger(n, argument, 0);
  if (n === undefined || k < 0) {
    throw new InvalidArgumentError(`${fn}: '${argument}' must be a non-negative integer, got ${describe(n)}.`, {
      argument,
      hint: 'Pass the order of the matrix.',
    });
  }
  checkAllocatable([k, k], argument);
  return k;
}

/** The floating dtype a constructor that divides computes in (integers → float64, as NumPy). */
export function inexact(dtype: DType): DType {
  return dtype === 'float32' || dtype === 'complex64' || dtype === 'complex128' ? dtype : 'float64';
}
