/**
 * One 1-D filter pass over every line of a plane along one axis, as SciPy's line buffers
 * do it: each line is copied into a buffer extended by `before`/`after` elements of the
 * boundary mode, a line kernel writes the filtered line, and it is stored back. The
 * buffers are allocated once per pass (no allocation per element or line).
 *
 * Along a non-contiguous axis the lines are gathered (and stored back) in blocks of
 * adjacent lines: element j of BLOCK neighbouring lines lies in one or two cache lines,
 * so each memory line is read once per block instead of once per line (loop blocking for
 * cache locality, as in Lam, Rothberg & Wolf, "The cache performance and optimizations of
 * blocked algorithms", ASPLOS 1991).
 */
import { type Extension, mapIndex } from './modes.js';

/**
 * Filters `ext` (length n + before + after: the line and its extension) into `out`
 * (length n). `spec` describes the kernels the WebAssembly module also has (see
 * wasm/line-passes.ts); a kernel without one runs in TypeScript only.
 */
export type LineKernel = ((ext: Float64Array, out: Float64Array, n: number) => void) & { readonly spec?: LineKernelSpec };

/** A line kernel by name: correlation with `weights` (plain or folded), a box mean, or a box minimum/maximum of `size`. */
export type LineKernelSpec =
  | { readonly kind: 'plain' | 'symmetric' | 'antisymmetric'; readonly weights: Float64Array }
  | { readonly kind: 'uniform' | 'minimum' | 'maximum'; readonly size: number };

export interface LineExtension {
  readonly before: number;
  readonly after: number;
  readonly mode: Extension;
  readonly cval: number;
}

/** Adjacent lines gathered at once along a non-contiguous axis (16 doubles: two 64-byte cache lines). */
const BLOCK = 16;

/**
 * `src` (C order, `shape`) filtered along `axis` by `kernel`, into `dst` (a new plane by
 * default). `dst` may be `src` itself: each line is read into its buffer before any of
 * its results is stored, and the lines are disjoint.
 */
export function linePass(
  src: Float64Array,
  shape: readonly number[],
  axis: number,
  extension: LineExtension,
  kernel: LineKernel,
  dst: Float64Array = new Float64Array(src.length),
): Float64Array {
  const n = shape[axis];
  if (src.length === 0) return dst;
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  const outer = src.length / (n * inner);
  const { before, after, cval } = extension;
  const len = n + before + after;
  // where each extension element comes from in the line (-1: the fill value), mapped once
  const sources = new Int32Array(before + after);
  for (let j = 0; j < before; j++) sources[j] = mapIndex(j - before, n, extension.mode);
  for (let j = 0; j < after; j++) sources[before + j] = mapIndex(n + j, n, extension.mode);
  const block = Math.min(BLOCK, inner);
  const exts: Float64Array[] = [];
  const outs: Float64Array[] = [];
  for (let l = 0; l < block; l++) {
    exts.push(new Float64Array(len));
    outs.push(new Float64Array(n));
  }
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i += block) {
      const count = Math.min(block, inner - i);
      const start = o * n * inner + i;
      if (inner === 1) exts[0].set(src.subarray(start, start + n), before);
      else gather(src, start, inner, n, before, exts, count);
      for (let l = 0; l < count; l++) {
        const ext = exts[l];
        for (let j = 0; j < before; j++) ext[j] = sources[j] < 0 ? cval : ext[before + sources[j]];
        for (let j = 0; j < after; j++) ext[before + n + j] = sources[before + j] < 0 ? cval : ext[before + sources[before + j]];
        kernel(ext, outs[l], n);
      }
      if (inner === 1) dst.set(outs[0], start);
      else scatter(dst, start, inner, n, outs, count);
    }
  }
  return dst;
}

/** Copies `count` adjacent lines (element j of line l at start + j·stride + l) into exts[l][before + j]. */
function gather(src: Float64Array, start: number, stride: number, n: number, before: number, exts: Float64Array[], count: number): void {
  for (let j = 0; j < n; j++) {
    const row = start + j * stride;
    for (let l = 0; l < count; l++) exts[l][before + j] = src[row + l];
  }
}

/** Stores `count` filtered lines back (the inverse of gather). */
function scatter(dst: Float64Array, start: number, stride: number, n: number, outs: Float64Array[], count: number): void {
  for (let j = 0; j < n; j++) {
    const row = start + j * stride;
    for (let l = 0; l < count; l++) dst[row + l] = outs[l][j];
  }
}

/** The extension a window of `size` needs, shifted by `origin`: SciPy's size1 + origin before, size2 − origin after. */
export function windowExtension(size: number, origin: number, mode: Extension, cval: number): LineExtension {
  const size1 = Math.floor(size / 2);
  const size2 = size - size1 - 1;
  return { before: size1 + origin, after: size2 - origin, mode, cval };
}
