/**
 * Dtype-aware comparison of a result with SciPy's. Norm-wise: the largest error of any
 * element must stay below `tolerance × max|expected|`, which is how FFT accuracy is
 * stated (per-element relative error is meaningless for outputs near zero). Non-finite
 * values must match element by element: where SciPy has NaN/±Inf (in either part of a
 * complex value) so must the result, and nowhere else.
 */
import type { NDArray } from '@sciport/array-api';

export interface CompareResult {
  readonly ok: boolean;
  /** Largest |actual - expected| over the finite elements. */
  readonly maxError: number;
  /** max|expected| over the finite elements, the scale of the tolerance. */
  readonly scale: number;
  readonly message?: string;
}

function isComplex(dtype: string): boolean {
  return dtype === 'complex64' || dtype === 'complex128';
}

/** Element values in C order as [re, im] pairs (im = 0 for real dtypes). */
export function elementsOf(x: NDArray): Float64Array {
  const size = x.shape.reduce((p, n) => p * n, 1);
  const out = new Float64Array(2 * size);
  const lanes = isComplex(x.dtype) ? 2 : 1;
  const data = x.data as ArrayLike<number | bigint>;
  const nd = x.shape.length;
  const idx = new Array<number>(nd).fill(0);
  for (let k = 0; k < size; k++) {
    let p = x.offset;
    for (let d = 0; d < nd; d++) p += idx[d] * x.stride[d];
    out[2 * k] = Number(data[lanes * p]);
    out[2 * k + 1] = lanes === 2 ? Number(data[2 * p + 1]) : 0;
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < x.shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

/**
 * Compares dtype, shape and values. `tolerance` is relative to max|expected|;
 * `0` demands exact equality (helpers such as fftshift and fftfreq).
 */
export function compareArrays(actual: NDArray, expected: NDArray, tolerance: number): CompareResult {
  if (actual.dtype !== expected.dtype) {
    return { ok: false, maxError: Number.NaN, scale: Number.NaN, message: `dtype ${actual.dtype}, expected ${expected.dtype}` };
  }
  if (actual.shape.length !== expected.shape.length || actual.shape.some((n, i) => n !== expected.shape[i])) {
    return {
      ok: false,
      maxError: Number.NaN,
      scale: Number.NaN,
      message: `shape [${actual.shape.join(', ')}], expected [${expected.shape.join(', ')}]`,
    };
  }
  const a = elementsOf(actual);
  const e = elementsOf(expected);
  let scale = 0;
  for (let k = 0; k < e.length; k += 2) {
    if (Number.isFinite(e[k]) && Number.isFinite(e[k + 1])) scale = Math.max(scale, Math.hypot(e[k], e[k + 1]));
  }
  let maxError = 0;
  let worst = -1;
  for (let k = 0; k < e.length; k += 2) {
    const expectedFinite = Number.isFinite(e[k]) && Number.isFinite(e[k + 1]);
    const actualFinite = Number.isFinite(a[k]) && Number.isFinite(a[k + 1]);
    if (expectedFinite !== actualFinite) {
      return {
        ok: false,
        maxError: Number.NaN,
        scale,
        message: `element ${k / 2} is ${fmt(a[k], a[k + 1])}, expected ${fmt(e[k], e[k + 1])} (non-finite values must match)`,
      };
    }
    if (!expectedFinite) continue;
    const err = Math.hypot(a[k] - e[k], a[k + 1] - e[k + 1]);
    if (err > maxError || Number.isNaN(err)) {
      maxError = err;
      worst = k / 2;
    }
  }
  const limit = tolerance * scale;
  const ok = tolerance === 0 ? maxError === 0 : maxError <= limit;
  return ok
    ? { ok, maxError, scale }
    : {
        ok,
        maxError,
        scale,
        message: `max error ${maxError.toExponential(3)} at element ${worst} (${fmt(a[2 * worst], a[2 * worst + 1])} vs ${fmt(
          e[2 * worst],
          e[2 * worst + 1],
        )}) exceeds ${tolerance.toExponential(2)} × max|expected| ${scale.toExponential(3)}`,
      };
}

function fmt(re: number, im: number): string {
  return im === 0 ? `${re}` : `${re}${im < 0 || Object.is(im, -0) ? '-' : '+'}${Math.abs(im)}i`;
}
