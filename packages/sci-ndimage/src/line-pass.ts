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

/** Lines gathered at once along a strided axis, so each read of the plane uses whole cache lines. */
const BLOCK = 16;

/** `src` (C order, `shape`) filtered along `axis` by `kernel`; a new plane. */
export function linePass(src: Float64Array, shape: readonly number[], axis: number, extension: LineExtension, kernel: LineKernel): Float64Array {
  const dst = new Float64Array(src.length);
  const n = shape[axis];
  if (src.length === 0) return dst;
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  const outer = src.length / (n * inner);
  const { before, after, mode, cval } = extension;
  const width = n + before + after;
  const block = Math.min(BLOCK, inner);
  const ext = Array.from({ length: block }, () => new Float64Array(width));
  const out = Array.from({ length: block }, () => new Float64Array(n));
  for (let o = 0; o < outer; o++) {
    for (let i0 = 0; i0 < inner; i0 += block) {
      const count = Math.min(block, inner - i0);
      const start0 = o * n * inner + i0;
      if (inner === 1) ext[0].set(src.subarray(start0, start0 + n), before);
      else {
        // row by row: the `count` neighbouring lines' elements j are adjacent in the plane
        for (let j = 0; j < n; j++) {
          const row = start0 + j * inner;
          for (let b = 0; b < count; b++) ext[b][before + j] = src[row + b];
        }
      }
      for (let b = 0; b < count; b++) {
        const start = start0 + b;
        const e = ext[b];
        for (let j = 0; j < before; j++) e[j] = extended(src, start, inner, j - before, n, mode, cval);
        for (let j = 0; j < after; j++) e[before + n + j] = extended(src, start, inner, n + j, n, mode, cval);
        kernel(e, out[b], n);
      }
      if (inner === 1) dst.set(out[0], start0);
      else {
        for (let j = 0; j < n; j++) {
          const row = start0 + j * inner;
          for (let b = 0; b < count; b++) dst[row + b] = out[b][j];
        }
      }
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
