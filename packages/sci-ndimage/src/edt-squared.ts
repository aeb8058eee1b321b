/**
 * Squared Euclidean distances to the nearest background element with unit sampling, by
 * separable lower envelopes of parabolas (P. F. Felzenszwalb and D. P. Huttenlocher,
 * "Distance transforms of sampled functions", Theory of Computing 8, 2012): along the
 * last axis the distance to the nearest background element of the line, then along each
 * other axis the minimum over the line of f(q) + (i − q)². Every value is an integer far
 * below 2^53, so the minima are exact and equal the squared distance to SciPy's feature
 * (whichever of several equally near features it picks); their square roots are SciPy's.
 */

/** Lines of a strided axis gathered together (whole cache lines per row). */
const BLOCK = 16;

/**
 * The squared distance of every element of `foreground` (nonzero = foreground, C order,
 * rank ≥ 1) to the nearest background element; null when there is none (SciPy's feature
 * is then a placeholder that only the feature transform reproduces).
 */
export function squaredDistances(foreground: Uint8Array, shape: readonly number[]): Float64Array | null {
  const size = foreground.length;
  if (size === 0 || foreground.every((v) => v !== 0)) return null;
  const rank = shape.length;
  const n = shape[rank - 1];
  const g = new Float64Array(size);
  // along the last axis: two sweeps for the nearest background element of the line
  for (let start = 0; start < size; start += n) {
    let last = -1;
    for (let j = 0; j < n; j++) {
      if (foreground[start + j] === 0) last = j;
      g[start + j] = last < 0 ? Number.POSITIVE_INFINITY : j - last;
    }
    last = -1;
    for (let j = n - 1; j >= 0; j--) {
      if (foreground[start + j] === 0) last = j;
      else if (last >= 0 && last - j < g[start + j]) g[start + j] = last - j;
      const d = g[start + j];
      g[start + j] = d * d;
    }
  }
  const maxLength = Math.max(...shape);
  const lines = new Float64Array(BLOCK * maxLength);
  const envelope = new Int32Array(maxLength);
  const bounds = new Float64Array(maxLength + 1);
  const result = new Float64Array(maxLength);
  let stride = n;
  for (let d = rank - 2; d >= 0; d--) {
    const len = shape[d];
    // lines along axis d start at o·len·stride + i (o over the earlier axes, i within one step)
    for (let start0 = 0; start0 < size; start0 += len * stride) {
      for (let i0 = 0; i0 < stride; i0 += BLOCK) {
        const count = Math.min(BLOCK, stride - i0);
        const first = start0 + i0;
        for (let j = 0, row = first; j < len; j++, row += stride) for (let b = 0; b < count; b++) lines[b * maxLength + j] = g[row + b];
        for (let b = 0; b < count; b++) {
          lowerEnvelope(lines, b * maxLength, len, envelope, bounds, result);
          lines.set(result.subarray(0, len), b * maxLength);
        }
        for (let j = 0, row = first; j < len; j++, row += stride) for (let b = 0; b < count; b++) g[row + b] = lines[b * maxLength + j];
      }
    }
    stride *= len;
  }
  return g;
}

/** min over q of f(q) + (i − q)² for i in 0 … n − 1, f = `f[at …]` (infinite: no parabola), into `out`. */
function lowerEnvelope(f: Float64Array, at: number, n: number, envelope: Int32Array, bounds: Float64Array, out: Float64Array): void {
  let k = -1;
  for (let q = 0; q < n; q++) {
    const fq = f[at + q];
    if (fq === Number.POSITIVE_INFINITY) continue;
    const hq = fq + q * q;
    let s = Number.NEGATIVE_INFINITY;
    while (k >= 0) {
      const v = envelope[k];
      // where the parabola of q overtakes that of v
      s = (hq - (f[at + v] + v * v)) / (2 * (q - v));
      if (s > bounds[k]) break;
      k--;
    }
    if (k < 0) s = Number.NEGATIVE_INFINITY;
    envelope[++k] = q;
    bounds[k] = s;
  }
  if (k < 0) {
    out.fill(Number.POSITIVE_INFINITY, 0, n);
    return;
  }
  const top = k;
  k = 0;
  for (let i = 0; i < n; i++) {
    while (k < top && bounds[k + 1] < i) k++;
    const v = envelope[k];
    out[i] = (i - v) * (i - v) + f[at + v];
  }
}
