/**
 * Slow, obviously-correct references for the kernel tests: O(n²) sums evaluated in
 * float64 with exactly reduced angles (so their own error is ~1e-16·sqrt(n)).
 */

/** cos/sin of 2π·num/den with the integer numerator reduced modulo den first. */
function cis(num: number, den: number): [number, number] {
  const r = ((num % den) + den) % den;
  const a = (2 * Math.PI * r) / den;
  return [Math.cos(a), Math.sin(a)];
}

/** Naive DFT of interleaved complex data; sign -1 = forward (exp(-2πi jk/n)). */
export function naiveDft(x: Float64Array, sign: -1 | 1): Float64Array {
  const n = x.length / 2;
  const out = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let j = 0; j < n; j++) {
      const [c, s0] = cis(j * k, n);
      const s = sign * s0;
      const xr = x[2 * j];
      const xi = x[2 * j + 1];
      sr += xr * c - xi * s;
      si += xr * s + xi * c;
    }
    out[2 * k] = sr;
    out[2 * k + 1] = si;
  }
  return out;
}

/** Naive unnormalised DCT/DST (SciPy's norm='backward' forward definitions). */
export function naiveR2R(kind: 'dct' | 'dst', type: 1 | 2 | 3 | 4, x: Float64Array): Float64Array {
  const n = x.length;
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      let w: number;
      if (kind === 'dct') {
        if (type === 1) w = j === 0 || j === n - 1 ? (j === 0 ? 1 : k % 2 ? -1 : 1) : 2 * cis(j * k, 2 * (n - 1))[0];
        else if (type === 2) w = 2 * cis(k * (2 * j + 1), 4 * n)[0];
        else if (type === 3) w = j === 0 ? 1 : 2 * cis((2 * k + 1) * j, 4 * n)[0];
        else w = 2 * cis((2 * j + 1) * (2 * k + 1), 8 * n)[0];
      } else {
        if (type === 1) w = 2 * cis((k + 1) * (j + 1), 2 * (n + 1))[1];
        else if (type === 2) w = 2 * cis((k + 1) * (2 * j + 1), 4 * n)[1];
        else if (type === 3) w = j === n - 1 ? (k % 2 ? -1 : 1) : 2 * cis((2 * k + 1) * (j + 1), 4 * n)[1];
        else w = 2 * cis((2 * j + 1) * (2 * k + 1), 8 * n)[1];
      }
      s += w * x[j];
    }
    y[k] = s;
  }
  return y;
}

/** Relative rms error ||a-b|| / ||b|| (0 when both are zero). */
export function relRms(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    const d = a[i] - b[i];
    num += d * d;
    den += b[i] * b[i];
  }
  if (den === 0) return Math.sqrt(num);
  return Math.sqrt(num / den);
}

/** Deterministic pseudo-random values in [-1, 1) (xorshift-like LCG). */
export function randomArray(len: number, seed: number): Float64Array {
  const out = new Float64Array(len);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < len; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = s / 2147483648 - 1;
  }
  return out;
}
