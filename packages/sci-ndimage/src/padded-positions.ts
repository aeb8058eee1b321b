/**
 * Where the elements of an array of `shape` sit in a padded copy of it (strides `pstride`,
 * the first element at `start`), in C order: one sweep per line of the last axis, so the
 * per-element work is one addition.
 */
export function paddedPositions(shape: readonly number[], pstride: readonly number[], start: number): Int32Array {
  const rank = shape.length;
  const size = shape.reduce((a, b) => a * b, 1);
  const out = new Int32Array(size);
  if (size === 0) return out;
  if (rank === 0) {
    out[0] = start;
    return out;
  }
  const last = rank - 1;
  const n = shape[last];
  const step = pstride[last];
  const idx = new Int32Array(rank);
  let p = start;
  for (let k = 0; k < size; k += n) {
    for (let j = 0; j < n; j++) out[k + j] = p + j * step;
    for (let d = last - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) {
        p += pstride[d];
        break;
      }
      p -= (shape[d] - 1) * pstride[d];
      idx[d] = 0;
    }
  }
  return out;
}
