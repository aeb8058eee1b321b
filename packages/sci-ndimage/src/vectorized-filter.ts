/**
 * vectorizedFilter (SciPy 1.16's vectorized_filter): the filtered axes are moved to the
 * end, the input is padded by the boundary mode (or not, in mode 'valid'), and the
 * callback gets every window at once as one stacked NDArray — shape
 * [...leading, ...window] for a `size`, [...leading, count] for a `footprint` (its selected
 * elements in C order) — with `axis`, the window's axes counted from the end. It returns
 * one value per window, an array of the `leading` shape (the moved input's shape, or less
 * in mode 'valid'), whose dtype is the result's. Windows are passed in batches along the
 * first leading axis so one batch holds at most `batchMemory` bytes, as SciPy does.
 */
import { asarray, type DType, dtypeInfo, isComplexDtype, isDType, NDArray, readOptions, zeros } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { checkCallback } from './callback-args.js';
import { readInput } from './filter-io.js';
import { footprintOffsets, forEachWindow, padPlane, strides } from './footprint-pass.js';
import { VECTORIZED_FILTER_KEYS, type VectorizedFilterCallback, type VectorizedFilterOptions } from './generic-options.js';
import { checkMode, type Extension } from './modes.js';
import { checkAxes, checkFinite, checkOriginRange, checkOriginValue, checkSize } from './options.js';
import { partDtype, quantize } from './output.js';
import { perAxis } from './per-axis.js';
import { type Part, readPlane, writePlane } from './planes.js';
import { readFootprint, requireSizeOrFootprint } from './rank.js';
import { checkWindow } from './window-limit.js';

const DEFAULT_BATCH_MEMORY = 2 ** 30;

function checkBatchMemory(value: unknown): number {
  if (value === undefined) return DEFAULT_BATCH_MEMORY;
  const bytes = checkFinite(value, 'batchMemory');
  if (bytes <= 0) {
    throw new InvalidArgumentError(`'batchMemory' must be positive, got ${bytes}.`, {
      argument: 'batchMemory',
      hint: 'Give the most bytes of windows one call may receive (default 2^30).',
    });
  }
  return bytes;
}

/** 'valid', or the extension of a boundary mode; cval only goes with constant modes, as SciPy. */
function checkVectorizedMode(mode: unknown, cval: unknown, origins: readonly number[]): Extension | 'valid' {
  const extension = mode === 'valid' ? 'valid' : checkMode(mode);
  if (extension === 'valid' && origins.some((v) => v !== 0)) {
    throw new InvalidArgumentError("mode 'valid' takes no origin.", { argument: 'origin', hint: 'Leave origin at 0 in mode valid.' });
  }
  if (cval !== undefined && extension !== 'constant') {
    throw new InvalidArgumentError("'cval' goes only with mode 'constant'.", {
      argument: 'cval',
      hint: "Leave cval out, or use mode: 'constant'.",
    });
  }
  return extension;
}

