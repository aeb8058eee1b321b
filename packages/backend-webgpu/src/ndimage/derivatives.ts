import { readOptions } from '@sciport/array-api';
import { normalizeAxis } from '@sciport/array-api/kit';
import type { EdgeFilterOptions, LaplaceOptions } from '@sciport/ndimage';
import { checkAxes, checkMode, EDGE_KEYS, LAPLACE_KEYS, perAxis } from '@sciport/ndimage/backend-kit';
import { release } from '../fft/functions.js';
import type { GPUArray } from '../gpu-array.js';
import { binarySpec } from '../kernels/elementwise-ops.js';
import { runMap } from '../kernels/map.js';
import { cvalFor, filterInput, isComplexInput, requireReal, runPasses, windowPass } from './filters.js';
import { checkGpuOutput } from './output.js';

/**
 * sobel, prewitt and laplace on float32 GPU arrays, built from 1-D correlation passes in
 * SciPy's order, each pass stored as float32 as SciPy stores into a float32 output, so the
 * results match SciPy's float32 results.
 */

const DIFFERENCE = [-1, 0, 1];
const SOBEL_SMOOTHING = [1, 2, 1];
const PREWITT_SMOOTHING = [1, 1, 1];
const SECOND_DIFFERENCE = [1, -2, 1];

/** SciPy's sobel/prewitt: the difference along `axis`, then the smoothing along every other axis. */
function edgeFilter(fn: string, smoothing: readonly number[], input: unknown, options: EdgeFilterOptions | undefined): GPUArray {
  const o = readOptions(options, EDGE_KEYS, fn);
  const x = filterInput(input);
  const cval = cvalFor(o.cval, x);
  checkGpuOutput(o.output, x.shape, isComplexInput(x));
  requireReal(x);
  const axis = normalizeAxis(o.axis ?? -1, x.ndim, 'axis');
  const modes = perAxis(o.mode, x.ndim, 'mode', checkMode);
  const passes = [windowPass(axis, DIFFERENCE, 0, modes[axis])];
  for (let d = 0; d < x.ndim; d++) if (d !== axis) passes.push(windowPass(d, smoothing, 0, modes[d]));
  return runPasses(x, passes, cval);
}

export function sobelGPU(input: unknown, options?: EdgeFilterOptions): GPUArray {
  return edgeFilter('sobel', SOBEL_SMOOTHING, input, options);
}

export function prewittGPU(input: unknown, options?: EdgeFilterOptions): GPUArray {
  return edgeFilter('prewitt', PREWITT_SMOOTHING, input, options);
}

/** SciPy's laplace: the second differences along `axes`, summed in float32 in axis order. */
export function laplaceGPU(input: unknown, options?: LaplaceOptions): GPUArray {
  const o = readOptions(options, LAPLACE_KEYS, 'laplace');
  const x = filterInput(input);
  const cval = cvalFor(o.cval, x);
  checkGpuOutput(o.output, x.shape, isComplexInput(x));
  requireReal(x);
  const axes = checkAxes(o.axes, x.ndim);
  const modes = perAxis(o.mode, axes.length, 'mode', checkMode);
  if (axes.length === 0) return runPasses(x, [], cval);
  const add = binarySpec('add', 'float32', 'float32');
  let sum = runPasses(x, [windowPass(axes[0], SECOND_DIFFERENCE, 0, modes[0])], cval, true);
  for (let i = 1; i < axes.length; i++) {
    const term = runPasses(x, [windowPass(axes[i], SECOND_DIFFERENCE, 0, modes[i])], cval, true);
    const next = runMap(add, [sum, term], x.shape);
    sum.dispose();
    term.dispose();
    sum = next;
  }
  release(x);
  return sum;
}
