/**
 * The B-spline prefilter: the coefficients c whose order-n B-spline interpolates the
 * samples s exactly at the integers (Unser, Aldroubi & Eden, "Fast B-spline transforms
 * for continuous image representation and interpolation", IEEE PAMI 13(3), 1991; Unser,
 * "Splines: a perfect fit for signal and image processing", IEEE Signal Process. Mag.
 * 16(6), 1999). The inverse of the sampled B-spline factors into one causal and one
 * anticausal first-order recursion per pole z:
 *
 *   c⁺[k] = s[k] + z·c⁺[k−1],   c⁻[k] = z·(c⁻[k+1] − c⁺[k]),   after a gain Π(1−z)(1−1/z).
 *
 * Each recursion starts from the value the infinitely extended signal gives, for one of
 * three extensions: whole-sample symmetric ('mirror'), half-sample symmetric ('reflect')
 * or periodic ('wrap'); the starting sums run over the whole line. Every operation is
 * SciPy's, in SciPy's order (scipy/ndimage/src/ni_splines.c), so the coefficients have
 * SciPy's bits and integer results that are exact ties round as SciPy's do.
 *
 * A pass filters many lines side by side, each step of a recursion one sweep across
 * them: along a non-last axis the lines of one outer index are the columns of contiguous
 * rows; along the last axis, a few contiguous lines at a time, so the sweep touches the
 * same few cache lines step after step.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { powRounded } from './pow-rounded.js';

/** How a line is extended beyond its ends for the recursions' initial values. */
export type SplineBoundary = 'mirror' | 'reflect' | 'wrap';

/**
 * The poles of the order-n B-spline prefilter, |z| < 1 (Unser 1999, table 1), as the
 * doubles nearest to the exact roots (closed forms such as √3 − 2 round differently).
 */
export function splinePoles(order: number): readonly number[] {
  switch (order) {
    case 2:
      return [-0.1715728752538099]; // √8 − 3
    case 3:
      return [-0.2679491924311227]; // √3 − 2
    case 4:
      return [-0.36134122590022016, -0.013725429297339121]; // ±√(664 ∓ √438976) ± √304 − 19
    case 5:
      return [-0.4305753470999738, -0.04309628820326465]; // ±√(67.5 ∓ √4436.25) ± √26.25 − 6.5
    default:
      throw new InvalidArgumentError(`No prefilter for spline order ${order}.`, { argument: 'order', hint: 'Orders 2–5 are prefiltered.' });
  }
}

/** Lines filtered side by side along the last axis. */
const GATHER = 8;

/**
 * Filters `plane` (C order, `shape`) in place along `axis` with the order-`order`
 * prefilter; lines shorter than 2 are left as they are.
 */
export function prefilterAxis(plane: Float64Array, shape: readonly number[], axis: number, order: number, boundary: SplineBoundary): void {
  const n = shape[axis];
  if (order < 2 || n < 2 || plane.length === 0) return;
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  const filter = new LineFilter(n, splinePoles(order), boundary);
  if (inner > 1) {
    // the lines of one outer index are the `inner` columns of n contiguous rows
    filter.reserve(inner);
    for (let base = 0; base < plane.length; base += n * inner) filter.run(plane, base, inner, 1, inner);
    return;
  }
  // the last axis: lines are contiguous; filter GATHER of them side by side, so each
  // step of a recursion touches the same few cache lines
  const lines = plane.length / n;
  filter.reserve(GATHER);
  for (let first = 0; first < lines; first += GATHER) filter.run(plane, first * n, Math.min(GATHER, lines - first), n, 1);
}

/**
 * The prefilter of lines of length `n`, its constants computed once for all lines. It
 * filters `width` lines side by side: sample k of line i at base + i·across + k·along.
 */
class LineFilter {
  private readonly gain: number;
  /** Per pole: z^(n−1) (mirror) or z^n (reflect), as C's pow rounds them. */
  private readonly powers: number[];
  private acc = new Float64Array(0);

  constructor(
    private readonly n: number,
    private readonly poles: readonly number[],
    private readonly boundary: SplineBoundary,
  ) {
    let gain = 1;
    for (const z of poles) gain *= (1 - z) * (1 - 1 / z);
    this.gain = gain;
    this.powers = poles.map((z) => powRounded(z, boundary === 'mirror' ? n - 1 : n));
  }

  /** Makes room for `width` lines side by side. */
  reserve(width: number): void {
    if (this.acc.length < width) this.acc = new Float64Array(width);
  }

  /** Filters `width` lines in place (see the class). */
  run(c: Float64Array, base: number, width: number, across: number, along: number): void {
    const last = base + (this.n - 1) * along;
    const span = width * across;
    for (let q = 0; q < this.poles.length; q++) {
      const z = this.poles[q];
      const power = this.powers[q];
      // the gain is applied as the first pole's recursion reads each sample (the same
      // product a separate pass would store, one sweep less); later poles read as stored
      const g = q === 0 ? this.gain : 1;
      if (this.boundary === 'mirror') this.causalMirror(c, base, width, across, along, z, power, g);
      else if (this.boundary === 'reflect') this.causalReflect(c, base, width, across, along, z, power, g);
      else this.causalWrap(c, base, width, across, along, z, g);
      causal(c, base, last, span, across, along, z, g);
      if (this.boundary === 'mirror') {
        const denominator = z * z - 1;
        for (let p = last; p < last + span; p += across) c[p] = ((z * c[p - along] + c[p]) * z) / denominator;
      } else if (this.boundary === 'reflect') {
        scale(c, last, last, span, across, along, z / (z - 1));
      } else {
        this.anticausalWrap(c, base, width, across, along, z);
      }
      anticausal(c, base, last, span, across, along, z);
    }
  }

