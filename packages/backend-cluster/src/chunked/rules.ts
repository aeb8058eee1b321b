/**
 * Argument rules of the chunked namespace that `@sciport/array-api/kit` does not have yet.
 * Each mirrors the host namespace's rule (same error class, argument and message) so a
 * chunked array is refused exactly as a host array is; each is to be replaced by the kit's
 * function of the same purpose, one line per call site, once it exists.
 */
import { broadcastShapes, checkPermutation, describe, normalizeAxes, normalizeAxis } from '@sciport/array-api/kit';
import { type DType, DTYPES, isDType, packedMap } from '@sciport/array-api';
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';

// kit: replace with @sciport/array-api/kit's shapeToString once it exists
/** A shape as NumPy prints it: (3,) or (2, 4). */
export function shapeToString(shape: readonly number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}

// kit: replace with @sciport/array-api/kit's resolveShape once it exists
/** The target shape of a reshape of `size` elements, its one -1 filled in. */
export function resolveShape(shape: unknown, size: number): number[] {
  const dims: unknown[] = typeof shape === 'number' ? [shape] : Array.isArray(shape) ? [...shape] : [shape];
  let unknown = -1;
  let known = 1;
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i];
    if (d === -1 && unknown < 0) {
      unknown = i;
      continue;
    }
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new ShapeError(`'shape' has ${describe(d)} at position ${i}; use non-negative integers and at most one -1.`, {
        argument: 'shape',
        hint: 'E.g. reshape(x, [2, -1]).',
      });
    }
    known *= d;
  }
  const out = dims as number[];
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new ShapeError(`Cannot reshape an array of size ${size} into ${shapeToString(out)}.`, {
        argument: 'shape',
        hint: 'The -1 dimension must divide the size evenly.',
      });
    }
    out[unknown] = size / known;
  } else if (known !== size) {
    throw new ShapeError(`Cannot reshape an array of size ${size} into shape ${shapeToString(out)} (size ${known}).`, {
      argument: 'shape',
      hint: 'The product of the new shape must equal the number of elements.',
    });
  }
  return out;
}

// kit: replace with @sciport/array-api/kit's checkArrayList once it exists
/** The `arrays` argument of concat/stack: a non-empty JS array. */
export function checkArrayList(arrays: unknown, fn: 'concat' | 'stack'): readonly unknown[] {
  if (!Array.isArray(arrays) || arrays.length === 0) {
    throw new InvalidArgumentError(`${fn} needs a non-empty array of arrays.`, { argument: 'arrays', hint: 'Pass [a, b, ...].' });
  }
  return arrays;
}

// kit: replace with @sciport/array-api/kit's concatAxis once it exists
/** The axis of a concat of arrays of `shapes` (axis null is the caller's flattening), checked. */
export function concatAxis(shapes: readonly (readonly number[])[], axis: unknown): number {
  const nd = shapes[0].length;
  if (nd === 0) {
    throw new ShapeError('concat cannot join 0-d arrays.', { argument: 'arrays', hint: 'Use stack() instead.' });
  }
  const ax = normalizeAxis(axis, nd);
  for (let i = 1; i < shapes.length; i++) {
    const s = shapes[i];
    if (s.length !== nd || s.some((n, d) => d !== ax && n !== shapes[0][d])) {
      throw new ShapeError(`concat: arrays[${i}] has shape ${shapeToString(s)}, incompatible with ${shapeToString(shapes[0])} along axis ${ax}.`, {
        argument: `arrays[${i}]`,
        hint: 'All dimensions except the concatenation axis must match.',
      });
    }
  }
  return ax;
}

// kit: replace with @sciport/array-api/kit's stackAxis once it exists
/** The new axis of a stack of arrays of `shapes`, checked. */
export function stackAxis(shapes: readonly (readonly number[])[], axis: unknown): number {
  for (let i = 1; i < shapes.length; i++) {
    if (shapes[i].length !== shapes[0].length || shapes[i].some((n, d) => n !== shapes[0][d])) {
      throw new ShapeError(`stack: arrays[${i}] has shape ${shapeToString(shapes[i])}, expected ${shapeToString(shapes[0])}.`, {
        argument: `arrays[${i}]`,
        hint: 'All arrays must have the same shape.',
      });
    }
  }
  return normalizeAxis(axis, shapes[0].length + 1);
}

