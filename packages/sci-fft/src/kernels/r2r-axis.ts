/** DCT/DST plans along one axis of an n-D real buffer (the r2r counterpart of axis.ts). */
import { checkAxes, innerOuter } from './axis.js';
import type { R2RPlan } from './r2r-plan.js';

/** Strided DCT/DST lines gathered at once: 16 doubles, two 64-byte cache lines per row. */
const R2R_BLOCK_LINES = 16;

/**
 * Applies a DCT/DST plan along `axis` of a C-contiguous real buffer, in place — or, with
 * `src` (same shape, only read), from `src` into `data`.
 */
export function r2rAlongAxis(data: Float64Array, shape: readonly number[], axis: number, plan: R2RPlan, src: Float64Array = data): void {
  checkAxes(shape, [axis]);
  const n = shape[axis];
  const { outer, inner } = innerOuter(shape, axis);
  if (outer * inner === 0 || n === 0) return;
  if (inner === 1) {
    plan.executeMany(src, 0, data, 0, outer);
    return;
  }
  // Strided lines move in blocks of neighbours: each row of the block is one contiguous
  // run of the buffer (whole cache lines) instead of one element per cache line per line.
  const block = Math.min(inner, R2R_BLOCK_LINES);
  const lines = new Float64Array(block * n);
  for (let o = 0; o < outer; o++) {
    for (let i0 = 0; i0 < inner; i0 += block) {
      const count = Math.min(block, inner - i0);
      const a = o * n * inner + i0;
      for (let j = 0, p = a; j < n; j++, p += inner) {
        for (let c = 0, q = j; c < count; c++, q += n) lines[q] = src[p + c];
      }
      plan.executeMany(lines, 0, lines, 0, count);
      for (let j = 0, p = a; j < n; j++, p += inner) {
        for (let c = 0, q = j; c < count; c++, q += n) data[p + c] = lines[q];
      }
    }
  }
}
