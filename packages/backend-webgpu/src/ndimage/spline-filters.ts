import { readOptions } from '@sciport/array-api';
import { normalizeAxis } from '@sciport/array-api/kit';
import type { BoundaryMode, SplineFilter1dOptions, SplineFilterOptions } from '@sciport/ndimage';
import {
  checkInterpolationMode,
  checkSplineOrder,
  prefilterBoundary,
  SPLINE_FILTER_1D_KEYS,
  SPLINE_FILTER_KEYS,
} from '@sciport/ndimage/backend-kit';
import { release } from '../fft/functions.js';
import type { GPUArray } from '../gpu-array.js';
import { fromCoefficients, toCoefficients } from '../kernels/spline-coefficients.js';
import { prefilterAxisGPU } from '../kernels/spline-prefilter.js';
import { copyAs } from '../namespace/convert.js';
import { filterInput, requireReal } from './filters.js';
import { checkGpuOutput } from './output.js';

/**
 * splineFilter1d and splineFilter on float32 GPU arrays: the B-spline prefilter (see
 * kernels/spline-prefilter.ts) on double-float32 coefficients, one invocation per line,
 * rounded to float32 at the end. SciPy's default output is float64, which WGSL does not
 * have: the GPU returns float32 (the coefficients rounded once from double-float32), and an
 * explicit 'float32' output rounds every axis's pass as SciPy stores it; other output dtypes
 * are declined.
 */

/** The input's coefficients along `axes` in turn, as a new float32 array. */
function prefilterAxes(x: GPUArray, axes: readonly number[], order: number, mode: BoundaryMode, roundPasses: boolean): GPUArray {
  try {
    if (order < 2 || axes.length === 0) return copyAs(x, 'float32');
    const coef = toCoefficients(x, x.shape.map(() => 0), false, 0);
    try {
      for (const axis of axes) prefilterAxisGPU(coef, coef.shape, axis, order, prefilterBoundary(mode), roundPasses);
      return fromCoefficients(coef);
    } finally {
      coef.dispose();
    }
  } finally {
    release(x);
  }
}

export function splineFilter1dGPU(input: unknown, options?: SplineFilter1dOptions): GPUArray {
  const o = readOptions(options, SPLINE_FILTER_1D_KEYS, 'splineFilter1d');
  const x = filterInput(input);
  const order = checkSplineOrder(o.order);
  const mode = checkInterpolationMode(o.mode, 'mirror');
  const axis = normalizeAxis(o.axis ?? -1, x.ndim, 'axis');
  checkGpuOutput(o.output, x.shape);
  requireReal(x);
  return prefilterAxes(x, [axis], order, mode, false);
}

export function splineFilterGPU(input: unknown, options?: SplineFilterOptions): GPUArray {
  const o = readOptions(options, SPLINE_FILTER_KEYS, 'splineFilter');
  const x = filterInput(input);
  const order = checkSplineOrder(o.order, 2);
  const mode = checkInterpolationMode(o.mode, 'mirror');
  checkGpuOutput(o.output, x.shape);
  requireReal(x);
  return prefilterAxes(
    x,
    x.shape.map((_, d) => d),
    order,
    mode,
    o.output === 'float32',
  );
}
