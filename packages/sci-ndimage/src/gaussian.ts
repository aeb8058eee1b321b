/** gaussianFilter1d and gaussianFilter: correlation with SciPy's Gaussian kernels, axis by axis. */
import { isComplexDtype, type NDArray, readOptions } from '@sciport/array-api';
import { describe, normalizeAxis } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { readInput } from './filter-io.js';
import { gaussianKernel1d } from './gaussian-kernel.js';
import { correlateKernel } from './line-kernels.js';
import { windowExtension } from './line-pass.js';
import { checkMode, type Extension } from './modes.js';
import {
  checkAxes,
  checkCval,
  checkFinite,
  GAUSSIAN_1D_KEYS,
  GAUSSIAN_KEYS,
  type GaussianFilter1dOptions,
  type GaussianFilterOptions,
} from './options.js';
import { resolveOutput } from './output.js';
import { perAxis } from './per-axis.js';
import { type Pass, runSeparable } from './separable.js';
import { checkWindow } from './window-limit.js';

/** SciPy skips axes whose sigma is at most this. */
export const SIGMA_EPSILON = 1e-15;

export function checkSigma(value: unknown, argument: string, allowZero: boolean): number {
  const sigma = checkFinite(value, argument);
  if (sigma < 0 || (!allowZero && sigma === 0)) {
    throw new InvalidArgumentError(`'${argument}' must be ${allowZero ? 'non-negative' : 'positive'}, got ${sigma}.`, {
      argument,
      hint: allowZero ? 'Use a standard deviation ≥ 0 (0 leaves the axis unfiltered).' : 'Use a standard deviation > 0.',
    });
  }
  return sigma;
}

export function checkOrder(value: unknown, argument = 'order'): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidArgumentError(`'${argument}' must be a non-negative integer, got ${describe(value)}.`, {
      argument,
      hint: '0 smooths; 1, 2, 3 convolve with that derivative of the Gaussian.',
    });
  }
  return value;
}

export function checkRadius(value: unknown, argument = 'radius'): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidArgumentError(`'${argument}' must be a non-negative integer, got ${describe(value)}.`, {
      argument,
      hint: 'Leave it unset to use round(truncate · sigma).',
    });
  }
  return value;
}

/**
 * The weights a 1-D Gaussian filter correlates an axis of `axisLength` with (SciPy: radius =
 * ⌊truncate·σ + 0.5⌋ unless given; SciPy correlates with the reversed kernel, i.e. convolves).
 */
export function gaussianWeights(axisLength: number, sigma: number, order: number, radius: number | null, truncate: number): Float64Array {
  const lw = radius ?? Math.trunc(truncate * sigma + 0.5);
  if (lw < 0) {
    throw new InvalidArgumentError(`truncate ${truncate} gives a negative kernel radius.`, {
      argument: 'truncate',
      hint: 'Use a non-negative truncate.',
    });
  }
  const hint = 'Choose a smaller sigma, truncate or radius.';
  checkWindow([2 * lw + 1], [axisLength], radius === null ? 'sigma' : 'radius', { hint });
  // the derivative's polynomial has order + 1 coefficients
  checkWindow([order + 1], [1], 'order', { hint: 'Use a smaller derivative order.' });
  return gaussianKernel1d(sigma, order, lw).reverse();
}

/** The pass of a 1-D Gaussian filter along `axis`. */
function gaussianPass(x: NDArray, axis: number, sigma: number, order: number, radius: number | null, truncate: number, mode: Extension): Pass {
  const weights = gaussianWeights(x.shape[axis], sigma, order, radius, truncate);
  return { axis, extension: (c) => windowExtension(weights.length, 0, mode, c), kernel: correlateKernel(weights) };
}

export function gaussianFilter1dHost(input: unknown, sigma: number, options?: GaussianFilter1dOptions): NDArray {
  const o = readOptions(options, GAUSSIAN_1D_KEYS, 'gaussianFilter1d');
  const x = readInput(input);
  const axis = normalizeAxis(o.axis ?? -1, x.ndim, 'axis');
  const s = checkSigma(sigma, 'sigma', false);
  const order = checkOrder(o.order);
  const mode = checkMode(o.mode);
  const truncate = o.truncate === undefined ? 4 : checkFinite(o.truncate, 'truncate');
  const radius = checkRadius(o.radius);
  const complexInput = isComplexDtype(x.dtype);
  const cval = checkCval(o.cval, complexInput);
  const target = resolveOutput(x, o.output, complexInput);
  return runSeparable(x, target, cval, [gaussianPass(x, axis, s, order, radius, truncate, mode)]);
}

export function gaussianFilterHost(input: unknown, sigma: number | readonly number[], options?: GaussianFilterOptions): NDArray {
  const o = readOptions(options, GAUSSIAN_KEYS, 'gaussianFilter');
  const x = readInput(input);
  const axes = checkAxes(o.axes, x.ndim);
  const n = axes.length;
  const sigmas = perAxis(sigma, n, 'sigma', (v, a) => checkSigma(v, a, true));
  const orders = perAxis(o.order, n, 'order', checkOrder);
  const modes = perAxis(o.mode, n, 'mode', checkMode);
  const radii = perAxis(o.radius, n, 'radius', checkRadius);
  const truncate = o.truncate === undefined ? 4 : checkFinite(o.truncate, 'truncate');
  const complexInput = isComplexDtype(x.dtype);
  const cval = checkCval(o.cval, complexInput);
  const target = resolveOutput(x, o.output, complexInput);
  const passes: Pass[] = [];
  axes.forEach((axis, i) => {
    if (sigmas[i] > SIGMA_EPSILON) passes.push(gaussianPass(x, axis, sigmas[i], orders[i], radii[i], truncate, modes[i]));
  });
  return runSeparable(x, target, cval, passes);
}