// kit: replace with @sciport/array-api/kit's expandDimsAxes once it exists
/** The positions of the new axes of expandDims, in the output's `ndim + count` axes. */
export function expandDimsAxes(axis: unknown, ndim: number): number[] {
  const list = Array.isArray(axis) ? axis : [axis];
  return normalizeAxes(list, ndim + list.length);
}

// kit: replace with @sciport/array-api/kit's checkSqueeze once it exists
/** The axes squeeze removes, each checked to have length 1. */
export function checkSqueeze(axis: unknown, shape: readonly number[]): number[] {
  const axes = normalizeAxes(axis, shape.length);
  for (const ax of axes) {
    if (shape[ax] !== 1) {
      throw new ShapeError(`Cannot squeeze axis ${ax} of size ${shape[ax]}.`, { argument: 'axis', hint: 'Only axes of size 1 can be removed.' });
    }
  }
  return axes;
}

// kit: replace with @sciport/array-api/kit's moveaxisOrder once it exists
/** The permutation moveaxis applies (the axes of x in their new order). */
export function moveaxisOrder(source: unknown, destination: unknown, ndim: number): number[] {
  const src = packedMap(Array.isArray(source) ? source : [source], (s) => normalizeAxis(s, ndim, 'source'));
  const dst = packedMap(Array.isArray(destination) ? destination : [destination], (s) => normalizeAxis(s, ndim, 'destination'));
  if (src.length !== dst.length) {
    throw new InvalidArgumentError("'source' and 'destination' must have the same number of axes.", {
      argument: 'destination',
      hint: 'Pair each source axis with one destination.',
    });
  }
  if (new Set(src).size !== src.length || new Set(dst).size !== dst.length) {
    throw new InvalidArgumentError('moveaxis axes must be unique.', { argument: 'source', hint: 'List each axis once.' });
  }
  const order = Array.from({ length: ndim }, (_, i) => i).filter((i) => !src.includes(i));
  const pairs = packedMap(dst, (d, i) => [d, src[i]] as const).sort((p, q) => p[0] - q[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return order;
}

// kit: replace with @sciport/array-api/kit's checkPermuteAxes once it exists
/** The `axes` of permuteDims: a JS array that is a permutation of the axes. */
export function checkPermuteAxes(axes: unknown, ndim: number): number[] {
  if (!Array.isArray(axes)) {
    throw new InvalidArgumentError(`'axes' must list each of the ${ndim} axes once, got ${describe(axes)}.`, {
      argument: 'axes',
      hint: `E.g. [${Array.from({ length: ndim }, (_, i) => ndim - 1 - i).join(', ')}] reverses them.`,
    });
  }
  return checkPermutation(axes, ndim, 'axes');
}

// kit: replace with @sciport/array-api/kit's checkRepetitions once it exists
/** The `repetitions` of tile: non-negative integers. */
export function checkRepetitions(repetitions: unknown): number[] {
  const reps: unknown[] = Array.isArray(repetitions) ? [...repetitions] : [repetitions];
  for (const r of reps) {
    if (typeof r !== 'number' || !Number.isInteger(r) || r < 0) {
      throw new InvalidArgumentError(`'repetitions' must be non-negative integers, got ${describe(r)}.`, {
        argument: 'repetitions',
        hint: 'E.g. [2, 3].',
      });
    }
  }
  return reps as number[];
}

// kit: replace with @sciport/array-api/kit's checkRepeatCount once it exists
/** A scalar `repeats` of repeat: a non-negative integer. */
export function checkRepeatCount(repeats: unknown): number {
  if (typeof repeats !== 'number' || !Number.isInteger(repeats) || repeats < 0) {
    throw new InvalidArgumentError(`'repeats' must be a non-negative integer, got ${describe(repeats)}.`, {
      argument: 'repeats',
      hint: 'Use whole numbers ≥ 0.',
    });
  }
  return repeats;
}

// kit: replace with @sciport/array-api/kit's rollShifts once it exists
/**
 * The shift per axis of roll along `axis` (given, not null): one integer shift for every
 * axis, or one per axis; the shifts of a repeated axis add up.
 */
export function rollShifts(shift: unknown, axis: unknown, ndim: number): number[] {
  const axes = packedMap(Array.isArray(axis) ? axis : [axis], (ax) => normalizeAxis(ax, ndim));
  const shifts: unknown[] = Array.isArray(shift) ? [...shift] : packedMap(axes, () => shift);
  if (shifts.length !== axes.length) {
    throw new InvalidArgumentError("'shift' and 'axis' must have the same length.", { argument: 'shift', hint: 'Give one shift per axis.' });
  }
  const total = new Array<number>(ndim).fill(0);
  for (let i = 0; i < axes.length; i++) {
    const s = shifts[i];
    if (typeof s !== 'number' || !Number.isInteger(s)) {
      throw new InvalidArgumentError(`'shift' must be integers, got ${describe(s)}.`, { argument: 'shift', hint: 'Use whole numbers.' });
    }
    total[axes[i]] += s;
  }
  return total;
}

// kit: replace with @sciport/array-api/kit's checkFlatShift once it exists
/** The shift of roll without an axis: a single integer. */
export function checkFlatShift(shift: unknown): number {
  if (typeof shift !== 'number') {
    throw new InvalidArgumentError("'shift' must be a single integer when 'axis' is not given.", {
      argument: 'shift',
      hint: 'Give axis to roll along several axes.',
    });
  }
  if (!Number.isInteger(shift)) {
    throw new InvalidArgumentError(`'shift' must be integers, got ${describe(shift)}.`, { argument: 'shift', hint: 'Use whole numbers.' });
  }
  return shift;
}

// kit: replace with @sciport/array-api/kit's takeAxis once it exists
/** The axis of take: required unless x is 1-D. */
export function takeAxis(axis: unknown, ndim: number): number {
  if (axis === undefined) {
    if (ndim !== 1) {
      throw new InvalidArgumentError(`take needs 'axis' for a ${ndim}-D array.`, {
        argument: 'axis',
        hint: 'Pass { axis } or reshape(x, [-1]) first.',
      });
    }
    return 0;
  }
  return normalizeAxis(axis, ndim);
}

// kit: replace with @sciport/array-api/kit's matmulShape once it exists
/** The output shape of matmul of arrays of shapes `a` and `b` (1-D operands promoted, the added axis removed). */
export function matmulShape(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0 || b.length === 0) {
    throw new ShapeError('matmul does not accept 0-d arrays.', { argument: a.length === 0 ? 'x1' : 'x2', hint: 'Use multiply() for scalars.' });
  }
  const a2 = a.length === 1 ? [1, a[0]] : a;
  const b2 = b.length === 1 ? [b[0], 1] : b;
  const [m, k] = a2.slice(-2);
  const [k2, n] = b2.slice(-2);
  if (k !== k2) {
    throw new ShapeError(`matmul: x1 ${shapeToString(a2)} and x2 ${shapeToString(b2)} do not align (${k} ≠ ${k2} in the contracted dimension).`, {
      argument: 'x2',
      hint: 'The last axis of x1 must match the second-to-last axis of x2.',
    });
  }
  const batch = broadcastShapes(a2.slice(0, -2), b2.slice(0, -2));
  if (a.length === 1) return b.length === 1 ? batch : [...batch, n];
  return b.length === 1 ? [...batch, m] : [...batch, m, n];
}

// kit: replace with @sciport/array-api/kit's tensordotAxes once it exists
/** The contracted axes of x1 and x2 in tensordot (`axes` a count or two lists), checked. */
export function tensordotAxes(axes: unknown, a: readonly number[], b: readonly number[]): [number[], number[]] {
  let axA: number[];
  let axB: number[];
  if (typeof axes === 'number') {
    if (!Number.isInteger(axes) || axes < 0 || axes > a.length || axes > b.length) {
      throw new ShapeError(`tensordot 'axes' ${axes} is invalid for ${a.length}-D and ${b.length}-D arrays.`, {
        argument: 'axes',
        hint: 'Use an integer no larger than either array rank, or [axesOfX1, axesOfX2].',
      });
    }
    axA = Array.from({ length: axes }, (_, i) => a.length - axes + i);
    axB = Array.from({ length: axes }, (_, i) => i);
  } else {
    if (!Array.isArray(axes) || axes.length !== 2 || !Array.isArray(axes[0]) || !Array.isArray(axes[1])) {
      throw new InvalidArgumentError(`tensordot 'axes' must be an integer or two lists of axes, got ${describe(axes)}.`, {
        argument: 'axes',
        hint: 'E.g. 1, or [[1], [0]].',
      });
    }
    axA = packedMap(axes[0] as unknown[], (v) => normalizeAxis(v, a.length, 'axes'));
    axB = packedMap(axes[1] as unknown[], (v) => normalizeAxis(v, b.length, 'axes'));
    if (axA.length !== axB.length) {
      throw new ShapeError("tensordot 'axes' lists must have the same length.", { argument: 'axes', hint: 'Pair each axis of x1 with one of x2.' });
    }
  }
  for (let i = 0; i < axA.length; i++) {
    if (a[axA[i]] !== b[axB[i]]) {
      throw new ShapeError(`tensordot: axis ${axA[i]} of x1 (${a[axA[i]]}) ≠ axis ${axB[i]} of x2 (${b[axB[i]]}).`, {
        argument: 'axes',
        hint: 'Contracted axes must have equal sizes.',
      });
    }
  }
  return [axA, axB];
}

// kit: replace with @sciport/array-api/kit's vecdotAxis once it exists
/** The contracted axis of vecdot (counted in the broadcast shape), checked to have one length in both. */
export function vecdotAxis(axis: unknown, a: readonly number[], b: readonly number[]): number {
  const nd = Math.max(a.length, b.length);
  const ax = normalizeAxis(axis, nd);
  const na = a[a.length - (nd - ax)] ?? 1;
  const nb = b[b.length - (nd - ax)] ?? 1;
  if (na !== nb) {
    throw new ShapeError(`vecdot: x1 and x2 differ along axis ${String(axis)} (${na} vs ${nb}).`, {
      argument: 'x2',
      hint: 'The contracted axis must have the same size in both arrays.',
    });
  }
  return ax;
}

// kit: replace with @sciport/array-api/kit's cumulativeAxis once it exists
/** The axis of cumulativeSum/cumulativeProd: required for arrays of more than one dimension; a 0-d array counts as 1-D. */
export function cumulativeAxis(axis: unknown, ndim: number, fn: 'cumulativeSum' | 'cumulativeProd'): number {
  if (axis === undefined && ndim > 1) {
    throw new InvalidArgumentError(`${fn} needs 'axis' for a ${ndim}-D array.`, {
      argument: 'axis',
      hint: 'Pass { axis } or reshape(x, [-1]) first.',
    });
  }
  return normalizeAxis(axis ?? 0, Math.max(ndim, 1));
}

// kit: replace with @sciport/array-api/kit's checkBroadcastTo once it exists
/** Checks that an array of `shape` broadcasts to `target` (aligned from the right). */
export function checkBroadcastTo(shape: readonly number[], target: readonly number[], argument = 'x'): void {
  const off = target.length - shape.length;
  if (off < 0) {
    throw new ShapeError(`Cannot broadcast ${shapeToString(shape)} to the smaller rank ${shapeToString(target)}.`, {
      argument,
      hint: 'The target shape needs at least as many dimensions as the array.',
    });
  }
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] !== 1 && shape[i] !== target[off + i]) {
      throw new ShapeError(`Cannot broadcast ${shapeToString(shape)} to ${shapeToString(target)} (axis ${i}: ${shape[i]} vs ${target[off + i]}).`, {
        argument,
        hint: 'Each dimension must equal the target or be 1.',
      });
    }
  }
}

