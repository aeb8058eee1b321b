/**
 * The B-spline prefilter: the coefficients c whose order-n B-spline interpolates the
 * samples s exactly at the integers (Unser, Aldroubi & Eden, "B-spline signal processing"
 * I/II, IEEE Trans. Signal Process. 41, 1993; Unser, "Splines: a perfect fit for signal and
 * image processing", IEEE Signal Process. Mag. 16(6), 1999). The inverse of the sampled
 * B-spline factors into one causal and one anticausal first-order recursion per pole z:
 *
 *   c⁺[k] = s[k] + z·c⁺[k−1],   c⁻[k] = z·(c⁻[k+1] − c⁺[k]),   after a gain Π(1−z)(1−1/z).
 *
 * Each recursion starts from the value the infinitely extended signal gives, for one of
 * three extensions: whole-sample symmetric ('mirror'), half-sample symmetric ('reflect')
 * or periodic ('wrap'). A pass filters every line along one axis at once: the plane is
 * seen as rows of `inner` contiguous values, each column a line, so every step of a
 * recursion is one sweep over a contiguous row (no gathers, no per-line buffers).
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';

/** How a line is extended beyond its ends for the recursions' initial values. */
export type SplineBoundary = 'mirror' | 'reflect' | 'wrap';

/** The poles of the order-n B-spline prefilter, |z| < 1 (Unser 1999, table 1). */
export function splinePoles(order: number): number[] {
  switch (order) {
    case 2:
      return [Math.sqrt(8) - 3];
    case 3:
      return [Math.sqrt(3) - 2];
    case 4:
      return [
        Math.sqrt(664 - Math.sqrt(438976)) + Math.sqrt(304) - 19,
        Math.sqrt(664 + Math.sqrt(438976)) - Math.sqrt(304) - 19,
      ];
    case 5:
      return [
        Math.sqrt(67.5 - Math.sqrt(4436.25)) + Math.sqrt(26.25) - 6.5,
        Math.sqrt(67.5 + Math.sqrt(4436.25)) - Math.sqrt(26.25) - 6.5,
      ];
    default:
      throw new InvalidArgumentError(`No prefilter for spline order ${order}.`, { argument: 'order', hint: 'Orders 2–5 are prefiltered.' });
  }
}

/** Terms z^k below this relative size are dropped from a long line's initial sum. */
const EPSILON = 2.220446049250313e-16;

/**
 * Filters `plane` (C order, `shape`) in place along `axis` with the order-`order`
 * prefilter; lines shorter than 2 are left as they are.
 */
export function prefilterAxis(plane: Float64Array, shape: readonly number[], axis: number, order: number, boundary: SplineBoundary): void {
  const n = shape[axis];
  if (order < 2 || n < 2 || plane.length === 0) return;
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  const outer = plane.length / (n * inner);
  const poles = splinePoles(order);
  let gain = 1;
  for (const z of poles) gain *= (1 - z) * (1 - 1 / z);
  for (let o = 0; o < outer; o++) {
    const base = o * n * inner;
    const end = base + n * inner;
    for (let p = base; p < end; p++) plane[p] *= gain;
    for (const z of poles) {
      causalStart(plane, base, n, inner, z, boundary);
      for (let row = base + inner; row < end; row += inner) {
        for (let i = 0; i < inner; i++) plane[row + i] += z * plane[row - inner + i];
      }
      anticausalStart(plane, base, n, inner, z, boundary);
      for (let row = end - 2 * inner; row >= base; row -= inner) {
        for (let i = 0; i < inner; i++) plane[row + i] = z * (plane[row + inner + i] - plane[row + i]);
      }
    }
  }
}

