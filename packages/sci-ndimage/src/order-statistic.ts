/**
 * medianFilter, rankFilter, percentileFilter: the element of a given rank (0 = smallest)
 * among the footprint's elements around each point. As SciPy, the smallest and largest
 * ranks are the minimum and maximum filters; every other rank is selected with Hoare's
 * FIND (Hoare 1961, "Algorithm 65: Find"), whose comparisons decide where a NaN lands.
 */
import { type NDArray, readOptions } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { finishReal, readInput, requireReal } from './filter-io.js';
import { footprintOffsets, forEachRow, fullRankWindow, padPlane } from './footprint-pass.js';
import { histogramRank } from './histogram-rank.js';
import { medianBox3, totallyOrdered } from './median-box3.js';
import { checkMode } from './modes.js';
import {
  checkAxes,
  checkCval,
  checkFinite,
  checkOriginRange,
  checkOriginValue,
  checkSize,
  RANK_KEYS,
  type RankFilterOptions,
} from './options.js';
import { quantize, resolveOutput } from './output.js';
import { perAxis } from './per-axis.js';
import { maximumFilterHost, minimumFilterHost, readFootprint, requireSizeOrFootprint } from './rank.js';
import { float64Storage, readPlane } from './planes.js';
import { checkWindow } from './window-limit.js';
import { rankNetworkInWasm } from './wasm/rank-network.js';
import { rankInWasm } from './wasm/rank-rows.js';

/** The window as a footprint over the filtered axes: the given one, or a box of `size`. */
export function windowOf(fn: string, o: RankFilterOptions, x: NDArray, axes: readonly number[]): { shape: readonly number[]; mask: Uint8Array } {
  const count = axes.length;
  requireSizeOrFootprint(fn, o);
  if (o.footprint !== undefined) {
    const footprint = readFootprint(o.footprint);
    if (footprint.shape.length !== count) {
      throw new ShapeError(`footprint has ${footprint.shape.length} dimensions for ${count} filtered axes.`, {
        argument: 'footprint',
        hint: 'Give the footprint one dimension per filtered axis (see axes).',
      });
    }
    return footprint;
  }
  const shape = perAxis(o.size, count, 'size', checkSize);
  // every selected value is gathered per window (SciPy's footprint of ones)
  checkWindow(shape, axes.map((a) => x.shape[a]), 'size', { dense: true });
  return { shape, mask: new Uint8Array(shape.reduce((a, b) => a * b, 1)).fill(1) };
}

/**
 * Hoare's FIND on buffer[lo..hi]: partitions around the first element and recurses into
 * the side holding `rank`, exactly as SciPy's selection does (so NaN input gives its results).
 */
function select(buffer: Float64Array, lo: number, hi: number, rank: number): number {
  while (lo !== hi) {
    const pivot = buffer[lo];
    let i = lo - 1;
    let j = hi + 1;
    for (;;) {
      do j--;
      while (buffer[j] > pivot);
      do i++;
      while (buffer[i] < pivot);
      if (i >= j) break;
      const t = buffer[i];
      buffer[i] = buffer[j];
      buffer[j] = t;
    }
    const left = j - lo + 1;
    if (rank < left) {
      hi = j;
    } else {
      rank -= left;
      lo = j + 1;
    }
  }
  return buffer[lo];
}

