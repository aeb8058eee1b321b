/**
 * Rank filters (median, rank, percentile) on the WebAssembly kernels: the input is padded
 * by the boundary mode straight into wasm memory, and each row of outputs slides a sorted
 * window along the last axis (see rankRows in assembly/ndimage.ts). The sorted window
 * needs a total order (no NaN, no −0): other data takes the TypeScript selection, whose
 * comparisons decide where a NaN or which zero lands, as SciPy's do.
 */
import type { NDArray } from '@sciport/array-api';
import { forEachRow, padPlane, strides } from '../footprint-pass.js';
import { footprintSteps } from '../footprint-steps.js';
import { totallyOrdered } from '../median-box3.js';
import type { Extension } from '../modes.js';
import type { OutputTarget } from '../output.js';
import { sourceValues } from './correlate-nd.js';
import { CHUNK, directOutput, storeResult } from './line-passes.js';
import { borrow, layout } from './runtime.js';

/**
 * The rank-`rank` element of the footprint `mask` (full-rank shape `fshape`, shifted by
 * `origins`) around every element of the real array `x`, into `target`; `cval` is the
 * fill value as the input's dtype holds it. Null when the kernels cannot take the call
 * (not loaded, not enough memory, or values without a total order).
 */
export function rankInWasm(
  x: NDArray,
  target: OutputTarget,
  fshape: readonly number[],
  mask: Uint8Array,
  origins: readonly number[],
  mode: Extension,
  cval: number,
  rank: number,
): NDArray | null {
  const size = x.size;
  if (size === 0 || x.ndim === 0) return null;
  const psize = x.shape.reduce((a, n, d) => a * (n + fshape[d] - 1), 1);
  const pstride = strides(x.shape.map((n, d) => n + fshape[d] - 1));
  const { window, leave, enter } = footprintSteps(fshape, mask, pstride);
  const s = window.length;
  const h = leave.length;
  const n = x.shape[x.ndim - 1];
  const rows = size / n;
  // the runs' common length, when they have one (a box): the leaving values then entered that many steps before
  const span = enter.every((e, t) => e - leave[t] === enter[0] - leave[0]) ? enter[0] - leave[0] : 0;
  const direct = directOutput(target.array);
  const step = direct === null ? rows : Math.max(1, Math.floor(CHUNK / n));
  // padded plane, output rows, row bases, window/leave/enter offsets, sorted-window scratch
  const sizes = [psize * 8, Math.min(step, rows) * n * 8, rows * 4, s * 4, h * 4, h * 4, (2 * (s + 1) + (Math.max(span, 1) + 1) * (h + 1)) * 8];
  const { offsets: at, total } = layout(sizes);
  const lent = borrow(total);
  if (lent === null) return null;
  const { kernels, base } = lent;
  const [padded, out, bases, windowAt, leaveAt, enterAt, scratch] = at.map((o) => base + o);
  const buffer = kernels.memory.buffer;
  const plane = new Float64Array(buffer, padded, psize);
  padPlane(sourceValues(x), x.shape, fshape, origins, mode, cval, plane);
  if (!totallyOrdered(plane)) return null;
  new Int32Array(buffer, windowAt, s).set(window);
  new Int32Array(buffer, leaveAt, h).set(leave);
  new Int32Array(buffer, enterAt, h).set(enter);
  const rowBases = new Int32Array(buffer, bases, rows);
  let r = 0;
  forEachRow(x.shape, pstride, (b) => {
    rowBases[r++] = b;
  });
  const run = (first: number, count: number) =>
    kernels.rankRows(padded, out, bases + first * 4, count, n, windowAt, s, enterAt, leaveAt, h, rank, span, scratch);
  if (direct === null) {
    run(0, rows);
    return storeResult(target, new Float64Array(buffer, out, size));
  }
  // the padded copy holds the input, so the output may be the input's memory
  for (let r0 = 0; r0 < rows; r0 += step) {
    const count = Math.min(step, rows - r0);
    run(r0, count);
    direct.set(new Float64Array(buffer, out, count * n), r0 * n);
  }
  return target.array;
}
