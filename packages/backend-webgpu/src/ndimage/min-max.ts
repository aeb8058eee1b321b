import { readOptions } from '@sciport/array-api';
import { normalizeAxis } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError, NotSupportedError, ShapeError } from '@sciport/dispatch-core';
import type { Filter1dOptions, RankFilterOptions } from '@sciport/ndimage';
import {
  checkAxes,
  checkCval,
  checkMode,
  checkOriginRange,
  checkOriginValue,
  checkSize,
  checkWindow,
  type Extension,
  FILTER_1D_KEYS,
  fullRankWindow,
  perAxis,
  RANK_KEYS,
  readFootprint,
  requireSizeOrFootprint,
  windowExtension,
} from '@sciport/ndimage/backend-kit';
import type { GPUDType } from '../dtypes.js';
import { release } from '../fft/functions.js';
import type { GPUArray } from '../gpu-array.js';
import { type WindowReduction, windowSelect } from '../kernels/window-select.js';
import { copyAs } from '../namespace/convert.js';
import { checkArray } from '../namespace/core.js';
import { checkGpuOutputAs } from './output.js';

/**
 * minimumFilter1d, maximumFilter1d, minimumFilter, maximumFilter on float32, int32, uint32
 * and bool GPU arrays, with the host's option checks in the host's order. A box window (a
 * size, or an all-true footprint) runs as one pass per axis with its own mode; any other
 * footprint scans its true elements in C order with one mode, as SciPy. Results keep the
 * input's dtype and are exact (values are only selected).
 */

/** The dtypes the selecting filters (min/max, rank, grey morphology) take on the GPU. */
export const SELECTION_DTYPES: readonly GPUDType[] = ['float32', 'int32', 'uint32', 'bool'];

/** x as a GPU array the selecting filters take; complex is the host's DtypeError. */
export function selectionInput(input: unknown, fn: string): GPUArray {
  const x = checkArray(input, 'input');
  if (x.dtype === 'complex64') {
    throw new DtypeError(`${fn} does not take complex input (${x.dtype}).`, {
      argument: 'input',
      hint: 'Filter the real and imaginary parts separately, or use their magnitude.',
    });
  }
  if (!SELECTION_DTYPES.includes(x.dtype)) {
    throw new DtypeError(`${fn} on the GPU takes ${SELECTION_DTYPES.join(', ')} arrays, got ${x.dtype}.`, {
      argument: 'input',
      hint: "Convert with astype(x, 'float32'), or filter on the host: await x.toHost().",
    });
  }
  return x;
}

const INTEGER_RANGE: Partial<Record<GPUDType, readonly [number, number]>> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
  bool: [0, 1],
};

/**
 * cval as a value of x's dtype. SciPy compares in float64 and then stores the selected value
 * in the input's dtype; converting cval first gives the same result (conversion is monotonic)
 * for float32 and for integer cvals within the dtype's range (truncated toward zero), and for
 * bool a cval ≥ 0 (true when nonzero). Others would select a value the dtype cannot hold,
 * which SciPy's C cast turns into a platform-dependent number: declined.
 */
export function selectionCval(cval: number, dtype: GPUDType): number {
  if (dtype === 'float32') return Math.fround(cval);
  const range = INTEGER_RANGE[dtype];
  const c = Math.trunc(cval);
  if (range === undefined || !Number.isFinite(cval) || (dtype === 'bool' ? cval < 0 : c < range[0] || c > range[1])) {
    throw new NotSupportedError(`cval ${cval} is outside what ${dtype} holds; SciPy's result would be its C cast of the value.`, {
      argument: 'cval',
      hint: `Give a cval within the ${dtype} range, or filter a float32 copy (astype(x, 'float32')).`,
    });
  }
  return dtype === 'bool' ? (cval !== 0 ? 1 : 0) : c;
}

/** A C-contiguous array with x's values (a view of x when it already is one). */
export function contiguous(x: GPUArray): GPUArray {
  return x.isContiguous ? x.view(x.shape, x.stride, x.offset) : copyAs(x, x.dtype);
}

