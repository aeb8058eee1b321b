/**
 * correlate1d, convolve1d, correlate, convolve. Convolution is correlation with the
 * weights reversed and the origin mirrored (−origin, one less along even-length axes),
 * as SciPy defines it; complex weights are conjugated by correlation only.
 */
import { isComplexDtype, type NDArray, readOptions } from '@sciport/array-api';
import { normalizeAxis } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { finishComplex, finishReal, readInput, readWeights, type WeightPlanes } from './filter-io.js';
import { footprintOffsets, forEachRow, fullRankWindow, padPlane } from './footprint-pass.js';
import { correlateKernel } from './line-kernels.js';
import { linePass, windowExtension } from './line-pass.js';
import { checkMode } from './modes.js';
import {
  CORRELATE_KEYS,
  type CorrelateOptions,
  checkAxes,
  checkCval,
  checkOriginRange,
  checkOriginValue,
  FILTER_1D_KEYS,
  type Filter1dOptions,
} from './options.js';
import { resolveOutput } from './output.js';
import { perAxis } from './per-axis.js';
import { float64Storage, readPlane } from './planes.js';
import { runSeparable } from './separable.js';
import { filterParts } from './real-parts.js';
import { correlateInWasm } from './wasm/correlate-nd.js';
import { checkWindow } from './window-limit.js';

/** Weights whose magnitude is at most this are left out of an n-D footprint (SciPy's DBL_EPSILON rule). */
const DBL_EPSILON = 2.220446049250313e-16;

/** Reverses `w` along every axis of `shape` (C order: reversing the flat array does it). */
function reversed(w: Float64Array): Float64Array {
  return w.slice().reverse();
}

function negated(w: Float64Array): Float64Array {
  return w.map((v) => -v);
}

/** The weights as correlation uses them: reversed for convolution, conjugated for correlation. */
function orientWeights(w: WeightPlanes, convolve: boolean): { re: Float64Array; im: Float64Array | null } {
  if (convolve) return { re: reversed(w.re), im: w.im && reversed(w.im) };
  return { re: w.re, im: w.im && negated(w.im) };
}

/** Convolution's origin along an axis of `length` weights. */
function mirroredOrigin(origin: number, length: number): number {
  return length % 2 === 0 ? -origin - 1 : -origin;
}

function filter1d(input: unknown, weights: unknown, options: Filter1dOptions | undefined, convolve: boolean): NDArray {
  const fn = convolve ? 'convolve1d' : 'correlate1d';
  const o = readOptions(options, FILTER_1D_KEYS, fn);
  const x = readInput(input);
  const w = readWeights(weights, 1);
  const axis = normalizeAxis(o.axis ?? -1, x.ndim, 'axis');
  const mode = checkMode(o.mode);
  const length = w.re.length;
  let origin = checkOriginValue(o.origin);
  if (convolve) origin = mirroredOrigin(origin, length);
  checkOriginRange(origin, length);
  checkWindow([length], [x.shape[axis]], 'weights');
  const complexInput = isComplexDtype(x.dtype);
  const cval = checkCval(o.cval, complexInput);
  const target = resolveOutput(x, o.output, complexInput || w.im !== null);
  const { re, im } = orientWeights(w, convolve);
  if (im === null) {
    // real weights: one separable pass (in place, in the output's storage where it can)
    const kernel = correlateKernel(re);
    return runSeparable(x, target, cval, [{ axis, extension: (c) => windowExtension(length, origin, mode, c), kernel }]);
  }
  // complex weights (the output is complex): real filters of the parts with each part of the weights
  const run = (plane: Float64Array, wt: Float64Array | null, c: number): Float64Array =>
    linePass(plane, x.shape, axis, windowExtension(length, origin, mode, c), correlateKernel(wt!));
  return finishComplex(target, filterParts(x, re, im, cval, target.dtype, run));
}