/** The product of `shape`. */
function count(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** A copy of `x` as a fresh C-ordered array (SciPy returns empty input as it is). */
function copyOf(x: NDArray): NDArray {
  const out = zeros(x.shape, { dtype: x.dtype });
  for (const part of partsOf(x.dtype)) writePlane(out, readPlane(x, part), part);
  return out;
}

function partsOf(dtype: DType): Part[] {
  return isComplexDtype(dtype) ? [0, 1] : [0];
}

export function vectorizedFilterHost(input: unknown, callback: VectorizedFilterCallback, options?: VectorizedFilterOptions): NDArray {
  const o = readOptions(options, VECTORIZED_FILTER_KEYS, 'vectorizedFilter');
  const x = readInput(input);
  const fn = checkCallback<VectorizedFilterCallback>(callback, 'function', '(windows: NDArray, { axis }) => array');
  const axes = checkAxes(o.axes, x.ndim);
  requireSizeOrFootprint('vectorizedFilter', o);
  const footprint = o.footprint === undefined ? null : readFootprint(o.footprint);
  if (footprint !== null && footprint.shape.length !== axes.length) {
    throw new ShapeError(`footprint has ${footprint.shape.length} dimensions for ${axes.length} filtered axes.`, {
      argument: 'footprint',
      hint: 'Give the footprint one dimension per filtered axis (see axes).',
    });
  }
  // window dimension i goes with axes[i], in the order given (SciPy moves them to the end)
  const window = footprint === null ? perAxis(o.size, axes.length, 'size', checkSize) : [...footprint.shape];
  const origins = perAxis(o.origin, axes.length, 'origin', checkOriginValue);
  window.forEach((w, i) => {
    checkOriginRange(origins[i], w);
  });
  const mode = checkVectorizedMode(o.mode, o.cval, origins);
  const cval = o.cval === undefined ? 0 : checkFinite(o.cval, 'cval');
  const batchMemory = checkBatchMemory(o.batchMemory);
  const output = checkOutput(o.output);
  const batchAxes = Array.from({ length: x.ndim }, (_, d) => d).filter((d) => !axes.includes(d));
  const order = [...batchAxes, ...axes];
  const moved = x.transpose(...order);
  const fullWindow = [...batchAxes.map(() => 1), ...window];
  checkWindow(fullWindow, moved.shape, footprint === null ? 'size' : 'footprint', { dense: true });
  if (x.size === 0) return copyOf(x);
  // a footprint's selected values are one trailing axis of the stack, a size's window keeps its axes
  const axis = footprint === null ? window.map((_, i) => i - window.length) : [-1];
  if (axes.length === 0) return finish(asarray(fn(copyOf(x), { axis: [] }) as never), order, output);

  const leading =
    mode === 'valid' ? moved.shape.map((n, d) => n - fullWindow[d] + 1) : [...moved.shape];
  if (leading.some((n) => n < 1)) {
    throw new ShapeError(`In mode 'valid' the window [${window.join(', ')}] is larger than the input along a filtered axis.`, {
      argument: footprint === null ? 'size' : 'footprint',
      hint: 'Use a window no longer than the input, or another mode.',
    });
  }
  const fullOrigins = [...batchAxes.map(() => 0), ...origins];
  const planes = partsOf(x.dtype).map((part) => {
    const plane = readPlane(moved, part);
    if (mode === 'valid') return { padded: plane, pstride: strides(moved.shape) };
    return padPlane(plane, moved.shape, fullWindow, fullOrigins, mode, part === 0 ? cval : 0);
  });
  const pstride = planes[0].pstride;
  const mask = footprint?.mask;
  const offsets = footprintOffsets(fullWindow, (k) => mask === undefined || mask[k] === 1, pstride);
  const perWindow = offsets.length;
  const windowShape = footprint === null ? window : [perWindow];
  const inner = leading.slice(1);
  const slice = count(inner);
  // SciPy counts a batch slice by the unselected window too (its view before the footprint)
  const sliceBytes = slice * count(window) * dtypeInfo(x.dtype).itemsize;
  const perBatch = Math.floor(batchMemory / sliceBytes);
  if (perBatch < 1) {
    throw new InvalidArgumentError(`'batchMemory' ${batchMemory} is less than one slice of windows (${sliceBytes} bytes).`, {
      argument: 'batchMemory',
      hint: `Give at least ${sliceBytes} bytes.`,
    });
  }
  // the offset in the padded plane of each leading element's window
  const bases = forEachWindow(leading, pstride, (base) => base);
  const total = count(leading);
  let resultDtype: DType | null = null;
  const results: Float64Array[] = [];
  for (let start = 0; start < leading[0]; start += perBatch) {
    const stop = Math.min(start + perBatch, leading[0]);
    const windows = zeros([stop - start, ...inner, ...windowShape], { dtype: x.dtype });
    planes.forEach(({ padded }, p) => {
      const values = new Float64Array(windows.size);
      let k = 0;
      for (let e = start * slice; e < stop * slice; e++) {
        for (let t = 0; t < perWindow; t++) values[k++] = padded[bases[e] + offsets[t]];
      }
      quantize(values, partDtype(x.dtype));
      writePlane(windows, values, p as Part);
    });
    const r = asarray(fn(windows, { axis }) as never);
    const want = [stop - start, ...inner];
    if (r.ndim !== want.length || r.shape.some((n, d) => n !== want[d])) {
      throw new ShapeError(`'function' returned shape [${r.shape.join(', ')}] for windows of shape [${windows.shape.join(', ')}].`, {
        argument: 'function',
        hint: `Reduce over the window's axes (axis ${JSON.stringify(axis)}) to one value per window: shape [${want.join(', ')}].`,
      });
    }
    // later batches are stored in the first one's dtype, as SciPy fills its output
    if (resultDtype === null) {
      resultDtype = r.dtype;
      for (const _ of partsOf(r.dtype)) results.push(new Float64Array(total));
    } else if (isComplexDtype(r.dtype) && !isComplexDtype(resultDtype)) {
      throw new DtypeError(`'function' returned ${r.dtype} values after ${resultDtype} ones.`, {
        argument: 'function',
        hint: 'Return the same dtype for every batch.',
      });
    }
    results.forEach((plane, part) => {
      plane.set(readPlane(r, part as Part), start * slice);
    });
  }
  const dtype = resultDtype as DType;
  const result = zeros(leading, { dtype });
  results.forEach((plane, part) => {
    quantize(plane, partDtype(dtype));
    writePlane(result, plane, part as Part);
  });
  return finish(result, order, output);
}

/** `output`: an array to fill, a dtype name to convert the result to, or null for the result's dtype. */
function checkOutput(output: unknown): NDArray | DType | null {
  if (output === undefined || output === null || output instanceof NDArray) return output ?? null;
  if (typeof output === 'string') {
    if (isDType(output)) return output;
    throw new DtypeError(`'output' must name a dtype, got ${describe(output)}.`, {
      argument: 'output',
      hint: 'Use e.g. "float64", or leave output unset for the callback’s dtype.',
    });
  }
  throw new InvalidArgumentError(`'output' must be an NDArray or a dtype name, got ${describe(output)}.`, {
    argument: 'output',
    hint: 'Pass an array of the result’s shape to fill, or leave output unset.',
  });
}

/** The result in moved order (`order` of the input's axes) put back in the input's order, into `output` when given. */
function finish(result: NDArray, order: readonly number[], output: NDArray | DType | null): NDArray {
  const inverse = new Array<number>(order.length);
  order.forEach((a, i) => {
    inverse[a] = i;
  });
  const back = result.ndim === order.length ? result.transpose(...inverse) : result;
  const shape = back.shape;
  const target = output instanceof NDArray ? output : zeros(shape, { dtype: output ?? back.dtype });
  if (target.ndim !== shape.length || target.shape.some((n, d) => n !== shape[d])) {
    throw new ShapeError(`'output' has shape [${target.shape.join(', ')}], the result [${shape.join(', ')}].`, {
      argument: 'output',
      hint: `Preallocate the output with the result's shape [${shape.join(', ')}].`,
    });
  }
  if (isComplexDtype(back.dtype) && !isComplexDtype(target.dtype)) {
    throw new DtypeError(`A ${back.dtype} result needs a complex output, got ${target.dtype}.`, {
      argument: 'output',
      hint: 'Use a complex output array (or leave output unset).',
    });
  }
  for (const part of partsOf(target.dtype)) {
    const values = part === 1 && !isComplexDtype(back.dtype) ? new Float64Array(back.size) : readPlane(back, part);
    quantize(values, partDtype(target.dtype));
    writePlane(target, values, part);
  }
  return target;
}