/** Offsets of the taps of a window of `shape` (C order) from the output element; `selected` picks taps. */
export function tapOffsets(shape: readonly number[], before: readonly number[], selected: (k: number) => boolean): number[][] {
  const size = shape.reduce((a, b) => a * b, 1);
  const offsets: number[][] = [];
  for (let k = 0; k < size; k++) {
    if (!selected(k)) continue;
    const offset = new Array<number>(shape.length);
    let rem = k;
    for (let d = shape.length - 1; d >= 0; d--) {
      offset[d] = (rem % shape[d]) - before[d];
      rem = Math.floor(rem / shape[d]);
    }
    offsets.push(offset);
  }
  return offsets;
}

/** One axis of a box window: `size` taps along `axis`, before the centre ⌊size/2⌋ + origin. */
export interface BoxPass {
  readonly axis: number;
  readonly size: number;
  readonly origin: number;
  readonly mode: Extension;
}

/** The offsets of a pass along one axis of an `ndim`-dimensional array. */
function passOffsets(ndim: number, p: BoxPass): number[][] {
  const before = windowExtension(p.size, p.origin, p.mode, 0).before;
  return Array.from({ length: p.size }, (_, k) => {
    const offset = new Array<number>(ndim).fill(0);
    offset[p.axis] = k - before;
    return offset;
  });
}

/** The passes in order on a contiguous copy of x, each a new array (the intermediates are disposed). */
export function runBoxPasses(x: GPUArray, passes: readonly BoxPass[], cval: number, reduction: WindowReduction): GPUArray {
  let cur = contiguous(x);
  if (passes.length === 0) {
    const out = copyAs(cur, cur.dtype);
    cur.dispose();
    return out;
  }
  // along lines SciPy keeps the last of equal values (it decides between −0 and +0)
  const alongLines: WindowReduction = reduction.kind === 'rank' ? reduction : { ...reduction, latest: true };
  for (const p of passes) {
    const next = windowSelect(cur, { offsets: passOffsets(x.ndim, p), mode: p.mode, cval, reduction: alongLines });
    cur.dispose();
    cur = next;
  }
  return cur;
}

/** Select over a footprint (its true elements in C order) of full rank, with one mode. */
export function runFootprint(
  x: GPUArray,
  shape: readonly number[],
  mask: Uint8Array,
  origins: readonly number[],
  mode: Extension,
  cval: number,
  reduction: WindowReduction,
): GPUArray {
  const before = shape.map((s, d) => windowExtension(s, origins[d], mode, 0).before);
  const src = contiguous(x);
  try {
    return windowSelect(src, { offsets: tapOffsets(shape, before, (k) => mask[k] === 1), mode, cval, reduction });
  } finally {
    src.dispose();
  }
}

function filter1d(input: unknown, size: number, options: Filter1dOptions | undefined, minimum: boolean): GPUArray {
  const fn = minimum ? 'minimumFilter1d' : 'maximumFilter1d';
  const o = readOptions(options, FILTER_1D_KEYS, fn);
  const x = selectionInput(input, fn);
  const axis = normalizeAxis(o.axis ?? -1, x.ndim, 'axis');
  const n = checkSize(size);
  const mode = checkMode(o.mode);
  const origin = checkOriginValue(o.origin);
  checkOriginRange(origin, n);
  checkWindow([n], [x.shape[axis]], 'size');
  const cval = checkCval(o.cval, false)[0];
  checkGpuOutputAs(o.output, x.shape, x.dtype);
  const c = selectionCval(cval, x.dtype);
  try {
    return runBoxPasses(x, [{ axis, size: n, origin, mode }], c, { kind: minimum ? 'min' : 'max' });
  } finally {
    release(x);
  }
}

/** The window of an n-D selecting filter: box passes, or a footprint that is not all true. */
export type SelectionWindow =
  | { readonly box: true; readonly passes: readonly BoxPass[] }
  | { readonly box: false; readonly shape: readonly number[]; readonly mask: Uint8Array; readonly origins: readonly number[]; readonly mode: Extension };

