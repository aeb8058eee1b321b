/**
 * One 1-D filter pass over every line of a plane along one axis, as SciPy's line buffers
 * do it: each line is copied into a buffer extended by `before`/`after` elements of the
 * boundary mode, a line kernel writes the filtered line, and it is stored back. The two
 * buffers are allocated once per pass (no allocation per element or line).
 */
import { type Extension, mapIndex } from './modes.js';

/**
 * Filters `ext` (length n + before + after: the line and its extension) into `out`
 * (length n).
 */
export type LineKernel = (ext: Float64Array, out: Float64Array, n: number) => void;

export interface LineExtension {
  readonly before: number;
  readonly after: number;
  readonly mode: Extension;
  readonly cval: number;
}

/** `src` (C order, `shape`) filtered along `axis` by `kernel`; a new plane. */
export function linePass(src: Float64Array, shape: readonly number[], axis: number, extension: LineExtension, kernel: LineKernel): Float64Array {
  const dst = new Float64Array(src.length);
  const n = shape[axis];
  if (src.length === 0) return dst;
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  const outer = src.length / (n * inner);
  const { before, after, mode, cval } = extension;
  const ext = new Float64Array(n + before + after);
  const out = new Float64Array(n);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const start = o * n * inner + i;
      if (inner === 1) ext.set(src.subarray(start, start + n), before);
      else for (let j = 0; j < n; j++) ext[before + j] = src[start + j * inner];
      for (let j = 0; j < before; j++) ext[j] = extended(src, start, inner, j - before, n, mode, cval);
      for (let j = 0; j < after; j++) ext[before + n + j] = extended(src, start, inner, n + j, n, mode, cval);
      kernel(ext, out, n);
      if (inner === 1) dst.set(out, start);
      else for (let j = 0; j < n; j++) dst[start + j * inner] = out[j];
    }
  }
  return dst;
}

function extended(src: Float64Array, start: number, stride: number, cc: number, n: number, mode: Extension, cval: number): number {
  const k = mapIndex(cc, n, mode);
  return k < 0 ? cval : src[start + k * stride];
}

/** The extension a window of `size` needs, shifted by `origin`: SciPy's size1 + origin before, size2 − origin after. */
export function windowExtension(size: number, origin: number, mode: Extension, cval: number): LineExtension {
  const size1 = Math.floor(size / 2);
  const size2 = size - size1 - 1;
  return { before: size1 + origin, after: size2 - origin, mode, cval };
}
