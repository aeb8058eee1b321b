import { readOptions } from '@sciport/array-api';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import type { CorrelateOptions } from '@sciport/ndimage';
import {
  CORRELATE_KEYS,
  checkAxes,
  checkMode,
  checkOriginRange,
  checkOriginValue,
  checkWindow,
  type Extension,
  fullRankWindow,
  perAxis,
  readWeights,
  windowExtension,
} from '@sciport/ndimage/backend-kit';
import { release } from '../fft/functions.js';
import type { GPUArray } from '../gpu-array.js';
import { correlateNd } from '../kernels/correlate-nd.js';
import { copyAs } from '../namespace/convert.js';
import { complexFromParts, cvalFor, filterInput, isComplexInput, requireReal } from './filters.js';
import { checkGpuOutput } from './output.js';

/**
 * correlate and convolve (n-D, dense weights) on float32 GPU arrays: one pass over the
 * window's nonzero weights, as the host. Convolution is correlation with the weights
 * reversed on every axis and the origins mirrored; correlation conjugates complex weights.
 */

/** Weights whose magnitude is at most this are left out of the window (SciPy's DBL_EPSILON rule). */
const DBL_EPSILON = 2.220446049250313e-16;

/** The taps of a window of `shape` (C order) with their offsets from the output element. */
function taps(w: Float64Array, shape: readonly number[], before: readonly number[]): { offsets: number[][]; weights: number[] } {
  const offsets: number[][] = [];
  const weights: number[] = [];
  for (let k = 0; k < w.length; k++) {
    if (Math.abs(w[k]) <= DBL_EPSILON) continue;
    const offset = new Array<number>(shape.length);
    let rem = k;
    for (let d = shape.length - 1; d >= 0; d--) {
      offset[d] = (rem % shape[d]) - before[d];
      rem = Math.floor(rem / shape[d]);
    }
    offsets.push(offset);
    weights.push(w[k]);
  }
  return { offsets, weights };
}

function filterNd(input: unknown, weights: unknown, options: CorrelateOptions | undefined, convolve: boolean): GPUArray {
  const fn = convolve ? 'convolve' : 'correlate';
  const o = readOptions(options, CORRELATE_KEYS, fn);
  const x = filterInput(input);
  const axes = checkAxes(o.axes, x.ndim);
  const w = readWeights(weights, axes.length);
  if (Array.isArray(o.mode)) {
    throw new InvalidArgumentError(`${fn} takes one mode for every axis, not a sequence.`, {
      argument: 'mode',
      hint: 'Pass one mode name (use correlate1d/convolve1d per axis for different modes).',
    });
  }
  const mode: Extension = checkMode(o.mode);
  const given = perAxis(o.origin, axes.length, 'origin', checkOriginValue);
  const { shape, origins } = fullRankWindow(x.ndim, axes, w.shape, given);
  if (convolve) for (let d = 0; d < origins.length; d++) origins[d] = shape[d] % 2 === 0 ? -origins[d] - 1 : -origins[d];
  for (let d = 0; d < origins.length; d++) checkOriginRange(origins[d], shape[d]);
  checkWindow(shape, x.shape, 'weights', { dense: true });
  const cval = cvalFor(o.cval, x);
  checkGpuOutput(o.output, x.shape, isComplexInput(x) || w.im !== null);
  requireReal(x);
  const before = shape.map((s, d) => windowExtension(s, origins[d], mode, 0).before);
  // reversing the flat C-order weights reverses them along every axis
  const orient = (v: Float64Array) => (convolve ? v.slice().reverse() : v);
  const src = x.isContiguous ? x.view(x.shape, x.stride, x.offset) : copyAs(x, 'float32');
  try {
    const re = correlateNd(src, { ...taps(orient(w.re), shape, before), mode, cval });
    if (w.im === null) return re;
    const im = correlateNd(src, { ...taps(orient(convolve ? w.im : w.im.map((v) => -v)), shape, before), mode, cval: 0 });
    return complexFromParts(re, im);
  } finally {
    src.dispose();
    release(x);
  }
}

export function correlateGPU(input: unknown, weights: unknown, options?: CorrelateOptions): GPUArray {
  return filterNd(input, weights, options, false);
}

export function convolveGPU(input: unknown, weights: unknown, options?: CorrelateOptions): GPUArray {
  return filterNd(input, weights, options, true);
}