// kit: replace with @sciport/array-api/kit's checkMatrixRank once it exists
/** tril/triu/matrixTranspose take arrays of at least 2 dimensions. */
export function checkMatrixRank(ndim: number, fn: 'tril' | 'triu' | 'matrixTranspose'): void {
  if (ndim < 2) {
    const message = fn === 'matrixTranspose' ? `.mT needs at least 2 dimensions, got ${ndim}.` : `${fn} needs an array with at least 2 dimensions, got ${ndim}.`;
    throw new InvalidArgumentError(message, { argument: 'x', hint: 'Reshape to a matrix first.' });
  }
}

// kit: replace with @sciport/array-api/kit's diffOrder once it exists
/** The `n` of diff: a non-negative integer (default 1). */
export function diffOrder(n: unknown): number {
  const value = n ?? 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidArgumentError(`'n' must be a non-negative integer, got ${String(value)}.`, { argument: 'n', hint: 'Use 1 for the first difference.' });
  }
  return value;
}

// kit: replace with @sciport/array-api/kit's meshgridIndexing once it exists
/** The `indexing` option of meshgrid: 'xy' (default) or 'ij'. */
export function meshgridIndexing(indexing: unknown): 'xy' | 'ij' {
  const value = indexing ?? 'xy';
  if (value !== 'xy' && value !== 'ij') {
    throw new InvalidArgumentError(`'indexing' must be 'xy' or 'ij', got ${describe(value)}.`, {
      argument: 'indexing',
      hint: "Use 'xy' (Cartesian) or 'ij' (matrix).",
    });
  }
  return value;
}

