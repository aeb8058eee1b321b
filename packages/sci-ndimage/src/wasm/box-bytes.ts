/**
 * Box minimum and maximum filters of 8-bit images on the WebAssembly kernels: the bytes
 * are padded once by the boundary mode straight into wasm memory, then each filtered axis
 * takes one pass of byte-lane minima (maxima) over sixteen neighbouring outputs at once
 * (boxMinMaxBytes in assembly/ndimage.ts), shrinking the plane to the output's extent
 * along that axis.
 *
 * SciPy runs one 1-D pass per axis, each extending the previous pass's result by the
 * mode and storing it in the output's dtype. Padding once gives the same values when the
 * mode is the same along every axis, the fill value is one of the input's values (a
 * constant fill outside them would be rounded or wrapped differently), and the output's
 * dtype holds every 8-bit value in order (so storing between passes changes nothing).
 */
import type { NDArray } from '@sciport/array-api';
import { padPlane } from '../footprint-pass.js';
import type { Extension } from '../modes.js';
import type { OutputTarget } from '../output.js';
import { readPlane } from '../planes.js';
import { storeResult } from './line-passes.js';
import { borrow, layout } from './runtime.js';

/** Outputs other than the input's dtype that hold every uint8 and int8 value exactly, in order. */
const EXACT_OUTPUTS = new Set(['int16', 'int32', 'float32', 'float64']);

/** Box sizes up to this take the byte passes (size − 1 comparisons per vector; larger boxes take van Herk's three per element). */
const SIZE_LIMIT = 25;

/**
 * The minimum (`minimum`) or maximum over a box of `sizes` (one per axis of x, 1 where
 * not filtered) shifted by `origins`, of the uint8 or int8 array `x`, into `target`; null
 * when the kernels cannot take the call (see above, or not loaded / not enough memory).
 */
export function boxMinMaxBytesInWasm(
  x: NDArray,
  target: OutputTarget,
  sizes: readonly number[],
  origins: readonly number[],
  mode: Extension,
  cval: number,
  minimum: boolean,
): NDArray | null {
  const size = x.size;
  if (size === 0 || x.ndim === 0 || (x.dtype !== 'uint8' && x.dtype !== 'int8')) return null;
  const output = target.dtype;
  if (output !== x.dtype && !EXACT_OUTPUTS.has(output)) return null;
  const [min, max] = x.dtype === 'uint8' ? [0, 255] : [-128, 127];
  if (mode === 'constant' && !(Number.isInteger(cval) && cval >= min && cval <= max)) return null;
  if (sizes.some((s) => s > SIZE_LIMIT)) return null;
  const pshape = x.shape.map((n, d) => n + sizes[d] - 1);
  const psize = pshape.reduce((a, b) => a * b, 1);
  // the padded plane, and a second plane the passes alternate with
  const { offsets: at, total } = layout([psize, psize]);
  const lent = borrow(total);
  if (lent === null) return null;
  const { kernels, base } = lent;
  let [from, to] = at.map((o) => base + o);
  const buffer = kernels.memory.buffer;
  const Bytes = x.dtype === 'uint8' ? Uint8Array : Int8Array;
  const source = x.isContiguous ? (x.data as Uint8Array).subarray(x.offset, x.offset + size) : readPlane(x);
  padPlane(source, x.shape, sizes, origins, mode, cval, new Bytes(buffer, from, psize));
  const shape = pshape.slice();
  for (let d = 0; d < x.ndim; d++) {
    if (sizes[d] <= 1) continue;
    const outer = shape.slice(0, d).reduce((a, b) => a * b, 1);
    const inner = shape.slice(d + 1).reduce((a, b) => a * b, 1);
    kernels.boxMinMaxBytes(from, to, outer, x.shape[d], inner, sizes[d], minimum ? 0 : 1, x.dtype === 'int8' ? 1 : 0);
    shape[d] = x.shape[d];
    [from, to] = [to, from];
  }
  const result = new Bytes(buffer, from, size);
  const y = target.array;
  if (y.dtype === x.dtype && y.isContiguous) {
    (y.data as Uint8Array).set(result, y.offset);
    return y;
  }
  return storeResult(target, Float64Array.from(result));
}
