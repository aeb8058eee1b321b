/**
 * Strided layout helpers: C strides, contiguity, element offsets in C order and
 * validation of user-given shapes. Strides and offsets count elements (a complex
 * element is one element; its storage index is 2·offset).
 */
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { MAX_SIZE } from './dtypes.js';
import { describe } from './kit/describe.js';
import { readIntegerList } from './kit/integer-list.js';

export { describe };

/** The number of elements of an array of this shape. */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

/** The strides, in elements, of a C-contiguous (row-major) array of this shape. */
export function cStrides(shape: readonly number[]): number[] {
  const stride = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    stride[i] = s;
    s *= shape[i];
  }
  return stride;
}

/** True when the view covers its elements in C order with unit step (dims of size 1 ignored). */
export function isCContiguous(shape: readonly number[], stride: readonly number[]): boolean {
  let expect = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const n = shape[i];
    if (n === 0) return true;
    if (n !== 1 && stride[i] !== expect) return false;
    expect *= n;
  }
  return true;
}

/**
 * Flat element offsets of a strided view in C order. Used by the general (non-contiguous,
 * broadcast) path of the kernels; the contiguous path never builds this.
 */
export function stridedOffsets(shape: readonly number[], stride: readonly number[], offset: number): Int32Array {
  const size = shapeSize(shape);
  const out = new Int32Array(size);
  const nd = shape.length;
  if (size === 0) return out;
  if (nd === 0) {
    out[0] = offset;
    return out;
  }
  const last = nd - 1;
  const inner = shape[last];
  const innerStride = stride[last];
  const idx = new Array<number>(nd).fill(0);
  let base = offset;
  let k = 0;
  for (;;) {
    let p = base;
    for (let j = 0; j < inner; j++) {
      out[k++] = p;
      p += innerStride;
    }
    if (k >= size) break;
    // Carry into the outer dimensions.
    let d = last - 1;
    for (; d >= 0; d--) {
      idx[d]++;
      base += stride[d];
      if (idx[d] < shape[d]) break;
      base -= stride[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) break;
  }
  return out;
}

/** Most dimensions one array may have (NumPy's limit). */
export const MAX_NDIM = 64;

/**
 * Validates a user-given shape: at most 64 non-negative integer dimensions, each and
 * their product at most 2^31 − 1 (see `checkAllocatable`).
 */
export function checkShape(shape: unknown, argument = 'shape'): number[] {
  let dims: unknown[];
  if (typeof shape === 'number') dims = [shape];
  else if (Array.isArray(shape)) dims = shape;
  else {
    throw new ShapeError(`'${argument}' must be a non-negative integer or an array of them, got ${describe(shape)}.`, {
      argument,
      hint: 'Pass e.g. [3, 4].',
    });
  }
  if (dims.length > MAX_NDIM) {
    throw new ShapeError(`'${argument}' has ${dims.length} dimensions; at most ${MAX_NDIM} are supported.`, {
      argument,
      hint: 'Reshape to fewer dimensions.',
    });
  }
  const out = new Array<number>(dims.length);
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i];
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new ShapeError(
        `'${argument}' has ${describe(d)} at position ${i}; every dimension must be a non-negative integer.`,
        { argument, hint: 'Use whole numbers ≥ 0, e.g. Math.floor(n).' },
      );
    }
    out[i] = d;
  }
  checkAllocatable(out, argument);
  return out;
}

/**
 * Throws a ShapeError, before anything is allocated, when an array of `shape` cannot
 * exist: a dimension or the element count above 2^31 − 1 (the int32 index limit). Every
 * dtype fits below that: complex storage takes 2·(2^31 − 1) slots, under the 2^32
 * TypedArray length limit. Like NumPy, a too-large dimension is refused even when another
 * dimension is 0.
 */
export function checkAllocatable(shape: readonly number[], argument: string): void {
  let size = 1;
  for (let i = 0; i < shape.length; i++) {
    checkSize(shape[i], argument);
    size *= shape[i];
  }
  checkSize(size, argument);
}

export function checkSize(size: number, argument: string): void {
  // `!(size <= MAX_SIZE)` also refuses NaN.
  if (!(size <= MAX_SIZE)) {
    throw new ShapeError(
      `'${argument}' asks for ${size} elements; at most 2^31-1 (${MAX_SIZE}) are supported in one array.`,
      { argument, hint: 'Split the data into chunks (e.g. @sciport/backend-cluster) or reduce the size.' },
    );
  }
}

/**
 * The axes of a transpose, checked to be a permutation of 0..ndim−1 (negative axes
 * count from the end, as in NumPy).
 */
export function checkPermutation(axes: readonly unknown[], ndim: number, argument = 'axes'): number[] {
  if (axes.length !== ndim) {
    throw new InvalidArgumentError(`'${argument}' must list each of the ${ndim} axes once, got ${axes.length} axes.`, {
      argument,
      hint: `E.g. [${Array.from({ length: ndim }, (_, i) => ndim - 1 - i).join(', ')}] reverses them.`,
    });
  }
  const perm = axes.map((ax) => normalizeAxis(ax, ndim, argument));
  if (new Set(perm).size !== ndim) {
    throw new InvalidArgumentError(`'${argument}' repeats an axis: [${axes.join(', ')}].`, {
      argument,
      hint: 'Each axis must appear exactly once.',
    });
  }
  return perm;
}

/** Normalises one axis (negative counts from the end) and checks bounds. */
export function normalizeAxis(axis: unknown, ndim: number, argument = 'axis'): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis)) {
    throw new InvalidArgumentError(`'${argument}' must be an integer, got ${describe(axis)}.`, {
      argument,
      hint: `Use an integer in [${-ndim}, ${ndim - 1}].`,
    });
  }
  if (axis < -ndim || axis >= ndim) {
    throw new InvalidArgumentError(`'${argument}' ${axis} is out of bounds for an array with ${ndim} dimensions.`, {
      argument,
      hint: ndim === 0 ? 'A 0-d array has no axes.' : `Use an integer in [${-ndim}, ${ndim - 1}].`,
    });
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Normalises `axis` (undefined/null = all axes, an integer or a list of them), sorted and unique. */
export function normalizeAxes(axis: unknown, ndim: number, argument = 'axis'): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: ndim }, (_, i) => i);
  const out = readIntegerList(axis, argument).map((a) => normalizeAxis(a, ndim, argument));
  const sorted = [...out].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) {
      throw new InvalidArgumentError(`'${argument}' repeats axis ${sorted[i]}.`, {
        argument,
        hint: 'List each axis at most once.',
      });
    }
  }
  return sorted;
}

export function shapeToString(shape: readonly number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}