// kit: replace with @sciport/array-api/kit's checkCondition once it exists
/** The condition of where: a bool array. */
export function checkCondition(dtype: string): void {
  if (dtype !== 'bool') {
    throw new DtypeError(`'condition' must be a bool array, got ${dtype}.`, {
      argument: 'condition',
      hint: 'Build it with a comparison, e.g. greater(x, 0).',
    });
  }
}

// kit: replace with @sciport/array-api/kit's sortAxis once it exists
/** The axis of sort/argsort (default the last); a 0-d array cannot be sorted. */
export function sortAxis(axis: unknown, ndim: number): number {
  if (ndim === 0) {
    throw new InvalidArgumentError('sort needs at least 1 dimension.', { argument: 'x', hint: 'Reshape to 1-D first.' });
  }
  return normalizeAxis(axis ?? -1, ndim);
}

// kit: replace with @sciport/array-api/kit's checkDType once it exists
/** A dtype name (the host's check, which must describe any value, a bigint included). */
export function checkDtype(value: unknown, argument = 'dtype'): DType {
  if (!isDType(value)) {
    throw new DtypeError(`Unknown dtype ${describe(value)} for '${argument}'.`, { argument, hint: `Use one of: ${DTYPES.join(', ')}.` });
  }
  return value;
}

const KIND_NAMES: readonly string[] = ['bool', 'signed integer', 'unsigned integer', 'integral', 'real floating', 'complex floating', 'numeric'];

// kit: replace with @sciport/array-api/kit's checkDtypeKinds once it exists
/** The `kind` of isdtype: a dtype, a kind name, or a list of them. */
export function checkDtypeKinds(kind: unknown): void {
  for (const want of Array.isArray(kind) ? kind : [kind]) {
    if (!isDType(want) && !KIND_NAMES.includes(want as string)) {
      throw new InvalidArgumentError(`Unknown dtype kind ${describe(want)}.`, {
        argument: 'kind',
        hint: `Use a dtype name or one of: ${KIND_NAMES.join(', ')}.`,
      });
    }
  }
}
