/**
 * fft/ifft/fftn/ifftn of real input, the way pocketfft serves SciPy (`c2c_sym`): the real
 * FFT of each line along one axis gives the first n/2+1 values, the symmetry of a real
 * signal's spectrum, X[n-k] = conj(X[k]), gives the rest, and complex FFTs do the other
 * axes. About half the work of a complex FFT of the same data.
 */
import { type NDArray, shapeSize } from '@sciport/array-api';
import { newResult, readOnlyInput } from '../buffers.js';
import { realAlongAxes } from '../kernels/index.js';

/**
 * The complex spectrum (interleaved, C-contiguous, of `shape`) of the real array `a`
 * over `axes`, forward or backward, times `scale`. `shape` is `a`'s shape with the
 * transformed axes resized (zero-padded or truncated).
 */
export function spectrumOfReal(a: NDArray, shape: readonly number[], axes: readonly number[], forward: boolean, scale: number): Float64Array {
  const out = newResult(2 * shapeSize(shape));
  if (out.length === 0) return out;
  // the innermost transformed axis has the most nearly contiguous lines: the real FFTs run there
  const realAxis = Math.max(...axes);
  const others = axes.filter((axis) => axis !== realAxis);
  realAlongAxes(readOnlyInput(a, shape, false), shape, realAxis, others, out, true, forward, scale);
  return out;
}
