/**
 * The line kernels of the 1-D filters, summing in SciPy's order so results (and their
 * truncation to integer outputs) match it digit for digit. `ext` holds the line with its
 * extension; output j reads ext[j … j + size − 1].
 */
import type { LineKernel, LineKernelSpec } from './line-pass.js';

/** Weights whose mirror pairs differ by more than this are not symmetric (C's DBL_EPSILON). */
const DBL_EPSILON = 2.220446049250313e-16;

/**
 * Correlation with `w`. Odd-length symmetric (or antisymmetric) weights pair the
 * elements mirrored about the centre first, halving the multiplications as SciPy does.
 *
 * Four outputs are computed side by side: each output's sum is a chain of dependent
 * additions (bound by the adder's latency), and four independent chains keep the
 * pipeline busy. Each output still adds its terms in SciPy's order, so results are
 * unchanged to the last bit.
 */
export function correlateKernel(w: Float64Array): LineKernel {
  const symmetry = symmetryOf(w);
  const weights = w.slice();
  if (symmetry === 1) return withSpec((ext, out, n) => pairedCorrelation(w, ext, out, n, false), { kind: 'symmetric', weights });
  if (symmetry === -1) return withSpec((ext, out, n) => pairedCorrelation(w, ext, out, n, true), { kind: 'antisymmetric', weights });
  return withSpec((ext, out, n) => plainCorrelation(w, ext, out, n), { kind: 'plain', weights });
}

function withSpec(kernel: (ext: Float64Array, out: Float64Array, n: number) => void, spec: LineKernelSpec): LineKernel {
  return Object.assign(kernel, { spec });
}

/** Output j = ext[j + h]·w[h] + Σ from the outermost pair in: (ext[j + h − k] ± ext[j + h + k])·w[h − k]. */
function pairedCorrelation(w: Float64Array, ext: Float64Array, out: Float64Array, n: number, antisymmetric: boolean): void {
  const half = (w.length - 1) / 2;
  const centre = w[half];
  const sign = antisymmetric ? -1 : 1;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    const c = j + half;
    let a0 = ext[c] * centre;
    let a1 = ext[c + 1] * centre;
    let a2 = ext[c + 2] * centre;
    let a3 = ext[c + 3] * centre;
    for (let k = half; k > 0; k--) {
      const wk = w[half - k];
      const lo = c - k;
      const hi = c + k;
      a0 += (ext[lo] + sign * ext[hi]) * wk;
      a1 += (ext[lo + 1] + sign * ext[hi + 1]) * wk;
      a2 += (ext[lo + 2] + sign * ext[hi + 2]) * wk;
      a3 += (ext[lo + 3] + sign * ext[hi + 3]) * wk;
    }
    out[j] = a0;
    out[j + 1] = a1;
    out[j + 2] = a2;
    out[j + 3] = a3;
  }
  for (; j < n; j++) {
    const c = j + half;
    let acc = ext[c] * centre;
    for (let k = half; k > 0; k--) acc += (ext[c - k] + sign * ext[c + k]) * w[half - k];
    out[j] = acc;
  }
}

/** Output j = ext[j + s − 1]·w[s − 1] + Σ over k < s − 1 of ext[j + k]·w[k], in that order. */
function plainCorrelation(w: Float64Array, ext: Float64Array, out: Float64Array, n: number): void {
  const last = w.length - 1;
  const wl = w[last];
  let j = 0;
  for (; j + 3 < n; j += 4) {
    let a0 = ext[j + last] * wl;
    let a1 = ext[j + last + 1] * wl;
    let a2 = ext[j + last + 2] * wl;
    let a3 = ext[j + last + 3] * wl;
    for (let k = 0; k < last; k++) {
      const wk = w[k];
      const e = j + k;
      a0 += ext[e] * wk;
      a1 += ext[e + 1] * wk;
      a2 += ext[e + 2] * wk;
      a3 += ext[e + 3] * wk;
    }
    out[j] = a0;
    out[j + 1] = a1;
    out[j + 2] = a2;
    out[j + 3] = a3;
  }
  for (; j < n; j++) {
    let acc = ext[j + last] * wl;
    for (let k = 0; k < last; k++) acc += ext[j + k] * w[k];
    out[j] = acc;
  }
}

/** 1 for symmetric, -1 for antisymmetric odd-length weights, 0 otherwise. */
export function symmetryOf(w: Float64Array): 1 | -1 | 0 {
  if (w.length % 2 === 0) return 0;
  const half = Math.floor(w.length / 2);
  let symmetric = true;
  let antisymmetric = true;
  for (let i = 1; i <= half; i++) {
    if (Math.abs(w[half + i] - w[half - i]) > DBL_EPSILON) symmetric = false;
    if (Math.abs(w[half + i] + w[half - i]) > DBL_EPSILON) antisymmetric = false;
  }
  return symmetric ? 1 : antisymmetric ? -1 : 0;
}

/** Mean over a box of `size`: SciPy's running sum (add the entering, drop the leaving element), divided per output. */
export function uniformKernel(size: number): LineKernel {
  return withSpec((ext, out, n) => {
    if (n === 0) return;
    let sum = 0;
    for (let k = 0; k < size; k++) sum += ext[k];
    out[0] = sum / size;
    for (let j = 1; j < n; j++) {
      sum += ext[j + size - 1] - ext[j - 1];
      out[j] = sum / size;
    }
  }, { kind: 'uniform', size });
}

/**
 * Minimum (or maximum) over a sliding window of `size` in O(n): Richard Harter's
 * ascending-minima algorithm ("Sliding window minimum", 2001), as SciPy runs it. A ring
 * holds the candidates (value, index where it leaves the window) in increasing order; a
 * new value replaces the front when it is at least as good, else drops the worse
 * candidates from the back. Its comparisons also fix where a NaN wins, exactly as SciPy.
 */
export function minMaxKernel(size: number, minimum: boolean): LineKernel {
  const values = new Float64Array(size);
  const deaths = new Float64Array(size);
  const better = minimum ? (a: number, b: number) => a <= b : (a: number, b: number) => a >= b;
  const kernel: LineKernel = (ext, out, n) => {
    if (size === 1) {
      for (let j = 0; j < n; j++) out[j] = ext[j];
      return;
    }
    let front = 0;
    let back = 0;
    values[0] = ext[0];
    deaths[0] = size;
    for (let i = 1; i < size + n - 1; i++) {
      const v = ext[i];
      if (deaths[front] === i) front = front + 1 === size ? 0 : front + 1;
      if (better(v, values[front])) {
        values[front] = v;
        deaths[front] = i + size;
        back = front;
      } else {
        while (better(v, values[back])) back = back === 0 ? size - 1 : back - 1;
        back = back + 1 === size ? 0 : back + 1;
        values[back] = v;
        deaths[back] = i + size;
      }
      if (i >= size - 1) out[i - size + 1] = values[front];
    }
  };
  return withSpec(kernel, { kind: minimum ? 'minimum' : 'maximum', size });
}
