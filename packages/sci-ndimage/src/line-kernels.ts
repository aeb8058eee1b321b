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
function symmetryOf(w: Float64Array): 1 | -1 | 0 {
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

/** Minimum (or maximum) over a window of `size`, scanning it from its first element. */
export function minMaxKernel(size: number, minimum: boolean): LineKernel {
  return minimum
    ? (ext, out, n) => {
        for (let j = 0; j < n; j++) {
          let v = ext[j];
          for (let k = 1; k < size; k++) if (ext[j + k] < v) v = ext[j + k];
          out[j] = v;
        }
      }
    : (ext, out, n) => {
        for (let j = 0; j < n; j++) {
          let v = ext[j];
          for (let k = 1; k < size; k++) if (ext[j + k] > v) v = ext[j + k];
          out[j] = v;
        }
      };
}
