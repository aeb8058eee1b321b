/**
 * What every interpolating function shares: reading the input, its output (of the
 * result's shape), the complex case (real and imaginary parts interpolated separately,
 * each with its part of cval, as SciPy) and storing results as SciPy's interpolation
 * stores them: integers rounded half away from zero and clipped to the dtype's range.
 */
import { type DType, dtypeInfo, isComplexDtype, NDArray, zeros } from '@sciport/array-api';
import { ShapeError } from '@sciport/dispatch-core';
import { readInput } from './filter-io.js';
import { checkInterpolationMode, checkFlag, checkSplineOrder } from './interpolation-options.js';
import type { BoundaryMode } from './modes.js';
import { checkCval } from './options.js';
import { partDtype, resolveOutput } from './output.js';
import { type Part, readPlane, writePlane } from './planes.js';
import { scratchBuffer } from './scratch-buffer.js';

/** The checked options every interpolating function takes. */
export interface InterpolationSetup {
  readonly x: NDArray;
  readonly order: number;
  readonly mode: BoundaryMode;
  readonly cval: [number, number];
  readonly prefilter: boolean;
}

/** The input (at least 1-D) and the shared options, checked. */
export function interpolationSetup(input: unknown, options: Record<string, unknown>): InterpolationSetup {
  const x = readInput(input);
  if (x.ndim < 1) {
    throw new ShapeError('Interpolation needs an input of at least one dimension.', {
      argument: 'input',
      hint: 'Pass an array, not a scalar.',
    });
  }
  return {
    x,
    order: checkSplineOrder(options.order),
    mode: checkInterpolationMode(options.mode, 'constant'),
    cval: checkCval(options.cval, isComplexDtype(x.dtype)),
    prefilter: checkFlag(options.prefilter, 'prefilter', true),
  };
}

/**
 * Where an interpolation's result goes: the caller's `output` array, or (array null) a
 * new array of `dtype`, made only once the result is known, so that a float64 result
 * becomes the output without a copy.
 */
export interface InterpolationTarget {
  readonly array: NDArray | null;
  readonly dtype: DType;
  readonly shape: readonly number[];
}

/** The output of an interpolation of `x` whose result has `shape` (checked now, before any work). */
export function interpolationOutput(x: NDArray, output: unknown, shape: readonly number[]): InterpolationTarget {
  if (output === undefined || output === null) return { array: null, dtype: x.dtype, shape };
  const target = resolveOutput(x, output, isComplexDtype(x.dtype), shape);
  return { array: target.array, dtype: target.dtype, shape };
}

/** The target's array, made (zero-filled) if the caller gave none. */
export function targetArray(target: InterpolationTarget): NDArray {
  return target.array ?? zeros([...target.shape], { dtype: target.dtype });
}

/**
 * The values of part `part` of `x` in C order, for reading only: the input's own storage
 * when it already is contiguous float64, else converted to doubles (into the shared
 * scratch buffer when `shareable`).
 */
export function inputPlane(x: NDArray, part: Part, shareable = false): Float64Array {
  if (x.dtype === 'float64' && x.isContiguous) return (x.data as Float64Array).subarray(x.offset, x.offset + x.size);
  const info = dtypeInfo(x.dtype);
  if (!shareable || info.lanes !== 1 || info.isBigInt || !x.isContiguous) return readPlane(x, part);
  const plane = scratchBuffer('input', x.size);
  plane.set(x.data.subarray(x.offset, x.offset + x.size) as Float32Array);
  return plane;
}

/** Writes a C-ordered plane into part `part` of `array`: one native copy when its storage is contiguous and real. */
export function storePlane(array: NDArray, plane: Float64Array, part: Part): void {
  const info = dtypeInfo(array.dtype);
  if (info.lanes === 1 && !info.isBigInt && array.isContiguous) (array.data as Float64Array).set(plane, array.offset);
  else writePlane(array, plane, part);
}

/**
 * Interpolates each part of `x` with `run(plane, cval, out)` and stores the results in the
 * output; returns the output. `plane` holds the part's values in C order (not to be
 * written); `run` returns its result, C-ordered, in `out` (of the result's size) or in an
 * array of its own. A float64 result becomes the output itself; the others pass through
 * scratch buffers, unless `shareable` is false (`run` calls user code, which may
 * interpolate too).
 */
export function interpolateParts(
  x: NDArray,
  target: InterpolationTarget,
  cval: readonly [number, number],
  run: (plane: Float64Array, cval: number, out: Float64Array) => Float64Array,
  shareable = true,
): NDArray {
  const parts: Part[] = isComplexDtype(x.dtype) ? [0, 1] : [0];
  const dtype = partDtype(target.dtype);
  const size = target.shape.reduce((p, n) => p * n, 1);
  if (target.array === null && target.dtype === 'float64') {
    const result = run(inputPlane(x, 0, shareable), cval[0], new Float64Array(size));
    return new NDArray(result, [...target.shape], 'float64');
  }
  const array = targetArray(target);
  for (const part of parts) {
    const out = shareable ? scratchBuffer('result', size) : new Float64Array(size);
    const result = run(inputPlane(x, part, shareable), cval[part], out);
    storeRounded(result, dtype);
    storePlane(array, result, part);
  }
  return array;
}

/**
 * Stores `plane` as `dtype` holds an interpolated value, in place: integers rounded half
 * away from zero and clipped to the dtype's range (NaN becomes 0), float32 rounded.
 */
export function storeRounded(plane: Float64Array, dtype: DType): void {
  if (dtype === 'float64') return;
  if (dtype === 'float32') {
    for (let i = 0; i < plane.length; i++) plane[i] = Math.fround(plane[i]);
    return;
  }
  if (dtype === 'bool') {
    for (let i = 0; i < plane.length; i++) plane[i] = plane[i] !== 0 ? 1 : 0;
    return;
  }
  const [low, high] = integerRange(dtype);
  for (let i = 0; i < plane.length; i++) {
    const v = plane[i];
    if (Number.isNaN(v)) plane[i] = 0;
    else plane[i] = Math.min(Math.max(v < 0 ? -Math.floor(0.5 - v) : Math.floor(v + 0.5), low), high);
  }
}

/** The smallest and largest value of an integer dtype, as doubles (int64's below 2^63). */
function integerRange(dtype: DType): [number, number] {
  const bits = dtypeInfo(dtype).itemsize * 8;
  const signed = dtype.startsWith('int');
  if (bits === 64) return signed ? [-(2 ** 63), 2 ** 63 - 1024] : [0, 2 ** 64 - 2048];
  return signed ? [-(2 ** (bits - 1)), 2 ** (bits - 1) - 1] : [0, 2 ** bits - 1];
}
