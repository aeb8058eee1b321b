/**
 * fft/ifft/fftn/ifftn of real input, the way pocketfft serves SciPy (`c2c_sym`): the real
 * FFT of each line along one axis gives the first n/2+1 values, the symmetry of a real
 * signal's spectrum, X[n-k] = conj(X[k]), gives the rest, and complex FFTs do the other
 * axes. About half the work of a complex FFT of the same data.
 */
import type { NDArray } from '@sciport/array-api';
import { readOnlyInput, shapeSize } from '../buffers.js';
import { complexAlongAxes, realForwardAlongAxis } from '../kernels/index.js';

/**
 * The complex spectrum (interleaved, C-contiguous, of `shape`) of the real array `a`
 * over `axes`, forward or backward, times `scale`. `shape` is `a`'s shape with the
 * transformed axes resized (zero-padded or truncated).
 */
export function spectrumOfReal(a: NDArray, shape: readonly number[], axes: readonly number[], forward: boolean, scale: number): Float64Array {
  const out = new Float64Array(2 * shapeSize(shape));
  if (out.length === 0) return out;
  // the innermost transformed axis has the contiguous lines: the real FFTs run there
  const realAxis = Math.max(...axes);
  const others = axes.filter((axis) => axis !== realAxis);
  const n = shape[realAxis];
  realForwardAlongAxis(readOnlyInput(a, shape, false), shape, realAxis, out, others.length === 0 ? scale : 1, n);
  extendHermitian(out, shape, realAxis, !forward);
  if (others.length > 0) complexAlongAxes(out, shape, others, forward, scale);
  return out;
}

/**
 * Completes each line along `axis` whose first n/2+1 values hold a real signal's forward
 * spectrum: X[n-k] = conj(X[k]). With `conjugate`, the whole line is conjugated as well,
 * which turns it into the backward spectrum (for real input, backward = conj(forward)).
 */
export function extendHermitian(data: Float64Array, shape: readonly number[], axis: number, conjugate: boolean): void {
  const n = shape[axis];
  const m = (n >> 1) + 1;
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  const outer = shapeSize(shape) / (n * inner);
  const step = 2 * inner;
  for (let o = 0; o < outer; o++) {
    const line = 2 * o * n * inner;
    for (let k = m; k < n; k++) {
      const to = line + k * step;
      const from = line + (n - k) * step;
      for (let i = 0; i < step; i += 2) {
        data[to + i] = data[from + i];
        data[to + i + 1] = -data[from + i + 1];
      }
    }
    if (!conjugate) continue;
    for (let i = line + 1, end = line + n * step; i < end; i += 2) data[i] = -data[i];
  }
}
