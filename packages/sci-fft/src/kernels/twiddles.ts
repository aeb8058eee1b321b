/**
 * Accurate roots of unity.
 *
 * Every twiddle is computed directly from its exact rational angle 2π·m/d, with the
 * angle first reduced to [0, π/4] by octant symmetry using integer arithmetic. Then
 * Math.cos/Math.sin only ever see a small argument, and no error accumulates the way
 * it does with repeated complex multiplication (the recurrence used by many small FFT
 * libraries). This is what keeps our error at pocketfft's level (~1e-16·log n rms).
 */

/**
 * Writes cos(2π·m/d) to out[at] and sin(2π·m/d) to out[at+1].
 * m and d are safe integers with 1 <= d < 2^49 (so 8·d is exact).
 */
export function cosSin2Pi(m: number, d: number, out: Float64Array, at: number): void {
  m %= d;
  if (m < 0) m += d;
  // q counts eighths of a turn scaled by d: angle = (π/4)·q/d, q in [0, 8d).
  let q = 8 * m;
  let sinSign = 1;
  let cosSign = 1;
  let swap = false;
  if (q > 4 * d) {
    q = 8 * d - q; // angle -> 2π - angle
    sinSign = -1;
  }
  if (q > 2 * d) {
    q = 4 * d - q; // angle -> π - angle
    cosSign = -1;
  }
  if (q > d) {
    q = 2 * d - q; // angle -> π/2 - angle
    swap = true;
  }
  const a = (Math.PI / 4) * (q / d);
  let c = Math.cos(a);
  let s = Math.sin(a);
  if (swap) {
    const t = c;
    c = s;
    s = t;
  }
  out[at] = cosSign * c;
  out[at + 1] = sinSign * s;
}

/**
 * Interleaved table of exp(-2πi·k·step/d) for k = 0..count-1 (forward-sign roots).
 */
export function rootTable(count: number, step: number, d: number): Float64Array {
  const t = new Float64Array(2 * count);
  for (let k = 0; k < count; k++) {
    cosSin2Pi(k * step, d, t, 2 * k);
    t[2 * k + 1] = -t[2 * k + 1];
  }
  return t;
}