/** Row 0 of the block becomes c⁺[0] = Σ_{k≥0} z^k s[−k] of the extended line, for every column. */
function causalStart(c: Float64Array, base: number, n: number, inner: number, z: number, boundary: SplineBoundary): void {
  const horizon = Math.ceil(Math.log(EPSILON) / Math.log(Math.abs(z)));
  const acc = new Float64Array(inner);
  const row = (k: number) => base + k * inner;
  if (n > horizon) {
    // z^k vanishes before the extension matters: the sum over the line's own start
    let zk = 1;
    if (boundary === 'wrap') {
      // s[−k] = s[n−k]
      for (let i = 0; i < inner; i++) acc[i] = c[base + i];
      zk = z;
      for (let k = 1; k < horizon; k++, zk *= z) for (let i = 0; i < inner; i++) acc[i] += zk * c[row(n - k) + i];
    } else {
      // both symmetric extensions read s[1], s[2], … backwards; reflect repeats s[0] first
      const first = boundary === 'reflect' ? 0 : 1;
      for (let i = 0; i < inner; i++) acc[i] = c[base + i];
      zk = z;
      for (let k = first; k < horizon; k++, zk *= z) for (let i = 0; i < inner; i++) acc[i] += zk * c[row(k) + i];
    }
    c.set(acc, base);
    return;
  }
  if (boundary === 'mirror') {
    // period 2n−2: s[0] + Σ_{k=1}^{n−2} (z^k + z^{2n−2−k}) s[k] + z^{n−1} s[n−1], over 1 − z^{2n−2}
    const zn1 = z ** (n - 1);
    const z2n2 = zn1 * zn1;
    for (let i = 0; i < inner; i++) acc[i] = c[base + i] + zn1 * c[row(n - 1) + i];
    let zk = z;
    for (let k = 1; k < n - 1; k++, zk *= z) {
      const w = zk + z2n2 / zk;
      for (let i = 0; i < inner; i++) acc[i] += w * c[row(k) + i];
    }
    for (let i = 0; i < inner; i++) c[base + i] = acc[i] / (1 - z2n2);
  } else if (boundary === 'wrap') {
    // period n: s[0] + Σ_{k=1}^{n−1} z^k s[n−k], over 1 − z^n
    const zn = z ** n;
    for (let i = 0; i < inner; i++) acc[i] = c[base + i];
    let zk = z;
    for (let k = 1; k < n; k++, zk *= z) for (let i = 0; i < inner; i++) acc[i] += zk * c[row(n - k) + i];
    for (let i = 0; i < inner; i++) c[base + i] = acc[i] / (1 - zn);
  } else {
    // period 2n, half-sample symmetric: s[0] + z/(1 − z^{2n}) · Σ_{k=0}^{n−1} z^k (s[k] + z^n s[n−1−k]).
    // SciPy accumulates this sum into s[0]'s own slot, so its last term (k = n−1) reads the
    // partial sum where s[0] stood; that is kept, so results match SciPy's digits.
    const zn = z ** n;
    for (let i = 0; i < inner; i++) acc[i] = c[base + i] + zn * c[row(n - 1) + i];
    let zk = z;
    for (let k = 1; k < n; k++, zk *= z) {
      if (k === n - 1) for (let i = 0; i < inner; i++) acc[i] += zk * (c[row(k) + i] + zn * acc[i]);
      else for (let i = 0; i < inner; i++) acc[i] += zk * (c[row(k) + i] + zn * c[row(n - 1 - k) + i]);
    }
    const scale = z / (1 - zn * zn);
    for (let i = 0; i < inner; i++) c[base + i] += scale * acc[i];
  }
}

/**
 * Row n−1 becomes c⁻[n−1], from the symmetry the infinite c⁻ shares with the extension:
 * mirror c⁻[n] = c⁻[n−2], reflect c⁻[n] = c⁻[n−1], wrap c⁻[n−1] = −z Σ_j z^j c⁺[n−1+j mod n].
 */
function anticausalStart(c: Float64Array, base: number, n: number, inner: number, z: number, boundary: SplineBoundary): void {
  const last = base + (n - 1) * inner;
  if (boundary === 'mirror') {
    const scale = z / (z * z - 1);
    for (let i = 0; i < inner; i++) c[last + i] = scale * (c[last + i] + z * c[last - inner + i]);
  } else if (boundary === 'reflect') {
    const scale = z / (z - 1);
    for (let i = 0; i < inner; i++) c[last + i] *= scale;
  } else {
    const horizon = Math.min(n, Math.ceil(Math.log(EPSILON) / Math.log(Math.abs(z))));
    const acc = Float64Array.from(c.subarray(last, last + inner));
    let zj = z;
    for (let j = 1; j < horizon; j++, zj *= z) for (let i = 0; i < inner; i++) acc[i] += zj * c[base + (j - 1) * inner + i];
    const scale = n > horizon ? -z : -z / (1 - z ** n);
    for (let i = 0; i < inner; i++) c[last + i] = scale * acc[i];
  }
}
