/**
 * Sweeping an array line by line (lines of its last axis) through a padded copy of it, so
 * the per-element work of a pass is one index step.
 */

/**
 * Calls `line(p, k, n)` for each line of the last axis, in C order: `p` is the padded index
 * of its first element, `k` the element's C-order index, `n` the line's length (a 0-D array
 * is one line of one element).
 */
export function forEachLine(shape: readonly number[], pstride: readonly number[], start: number, line: (p: number, k: number, n: number) => void): void {
  const rank = shape.length;
  const size = shape.reduce((a, b) => a * b, 1);
  if (size === 0) return;
  if (rank === 0) {
    line(start, 0, 1);
    return;
  }
  const last = rank - 1;
  const n = shape[last];
  const idx = new Int32Array(rank);
  let p = start;
  for (let k = 0; k < size; k += n) {
    line(p, k, n);
    for (let d = last - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) {
        p += pstride[d];
        break;
      }
      p -= (shape[d] - 1) * pstride[d];
      idx[d] = 0;
    }
  }
}
