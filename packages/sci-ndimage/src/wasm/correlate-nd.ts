/**
 * n-D correlation (correlate, convolve) on the WebAssembly kernels: the input is padded
 * by the boundary mode straight into wasm memory (float32 data converted on the way, with
 * no float64 copy of it), each output sums its weights' terms in SciPy's order, eight
 * neighbouring outputs at once, and the result is stored once into the output.
 */
import type { NDArray } from '@sciport/array-api';
import { footprintOffsets, forEachRow, padPlane } from '../footprint-pass.js';
import type { Extension } from '../modes.js';
import type { OutputTarget } from '../output.js';
import { readPlane } from '../planes.js';
import { CHUNK, directOutput, storeResult } from './line-passes.js';
import { borrow, layout } from './runtime.js';

/** Weights whose magnitude is at most this are left out of the footprint (SciPy's DBL_EPSILON rule). */
const DBL_EPSILON = 2.220446049250313e-16;

/**
 * `x` (real) correlated with `w` of `wshape` (one entry per axis of x) into `target` (a
 * real dtype); null when the wasm kernels cannot take the call (the caller runs the
 * TypeScript kernel then).
 */
export function correlateInWasm(
  x: NDArray,
  target: OutputTarget,
  w: Float64Array,
  wshape: readonly number[],
  origins: readonly number[],
  mode: Extension,
  cval: number,
): NDArray | null {
  const size = x.size;
  if (size === 0 || x.ndim === 0) return null;
  const psize = x.shape.reduce((a, n, d) => a * (n + wshape[d] - 1), 1);
  const kept = w.filter((v) => Math.abs(v) > DBL_EPSILON);
  const n = x.shape[x.ndim - 1];
  const rows = size / n;
  // a contiguous output takes chunks of rows, stored while in cache (so only a chunk's
  // buffer is needed); any other gets the whole plane
  const direct = directOutput(target.array);
  const step = direct === null ? rows : Math.max(1, Math.floor(CHUNK / n));
  // padded plane, output rows, row bases, footprint offsets, weights
  const { offsets: at, total } = layout([psize * 8, Math.min(step, rows) * n * 8, rows * 4, kept.length * 4, kept.length * 8]);
  const lent = borrow(total);
  if (lent === null) return null;
  const { kernels, base } = lent;
  const [padded, out, bases, offsets, weights] = at.map((o) => base + o);
  const buffer = kernels.memory.buffer;
  const { pstride } = padPlane(sourceValues(x), x.shape, wshape, origins, mode, cval, new Float64Array(buffer, padded, psize));
  new Int32Array(buffer, offsets, kept.length).set(footprintOffsets(wshape, (k) => Math.abs(w[k]) > DBL_EPSILON, pstride));
  new Float64Array(buffer, weights, kept.length).set(kept);
  const rowBases = new Int32Array(buffer, bases, rows);
  let r = 0;
  forEachRow(x.shape, pstride, (b) => {
    rowBases[r++] = b;
  });
  const round32 = target.dtype === 'float32' ? 1 : 0;
  if (direct === null) {
    kernels.correlateRows(padded, out, bases, rows, n, offsets, weights, kept.length, round32);
    return storeResult(target, new Float64Array(buffer, out, size));
  }
  // the padded copy holds the input, so the output may be the input's memory
  for (let r0 = 0; r0 < rows; r0 += step) {
    const count = Math.min(step, rows - r0);
    kernels.correlateRows(padded, out, bases + r0 * 4, count, n, offsets, weights, kept.length, round32);
    direct.set(new Float64Array(buffer, out, count * n), r0 * n);
  }
  return target.array;
}

/** The input's values in C order: its own storage when it is C-contiguous float64 or float32, else a float64 copy. */
export function sourceValues(x: NDArray): Float64Array | Float32Array {
  if ((x.dtype === 'float64' || x.dtype === 'float32') && x.isContiguous) {
    return (x.data as Float64Array | Float32Array).subarray(x.offset, x.offset + x.size);
  }
  return readPlane(x);
}
