import { type NDArray, readOptions } from '@sciport/array-api';
import { InvalidArgumentError, NotSupportedError } from '@sciport/dispatch-core';
import type { RankFilterOptions } from '@sciport/ndimage';
import {
  checkAxes,
  checkCval,
  checkMode,
  checkOriginRange,
  checkOriginValue,
  checkRank,
  checkWindow,
  fullRankWindow,
  percentileRank,
  perAxis,
  RANK_KEYS,
  windowOf,
} from '@sciport/ndimage/backend-kit';
import { release } from '../fft/functions.js';
import type { GPUArray } from '../gpu-array.js';
import { MAX_RANK_WINDOW } from '../kernels/window-select.js';
import { maximumFilterGPU, minimumFilterGPU, runFootprint, selectionCval, selectionInput } from './min-max.js';
import { checkGpuOutputAs } from './output.js';

/**
 * medianFilter, rankFilter, percentileFilter on float32, int32, uint32 and bool GPU arrays,
 * with the host's checks in the host's order. As SciPy, the smallest and largest ranks are the
 * minimum and maximum filters (which take a mode per axis); other ranks gather each window of
 * at most MAX_RANK_WINDOW elements per output element and select with Hoare's FIND, as SciPy's n-D
 * code does. Larger windows are declined with the reason.
 */

function orderStatistic(fn: string, input: unknown, options: RankFilterOptions | undefined, rankOf: (count: number) => number): GPUArray {
  const o = readOptions(options, RANK_KEYS, fn);
  const x = selectionInput(input, fn);
  const axes = checkAxes(o.axes, x.ndim);
  // windowOf reads only the input's shape
  const window = windowOf(fn, o, x as unknown as NDArray, axes);
  const origins = perAxis(o.origin, axes.length, 'origin', checkOriginValue);
  const { shape, origins: full } = fullRankWindow(x.ndim, axes, window.shape, origins);
  for (let d = 0; d < shape.length; d++) checkOriginRange(full[d], shape[d]);
  checkWindow(shape, x.shape, o.footprint === undefined ? 'size' : 'footprint', { dense: true });
  const count = window.mask.reduce((a, b) => a + b, 0);
  const rank = rankOf(count);
  if (rank === 0 || rank === count - 1) return (rank === 0 ? minimumFilterGPU : maximumFilterGPU)(input, options);
  if (Array.isArray(o.mode)) {
    throw new InvalidArgumentError(`${fn} takes one mode unless the rank is the window's smallest or largest.`, {
      argument: 'mode',
      hint: 'Pass one mode name (SciPy refuses a sequence of modes for non-separable rank filters).',
    });
  }
  const mode = checkMode(o.mode);
  const cval = checkCval(o.cval, false)[0];
  checkGpuOutputAs(o.output, x.shape, x.dtype);
  if (count > MAX_RANK_WINDOW) {
    throw new NotSupportedError(
      `${fn} on the GPU selects within windows of at most ${MAX_RANK_WINDOW} elements (gathered per output element); this window has ${count}.`,
      {
        argument: o.footprint === undefined ? 'size' : 'footprint',
        hint: `Use a window of at most ${MAX_RANK_WINDOW} elements, or filter on the host: await x.toHost().`,
      },
    );
  }
  // SciPy stores the fill value in the input's dtype before comparing
  const c = selectionCval(cval, x.dtype);
  try {
    return runFootprint(x, shape, window.mask, full, mode, c, { kind: 'rank', rank });
  } finally {
    release(x);
  }
}

export function medianFilterGPU(input: unknown, options?: RankFilterOptions): GPUArray {
  return orderStatistic('medianFilter', input, options, (count) => Math.floor(count / 2));
}

export function rankFilterGPU(input: unknown, rank: number, options?: RankFilterOptions): GPUArray {
  return orderStatistic('rankFilter', input, options, (count) => checkRank(rank, count));
}

export function percentileFilterGPU(input: unknown, percentile: number, options?: RankFilterOptions): GPUArray {
  return orderStatistic('percentileFilter', input, options, (count) => percentileRank(percentile, count));
}
