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
  if (taps === 2) return sum2Linear(c, w0, o0, a0, w1, o1, a1);
  if (taps === 4) return sum2Cubic(c, w0, o0, a0, w1, o1, a1);
  let t = 0;
  for (let i = 0; i < taps; i++) {
    const base = o0[a0 + i];
    const wi = w0[a0 + i];
    for (let j = 0; j < taps; j++) t += c[base + o1[a1 + j]] * wi * w1[a1 + j];
  }
  return t;
}

/** sum2 for order 1, written out (the same terms in the same order). */
function sum2Linear(c: Float64Array, w0: Float64Array, o0: Int32Array, a0: number, w1: Float64Array, o1: Int32Array, a1: number): number {
  const r0 = o0[a0];
  const r1 = o0[a0 + 1];
  const v0 = w0[a0];
  const v1 = w0[a0 + 1];
  const k0 = o1[a1];
  const k1 = o1[a1 + 1];
  const u0 = w1[a1];
  const u1 = w1[a1 + 1];
  let t = 0;
  t += c[r0 + k0] * v0 * u0;
  t += c[r0 + k1] * v0 * u1;
  t += c[r1 + k0] * v1 * u0;
  t += c[r1 + k1] * v1 * u1;
  return t;
}

/** sum2 for order 3: one row of four taps at a time, the same terms in the same order. */
function sum2Cubic(c: Float64Array, w0: Float64Array, o0: Int32Array, a0: number, w1: Float64Array, o1: Int32Array, a1: number): number {
  const k0 = o1[a1];
  const k1 = o1[a1 + 1];
  const k2 = o1[a1 + 2];
  const k3 = o1[a1 + 3];
  const u0 = w1[a1];
  const u1 = w1[a1 + 1];
  const u2 = w1[a1 + 2];
  const u3 = w1[a1 + 3];
  let t = 0;
  for (let i = 0; i < 4; i++) {
    const r = o0[a0 + i];
    const v = w0[a0 + i];
    t += c[r + k0] * v * u0;
    t += c[r + k1] * v * u1;
    t += c[r + k2] * v * u2;
    t += c[r + k3] * v * u3;
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
  if (taps === 2) return sum3Linear(c, w0, o0, a0, w1, o1, a1, w2, o2, a2);
  if (taps === 4) return sum3Cubic(c, w0, o0, a0, w1, o1, a1, w2, o2, a2);
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

/** sum3 for order 1: one line of two taps at a time, the same terms in the same order. */
function sum3Linear(c: Float64Array, w0: Float64Array, o0: Int32Array, a0: number, w1: Float64Array, o1: Int32Array, a1: number, w2: Float64Array, o2: Int32Array, a2: number): number {
  const k0 = o2[a2];
  const k1 = o2[a2 + 1];
  const u0 = w2[a2];
  const u1 = w2[a2 + 1];
  let t = 0;
  for (let i = 0; i < 2; i++) {
    const wi = w0[a0 + i];
    for (let j = 0; j < 2; j++) {
      const base = o0[a0 + i] + o1[a1 + j];
      const wj = w1[a1 + j];
      t += c[base + k0] * wi * wj * u0;
      t += c[base + k1] * wi * wj * u1;
    }
  }
  return t;
}

/** sum3 for order 3: one line of four taps at a time, the same terms in the same order. */
function sum3Cubic(c: Float64Array, w0: Float64Array, o0: Int32Array, a0: number, w1: Float64Array, o1: Int32Array, a1: number, w2: Float64Array, o2: Int32Array, a2: number): number {
  const k0 = o2[a2];
  const k1 = o2[a2 + 1];
  const k2 = o2[a2 + 2];
  const k3 = o2[a2 + 3];
  const u0 = w2[a2];
  const u1 = w2[a2 + 1];
  const u2 = w2[a2 + 2];
  const u3 = w2[a2 + 3];
  let t = 0;
  for (let i = 0; i < 4; i++) {
    const wi = w0[a0 + i];
    for (let j = 0; j < 4; j++) {
      const base = o0[a0 + i] + o1[a1 + j];
      const wj = w1[a1 + j];
      t += c[base + k0] * wi * wj * u0;
      t += c[base + k1] * wi * wj * u1;
      t += c[base + k2] * wi * wj * u2;
      t += c[base + k3] * wi * wj * u3;
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
