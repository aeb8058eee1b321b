/**
 * minimumFilter1d, maximumFilter1d, minimumFilter, maximumFilter. A box window (a size,
 * or a footprint that is all true) runs as 1-D passes per axis, with a mode per axis; any
 * other footprint scans its true elements in C order, one mode for all axes, as SciPy.
 */
import { asarray, dtypeInfo, type NDArray, readOptions } from '@sciport/array-api';
import { normalizeAxis } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { finishReal, readInput, requireReal } from './filter-io.js';
import { footprintOffsets, forEachWindow, fullRankWindow, padPlane } from './footprint-pass.js';
import { minMaxKernel } from './line-kernels.js';
import { windowExtension } from './line-pass.js';
import { checkMode, type Extension } from './modes.js';
import {
  checkAxes,
  checkCval,
  checkOriginRange,
  checkOriginValue,
  checkSize,
  FILTER_1D_KEYS,
  type Filter1dOptions,
  RANK_KEYS,
  type RankFilterOptions,
} from './options.js';
import { type OutputTarget, quantize, resolveOutput } from './output.js';
import { perAxis } from './per-axis.js';
import { readPlane } from './planes.js';
import { type Pass, runSeparable } from './separable.js';
import { checkWindow } from './window-limit.js';
import { boxMinMaxBytesInWasm } from './wasm/box-bytes.js';

function filter1d(input: unknown, size: number, options: Filter1dOptions | undefined, minimum: boolean): NDArray {
  const fn = minimum ? 'minimumFilter1d' : 'maximumFilter1d';
  const o = readOptions(options, FILTER_1D_KEYS, fn);
  const x = readInput(input);
  requireReal(x, fn);
  const axis = normalizeAxis(o.axis ?? -1, x.ndim, 'axis');
  const n = checkSize(size);
  const mode = checkMode(o.mode);
  const origin = checkOriginValue(o.origin);
  checkOriginRange(origin, n);
  checkWindow([n], [x.shape[axis]], 'size');
  const cval = checkCval(o.cval, false);
  const target = resolveOutput(x, o.output, false);
  const inBytes = boxInBytes(x, target, [axis], [n], [origin], [mode], cval[0], minimum);
  if (inBytes !== null) return inBytes;
  const pass: Pass = { axis, extension: (c) => windowExtension(n, origin, mode, c), kernel: minMaxKernel(n, minimum) };
  return runSeparable(x, target, cval, [pass]);
}

/**
 * A box minimum/maximum of an 8-bit image in wasm byte lanes (see box-bytes.ts), or null:
 * it needs one mode for every filtered axis. Axes of size 1 are not filtered, as SciPy's.
 */
function boxInBytes(
  x: NDArray,
  target: OutputTarget,
  axes: readonly number[],
  sizes: readonly number[],
  origins: readonly number[],
  modes: readonly Extension[],
  cval: number,
  minimum: boolean,
): NDArray | null {
  if (modes.some((m) => m !== modes[0])) return null;
  const full = x.shape.map(() => 1);
  const shifts = x.shape.map(() => 0);
  axes.forEach((axis, i) => {
    if (sizes[i] <= 1) return;
    full[axis] = sizes[i];
    shifts[axis] = origins[i];
  });
  return boxMinMaxBytesInWasm(x, target, full, shifts, modes[0] ?? 'reflect', cval, minimum);
}

/** A footprint as booleans (C order) with its shape; only 0/1 (or boolean) values are accepted. */
export function readFootprint(footprint: unknown): { shape: readonly number[]; mask: Uint8Array } {
  const f = asarray(footprint);
  const kind = dtypeInfo(f.dtype).kind;
  const values = kind === 'complex floating' ? null : readPlane(f);
  if (values === null || values.some((v) => v !== 0 && v !== 1)) {
    throw new InvalidArgumentError('footprint must be boolean-like (true/false or 0/1 values).', {
      argument: 'footprint',
      hint: 'Pass nested arrays of booleans or 0/1, or a bool NDArray.',
    });
  }
  if (f.size === 0 || !values.includes(1)) {
    throw new InvalidArgumentError('footprint selects no element.', {
      argument: 'footprint',
      hint: 'Set at least one element of the footprint to true.',
    });
  }
  return { shape: f.shape, mask: Uint8Array.from(values) };
}