/** The rank-`rank` filter of `input`; `rankOf(n)` turns the window's element count into the rank. */
function orderStatistic(fn: string, input: unknown, options: RankFilterOptions | undefined, rankOf: (count: number) => number): NDArray {
  const o = readOptions(options, RANK_KEYS, fn);
  const x = readInput(input);
  requireReal(x, fn);
  const axes = checkAxes(o.axes, x.ndim);
  const window = windowOf(fn, o, x, axes);
  const origins = perAxis(o.origin, axes.length, 'origin', checkOriginValue);
  const { shape: fshape, origins: fullOrigins } = fullRankWindow(x.ndim, axes, window.shape, origins);
  for (let d = 0; d < fshape.length; d++) checkOriginRange(fullOrigins[d], fshape[d]);
  checkWindow(fshape, x.shape, o.footprint === undefined ? 'size' : 'footprint', { dense: true });
  const count = window.mask.reduce((a, b) => a + b, 0);
  const rank = rankOf(count);
  if (rank === 0 || rank === count - 1) {
    return (rank === 0 ? minimumFilterHost : maximumFilterHost)(x, options);
  }
  if (Array.isArray(o.mode)) {
    throw new InvalidArgumentError(`${fn} takes one mode unless the rank is the window's smallest or largest.`, {
      argument: 'mode',
      hint: 'Pass one mode name (SciPy refuses a sequence of modes for non-separable rank filters).',
    });
  }
  const mode = checkMode(o.mode);
  const cval = checkCval(o.cval, false);
  const target = resolveOutput(x, o.output, false);
  // SciPy stores the fill value in the input's dtype before comparing
  const c = Float64Array.of(cval[0]);
  quantize(c, x.dtype);
  // WebAssembly: selection networks in vector lanes for windows of up to 64 elements, else
  // a sorted window slid along the rows (8-bit data: the histogram below); values without
  // a total order (NaN, −0) take the selection, whose comparisons place them as SciPy's do
  const shift = x.dtype === 'uint8' ? 0 : x.dtype === 'int8' ? 128 : -1;
  const inWasm =
    rankNetworkInWasm(x, target, fshape, window.mask, fullOrigins, mode, c[0], rank) ??
    (shift < 0 ? rankInWasm(x, target, fshape, window.mask, fullOrigins, mode, c[0], rank) : null);
  if (inWasm !== null) return inWasm;
  const nd = fshape.length;
  const median3x3 = nd >= 2 && fshape[nd - 1] === 3 && fshape[nd - 2] === 3 && fshape.slice(0, -2).every((f) => f === 1) && count === 9 && rank === 4;
  // padding copies the values, so float64 storage is read in place
  const plane = float64Storage(x) ?? readPlane(x);
  if (plane.length === 0) return finishReal(target, plane);
  const { padded, pstride } = padPlane(plane, x.shape, fshape, fullOrigins, mode, c[0]);
  // 8-bit integers: a sliding histogram (the rank-th of integers is the same whatever selects it)
  if (shift >= 0 && x.ndim > 0) return finishReal(target, histogramRank(padded, pstride, x.shape, fshape, window.mask, rank, shift));
  if (median3x3 && totallyOrdered(padded)) {
    // a float64 output takes the medians in place (the input was copied into the padding)
    const direct = float64Storage(target.array);
    const medians = medianBox3(padded, pstride, x.shape, direct ?? new Float64Array(plane.length));
    return direct === null ? finishReal(target, medians) : target.array;
  }
  const offsets = footprintOffsets(fshape, (k) => window.mask[k] === 1, pstride);
  const buffer = new Float64Array(count);
  const direct = float64Storage(target.array);
  const out = direct ?? new Float64Array(plane.length);
  forEachRow(x.shape, pstride, (base, k, n) => {
    for (let j = 0; j < n; j++) {
      const at = base + j;
      for (let t = 0; t < count; t++) buffer[t] = padded[at + offsets[t]];
      out[k + j] = select(buffer, 0, count - 1, rank);
    }
  });
  return direct === null ? finishReal(target, out) : target.array;
}

export function checkRank(value: unknown, count: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new InvalidArgumentError(`'rank' must be an integer, got ${describe(value)}.`, {
      argument: 'rank',
      hint: 'Give 0 for the smallest, -1 for the largest.',
    });
  }
  const rank = value < 0 ? value + count : value;
  if (rank < 0 || rank >= count) {
    throw new InvalidArgumentError(`'rank' ${value} is outside a window of ${count} elements.`, {
      argument: 'rank',
      hint: `Use a rank in [${-count}, ${count - 1}].`,
    });
  }
  return rank;
}

/** SciPy's rank of a percentile: ⌊n·p/100⌋ (n − 1 for 100), a negative p counting from 100. */
export function percentileRank(value: unknown, count: number): number {
  let p = checkFinite(value, 'percentile');
  if (p < 0) p += 100;
  if (p < 0 || p > 100) {
    throw new InvalidArgumentError(`'percentile' ${value} is outside [-100, 100].`, {
      argument: 'percentile',
      hint: 'Give a percentile in [0, 100] (a negative one counts from 100).',
    });
  }
  return p === 100 ? count - 1 : Math.trunc((count * p) / 100);
}

export function medianFilterHost(input: unknown, options?: RankFilterOptions): NDArray {
  return orderStatistic('medianFilter', input, options, (count) => Math.floor(count / 2));
}

export function rankFilterHost(input: unknown, rank: number, options?: RankFilterOptions): NDArray {
  return orderStatistic('rankFilter', input, options, (count) => checkRank(rank, count));
}

export function percentileFilterHost(input: unknown, percentile: number, options?: RankFilterOptions): NDArray {
  return orderStatistic('percentileFilter', input, options, (count) => percentileRank(percentile, count));
}
