/**
 * Rank filters on the WebAssembly kernels, a vector of neighbouring outputs at once: the
 * values are padded by the boundary mode straight into wasm memory in their own width
 * (bytes for 8-bit images, float32 for float32 data, else float64) and every window goes
 * through a selection network (networkRank in assembly/ndimage.ts, see
 * selection-network.ts) lane by lane: sixteen outputs at once in bytes, four in float32,
 * two in float64. The 3×3 median takes Paeth's sorted columns instead (median3x3).
 *
 * Lane minima and maxima are exact comparisons only for totally ordered values (no NaN,
 * no −0; integers always are): then the rank-th value is unique and the results are any
 * selection's, SciPy's Hoare FIND included. Other data takes the TypeScript selection.
 */
import type { NDArray } from '@sciport/array-api';
import { footprintOffsets, forEachRow, padPlane, strides } from '../footprint-pass.js';
import { totallyOrdered } from '../median-box3.js';
import type { Extension } from '../modes.js';
import type { OutputTarget } from '../output.js';
import { readPlane } from '../planes.js';
import { selectionNetwork } from '../selection-network.js';
import { storeResult } from './line-passes.js';
import { borrow, layout } from './runtime.js';

/**
 * The largest windows that take a network (7×7 and smaller boxes): its comparators grow as
 * s·log²s, and beyond this the sliding histogram of bytes (whose updates grow with the
 * window's height only) and the sorted window of other values are faster.
 */
const NETWORK_LIMIT = 64;

type Lanes = 'uint8' | 'int8' | 'float32' | 'float64';

/**
 * The rank-`rank` element of the footprint `mask` (full-rank shape `fshape`, shifted by
 * `origins`) around every element of the real array `x`, into `target`; `cval` is the
 * fill value as the input's dtype holds it. Null when the kernels cannot take the call
 * (not loaded, not enough memory, a window too large or rows too short for them, values
 * without a total order).
 */
export function rankNetworkInWasm(
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
  const nd = x.ndim;
  if (size === 0 || nd === 0) return null;
  const lanes: Lanes = x.dtype === 'uint8' || x.dtype === 'int8' || x.dtype === 'float32' ? x.dtype : 'float64';
  const bytes = lanes === 'uint8' || lanes === 'int8';
  const width = bytes ? 1 : lanes === 'float32' ? 4 : 8;
  const count = mask.reduce((a, b) => a + b, 0);
  const n = x.shape[nd - 1];
  const median3x3 = nd >= 2 && fshape[nd - 1] === 3 && fshape[nd - 2] === 3 && fshape.slice(0, -2).every((f) => f === 1) && count === 9 && rank === 4;
  if (count > NETWORK_LIMIT || n < 16 / width) return null;
  const pshape = x.shape.map((len, d) => len + fshape[d] - 1);
  const psize = pshape.reduce((a, b) => a * b, 1);
  const pstride = strides(pshape);
  const rows = size / n;
  const offsets = footprintOffsets(fshape, (k) => mask[k] === 1, pstride);
  const network = median3x3 ? new Int32Array(0) : selectionNetwork(count, rank);
  // padded plane, output, row bases, window offsets, network, wires
  const { offsets: at, total } = layout([psize * width, size * width, rows * 4, count * 4, network.length * 4, count * 16]);
  const lent = borrow(total);
  if (lent === null) return null;
  const { kernels, base } = lent;
  const [padded, out, bases, offsetsAt, networkAt, wires] = at.map((o) => base + o);
  const buffer = kernels.memory.buffer;
  const View = { uint8: Uint8Array, int8: Int8Array, float32: Float32Array, float64: Float64Array }[lanes];
  const plane = new View(buffer, padded, psize);
  padPlane(sourceOf(x), x.shape, fshape, origins, mode, cval, plane);
  if (!bytes && !totallyOrdered(plane as Float64Array | Float32Array)) return null;
  const rowBases = new Int32Array(buffer, bases, rows);
  let r = 0;
  forEachRow(x.shape, pstride, (b) => {
    rowBases[r++] = b;
  });
  const flag = lanes === 'int8' || lanes === 'float32' ? 1 : 0;
  if (median3x3) {
    (bytes ? kernels.median3x3Bytes : kernels.median3x3Floats)(padded, out, bases, rows, n, pstride[nd - 2], flag);
  } else {
    new Int32Array(buffer, offsetsAt, count).set(offsets);
    new Int32Array(buffer, networkAt, network.length).set(network);
    const run = bytes ? kernels.networkRankBytes : kernels.networkRankFloats;
    run(padded, out, bases, rows, n, offsetsAt, count, networkAt, network.length / 2, rank, wires, flag);
  }
  const result = new View(buffer, out, size);
  const y = target.array;
  if (y.dtype === lanes && y.isContiguous) {
    (y.data as typeof result).set(result as never, y.offset);
    return y;
  }
  return storeResult(target, result instanceof Float64Array ? result : Float64Array.from(result));
}

/** The input's values in C order: its own storage when it is C-contiguous in the lanes' width, else a float64 copy. */
function sourceOf(x: NDArray): Float64Array | Float32Array | Uint8Array | Int8Array {
  const own = x.dtype === 'uint8' || x.dtype === 'int8' || x.dtype === 'float32' || x.dtype === 'float64';
  if (own && x.isContiguous) return (x.data as Float64Array).subarray(x.offset, x.offset + x.size);
  return readPlane(x);
}
