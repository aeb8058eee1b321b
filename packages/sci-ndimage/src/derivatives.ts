/**
 * sobel, prewitt, laplace, gaussianLaplace, gaussianGradientMagnitude: SciPy builds them
 * from correlate1d and gaussian_filter, and so do we, in the same order of passes and
 * stores, so that results match SciPy's digit for digit.
 */
import { isComplexDtype, type NDArray, readOptions } from '@sciport/array-api';
import { normalizeAxis } from '@sciport/array-api/kit';
import { correlate1dHost } from './correlate.js';
import { readInput } from './filter-io.js';
import { gaussianFilterHost } from './gaussian.js';
import { type AxisDerivative, gradientMagnitude, sumOfDerivatives } from './generic-derivatives.js';
import { checkMode } from './modes.js';
import {
  checkAxes,
  checkCval,
  EDGE_KEYS,
  type EdgeFilterOptions,
  GAUSSIAN_DERIVATIVE_KEYS,
  type GaussianDerivativeOptions,
  LAPLACE_KEYS,
  type LaplaceOptions,
} from './options.js';
import { type OutputTarget, resolveOutput } from './output.js';
import { perAxis } from './per-axis.js';

const DIFFERENCE = [-1, 0, 1];
const SOBEL_SMOOTHING = [1, 2, 1];
const PREWITT_SMOOTHING = [1, 1, 1];
const SECOND_DIFFERENCE = [1, -2, 1];

/** The input, its output and its fill value, checked as every derivative filter checks them. */
function prepare(input: unknown, o: { output?: unknown; cval?: unknown }): { x: NDArray; target: OutputTarget; cval: number | readonly [number, number] } {
  const x = readInput(input);
  const complexInput = isComplexDtype(x.dtype);
  const [re, im] = checkCval(o.cval, complexInput);
  const target = resolveOutput(x, o.output, complexInput);
  return { x, target, cval: complexInput ? [re, im] : re };
}

/** SciPy's sobel/prewitt: the difference along `axis`, then the smoothing along every other axis, in place. */
function edgeFilter(fn: string, smoothing: readonly number[], input: unknown, options: EdgeFilterOptions | undefined): NDArray {
  const o = readOptions(options, EDGE_KEYS, fn);
  const { x, target, cval } = prepare(input, o);
  const axis = normalizeAxis(o.axis ?? -1, x.ndim, 'axis');
  const modes = perAxis(o.mode, x.ndim, 'mode', checkMode);
  correlate1dHost(x, DIFFERENCE, { axis, output: target.array, mode: modes[axis], cval });
  for (let d = 0; d < x.ndim; d++) {
    if (d !== axis) correlate1dHost(target.array, smoothing, { axis: d, output: target.array, mode: modes[d], cval });
  }
  return target.array;
}

export function sobelHost(input: unknown, options?: EdgeFilterOptions): NDArray {
  return edgeFilter('sobel', SOBEL_SMOOTHING, input, options);
}

export function prewittHost(input: unknown, options?: EdgeFilterOptions): NDArray {
  return edgeFilter('prewitt', PREWITT_SMOOTHING, input, options);
}

export function laplaceHost(input: unknown, options?: LaplaceOptions): NDArray {
  const o = readOptions(options, LAPLACE_KEYS, 'laplace');
  const { x, target, cval } = prepare(input, o);
  const axes = checkAxes(o.axes, x.ndim);
  const modes = perAxis(o.mode, axes.length, 'mode', checkMode);
  const derivative2: AxisDerivative = (v, axis, output, mode) => correlate1dHost(v, SECOND_DIFFERENCE, { axis, output, mode, cval });
  return sumOfDerivatives(x, target, axes, modes, derivative2);
}

/**
 * The Gaussian derivative of `order` along one axis, smoothing every axis of `sigma`
 * (SciPy calls gaussian_filter over all axes with the order on one).
 */
function gaussianDerivative(sigma: number | readonly number[], order: number, o: GaussianDerivativeOptions, cval: number | readonly [number, number]): AxisDerivative {
  return (v, axis, output, mode) => {
    const orders = Array.from({ length: v.ndim }, (_, d) => (d === axis ? order : 0));
    return gaussianFilterHost(v, sigma, { order: orders, output, mode, cval, truncate: o.truncate, radius: o.radius });
  };
}

export function gaussianLaplaceHost(input: unknown, sigma: number | readonly number[], options?: GaussianDerivativeOptions): NDArray {
  const o = readOptions(options, GAUSSIAN_DERIVATIVE_KEYS, 'gaussianLaplace');
  const { x, target, cval } = prepare(input, o);
  const axes = checkAxes(o.axes, x.ndim);
  const modes = perAxis(o.mode, axes.length, 'mode', checkMode);
  // sigma pairs with `axes`; the other axes get sigma 0 (not smoothed), as SciPy
  const given = perAxis(sigma, axes.length, 'sigma', (v) => v as number);
  const sigmas = new Array<number>(x.ndim).fill(0);
  axes.forEach((axis, i) => {
    sigmas[axis] = given[i];
  });
  return sumOfDerivatives(x, target, axes, modes, gaussianDerivative(sigmas, 2, o, cval));
}

export function gaussianGradientMagnitudeHost(input: unknown, sigma: number | readonly number[], options?: GaussianDerivativeOptions): NDArray {
  const o = readOptions(options, GAUSSIAN_DERIVATIVE_KEYS, 'gaussianGradientMagnitude');
  const { x, target, cval } = prepare(input, o);
  const axes = checkAxes(o.axes, x.ndim);
  const modes = perAxis(o.mode, axes.length, 'mode', checkMode);
  // sigma (one, or one per input axis) smooths every axis, the filtered ones or not, as SciPy
  return gradientMagnitude(x, target, axes, modes, gaussianDerivative(sigma, 1, o, cval));
}
