/**
 * The median of every 3×3 window of a padded plane by sorted columns: each column of three
 * is sorted once per output row (and shared by the three windows that hold it), and the
 * median of nine is the median of the largest of the column minima, the median of the
 * column medians and the smallest of the column maxima (A. W. Paeth, "Median finding on a
 * 3×3 grid", Graphics Gems, 1990). It needs a total order, so it serves inputs without
 * NaN (whose place Hoare's selection decides) and without −0 (which of two equal zeros
 * comes out would then differ).
 */

/** Whether `values` hold only numbers that order totally and equal ones are alike (no NaN, no −0). */
export function totallyOrdered(values: Float64Array | Float32Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v) || (v === 0 && 1 / v < 0)) return false;
  }
  return true;
}

/**
 * Medians of the 3×3 windows over the last two axes of an output of `shape` (the other
 * window sizes 1), reading the padded plane (`pstride` its strides, the window's first
 * element at an output's padded index), into `out` (C order).
 */
export function medianBox3(padded: Float64Array, pstride: readonly number[], shape: readonly number[], out: Float64Array): Float64Array {
  const nd = shape.length;
  const rows = shape[nd - 2];
  const cols = shape[nd - 1];
  const planes = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  const rowStride = pstride[nd - 2];
  const width = cols + 2;
  const lo = new Float64Array(width);
  const mid = new Float64Array(width);
  const hi = new Float64Array(width);
  const outer = new Array<number>(Math.max(0, nd - 2)).fill(0);
  let k = 0;
  for (let p = 0; p < planes; p++) {
    let planeBase = 0;
    for (let d = 0; d < nd - 2; d++) planeBase += outer[d] * pstride[d];
    for (let r = 0; r < rows; r++) {
      const a0 = planeBase + r * rowStride;
      const b0 = a0 + rowStride;
      const c0 = b0 + rowStride;
      for (let c = 0; c < width; c++) {
        const a = padded[a0 + c];
        const b = padded[b0 + c];
        const e = padded[c0 + c];
        const low = Math.min(a, b);
        const high = Math.max(a, b);
        lo[c] = Math.min(low, e);
        hi[c] = Math.max(high, e);
        mid[c] = Math.max(low, Math.min(high, e));
      }
      for (let j = 0; j < cols; j++, k++) {
        const maxLo = Math.max(lo[j], lo[j + 1], lo[j + 2]);
        const minHi = Math.min(hi[j], hi[j + 1], hi[j + 2]);
        const medMid = median3(mid[j], mid[j + 1], mid[j + 2]);
        out[k] = median3(maxLo, medMid, minHi);
      }
    }
    for (let d = nd - 3; d >= 0; d--) {
      if (++outer[d] < shape[d]) break;
      outer[d] = 0;
    }
  }
  return out;
}

function median3(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}
