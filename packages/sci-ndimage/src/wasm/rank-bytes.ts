/**
 * Rank filters of 8-bit images on the WebAssembly kernels, sixteen neighbouring outputs at
 * once in byte lanes: the bytes are padded by the boundary mode straight into wasm memory
 * (no conversion to doubles); the 3×3 median takes Paeth's sorted columns
 * (median3x3Bytes), other small windows a selection network (networkRankBytes, see
 * selection-network.ts). Integers make the rank-th value unique, so the results are any
 * selection's, SciPy's Hoare FIND included.
 */
import type { NDArray } from '@sciport/array-api';
import { footprintOffsets, forEachRow, padPlane, strides } from '../footprint-pass.js';
import type { Extension } from '../modes.js';
import type { OutputTarget } from '../output.js';
import { readPlane } from '../planes.js';
import { selectionNetwork } from '../selection-network.js';
import { storeResult } from './line-passes.js';
import { borrow, layout } from './runtime.js';

/**
 * Windows up to this many elements (7×7 and smaller boxes) take the network, whose
 * comparators grow as s·log²s; larger ones keep the sliding histogram, whose updates per
 * output grow with the window's height only.
 */
const NETWORK_LIMIT = 64;

/**
 * The rank-`rank` element of the footprint `mask` (full-rank shape `fshape`, shifted by
 * `origins`) around every element of the uint8 or int8 array `x`, into `target`; `cval`
 * is the fill value as the input's dtype holds it. Null when the kernels cannot take the
 * call (not loaded, not enough memory, a window too large or rows too short for them).
 */
export function rankBytesInWasm(
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
  if (size === 0 || nd === 0 || (x.dtype !== 'uint8' && x.dtype !== 'int8')) return null;
  const count = mask.reduce((a, b) => a + b, 0);
  const n = x.shape[nd - 1];
  const box3 = nd >= 2 && fshape[nd - 1] === 3 && fshape[nd - 2] === 3 && count === 9;
  const median3x3 = box3 && fshape.slice(0, -2).every((f) => f === 1) && rank === 4;
  if (!median3x3 && (count > NETWORK_LIMIT || n < 16)) return null;
  const pshape = x.shape.map((len, d) => len + fshape[d] - 1);
  const psize = pshape.reduce((a, b) => a * b, 1);
  const pstride = strides(pshape);
  const rows = size / n;
  const offsets = footprintOffsets(fshape, (k) => mask[k] === 1, pstride);
  const network = median3x3 ? new Int32Array(0) : selectionNetwork(count, rank);
  // padded bytes, output bytes, row bases, window offsets, network, wires
  const { offsets: at, total } = layout([psize, size, rows * 4, count * 4, network.length * 4, count * 16]);
  const lent = borrow(total);
  if (lent === null) return null;
  const { kernels, base } = lent;
  const [padded, out, bases, offsetsAt, networkAt, wires] = at.map((o) => base + o);
  const buffer = kernels.memory.buffer;
  const Bytes = x.dtype === 'uint8' ? Uint8Array : Int8Array;
  const source = x.isContiguous ? (x.data as Uint8Array).subarray(x.offset, x.offset + size) : readPlane(x);
  padPlane(source, x.shape, fshape, origins, mode, cval, new Bytes(buffer, padded, psize));
  const rowBases = new Int32Array(buffer, bases, rows);
  let r = 0;
  forEachRow(x.shape, pstride, (b) => {
    rowBases[r++] = b;
  });
  const signed = x.dtype === 'int8' ? 1 : 0;
  if (median3x3) {
    // the window's top-left element is the first of its offsets
    kernels.median3x3Bytes(padded, out, bases, rows, n, pstride[nd - 2], signed);
  } else {
    new Int32Array(buffer, offsetsAt, count).set(offsets);
    new Int32Array(buffer, networkAt, network.length).set(network);
    kernels.networkRankBytes(padded, out, bases, rows, n, offsetsAt, count, networkAt, network.length / 2, rank, wires, signed);
  }
  const result = new Bytes(buffer, out, size);
  const y = target.array;
  if (y.dtype === x.dtype && y.isContiguous) {
    (y.data as Uint8Array).set(result, y.offset);
    return y;
  }
  return storeResult(target, Float64Array.from(result));
}
