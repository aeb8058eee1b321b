import { readOptions } from '@sciport/array-api';
import { normalizeAxis } from '@sciport/array-api/kit';
import { DtypeError, NotSupportedError } from '@sciport/dispatch-core';
import {
  checkAxes,
  checkCval,
  checkFinite,
  checkMode,
  checkOrder,
  checkOriginRange,
  checkOriginValue,
  checkRadius,
  checkSigma,
  checkSize,
  checkWindow,
  type Extension,
  FILTER_1D_KEYS,
  GAUSSIAN_1D_KEYS,
  GAUSSIAN_KEYS,
  gaussianWeights,
  perAxis,
  readWeights,
  SIGMA_EPSILON,
  UNIFORM_KEYS,
  windowExtension,
} from '@sciport/ndimage/backend-kit';
import type { Filter1dOptions, GaussianFilter1dOptions, GaussianFilterOptions, UniformFilterOptions } from '@sciport/ndimage';
import type { GPUArray } from '../gpu-array.js';
import { type Correlate1dPass, correlate1dPass } from '../kernels/correlate1d.js';
import { release } from '../fft/functions.js';
import { type MapSpec, runMap } from '../kernels/map.js';
import { copyAs } from '../namespace/convert.js';
import { checkArray } from '../namespace/core.js';
import { checkGpuOutput } from './output.js';

/**
 * The linear ndimage filters on float32 GPU arrays, as successive 1-D correlation passes
 * on the device (no host round trip). Options are checked by @sciport/ndimage's own
 * checks, so bad input meets the host's errors; results are new float32 GPUArrays.
 */

export type Pass = Omit<Correlate1dPass, 'cval'>;

/**
 * x as a GPU array whose options the filters check: float32, or complex64, which is refused
 * by requireReal after the option checks (so bad options meet the host's errors first).
 */
export function filterInput(x0: unknown): GPUArray {
  const x = checkArray(x0, 'input');
  if (x.dtype !== 'float32' && x.dtype !== 'complex64') {
    throw new DtypeError(`The WebGPU ndimage filters take float32 GPU arrays, got ${x.dtype}.`, {
      argument: 'input',
      hint: "Convert with astype(x, 'float32') (the result is then float32), or filter on the host: await x.toHost().",
    });
  }
  return x;
}

export function isComplexInput(x: GPUArray): boolean {
  return x.dtype === 'complex64';
}

/** Refuses complex input, which the GPU filters do not take yet. */
export function requireReal(x: GPUArray): void {
  if (isComplexInput(x)) {
    throw new NotSupportedError('The WebGPU ndimage filters take real (float32) input, not complex64.', {
      argument: 'input',
      hint: 'Filter the real and imaginary parts separately (real(x), imag(x)), or filter on the host: await x.toHost().',
    });
  }
}

/** cval, checked as the host checks it for x (a complex cval needs complex input). */
export function cvalFor(value: unknown, x: GPUArray): number {
  return checkCval(value, isComplexInput(x))[0];
}

/** Run the passes in order on a contiguous copy of x, disposing every intermediate (and a transient x). */
export function runPasses(x: GPUArray, passes: readonly Pass[], cval: number, keepInput = false): GPUArray {
  try {
    return passesOn(x, passes, cval);
  } finally {
    if (!keepInput) release(x);
  }
}

const COMPLEX_FROM_PARTS: MapSpec = {
  op: 'complexFromParts',
  compute: ['float32', 'float32'],
  result: 'complex64',
  expr: ([re, im]) => `vec2<f32>(${re}, ${im})`,
};

/** re + i·im as one complex64 array (both parts are disposed). */
export function complexFromParts(re: GPUArray, im: GPUArray): GPUArray {
  const out = runMap(COMPLEX_FROM_PARTS, [re, im], re.shape);
  re.dispose();
  im.dispose();
  return out;
}

function passesOn(x: GPUArray, passes: readonly Pass[], cval: number): GPUArray {
  let cur = x.isContiguous ? x.view(x.shape, x.stride, x.offset) : copyAs(x, 'float32');
  if (passes.length === 0) {
    const out = copyAs(cur, 'float32');
    cur.dispose();
    return out;
  }
  for (const p of passes) {
    const next = correlate1dPass(cur, { ...p, cval });
    cur.dispose();
    cur = next;
  }
  return cur;
}

/** The pass of a window of `length` taps at `origin` (SciPy's centring: ⌊length/2⌋ + origin before it). */
export function windowPass(axis: number, weights: ArrayLike<number>, origin: number, mode: Extension): Pass {
  return { axis, weights, before: windowExtension(weights.length, origin, mode, 0).before, mode };
}

function filter1d(input: unknown, weights: unknown, options: Filter1dOptions | undefined, convolve: boolean): GPUArray {
  const fn = convolve ? 'convolve1d' : 'correlate1d';
  const o = readOptions(options, FILTER_1D_KEYS, fn);
  const x = filterInput(input);
  const w = readWeights(weights, 1);
  const axis = normalizeAxis(o.axis ?? -1, x.ndim, 'axis');
  const mode = checkMode(o.mode);
  const length = w.re.length;
  let origin = checkOriginValue(o.origin);
  // convolution is correlation with reversed weights and the mirrored origin
  if (convolve) origin = length % 2 === 0 ? -origin - 1 : -origin;
  checkOriginRange(origin, length);
  checkWindow([length], [x.shape[axis]], 'weights');
  const cval = cvalFor(o.cval, x);
  checkGpuOutput(o.output, x.shape, isComplexInput(x) || w.im !== null);
  requireReal(x);
  // correlation conjugates complex weights; convolution reverses them
  const orient = (v: Float64Array) => (convolve ? v.slice().reverse() : v);
  const re = runPasses(x, [windowPass(axis, orient(w.re), origin, mode)], cval, w.im !== null);
  if (w.im === null) return re;
  const im = runPasses(x, [windowPass(axis, orient(convolve ? w.im : w.im.map((v) => -v)), origin, mode)], 0);
  return complexFromParts(re, im);
}

