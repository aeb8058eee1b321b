/**
 * The line kernels of the 1-D filters, summing in SciPy's order so results (and their
 * truncation to integer outputs) match it digit for digit. `ext` holds the line with its
 * extension; output j reads ext[j … j + size − 1].
 */
import type { LineKernel } from './line-pass.js';

/** Weights whose mirror pairs differ by more than this are not symmetric (C's DBL_EPSILON). */
const DBL_EPSILON = 2.220446049250313e-16;

/**
 * Correlation with `w`. Odd-length symmetric (or antisymmetric) weights pair the
 * elements mirrored about the centre first, halving the multiplications as SciPy does.
 */
export function correlateKernel(w: Float64Array): LineKernel {
  const size = w.length;
  const half = Math.floor(size / 2);
  const symmetry = symmetryOf(w);
  if (symmetry !== 0) {
    const sign = symmetry;
    return (ext, out, n) => {
      for (let j = 0; j < n; j++) {
        const c = j + half;
        let acc = ext[c] * w[half];
        for (let k = -half; k < 0; k++) acc += (ext[c + k] + sign * ext[c - k]) * w[half + k];
        out[j] = acc;
      }
    };
  }
  return (ext, out, n) => {
    for (let j = 0; j < n; j++) {
      let acc = ext[j + size - 1] * w[size - 1];
      for (let k = 0; k < size - 1; k++) acc += ext[j + k] * w[k];
      out[j] = acc;
    }
  };
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
  return (ext, out, n) => {
    if (n === 0) return;
    let sum = 0;
    for (let k = 0; k < size; k++) sum += ext[k];
    out[0] = sum / size;
    for (let j = 1; j < n; j++) {
      sum += ext[j + size - 1] - ext[j - 1];
      out[j] = sum / size;
    }
  };
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
  return (ext, out, n) => {
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
}
