/**
 * What every interpolating function shares: reading the input, its output (of the
 * result's shape), the complex case (real and imaginary parts interpolated separately,
 * each with its part of cval, as SciPy) and storing results as SciPy's interpolation
 * stores them: integers rounded half away from zero and clipped to the dtype's range.
 */
import { type DType, dtypeInfo, isComplexDtype, type NDArray } from '@sciport/array-api';
import { ShapeError } from '@sciport/dispatch-core';
import { readInput } from './filter-io.js';
import { checkInterpolationMode, checkFlag, checkSplineOrder } from './interpolation-options.js';
import type { BoundaryMode } from './modes.js';
import { checkCval } from './options.js';
import { type OutputTarget, partDtype, resolveOutput } from './output.js';
import { readPlane, writePlane } from './planes.js';

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

/** The output of an interpolation of `x` whose result has `shape`. */
export function interpolationOutput(x: NDArray, output: unknown, shape: readonly number[]): OutputTarget {
  return resolveOutput(x, output, isComplexDtype(x.dtype), shape);
}

/**
 * Interpolates each part of `x` with `run(plane, cval)` (plane: the part's values in C
 * order) and stores the results in the output; returns the output array.
 */
export function interpolateParts(x: NDArray, target: OutputTarget, cval: readonly [number, number], run: (plane: Float64Array, cval: number) => Float64Array): NDArray {
  const parts: (0 | 1)[] = isComplexDtype(x.dtype) ? [0, 1] : [0];
  const dtype = partDtype(target.dtype);
  for (const part of parts) {
    const result = run(readPlane(x, part), cval[part]);
    storeRounded(result, dtype);
    writePlane(target.array, result, part);
  }
  return target.array;
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
