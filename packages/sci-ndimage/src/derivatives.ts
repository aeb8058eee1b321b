/**
 * sobel, prewitt, laplace, gaussianLaplace, gaussianGradientMagnitude: SciPy builds them
 * from correlate1d and gaussian_filter, and so do we, in the same order of passes and
 * stores, so that results match SciPy's digit for digit. genericLaplace and
 * genericGradientMagnitude take the derivative as a callback, as SciPy takes a callable.
 */
import { asarray, type DType, isComplexDtype, NDArray, readOptions } from '@sciport/array-api';
import { describe, normalizeAxis } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { readExtraArguments } from './callback-args.js';
import { correlate1dHost } from './correlate.js';
import { readInput } from './filter-io.js';
import { gaussianFilterHost } from './gaussian.js';
import { type AxisDerivative, gradientMagnitude, sumOfDerivatives } from './generic-derivatives.js';
import { type BoundaryMode, checkMode } from './modes.js';
import {
  checkAxes,
  checkCval,
  EDGE_KEYS,
  type EdgeFilterOptions,
  type Cval,
  GAUSSIAN_DERIVATIVE_KEYS,
  GENERIC_DERIVATIVE_KEYS,
  type GaussianDerivativeOptions,
  type GenericDerivativeOptions,
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
/** A mode (or one per axis) checked, keeping SciPy's name (a derivative callback sees it as given). */
function modeName(value: unknown, argument: string): BoundaryMode {
  checkMode(value, argument);
  return (value ?? 'reflect') as BoundaryMode;
}

function prepare(input: unknown, o: { output?: unknown; cval?: unknown }): { x: NDArray; target: OutputTarget; cval: Cval } {
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
  const modes = perAxis(o.mode, x.ndim, 'mode', modeName);
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
  const modes = perAxis(o.mode, axes.length, 'mode', modeName);
  const derivative2: AxisDerivative = (v, axis, output, mode) => correlate1dHost(v, SECOND_DIFFERENCE, { axis, output, mode, cval });
  return sumOfDerivatives(x, target, axes, modes, derivative2);
}

/**
 * The Gaussian derivative of `order` along one axis, smoothing every axis of `sigma`
 * (SciPy calls gaussian_filter over all axes with the order on one).
 */
function gaussianDerivative(sigma: number | readonly number[], order: number, o: GaussianDerivativeOptions, cval: Cval): AxisDerivative {
  return (v, axis, output, mode) => {
    const orders = Array.from({ length: v.ndim }, (_, d) => (d === axis ? order : 0));
    return gaussianFilterHost(v, sigma, { order: orders, output, mode, cval, truncate: o.truncate, radius: o.radius });
  };
}

export function gaussianLaplaceHost(input: unknown, sigma: number | readonly number[], options?: GaussianDerivativeOptions): NDArray {
  const o = readOptions(options, GAUSSIAN_DERIVATIVE_KEYS, 'gaussianLaplace');
  const { x, target, cval } = prepare(input, o);
  const axes = checkAxes(o.axes, x.ndim);
  const modes = perAxis(o.mode, axes.length, 'mode', modeName);
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
  const modes = perAxis(o.mode, axes.length, 'mode', modeName);
  // sigma (one, or one per input axis) smooths every axis, the filtered ones or not, as SciPy
  return gradientMagnitude(x, target, axes, modes, gaussianDerivative(sigma, 1, o, cval));
}

/**
 * A derivative along one axis, as SciPy's generic_laplace/generic_gradient_magnitude call
 * it: `derivative(input, axis, output, mode, cval, ...extraArguments)`. Given an NDArray
 * `output` it fills it; given a dtype name it returns a new array of that dtype.
 */
export type DerivativeCallback = (input: NDArray, axis: number, output: NDArray | DType, mode: BoundaryMode, cval: Cval, ...extraArguments: any[]) => unknown;

/** The user's derivative as an AxisDerivative, its result checked. */
function callbackDerivative(fn: unknown, argument: string, cval: Cval, extra: readonly unknown[]): AxisDerivative {
  if (typeof fn !== 'function') {
    throw new InvalidArgumentError(`'${argument}' must be a function, got ${describe(fn)}.`, {
      argument,
      hint: 'Pass (input, axis, output, mode, cval, ...extraArguments) => array.',
    });
  }
  return (v, axis, output, mode) => {
    const result = (fn as DerivativeCallback)(v, axis, output, mode, cval, ...extra);
    // SciPy ignores what the call into a given output returns
    if (output instanceof NDArray) return output;
    const r = asarray(result as never);
    if (r.ndim !== v.ndim || r.shape.some((n, d) => n !== v.shape[d])) {
      throw new ShapeError(`'${argument}' returned shape [${r.shape.join(', ')}] for input of shape [${v.shape.join(', ')}].`, {
        argument,
        hint: 'Return the derivative as an array of the input’s shape (of the dtype asked for).',
      });
    }
    return r;
  };
}

function genericDerivative(fn: string, input: unknown, derivative: unknown, options: GenericDerivativeOptions | undefined, magnitude: boolean): NDArray {
  const o = readOptions(options, GENERIC_DERIVATIVE_KEYS, fn);
  const { x, target, cval } = prepare(input, o);
  const axes = checkAxes(o.axes, x.ndim);
  const modes = perAxis(o.mode, axes.length, 'mode', modeName);
  const argument = magnitude ? 'derivative' : 'derivative2';
  const d = callbackDerivative(derivative, argument, cval, readExtraArguments(o.extraArguments));
  return magnitude ? gradientMagnitude(x, target, axes, modes, d) : sumOfDerivatives(x, target, axes, modes, d);
}

export function genericLaplaceHost(input: unknown, derivative2: DerivativeCallback, options?: GenericDerivativeOptions): NDArray {
  return genericDerivative('genericLaplace', input, derivative2, options, false);
}

export function genericGradientMagnitudeHost(input: unknown, derivative: DerivativeCallback, options?: GenericDerivativeOptions): NDArray {
  return genericDerivative('genericGradientMagnitude', input, derivative, options, true);
}
