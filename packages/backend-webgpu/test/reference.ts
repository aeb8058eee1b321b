/** Float64 references for the GPU kernels' tests. */

/** Deterministic pseudo-random numbers in [-1, 1) (mulberry32). */
export function randomValues(count: number, seed = 1): Float64Array {
  let a = seed >>> 0;
  const out = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[k] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

/**
 * DFT along `axis` of a C-ordered complex array (interleaved), in float64:
 * naive O(n²) with exactly reduced angles. `sign` +1 forward, −1 inverse; result times `scale`.
 */
export function referenceDFT(
  data: ArrayLike<number>,
  shape: readonly number[],
  axis: number,
  sign: 1 | -1,
  scale = 1,
): Float64Array {
  const n = shape[axis];
  let outer = 1;
  let inner = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d];
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  const out = new Float64Array(2 * outer * n * inner);
  const cos = new Float64Array(n);
  const sin = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    cos[j] = Math.cos((2 * Math.PI * j) / n);
    sin[j] = -sign * Math.sin((2 * Math.PI * j) / n);
  }
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      for (let k = 0; k < n; k++) {
        let re = 0;
        let im = 0;
        for (let j = 0; j < n; j++) {
          const idx = 2 * ((o * n + j) * inner + i);
          const t = (j * k) % n;
          re += data[idx] * cos[t] - data[idx + 1] * sin[t];
          im += data[idx] * sin[t] + data[idx + 1] * cos[t];
        }
        const at = 2 * ((o * n + k) * inner + i);
        out[at] = re * scale;
        out[at + 1] = im * scale;
      }
    }
  }
  return out;
}

/** max |a − b| / max |b| over interleaved complex (or real) data. */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Number.POSITIVE_INFINITY;
  let err = 0;
  let mag = 0;
  for (let k = 0; k < expected.length; k++) {
    err = Math.max(err, Math.abs(actual[k] - expected[k]));
    mag = Math.max(mag, Math.abs(expected[k]));
  }
  return mag === 0 ? err : err / mag;
}
