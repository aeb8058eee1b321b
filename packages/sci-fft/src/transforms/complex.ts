/**
 * Host implementations of the complex transforms: fft, ifft, fft2, ifft2, fftn, ifftn
 * (SciPy's `c2c` / `c2cn`). Output is complex128, or complex64 for float32/complex64
 * input; integer and bool input is promoted to float64 first.
 */
import { asarray, type NDArray } from '@sciport/array-api';
import { complexAxes, complexAxis } from '../axis-passes.js';
import {
  checkCommon,
  FFT_KEYS,
  FFTN_KEYS,
  type FFTNOptions,
  type FFTOptions,
  normScale,
  readOptions,
} from '../options.js';
import { checkAxisLength, checkLengthOption, checkSize, initShapeAndAxes, normalizeAxis } from '../shape-axes.js';
import { isSinglePrecision, loadInput, shapeSize, toOutput } from '../work-buffer.js';

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
  checkSize(shape, 'n');
  const work = loadInput(a, { shape, complex: true });
  complexAxis(work, axis, forward, normScale(norm, forward, n));
  return toOutput(work, isSinglePrecision(a.dtype));
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
  const { shape, axes } = initShapeAndAxes(a.shape, o.s, o.axes === undefined ? defaultAxes : o.axes);
  if (axes.length === 0) return a;
  const full = [...a.shape];
  axes.forEach((axis, i) => {
    full[axis] = shape[i];
  });
  checkSize(full, 's');
  const work = loadInput(a, { shape: full, complex: true });
  complexAxes(work, axes, forward, normScale(norm, forward, shapeSize(shape)));
  return toOutput(work, isSinglePrecision(a.dtype));
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
