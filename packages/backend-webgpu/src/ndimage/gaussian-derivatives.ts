import { readOptions } from '@sciport/array-api';
import type { GaussianDerivativeOptions } from '@sciport/ndimage';
import { checkAxes, checkMode, GAUSSIAN_DERIVATIVE_KEYS, perAxis } from '@sciport/ndimage/backend-kit';
import { release } from '../fft/functions.js';
import type { GPUArray } from '../gpu-array.js';
import { binarySpec, unarySpec } from '../kernels/elementwise-ops.js';
import { type MapSpec, runMap } from '../kernels/map.js';
import { cvalFor, filterInput, gaussianFilterGPU, isComplexInput, requireReal, runPasses } from './filters.js';
import { checkGpuOutput } from './output.js';

/**
 * gaussianLaplace and gaussianGradientMagnitude on float32 GPU arrays, as SciPy composes them
 * (generic_laplace, generic_gradient_magnitude): a Gaussian derivative along each filtered axis
 * (gaussianFilter over every axis, the order on that one), each stored as float32, then
 * added (or squared, added and square-rooted) in float32 as NumPy does into a float32 output.
 * Every step runs on the device.
 */

type Derivative = (axis: number, mode: unknown) => GPUArray;

/** The checks every Gaussian derivative filter makes, in the host's order; x and the derivative along one axis. */
function prepare(fn: string, input: unknown, sigma: unknown, options: GaussianDerivativeOptions | undefined, order: number, sigmaPerFilteredAxis: boolean) {
  const o = readOptions(options, GAUSSIAN_DERIVATIVE_KEYS, fn);
  const x = filterInput(input);
  const cval = cvalFor(o.cval, x);
  checkGpuOutput(o.output, x.shape, isComplexInput(x));
  requireReal(x);
  const axes = checkAxes(o.axes, x.ndim);
  // keep SciPy's mode names: each derivative checks them again as gaussianFilter does
  const modes = perAxis(o.mode, axes.length, 'mode', (v, a) => {
    checkMode(v, a);
    return v;
  });
  let sigmas = sigma as number | readonly number[];
  if (sigmaPerFilteredAxis) {
    // gaussianLaplace: sigma pairs with `axes`; the other axes get sigma 0 (not smoothed), as SciPy
    const given = perAxis(sigma, axes.length, 'sigma', (v) => v as number);
    const full = new Array<number>(x.ndim).fill(0);
    axes.forEach((axis, i) => {
      full[axis] = given[i];
    });
    sigmas = full;
  }
  // a plain view, so the Gaussian passes never dispose a transient input between axes
  const source = x.view(x.shape, x.stride, x.offset);
  const derivative: Derivative = (axis, mode) =>
    gaussianFilterGPU(source, sigmas, {
      order: Array.from({ length: x.ndim }, (_, d) => (d === axis ? order : 0)),
      mode: mode as never,
      cval,
      truncate: o.truncate,
      radius: o.radius,
    });
  const done = () => {
    source.dispose();
    release(x);
  };
  return { x, axes, modes, derivative, done };
}

/** a op b in float32 (both disposed). */
function combine(spec: MapSpec, a: GPUArray, b: GPUArray): GPUArray {
  const out = runMap(spec, [a, b], a.shape);
  a.dispose();
  b.dispose();
  return out;
}

function apply(spec: MapSpec, a: GPUArray): GPUArray {
  const out = runMap(spec, [a], a.shape);
  a.dispose();
  return out;
}

export function gaussianLaplaceGPU(input: unknown, sigma: number | readonly number[], options?: GaussianDerivativeOptions): GPUArray {
  const { x, axes, modes, derivative, done } = prepare('gaussianLaplace', input, sigma, options, 2, true);
  try {
    if (axes.length === 0) return runPasses(x, [], 0, true);
    const add = binarySpec('add', 'float32', 'float32');
    let sum = derivative(axes[0], modes[0]);
    for (let i = 1; i < axes.length; i++) sum = combine(add, sum, derivative(axes[i], modes[i]));
    return sum;
  } finally {
    done();
  }
}

export function gaussianGradientMagnitudeGPU(input: unknown, sigma: number | readonly number[], options?: GaussianDerivativeOptions): GPUArray {
  // sigma (one, or one per input axis) smooths every axis, the filtered ones or not, as SciPy
  const { x, axes, modes, derivative, done } = prepare('gaussianGradientMagnitude', input, sigma, options, 1, false);
  try {
    if (axes.length === 0) return runPasses(x, [], 0, true);
    const add = binarySpec('add', 'float32', 'float32');
    const square = unarySpec('square', 'float32');
    let sum = apply(square, derivative(axes[0], modes[0]));
    for (let i = 1; i < axes.length; i++) sum = combine(add, sum, apply(square, derivative(axes[i], modes[i])));
    return apply(unarySpec('sqrt', 'float32'), sum);
  } finally {
    done();
  }
}
