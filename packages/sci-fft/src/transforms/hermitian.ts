/**
 * fft/ifft/fftn/ifftn of real input, the way pocketfft serves SciPy (`c2c_sym`): the real
 * FFT of each line along one axis gives the first n/2+1 values, complex FFTs do the other
 * axes on that half only, and the symmetry of a real signal's spectrum,
 * X[-k] = conj(X[k]) over all transformed axes, gives the rest. About half the work of a
 * complex FFT of the same data, and the result is exactly Hermitian, as SciPy's is.
 */
import { type NDArray, packedMap, shapeSize } from '@sciport/array-api';
import { newResult, readOnlyInput } from '../buffers.js';
import { completeSpectrum, expandSpectrum, realAlongAxes, realSpectrumAlongAxis } from '../kernels/index.js';

/**
 * The axis whose lines get the real FFTs: the innermost transformed one, whose lines are the
 * most nearly contiguous. The cluster backend plans its passes with the same choice.
 */
export function realAxisOf(axes: readonly number[]): number {
  return Math.max(...axes);
}

/**
 * The complex spectrum (interleaved, C-contiguous, of `shape`) of the real array `a`
 * over `axes`, forward or backward, times `scale`. `shape` is `a`'s shape with the
 * transformed axes resized (zero-padded or truncated).
 */
export function spectrumOfReal(a: NDArray, shape: readonly number[], axes: readonly number[], forward: boolean, scale: number): Float64Array {
  const out = newResult(2 * shapeSize(shape));
  if (out.length === 0) return out;
  const realAxis = realAxisOf(axes);
  const others = axes.filter((axis) => axis !== realAxis);
  const src = readOnlyInput(a, shape, false);
  if (others.length === 0) {
    realSpectrumAlongAxis(src, shape, realAxis, out, forward, scale);
    return out;
  }
  const n = shape[realAxis];
  const halfShape = packedMap(shape, (v, d) => (d === realAxis ? (n >> 1) + 1 : v));
  const how = { realAxis, n, reversed: others, scale, conj: !forward };
  if (realAxis === shape.length - 1) {
    // the half in the output's first part, expanded where it lies: no second buffer
    realAlongAxes(src, shape, realAxis, others, out.subarray(0, 2 * shapeSize(halfShape)), 1);
    expandSpectrum(out, shape, how);
    return out;
  }
  const half = new Float64Array(2 * shapeSize(halfShape));
  realAlongAxes(src, shape, realAxis, others, half, 1);
  completeSpectrum({ data: half, shape: halfShape, start: 0 }, { data: out, shape, start: 0 }, how);
  return out;
}
