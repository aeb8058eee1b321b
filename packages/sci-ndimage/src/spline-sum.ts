/**
 * The tensor-product sum of one interpolated value: over every combination of one tap
 * per axis (last axis fastest), the coefficient the taps select times each axis's
 * weight in turn, ((c·w₀)·w₁)·w₂, added to one running total. That is SciPy's order of
 * operations (ni_interpolation.c), so a value has SciPy's bits and an integer result
 * that is exactly a tie rounds to the same side.
 *
 * Axis d's taps are `taps` weights `w[d][a[d] …]` and element offsets `o[d][a[d] …]`
 * into the coefficients; the 1-, 2- and 3-D sums are written out for speed.
 */

export function sum1(c: Float64Array, taps: number, w0: Float64Array, o0: Int32Array, a0: number): number {
  let t = 0;
  for (let i = 0; i < taps; i++) t += c[o0[a0 + i]] * w0[a0 + i];
  return t;
}

export function sum2(c: Float64Array, taps: number, w0: Float64Array, o0: Int32Array, a0: number, w1: Float64Array, o1: Int32Array, a1: number): number {
  let t = 0;
  for (let i = 0; i < taps; i++) {
    const base = o0[a0 + i];
    const wi = w0[a0 + i];
    for (let j = 0; j < taps; j++) t += c[base + o1[a1 + j]] * wi * w1[a1 + j];
  }
  return t;
}

export function sum3(
  c: Float64Array,
  taps: number,
  w0: Float64Array,
  o0: Int32Array,
  a0: number,
  w1: Float64Array,
  o1: Int32Array,
  a1: number,
  w2: Float64Array,
  o2: Int32Array,
  a2: number,
): number {
  let t = 0;
  for (let i = 0; i < taps; i++) {
    const wi = w0[a0 + i];
    for (let j = 0; j < taps; j++) {
      const base = o0[a0 + i] + o1[a1 + j];
      const wj = w1[a1 + j];
      for (let k = 0; k < taps; k++) t += c[base + o2[a2 + k]] * wi * wj * w2[a2 + k];
    }
  }
  return t;
}

/** Any number of axes: `tap` is scratch of one entry per axis. */
export function sumN(c: Float64Array, taps: number, w: readonly Float64Array[], o: readonly Int32Array[], a: ArrayLike<number>, tap: Int32Array): number {
  const nd = w.length;
  tap.fill(0);
  let t = 0;
  for (;;) {
    let offset = 0;
    for (let d = 0; d < nd; d++) offset += o[d][a[d] + tap[d]];
    let v = c[offset];
    for (let d = 0; d < nd; d++) v *= w[d][a[d] + tap[d]];
    t += v;
    let d = nd - 1;
    while (d >= 0 && ++tap[d] === taps) tap[d--] = 0;
    if (d < 0) return t;
  }
}
