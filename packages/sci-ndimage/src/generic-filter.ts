/**
 * genericFilter and genericFilter1d: SciPy's filters with a user callback. genericFilter
 * gathers the footprint's selected values around each element (C order of the footprint,
 * the input padded by the boundary mode as the other footprint filters do) into one
 * float64 buffer and stores what the callback returns; genericFilter1d hands the callback
 * each input line extended by the mode, and an output line to fill.
 */
import { type NDArray, readOptions } from '@sciport/array-api';
import { describe, normalizeAxis } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { checkCallback, readExtraArguments, readExtraKeywords } from './callback-args.js';
import { finishReal, readInput, requireReal } from './filter-io.js';
import { footprintOffsets, forEachWindow, fullRankWindow, padPlane } from './footprint-pass.js';
import {
  GENERIC_FILTER_1D_KEYS,
  GENERIC_FILTER_KEYS,
  type GenericFilter1dCallback,
  type GenericFilter1dOptions,
  type GenericFilterCallback,
  type GenericFilterOptions,
} from './generic-options.js';
import { windowExtension } from './line-pass.js';
import { checkMode } from './modes.js';
import { checkAxes, checkCval, checkOriginRange, checkOriginValue, checkSize } from './options.js';
import { windowOf } from './order-statistic.js';
import { resolveOutput } from './output.js';
import { perAxis } from './per-axis.js';
import { readPlane } from './planes.js';
import { type Pass, runSeparable } from './separable.js';
import { checkWindow } from './window-limit.js';

/** SciPy's filters take one mode here (a sequence is its "boundary mode not supported"). */
function singleMode(fn: string, mode: unknown) {
  if (Array.isArray(mode)) {
    throw new InvalidArgumentError(`${fn} takes one mode for every axis, not a sequence.`, {
      argument: 'mode',
      hint: 'Pass one mode name, as SciPy requires here.',
    });
  }
  return checkMode(mode);
}

export function genericFilterHost(input: unknown, callback: GenericFilterCallback, options?: GenericFilterOptions): NDArray {
  const o = readOptions(options, GENERIC_FILTER_KEYS, 'genericFilter');
  const x = readInput(input);
  requireReal(x, 'genericFilter');
  const fn = checkCallback<GenericFilterCallback>(callback, 'function', '(values: Float64Array, ...extra) => number');
  const axes = checkAxes(o.axes, x.ndim);
  const window = windowOf('genericFilter', o, x, axes);
  const origins = perAxis(o.origin, axes.length, 'origin', checkOriginValue);
  const { shape: fshape, origins: fullOrigins } = fullRankWindow(x.ndim, axes, window.shape, origins);
  for (let d = 0; d < fshape.length; d++) checkOriginRange(fullOrigins[d], fshape[d]);
  checkWindow(fshape, x.shape, o.footprint === undefined ? 'size' : 'footprint', { dense: true });
  const mode = singleMode('genericFilter', o.mode);
  const cval = checkCval(o.cval, false);
  const extra = [...readExtraArguments(o.extraArguments), ...readExtraKeywords(o.extraKeywords)];
  const target = resolveOutput(x, o.output, false);
  const plane = readPlane(x);
  if (plane.length === 0) return finishReal(target, plane);
  // the fill value enters the buffer as given (SciPy does not convert it to the input's dtype here)
  const { padded, pstride } = padPlane(plane, x.shape, fshape, fullOrigins, mode, cval[0]);
  const offsets = footprintOffsets(fshape, (k) => window.mask[k] === 1, pstride);
  const values = new Float64Array(offsets.length);
  const result = forEachWindow(x.shape, pstride, (base) => {
    for (let t = 0; t < offsets.length; t++) values[t] = padded[base + offsets[t]];
    const v: unknown = fn(values, ...extra);
    if (typeof v !== 'number') {
      throw new InvalidArgumentError(`'function' must return a number, returned ${describe(v)}.`, {
        argument: 'function',
        hint: 'Return one number per window (e.g. a sum or a maximum of the values).',
      });
    }
    return v;
  });
  return finishReal(target, result);
}

export function genericFilter1dHost(input: unknown, callback: GenericFilter1dCallback, filterSize: number, options?: GenericFilter1dOptions): NDArray {
  const o = readOptions(options, GENERIC_FILTER_1D_KEYS, 'genericFilter1d');
  const x = readInput(input);
  requireReal(x, 'genericFilter1d');
  const fn = checkCallback<GenericFilter1dCallback>(callback, 'function', '(inputLine: Float64Array, outputLine: Float64Array, ...extra) => void');
  const axis = normalizeAxis(o.axis ?? -1, x.ndim, 'axis');
  const size = checkSize(filterSize, 'filterSize');
  const mode = singleMode('genericFilter1d', o.mode);
  const origin = checkOriginValue(o.origin);
  checkOriginRange(origin, size);
  checkWindow([size], [x.shape[axis]], 'filterSize');
  const cval = checkCval(o.cval, false);
  const extra = [...readExtraArguments(o.extraArguments), ...readExtraKeywords(o.extraKeywords)];
  const target = resolveOutput(x, o.output, false);
  const pass: Pass = {
    axis,
    extension: (c) => windowExtension(size, origin, mode, c),
    kernel: (ext, out) => {
      // a fresh output line for every call: what the callback leaves unwritten is 0
      out.fill(0);
      fn(ext, out, ...extra);
    },
  };
  return runSeparable(x, target, cval, [pass]);
}
