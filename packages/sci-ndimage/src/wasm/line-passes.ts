/**
 * Separable passes (1-D correlation, box mean, box minimum/maximum) on the WebAssembly
 * kernels: the input is read once into wasm memory as a float64 plane (SciPy's filters
 * compute in double whatever the dtype), every pass filters it in place there, and the
 * result is stored once into the output. Between passes the plane is stored as the
 * output's dtype, as SciPy stores each pass's result (float32 rounding happens inside
 * the kernel).
 */
import { dtypeInfo, type NDArray } from '@sciport/array-api';
import { finishReal } from '../filter-io.js';
import type { LineExtension, LineKernelSpec } from '../line-pass.js';
import { mapIndex } from '../modes.js';
import { type OutputTarget, quantize } from '../output.js';
import { readPlaneInto } from '../planes.js';
import { borrow, layout } from './runtime.js';

/** One pass as the wasm kernels take it. */
export interface WasmPass {
  readonly axis: number;
  readonly extension: LineExtension;
  readonly spec: LineKernelSpec;
}

const KIND = { plain: 0, symmetric: 1, antisymmetric: 2, uniform: 3, minimum: 4, maximum: 5 } as const;

/** Lines filtered at once by a kernel (lanes of its rows). */
const LANES = 8;

/** Elements of a chunk (256 KB of doubles, about an L2 cache) when a pass streams its input in or its output out. */
export const CHUNK = 32768;

/**
 * Runs `passes` over the real array `x` into `target` (real dtype) and returns the
 * output, or null when the wasm kernels cannot take the call (not loaded, disabled, or
 * not enough memory): the caller runs the TypeScript kernels then.
 *
 * The lines of a pass lie in independent slabs (the elements sharing the indices before
 * its axis), so the first pass copies its input in and the last pass stores its output
 * slab chunk by slab chunk, each while the chunk is still in cache, instead of streaming
 * the whole plane through memory once more for each copy.
 */
export function separableInWasm(x: NDArray, target: OutputTarget, passes: readonly WasmPass[]): NDArray | null {
  const size = x.size;
  if (size === 0 || x.ndim === 0) return null;
  let rows = 0;
  let ends = 0;
  let taps = 1;
  for (const p of passes) {
    const n = x.shape[p.axis];
    rows = Math.max(rows, n + p.extension.before + p.extension.after);
    ends = Math.max(ends, p.extension.before + p.extension.after);
    if ('weights' in p.spec) taps = Math.max(taps, p.spec.weights.length);
  }
  const output = directOutput(target.array);
  // an output in the input's memory is written only after the whole input is read
  const input = output !== null && output.buffer === x.data.buffer ? null : directInput(x);
  // one pass from a contiguous input to a contiguous output needs only one chunk's plane
  const chunked = passes.length === 1 && input !== null && output !== null;
  const planeSize = chunked ? Math.min(size, chunkSlabs(x.shape, passes[0].axis) * slabSize(x.shape, passes[0].axis)) : size;
  const rowBytes = LANES * 8;
  // plane, ext rows, out rows, min/max scratch rows, extension sources, weights, line starts
  const { offsets, total } = layout([planeSize * 8, rows * rowBytes, rows * rowBytes, rows * rowBytes, ends * 4, taps * 8, LANES * 4]);
  const lent = borrow(total);
  if (lent === null) return null;
  const { kernels, base } = lent;
  const [plane, ext, out, tmp, sources, weights, starts] = offsets.map((o) => base + o);
  const buffer = kernels.memory.buffer;
  const view = new Float64Array(buffer, plane, planeSize);
  const dtype = target.dtype;
  if (input === null || passes.length === 0) readPlaneInto(x, view);
  const round32 = dtype === 'float32';
  const exact = round32 || dtype === 'float64';
  passes.forEach((p, i) => {
    const n = x.shape[p.axis];
    const inner = slabSize(x.shape, p.axis) / n;
    const { before, after, mode, cval } = p.extension;
    const map = new Int32Array(buffer, sources, before + after);
    for (let j = 0; j < before; j++) map[j] = mapIndex(j - before, n, mode);
    for (let j = 0; j < after; j++) map[before + j] = mapIndex(n + j, n, mode);
    let window = 0;
    if ('weights' in p.spec) {
      new Float64Array(buffer, weights, p.spec.weights.length).set(p.spec.weights);
      window = p.spec.weights.length;
    } else {
      window = p.spec.size;
    }
    const kind = KIND[p.spec.kind];
    const load = i === 0 ? input : null;
    const store = i === passes.length - 1 ? output : null;
    const slab = n * inner;
    const slabs = size / slab;
    const step = load !== null || store !== null ? chunkSlabs(x.shape, p.axis) : slabs;
    for (let s = 0; s < slabs; s += step) {
      const count = Math.min(step, slabs - s);
      const a = s * slab;
      const b = a + count * slab;
      // where the chunk lies in the plane: in its place, or at its start when the plane is one chunk
      const at = chunked ? 0 : a;
      const chunk = view.subarray(at, at + (b - a));
      if (load !== null) chunk.set(load.subarray(a, b));
      kernels.linePass(plane + at * 8, count, n, inner, before, after, sources, cval, kind, weights, window, ext, out, tmp, starts, round32 ? 1 : 0);
      // the next pass reads the values the output's dtype holds (the last pass's are converted on store)
      if (!exact && i < passes.length - 1) quantize(chunk, dtype);
      if (store !== null) store.set(chunk, a);
    }
  });
  if (passes.length > 0 && output !== null) return target.array;
  return storeResult(target, view);
}

/** Elements of a slab of lines along `axis`: the axis and the axes after it. */
function slabSize(shape: readonly number[], axis: number): number {
  let size = 1;
  for (let d = axis; d < shape.length; d++) size *= shape[d];
  return size;
}

/** Slabs along `axis` in one chunk (at least one). */
function chunkSlabs(shape: readonly number[], axis: number): number {
  return Math.max(1, Math.floor(CHUNK / slabSize(shape, axis)));
}

/** The input's own elements in C order when it is C-contiguous with one plain number per element (a typed-array copy converts them as readPlane does). */
function directInput(x: NDArray): Float64Array | null {
  const info = dtypeInfo(x.dtype);
  if (info.lanes !== 1 || info.isBigInt || !x.isContiguous) return null;
  return (x.data as Float64Array).subarray(x.offset, x.offset + x.size);
}

/** The output's own elements when a typed-array store into them converts as quantize would (see STORE_CONVERTS). */
export function directOutput(y: NDArray): Float64Array | null {
  if (!STORE_CONVERTS.has(y.dtype) || !y.isContiguous) return null;
  return (y.data as Float64Array).subarray(y.offset, y.offset + y.size);
}

/**
 * Dtypes whose typed-array store converts a double exactly as `quantize` does (float32
 * rounding; truncation toward zero and wrapping for the 8- to 32-bit integers), so a
 * plane can be stored into them without quantizing it first.
 */
const STORE_CONVERTS = new Set(['float64', 'float32', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32']);

/** Writes a result plane (stored as the output's dtype, or for one of STORE_CONVERTS about to be) into the output; returns the output. */
export function storeResult(target: OutputTarget, plane: Float64Array): NDArray {
  const y = target.array;
  if (STORE_CONVERTS.has(y.dtype) && y.isContiguous) {
    // one native copy, converting as an element store does
    (y.data as Float64Array).set(plane, y.offset);
    return y;
  }
  return finishReal(target, plane);
}