/** The host's checks of size/footprint/mode/origin for the n-D min/max filters, as a window. */
export function minMaxWindow(fn: string, o: RankFilterOptions, x: GPUArray, axes: readonly number[]): SelectionWindow {
  requireSizeOrFootprint(fn, o);
  const footprint = o.footprint === undefined ? null : readFootprint(o.footprint);
  if (footprint !== null && footprint.shape.length !== axes.length) {
    throw new ShapeError(`footprint has ${footprint.shape.length} dimensions for ${axes.length} filtered axes.`, {
      argument: 'footprint',
      hint: 'Give the footprint one dimension per filtered axis (see axes).',
    });
  }
  checkCval(o.cval, false);
  const origins = perAxis(o.origin, axes.length, 'origin', checkOriginValue);
  checkGpuOutputAs(o.output, x.shape, x.dtype);
  if (footprint === null || footprint.mask.every((v) => v === 1)) {
    const sizes = footprint === null ? perAxis(o.size, axes.length, 'size', checkSize) : [...footprint.shape];
    const modes = perAxis(o.mode, axes.length, 'mode', checkMode);
    checkWindow(
      sizes,
      axes.map((a) => x.shape[a]),
      footprint === null ? 'size' : 'footprint',
    );
    const passes: BoxPass[] = [];
    axes.forEach((axis, i) => {
      if (sizes[i] <= 1) return; // SciPy leaves size-1 axes unfiltered
      checkOriginRange(origins[i], sizes[i]);
      passes.push({ axis, size: sizes[i], origin: origins[i], mode: modes[i] });
    });
    return { box: true, passes };
  }
  if (Array.isArray(o.mode)) {
    throw new InvalidArgumentError('A sequence of modes needs a box window (a size, or an all-true footprint).', {
      argument: 'mode',
      hint: 'Pass one mode name for a footprint that is not all true.',
    });
  }
  const mode = checkMode(o.mode);
  const { shape, origins: full } = fullRankWindow(x.ndim, axes, footprint.shape, origins);
  for (let d = 0; d < shape.length; d++) checkOriginRange(full[d], shape[d]);
  checkWindow(shape, x.shape, 'footprint', { dense: true });
  return { box: false, shape, mask: footprint.mask, origins: full, mode };
}

/** Run a selecting reduction over a window from minMaxWindow. */
export function runWindow(x: GPUArray, window: SelectionWindow, cval: number, reduction: WindowReduction): GPUArray {
  return window.box
    ? runBoxPasses(x, window.passes, cval, reduction)
    : runFootprint(x, window.shape, window.mask, window.origins, window.mode, cval, reduction);
}

function filterNd(input: unknown, options: RankFilterOptions | undefined, minimum: boolean): GPUArray {
  const fn = minimum ? 'minimumFilter' : 'maximumFilter';
  const o = readOptions(options, RANK_KEYS, fn);
  const x = selectionInput(input, fn);
  const axes = checkAxes(o.axes, x.ndim);
  const window = minMaxWindow(fn, o, x, axes);
  const c = selectionCval(checkCval(o.cval, false)[0], x.dtype);
  try {
    return runWindow(x, window, c, { kind: minimum ? 'min' : 'max' });
  } finally {
    release(x);
  }
}

export function minimumFilter1dGPU(input: unknown, size: number, options?: Filter1dOptions): GPUArray {
  return filter1d(input, size, options, true);
}

export function maximumFilter1dGPU(input: unknown, size: number, options?: Filter1dOptions): GPUArray {
  return filter1d(input, size, options, false);
}

export function minimumFilterGPU(input: unknown, options?: RankFilterOptions): GPUArray {
  return filterNd(input, options, true);
}

export function maximumFilterGPU(input: unknown, options?: RankFilterOptions): GPUArray {
  return filterNd(input, options, false);
}
