/**
 * The check every array entering the package passes once (the public NDArray constructor,
 * asarray of scijs/stdlib ndarrays and of NDArrays from another copy of this package):
 * integer offset and strides, storage of the dtype's class with whole elements, and every
 * element the view can reach inside the storage. After it, no kernel reads memory the
 * caller did not give it.
 */
import { DtypeError, ShapeError } from '@sciport/dispatch-core';
import { checkDType, type DType, dtypeInfo, storageMatches, type TypedArray } from './dtypes.js';
import { checkShape, describe, shapeToString } from './layout.js';
import { isTypedArray, ownRealmView } from './typed-arrays.js';

/** The parts of a strided array as they arrive from outside. */
export interface RawArrayParts {
  data: unknown;
  shape: unknown;
  stride: unknown;
  offset: unknown;
  dtype: unknown;
}

/** The parts after checking: own copies of shape and stride, data of this realm. */
export interface ArrayParts {
  data: TypedArray;
  shape: number[];
  stride: number[];
  offset: number;
  dtype: DType;
}

/** `prefix.field`, or the bare field name when there is no prefix. */
function fieldName(prefix: string, field: string): string {
  return prefix === '' ? field : `${prefix}.${field}`;
}

/**
 * Checks the parts of a strided array; errors name `prefix.field` ('values.offset') or the
 * bare field ('offset') when `prefix` is ''.
 */
export function checkArrayParts(raw: RawArrayParts, prefix: string): ArrayParts {
  const dtype = checkDType(raw.dtype, fieldName(prefix, 'dtype'));
  const shape = checkShape(raw.shape, fieldName(prefix, 'shape'));
  const stride = checkStrides(raw.stride, shape.length, fieldName(prefix, 'stride'));
  const offset = checkOffset(raw.offset, fieldName(prefix, 'offset'));
  const dataName = fieldName(prefix, 'data');
  if (!isTypedArray(raw.data)) {
    throw new DtypeError(`'${dataName}' must be a TypedArray, got ${describe(raw.data)}.`, {
      argument: dataName,
      hint: 'Use asarray(values) to convert JS arrays.',
    });
  }
  const data = ownRealmView(raw.data, dataName);
  if (!storageMatches(data, dtype)) {
    throw new DtypeError(`'${dataName}' is a ${describe(data)}, which cannot store ${dtype}.`, {
      argument: dataName,
      hint: `Store ${dtype} in a ${dtypeInfo(dtype).storage.name}.`,
    });
  }
  const lanes = dtypeInfo(dtype).lanes;
  if (data.length % lanes !== 0) {
    throw new ShapeError(`'${dataName}' has odd length ${data.length}; ${dtype} stores each element as (re, im).`, {
      argument: dataName,
      hint: 'Interleaved complex storage needs two slots per element.',
    });
  }
  checkReach(shape, stride, offset, data.length / lanes, prefix);
  return { data, shape, stride, offset, dtype };
}

/** Strides: one safe integer per dimension (negative and zero allowed). */
export function checkStrides(stride: unknown, ndim: number, argument: string): number[] {
  if (!Array.isArray(stride) || stride.length !== ndim) {
    throw new ShapeError(`'${argument}' must be an array of ${ndim} integers (one per dimension), got ${describe(stride)}.`, {
      argument,
      hint: 'Give the step in elements along each axis.',
    });
  }
  for (let i = 0; i < ndim; i++) {
    if (!Number.isSafeInteger(stride[i])) {
      throw new ShapeError(`'${argument}' has ${describe(stride[i])} at position ${i}; strides must be integers.`, {
        argument,
        hint: 'Give the step in elements along each axis.',
      });
    }
  }
  return stride.slice() as number[];
}

/** Offset of element [0, …, 0]: a safe integer (its range is checked with the strides). */
export function checkOffset(offset: unknown, argument: string): number {
  if (!Number.isSafeInteger(offset)) {
    throw new ShapeError(`'${argument}' must be an integer, got ${describe(offset)}.`, {
      argument,
      hint: 'Give the storage index of the first element.',
    });
  }
  return offset as number;
}

/**
 * Every element a view reaches lies in [0, length): the lowest reachable index is
 * offset + Σ (n−1)·stride over negative strides, the highest the same over positive
 * ones. An empty view reaches nothing.
 */
export function checkReach(
  shape: readonly number[],
  stride: readonly number[],
  offset: number,
  length: number,
  prefix: string,
): void {
  let lowest = offset;
  let highest = offset;
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d];
    if (n === 0) return;
    const span = (n - 1) * stride[d];
    if (span < 0) lowest += span;
    else highest += span;
  }
  if (lowest >= 0 && highest < length) return;
  // An offset outside the storage is the offset's fault; otherwise shape and strides run past the data.
  const outside = offset < 0 || offset >= length;
  const argument = fieldName(prefix, outside ? 'offset' : 'data');
  throw new ShapeError(
    `An array of shape ${shapeToString(shape)} with strides (${stride.join(', ')}) from offset ${offset} reaches elements ${lowest}..${highest}, but the data holds ${length}.`,
    { argument, hint: 'Give shape, stride and offset that stay inside the data (or more data).' },
  );
}
