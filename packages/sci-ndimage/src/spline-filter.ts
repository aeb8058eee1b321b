/**
 * splineFilter1d and splineFilter: the B-spline coefficients of the input (see
 * spline-prefilter.ts), stored as SciPy stores them: by default as float64 (complex128
 * for complex input); an integer output truncates, and splineFilter stores every axis's
 * pass in the output's dtype before the next pass reads it.
 */
import { isComplexDtype, NDArray, readOptions } from '@sciport/array-api';
import { normalizeAxis } from '@sciport/array-api/kit';
import { readInput } from './filter-io.js';
import { prefilterBoundary } from './interpolation-boundary.js';
import { checkInterpolationMode, checkSplineOrder, type SplineFilter1dOptions, type SplineFilterOptions, SPLINE_FILTER_1D_KEYS, SPLINE_FILTER_KEYS } from './interpolation-options.js';
import { type InterpolationTarget, storePlane } from './interpolation-io.js';
import { partDtype, quantize, resolveOutput } from './output.js';
import { readPlane } from './planes.js';
import { prefilterAxis } from './spline-prefilter.js';

/** SciPy's default output of the spline filters: float64, promoted to complex for complex input (made once the result is known). */
function splineOutput(x: NDArray, output: unknown): InterpolationTarget {
  const complex = isComplexDtype(x.dtype);
  if ((output === undefined || output === null) && !complex) return { array: null, dtype: 'float64', shape: x.shape };
  const target = resolveOutput(x, output ?? 'complex128', complex);
  return { array: target.array, dtype: target.dtype, shape: x.shape };
}

/** Runs `passes` (each filters a plane in place) on every part of `x`, storing each pass in the output's dtype. */
function filterParts(x: NDArray, target: InterpolationTarget, passes: ((plane: Float64Array) => void)[]): NDArray {
  const dtype = partDtype(target.dtype);
  const parts: (0 | 1)[] = isComplexDtype(x.dtype) ? [0, 1] : [0];
  if (target.array === null) {
    // the default float64 output of real input: the filtered copy itself
    const plane = readPlane(x);
    for (const pass of passes) pass(plane);
    return new NDArray(plane, [...x.shape], 'float64');
  }
  const array = target.array;
  for (const part of parts) {
    const plane = readPlane(x, part);
    // no pass (orders 0 and 1, or a 0-d input): a copy, cast as NumPy's assignment casts
    if (passes.length === 0) quantize(plane, dtype);
    for (const pass of passes) {
      pass(plane);
      quantize(plane, dtype);
    }
    storePlane(array, plane, part);
  }
  return array;
}

export function splineFilter1dHost(input: unknown, rawOptions?: SplineFilter1dOptions): NDArray {
  const options = readOptions(rawOptions, SPLINE_FILTER_1D_KEYS, 'splineFilter1d');
  const x = readInput(input);
  const order = checkSplineOrder(options.order);
  const mode = checkInterpolationMode(options.mode, 'mirror');
  const axis = normalizeAxis(options.axis ?? -1, x.ndim, 'axis');
  const target = splineOutput(x, options.output);
  if (order < 2) return filterParts(x, target, []);
  return filterParts(x, target, [(plane) => prefilterAxis(plane, x.shape, axis, order, prefilterBoundary(mode))]);
}

export function splineFilterHost(input: unknown, rawOptions?: SplineFilterOptions): NDArray {
  const options = readOptions(rawOptions, SPLINE_FILTER_KEYS, 'splineFilter');
  const x = readInput(input);
  const order = checkSplineOrder(options.order, 2);
  const mode = checkInterpolationMode(options.mode, 'mirror');
  const target = splineOutput(x, options.output);
  const passes = x.shape.map((_, axis) => (plane: Float64Array) => prefilterAxis(plane, x.shape, axis, order, prefilterBoundary(mode)));
  return filterParts(x, target, passes);
}
