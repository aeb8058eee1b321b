/** Data for the kernel tests: reproducible uniform matrices and elementwise distances. */

export type Data = Float64Array | Float32Array;

/** `size` values uniform in [−1, 1) from a linear congruential stream seeded by `seed` (float32 when `single`). */
export function random(size: number, seed: number, single: boolean): Data {
  const out = single ? new Float32Array(size) : new Float64Array(size);
  let t = seed >>> 0;
  for (let i = 0; i < size; i++) {
    t = (Math.imul(t, 1664525) + 1013904223) >>> 0;
    out[i] = t / 2 ** 31 - 1;
  }
  return out;
}

/** The largest |x[i] − y[i]|. */
export function maxAbsDiff(x: Data, y: Data): number {
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
  return d;
}