  /** Sample 0 of each line becomes c⁺[0] for the whole-sample symmetric extension (period 2n − 2). */
  private causalMirror(c: Float64Array, base: number, width: number, across: number, along: number, z: number, zn1: number, g: number): void {
    const n = this.n;
    const acc = this.acc;
    const last = base + (n - 1) * along;
    for (let i = 0; i < width; i++) acc[i] = c[base + i * across] * g + zn1 * (c[last + i * across] * g);
    let zk = z;
    for (let k = 1; k < n - 1; k++, zk *= z) {
      const row = base + k * along;
      const mirror = base + (n - 1 - k) * along;
      for (let i = 0; i < width; i++) acc[i] += zk * (c[row + i * across] * g + zn1 * (c[mirror + i * across] * g));
    }
    const denominator = 1 - zn1 * zn1;
    for (let i = 0; i < width; i++) c[base + i * across] = acc[i] / denominator;
  }

  /**
   * Sample 0 of each line becomes c⁺[0] for the half-sample symmetric extension (period
   * 2n): s[0] + z/(1 − z^{2n}) · Σ_{k=0}^{n−1} z^k (s[k] + z^n s[n−1−k]). SciPy 1.17
   * accumulates the sum in s[0]'s own slot, so its last term reads the partial sum where
   * s[0] stood; that is kept, so results have SciPy's digits.
   */
  private causalReflect(c: Float64Array, base: number, width: number, across: number, along: number, z: number, zn: number, g: number): void {
    const n = this.n;
    const acc = this.acc;
    const last = base + (n - 1) * along;
    for (let i = 0; i < width; i++) acc[i] = c[base + i * across] * g + zn * (c[last + i * across] * g);
    let zk = z;
    for (let k = 1; k < n - 1; k++, zk *= z) {
      const row = base + k * along;
      const mirror = base + (n - 1 - k) * along;
      for (let i = 0; i < width; i++) acc[i] += zk * (c[row + i * across] * g + zn * (c[mirror + i * across] * g));
    }
    for (let i = 0; i < width; i++) acc[i] += zk * (c[last + i * across] * g + zn * acc[i]);
    const scale = z / (1 - zn * zn);
    for (let i = 0; i < width; i++) c[base + i * across] = c[base + i * across] * g + acc[i] * scale;
  }

  /** Sample 0 of each line becomes c⁺[0] for the periodic extension: Σ_{k=0}^{n−1} z^k s[−k mod n] / (1 − z^n). */
  private causalWrap(c: Float64Array, base: number, width: number, across: number, along: number, z: number, g: number): void {
    const n = this.n;
    const acc = this.acc;
    for (let i = 0; i < width; i++) acc[i] = c[base + i * across] * g;
    let zk = z;
    for (let k = 1; k < n; k++, zk *= z) {
      const row = base + (n - k) * along;
      for (let i = 0; i < width; i++) acc[i] += zk * (c[row + i * across] * g);
    }
    const denominator = 1 - zk;
    for (let i = 0; i < width; i++) c[base + i * across] = acc[i] / denominator;
  }

  /** Sample n − 1 of each line becomes c⁻[n−1] for the periodic extension: z/(z^n − 1) · Σ_{k=0}^{n−1} z^k c⁺[k − 1 mod n]. */
  private anticausalWrap(c: Float64Array, base: number, width: number, across: number, along: number, z: number): void {
    const n = this.n;
    const acc = this.acc;
    const last = base + (n - 1) * along;
    for (let i = 0; i < width; i++) acc[i] = c[last + i * across];
    let zk = z;
    for (let k = 0; k < n - 1; k++, zk *= z) {
      const row = base + k * along;
      for (let i = 0; i < width; i++) acc[i] += zk * c[row + i * across];
    }
    const scale = z / (zk - 1);
    for (let i = 0; i < width; i++) c[last + i * across] = acc[i] * scale;
  }
}

/** Multiplies samples `first` … `last` (rows `along` apart, lines `across` apart, `span` wide) by `factor`. */
function scale(c: Float64Array, first: number, last: number, span: number, across: number, along: number, factor: number): void {
  for (let row = first; row <= last; row += along) for (let p = row; p < row + span; p += across) c[p] *= factor;
}

/** The causal recursion c⁺[k] = g·s[k] + z·c⁺[k−1] from row 1 to `last`. */
function causal(c: Float64Array, base: number, last: number, span: number, across: number, along: number, z: number, g: number): void {
  for (let row = base + along; row <= last; row += along) {
    for (let p = row; p < row + span; p += across) c[p] = c[p] * g + z * c[p - along];
  }
}

/** The anticausal recursion c⁻[k] = z·(c⁻[k+1] − c⁺[k]) from row `last` − 1 down to `base`. */
function anticausal(c: Float64Array, base: number, last: number, span: number, across: number, along: number, z: number): void {
  for (let row = last - along; row >= base; row -= along) {
    for (let p = row; p < row + span; p += across) c[p] = z * (c[p + along] - c[p]);
  }
}