function filterNd(input: unknown, weights: unknown, options: CorrelateOptions | undefined, convolve: boolean): NDArray {
  const fn = convolve ? 'convolve' : 'correlate';
  const o = readOptions(options, CORRELATE_KEYS, fn);
  const x = readInput(input);
  const axes = checkAxes(o.axes, x.ndim);
  const w = readWeights(weights, axes.length);
  if (Array.isArray(o.mode)) {
    throw new InvalidArgumentError(`${fn} takes one mode for every axis, not a sequence.`, {
      argument: 'mode',
      hint: 'Pass one mode name (use correlate1d/convolve1d per axis for different modes).',
    });
  }
  const mode = checkMode(o.mode);
  const given = perAxis(o.origin, axes.length, 'origin', checkOriginValue);
  const { shape: wshape, origins } = fullRankWindow(x.ndim, axes, w.shape, given);
  if (convolve) for (let d = 0; d < origins.length; d++) origins[d] = mirroredOrigin(origins[d], wshape[d]);
  for (let d = 0; d < origins.length; d++) checkOriginRange(origins[d], wshape[d]);
  checkWindow(wshape, x.shape, 'weights', { dense: true });
  const complexInput = isComplexDtype(x.dtype);
  const cval = checkCval(o.cval, complexInput);
  const target = resolveOutput(x, o.output, complexInput || w.im !== null);
  const { re, im } = orientWeights(w, convolve);
  const run = (plane: Float64Array, wt: Float64Array | null, c: number): Float64Array => correlatePlane(plane, x.shape, wt!, wshape, origins, mode, c);
  if (target.dtype === 'complex64' || target.dtype === 'complex128') {
    return finishComplex(target, filterParts(x, re, im, cval, target.dtype, run));
  }
  const inWasm = correlateInWasm(x, target, re, wshape, origins, mode, cval[0]);
  if (inWasm !== null) return inWasm;
  // float64 storage is read (the input is only read, into the padded copy) and written in
  // place (the output is written after the padding is complete, so it may be the input)
  const direct = float64Storage(target.array);
  const result = correlatePlane(float64Storage(x) ?? readPlane(x), x.shape, re, wshape, origins, mode, cval[0], direct ?? undefined);
  return direct ? target.array : finishReal(target, result);
}

/**
 * n-D correlation of a plane with weights of `wshape` (one entry per input axis). Each
 * output sums its weights' terms in C order from 0, as SciPy; four neighbouring outputs
 * along a row are summed side by side (independent chains of additions keep the
 * floating-point pipeline busy; each output's order is unchanged).
 */
function correlatePlane(
  plane: Float64Array,
  shape: readonly number[],
  w: Float64Array,
  wshape: readonly number[],
  origins: readonly number[],
  mode: ReturnType<typeof checkMode>,
  cval: number,
  out: Float64Array = new Float64Array(plane.length),
): Float64Array {
  if (plane.length === 0) return out;
  const { padded, pstride } = padPlane(plane, shape, wshape, origins, mode, cval);
  const offsets = footprintOffsets(wshape, (k) => Math.abs(w[k]) > DBL_EPSILON, pstride);
  const ws = Float64Array.from(w.filter((v) => Math.abs(v) > DBL_EPSILON));
  const count = offsets.length;
  forEachRow(shape, pstride, (base, k, n) => {
    let j = 0;
    for (; j + 3 < n; j += 4) {
      const b = base + j;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let t = 0; t < count; t++) {
        const wt = ws[t];
        const p = b + offsets[t];
        a0 += wt * padded[p];
        a1 += wt * padded[p + 1];
        a2 += wt * padded[p + 2];
        a3 += wt * padded[p + 3];
      }
      out[k + j] = a0;
      out[k + j + 1] = a1;
      out[k + j + 2] = a2;
      out[k + j + 3] = a3;
    }
    for (; j < n; j++) {
      let acc = 0;
      for (let t = 0; t < count; t++) acc += ws[t] * padded[base + j + offsets[t]];
      out[k + j] = acc;
    }
  });
  return out;
}

export function correlate1dHost(input: unknown, weights: unknown, options?: Filter1dOptions): NDArray {
  return filter1d(input, weights, options, false);
}
export function convolve1dHost(input: unknown, weights: unknown, options?: Filter1dOptions): NDArray {
  return filter1d(input, weights, options, true);
}
export function correlateHost(input: unknown, weights: unknown, options?: CorrelateOptions): NDArray {
  return filterNd(input, weights, options, false);
}
export function convolveHost(input: unknown, weights: unknown, options?: CorrelateOptions): NDArray {
  return filterNd(input, weights, options, true);
}