export function correlate1dGPU(input: unknown, weights: unknown, options?: Filter1dOptions): GPUArray {
  return filter1d(input, weights, options, false);
}

export function convolve1dGPU(input: unknown, weights: unknown, options?: Filter1dOptions): GPUArray {
  return filter1d(input, weights, options, true);
}

/** The uniform filter's pass: a box of 1/size (carried to float64 precision by the kernel). */
function uniformPass(axis: number, size: number, origin: number, mode: Extension): Pass {
  return windowPass(axis, new Float64Array(size).fill(1 / size), origin, mode);
}

export function uniformFilter1dGPU(input: unknown, size: number, options?: Filter1dOptions): GPUArray {
  const o = readOptions(options, FILTER_1D_KEYS, 'uniformFilter1d');
  const x = filterInput(input);
  const axis = normalizeAxis(o.axis ?? -1, x.ndim, 'axis');
  const n = checkSize(size);
  const mode = checkMode(o.mode);
  const origin = checkOriginValue(o.origin);
  checkOriginRange(origin, n);
  checkWindow([n], [x.shape[axis]], 'size');
  const cval = cvalFor(o.cval, x);
  checkGpuOutput(o.output, x.shape, isComplexInput(x));
  requireReal(x);
  return runPasses(x, [uniformPass(axis, n, origin, mode)], cval);
}

export function uniformFilterGPU(input: unknown, options?: UniformFilterOptions): GPUArray {
  const o = readOptions(options, UNIFORM_KEYS, 'uniformFilter');
  const x = filterInput(input);
  const axes = checkAxes(o.axes, x.ndim);
  const sizes = perAxis(o.size ?? 3, axes.length, 'size', checkSize);
  const modes = perAxis(o.mode, axes.length, 'mode', checkMode);
  const origins = perAxis(o.origin, axes.length, 'origin', checkOriginValue);
  checkWindow(
    sizes,
    axes.map((a) => x.shape[a]),
    'size',
  );
  const cval = cvalFor(o.cval, x);
  checkGpuOutput(o.output, x.shape, isComplexInput(x));
  requireReal(x);
  const passes: Pass[] = [];
  axes.forEach((axis, i) => {
    if (sizes[i] <= 1) return; // SciPy leaves size-1 axes unfiltered
    checkOriginRange(origins[i], sizes[i]);
    passes.push(uniformPass(axis, sizes[i], origins[i], modes[i]));
  });
  return runPasses(x, passes, cval);
}

function checkTruncate(value: unknown): number {
  return value === undefined ? 4 : checkFinite(value, 'truncate');
}

export function gaussianFilter1dGPU(input: unknown, sigma: number, options?: GaussianFilter1dOptions): GPUArray {
  const o = readOptions(options, GAUSSIAN_1D_KEYS, 'gaussianFilter1d');
  const x = filterInput(input);
  const axis = normalizeAxis(o.axis ?? -1, x.ndim, 'axis');
  const s = checkSigma(sigma, 'sigma', false);
  const order = checkOrder(o.order);
  const mode = checkMode(o.mode);
  const truncate = checkTruncate(o.truncate);
  const radius = checkRadius(o.radius);
  const cval = cvalFor(o.cval, x);
  checkGpuOutput(o.output, x.shape, isComplexInput(x));
  requireReal(x);
  const weights = gaussianWeights(x.shape[axis], s, order, radius, truncate);
  return runPasses(x, [windowPass(axis, weights, 0, mode)], cval);
}

export function gaussianFilterGPU(input: unknown, sigma: number | readonly number[], options?: GaussianFilterOptions): GPUArray {
  const o = readOptions(options, GAUSSIAN_KEYS, 'gaussianFilter');
  const x = filterInput(input);
  const axes = checkAxes(o.axes, x.ndim);
  const n = axes.length;
  const sigmas = perAxis(sigma, n, 'sigma', (v, a) => checkSigma(v, a, true));
  const orders = perAxis(o.order, n, 'order', checkOrder);
  const modes = perAxis(o.mode, n, 'mode', checkMode);
  const radii = perAxis(o.radius, n, 'radius', checkRadius);
  const truncate = checkTruncate(o.truncate);
  const cval = cvalFor(o.cval, x);
  checkGpuOutput(o.output, x.shape, isComplexInput(x));
  requireReal(x);
  const passes: Pass[] = [];
  axes.forEach((axis, i) => {
    if (sigmas[i] <= SIGMA_EPSILON) return; // SciPy skips axes with (near) zero sigma
    passes.push(windowPass(axis, gaussianWeights(x.shape[axis], sigmas[i], orders[i], radii[i], truncate), 0, modes[i]));
  });
  return runPasses(x, passes, cval);
}

