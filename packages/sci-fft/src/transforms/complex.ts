/**
 * Host implementations of the complex transforms: fft, ifft, fft2, ifft2, fftn, ifftn
 * (SciPy's `c2c` / `c2cn`). Output is complex128, or complex64 for float32/complex64
 * input; integer and bool input is promoted to float64 first.
 *
 * Complex input is read once, straight into the kernels' working memory, and the result
 * written once into the output, all axes in one kernel call. Real input takes the
 * real-FFT route (as pocketfft does for SciPy): see hermitian.ts.
 */
import { asarray, isComplexDtype, NDArray, shapeSize } from '@sciport/array-api';
import { isSinglePrecision, newResult, readInto, toOutput } from '../buffers.js';
import { complexAlongAxesFrom } from '../kernels/index.js';
import {
  checkCommon,
  FFT_KEYS,
  FFTN_KEYS,
  type FFTNOptions,
  type FFTOptions,
  normScale,
  readOptions,
} from '../options.js';
import { checkAxisLength, checkLengthOption, checkResultSize, initShapeAndAxes, normalizeAxis } from '../shape-axes.js';
import { spectrumOfReal } from './hermitian.js';

/**
 * The complex transform of `a` over `axes`, its output shape `shape` (the input's, with
 * the transformed axes resized), scaled by `scale`.
 */
function complexTransform(a: NDArray, shape: number[], axes: readonly number[], forward: boolean, scale: number): NDArray {
  const fill = (buffer: Float64Array) => readInto(buffer, a, shape, { complex: true });
  if (a.dtype === 'complex64') {
    // the float64 result rounds straight into the complex64 output: no float64 result array
    const single = new Float32Array(2 * shapeSize(shape));
    complexAlongAxesFrom(fill, single, shape, axes, forward, scale);
    return new NDArray(single, shape, 'complex64');
  }
  let data: Float64Array;
  if (isComplexDtype(a.dtype)) {
    data = newResult(2 * shapeSize(shape));
    complexAlongAxesFrom(fill, data, shape, axes, forward, scale);
  } else {
    data = spectrumOfReal(a, shape, axes, forward, scale);
  }
  return toOutput(data, shape, true, isSinglePrecision(a.dtype));
}

/** 1-D complex FFT along `axis` with SciPy's `n` (zero-pad / truncate) and `norm`. */
export function complexTransform1d(forward: boolean, fn: string, x: unknown, options: FFTOptions | undefined): NDArray {
  const o = readOptions(options, FFT_KEYS, fn);
  const norm = checkCommon(o);
  const a = asarray(x);
  const axis = normalizeAxis(o.axis ?? -1, a.ndim);
  const n = checkLengthOption(o.n) ?? a.shape[axis];
  checkAxisLength(n, axis);
  const shape = [...a.shape];
  shape[axis] = n;
  checkResultSize(shape, 'n', true);
  return complexTransform(a, shape, [axis], forward, normScale(norm, forward, n));
}

/**
 * n-D complex FFT over `axes` (default all) with output lengths `s`. As in SciPy, an
 * empty `axes` list returns the input unchanged.
 */
export function complexTransformNd(
  forward: boolean,
  fn: string,
  x: unknown,
  options: FFTNOptions | undefined,
  defaultAxes?: readonly number[],
): NDArray {
  const o = readOptions(options, FFTN_KEYS, fn);
  const norm = checkCommon(o);
  const a = asarray(x);
  const { shape: lengths, axes } = initShapeAndAxes(a.shape, o.s, o.axes === undefined ? defaultAxes : o.axes);
  if (axes.length === 0) return a;
  const shape = [...a.shape];
  axes.forEach((axis, i) => {
    shape[axis] = lengths[i];
  });
  checkResultSize(shape, 's', true);
  return complexTransform(a, shape, axes, forward, normScale(norm, forward, shapeSize(lengths)));
}

export function fftHost(x: unknown, options?: FFTOptions): NDArray {
  return complexTransform1d(true, 'fft', x, options);
}
export function ifftHost(x: unknown, options?: FFTOptions): NDArray {
  return complexTransform1d(false, 'ifft', x, options);
}
export function fftnHost(x: unknown, options?: FFTNOptions): NDArray {
  return complexTransformNd(true, 'fftn', x, options);
}
export function ifftnHost(x: unknown, options?: FFTNOptions): NDArray {
  return complexTransformNd(false, 'ifftn', x, options);
}
export function fft2Host(x: unknown, options?: FFTNOptions): NDArray {
  return complexTransformNd(true, 'fft2', x, options, [-2, -1]);
}
export function ifft2Host(x: unknown, options?: FFTNOptions): NDArray {
  return complexTransformNd(false, 'ifft2', x, options, [-2, -1]);
}