/** The n-D rank filters take exactly one of `size` and `footprint` (SciPy warns and ignores size when both come). */
export function requireSizeOrFootprint(fn: string, o: { readonly size?: unknown; readonly footprint?: unknown }): void {
  if (o.footprint === undefined && o.size === undefined) {
    throw new InvalidArgumentError(`${fn} needs a size or a footprint.`, { argument: 'size', hint: 'Pass e.g. { size: 3 }.' });
  }
  if (o.footprint !== undefined && o.size !== undefined) {
    throw new InvalidArgumentError(`${fn} takes a size or a footprint, not both (SciPy ignores size then).`, {
      argument: 'size',
      hint: 'Leave out size when you give a footprint.',
    });
  }
}

function filterNd(input: unknown, options: RankFilterOptions | undefined, minimum: boolean): NDArray {
  const fn = minimum ? 'minimumFilter' : 'maximumFilter';
  const o = readOptions(options, RANK_KEYS, fn);
  const x = readInput(input);
  requireReal(x, fn);
  const axes = checkAxes(o.axes, x.ndim);
  requireSizeOrFootprint(fn, o);
  const footprint = o.footprint === undefined ? null : readFootprint(o.footprint);
  if (footprint !== null && footprint.shape.length !== axes.length) {
    throw new ShapeError(`footprint has ${footprint.shape.length} dimensions for ${axes.length} filtered axes.`, {
      argument: 'footprint',
      hint: 'Give the footprint one dimension per filtered axis (see axes).',
    });
  }
  const cval = checkCval(o.cval, false);
  const origins = perAxis(o.origin, axes.length, 'origin', checkOriginValue);
  const target = resolveOutput(x, o.output, false);
  if (footprint === null || footprint.mask.every((v) => v === 1)) {
    const sizes = footprint === null ? perAxis(o.size, axes.length, 'size', checkSize) : [...footprint.shape];
    const modes = perAxis(o.mode, axes.length, 'mode', checkMode);
    checkWindow(sizes, axes.map((a) => x.shape[a]), footprint === null ? 'size' : 'footprint');
    const passes: Pass[] = [];
    axes.forEach((axis, i) => {
      if (sizes[i] <= 1) return;
      checkOriginRange(origins[i], sizes[i]);
      passes.push({ axis, extension: (c) => windowExtension(sizes[i], origins[i], modes[i], c), kernel: minMaxKernel(sizes[i], minimum) });
    });
    const inBytes = boxInBytes(x, target, axes, sizes, origins, modes, cval[0], minimum);
    if (inBytes !== null) return inBytes;
    return runSeparable(x, target, cval, passes);
  }
  if (Array.isArray(o.mode)) {
    throw new InvalidArgumentError('A sequence of modes needs a box window (a size, or an all-true footprint).', {
      argument: 'mode',
      hint: 'Pass one mode name for a footprint that is not all true.',
    });
  }
  const mode = checkMode(o.mode);
  const { shape: fshape, origins: fullOrigins } = fullRankWindow(x.ndim, axes, footprint.shape, origins);
  for (let d = 0; d < fshape.length; d++) checkOriginRange(fullOrigins[d], fshape[d]);
  checkWindow(fshape, x.shape, 'footprint', { dense: true });
  return finishReal(target, minMaxPlane(x, fshape, footprint.mask, fullOrigins, mode, cval[0], minimum));
}

/** Min/max over a footprint; cval is converted to the input's dtype first, as SciPy compares in it. */
function minMaxPlane(
  x: NDArray,
  fshape: readonly number[],
  mask: Uint8Array,
  origins: readonly number[],
  mode: Extension,
  cval: number,
  minimum: boolean,
): Float64Array {
  const plane = readPlane(x);
  if (plane.length === 0) return plane;
  const c = Float64Array.of(cval);
  quantize(c, x.dtype);
  const { padded, pstride } = padPlane(plane, x.shape, fshape, origins, mode, c[0]);
  const offsets = footprintOffsets(fshape, (k) => mask[k] === 1, pstride);
  const count = offsets.length;
  return forEachWindow(x.shape, pstride, (base) => {
    let v = padded[base + offsets[0]];
    for (let t = 1; t < count; t++) {
      const u = padded[base + offsets[t]];
      if (minimum ? u < v : u > v) v = u;
    }
    return v;
  });
}

export function minimumFilter1dHost(input: unknown, size: number, options?: Filter1dOptions): NDArray {
  return filter1d(input, size, options, true);
}
export function maximumFilter1dHost(input: unknown, size: number, options?: Filter1dOptions): NDArray {
  return filter1d(input, size, options, false);
}
export function minimumFilterHost(input: unknown, options?: RankFilterOptions): NDArray {
  return filterNd(input, options, true);
}
export function maximumFilterHost(input: unknown, options?: RankFilterOptions): NDArray {
  return filterNd(input, options, false);
}
