/**
 * Host implementations of the real and Hermitian transforms (SciPy's `r2c`, `c2r`,
 * `r2cn`, `c2rn`):
 *  - rfft / rfftn: real input → the non-negative-frequency half (n/2+1 terms on the last axis);
 *  - irfft / irfftn: that half → real output of length n (default 2(m-1));
 *  - hfft / hfftn: Hermitian half-spectrum → real, the forward direction (irfft of the conjugate);
 *  - ihfft / ihfftn: real → half-spectrum, the backward direction (conjugate of rfft).
 * Complex input to rfft/ihfft is a DtypeError (SciPy raises TypeError); the imaginary
 * parts of the zero and Nyquist terms of a c2r input are ignored, as in SciPy.
 */
import { asarray, isComplexDtype, type NDArray, shapeSize } from '@sciport/array-api';
import { DtypeError, InvalidArgumentError } from '@sciport/dispatch-core';
import { isSinglePrecision, newResultOf, readInto, readOnlyRealInput, wrapOutput } from '../buffers.js';
import { complexToRealAlongAxesFrom, realAlongAxes } from '../kernels/index.js';
import { matchSciPyNonFinite } from './c2r-nonfinite.js';
import {
  checkCommon,
  FFT_KEYS,
  FFTN_KEYS,
  type FFTNOptions,
  type FFTOptions,
  normScale,
  readOptions,
} from '../options.js';
import { checkAxisLength, checkLengthOption, checkResultSize, checkSize, initShapeAndAxes, normalizeAxis } from '../shape-axes.js';

function requireReal(a: NDArray, fn: string): void {
  if (isComplexDtype(a.dtype)) {
    throw new DtypeError(`${fn} needs real input (x must be a real sequence), got ${a.dtype}.`, {
      argument: 'x',
      hint: fn.startsWith('r') ? 'Use fft/fftn for complex input.' : 'Use ifft/ifftn for complex input.',
    });
  }
}

function conjugateInPlace(data: Float64Array | Float32Array): void {
  for (let i = 1; i < data.length; i += 2) data[i] = -data[i];
}

/** `shape` with the real axis holding the n/2+1 terms of a half spectrum. */
function halfSpectrumShape(shape: readonly number[], axis: number): number[] {
  const half = [...shape];
  half[axis] = Math.floor(shape[axis] / 2) + 1; // not `>> 1`: lengths past 2^31 are checked with this shape
  return half;
}

/**
 * The size checks of a complex-to-real transform with output `shape`: the real result, and
 * the n/2+1 complex terms per line it is computed from, which take slightly more memory.
 */
function checkC2RSize(shape: readonly number[], axis: number, argument: string): void {
  checkSize(shape, argument);
  checkResultSize(halfSpectrumShape(shape, axis), argument, true);
}

/**
 * The real forward FFT along `axis` of the real array `a` resized to `shape` (lines of n
 * reals become n/2+1 complex values), complex FFTs over `others`, times `scale`.
 */
function realForward(
  a: NDArray,
  shape: readonly number[],
  axis: number,
  others: readonly number[],
  scale: number,
): { data: Float64Array | Float32Array; shape: number[] } {
  const outShape = halfSpectrumShape(shape, axis);
  // float32 in, complex64 out: read and written in single precision, computed in double
  const data = newResultOf(2 * shapeSize(outShape), isSinglePrecision(a.dtype));
  if (data.length > 0) realAlongAxes(readOnlyRealInput(a, shape), shape, axis, others, data, scale);
  return { data, shape: outShape };
}

/**
 * The real backward FFT: complex FFTs (backward) over `others`, then lines of n/2+1
 * complex values along `axis` become n reals, times `scale`. `a` is read resized to n/2+1
 * along `axis` (conjugated for hfft), straight into the kernels' working memory. The
 * imaginary parts of the zero and Nyquist terms are ignored, as in SciPy.
 */
function realBackward(
  a: NDArray,
  shape: readonly number[],
  axis: number,
  n: number,
  others: readonly number[],
  conjugate: boolean,
  scale: number,
): Float64Array | Float32Array {
  const inShape = halfSpectrumShape(shape, axis);
  // complex64 in, float32 out: the result is rounded straight into single precision
  const out = newResultOf(shapeSize(shape), isSinglePrecision(a.dtype));
  if (out.length === 0) return out;
  const fill = (buffer: Float64Array) => readInto(buffer, a, inShape, { complex: true, conjugate });
  complexToRealAlongAxesFrom(fill, inShape, axis, n, others, out, scale);
  return out;
}

/** rfft (forward) and ihfft (backward: conj of the forward transform, backward scaling). */
export function realToComplex1d(forward: boolean, fn: string, x: unknown, options: FFTOptions | undefined): NDArray {
  const o = readOptions(options, FFT_KEYS, fn);
  const norm = checkCommon(o);
  const a = asarray(x);
  requireReal(a, fn);
  const axis = normalizeAxis(o.axis ?? -1, a.ndim);
  const n = checkLengthOption(o.n) ?? a.shape[axis];
  checkAxisLength(n, axis);
  const shape = [...a.shape];
  shape[axis] = n;
  checkResultSize(halfSpectrumShape(shape, axis), 'n', true);
  const out = realForward(a, shape, axis, [], normScale(norm, forward, n));
  if (!forward) conjugateInPlace(out.data);
  return wrapOutput(out.data, out.shape, true, isSinglePrecision(a.dtype));
}

function defaultOutputLength(m: number, fn: string): number {
  const n = 2 * (m - 1);
  if (n < 1) {
    throw new InvalidArgumentError(`Invalid number of data points (${n}) specified: ${fn} of ${m} input point(s) gives 2(m-1) = ${n}.`, {
      argument: 'x',
      hint: 'Give the output length explicitly (n, or s for the n-D forms).',
    });
  }
  return n;
}

/** irfft (backward) and hfft (forward: the c2r transform of the conjugate). */
export function complexToReal1d(forward: boolean, fn: string, x: unknown, options: FFTOptions | undefined): NDArray {
  const o = readOptions(options, FFT_KEYS, fn);
  const norm = checkCommon(o);
  const a = asarray(x);
  const axis = normalizeAxis(o.axis ?? -1, a.ndim);
  const n = checkLengthOption(o.n) ?? defaultOutputLength(a.shape[axis], fn);
  const shape = [...a.shape];
  shape[axis] = n;
  checkC2RSize(shape, axis, 'n');
  const scale = normScale(norm, forward, n);
  const out = realBackward(a, shape, axis, n, [], forward, scale);
  matchSciPyNonFinite(a, shape, axis, forward, scale, out);
  return wrapOutput(out, shape, false, isSinglePrecision(a.dtype));
}

function requireAxes(axes: readonly number[], fn: string): void {
  if (axes.length === 0) {
    throw new InvalidArgumentError(`${fn}: at least 1 axis must be transformed.`, {
      argument: 'axes',
      hint: 'Pass a non-empty axes list, or leave axes unset for all axes.',
    });
  }
}

/** rfftn (forward) and ihfftn (backward, conjugated): real FFT on the last axis, then complex FFTs. */
export function realToComplexNd(
  forward: boolean,
  fn: string,
  x: unknown,
  options: FFTNOptions | undefined,
  defaultAxes?: readonly number[],
): NDArray {
  const o = readOptions(options, FFTN_KEYS, fn);
  const norm = checkCommon(o);
  const a = asarray(x);
  requireReal(a, fn);
  const { shape, axes } = initShapeAndAxes(a.shape, o.s, o.axes === undefined ? defaultAxes : o.axes);
  requireAxes(axes, fn);
  const full = [...a.shape];
  axes.forEach((axis, i) => {
    full[axis] = shape[i];
  });
  checkResultSize(halfSpectrumShape(full, axes[axes.length - 1]), 's', true);
  // ihfftn is the conjugate of the forward transform, so every pass runs forward
  const out = realForward(a, full, axes[axes.length - 1], axes.slice(0, -1), normScale(norm, forward, shapeSize(shape)));
  if (!forward) conjugateInPlace(out.data);
  return wrapOutput(out.data, out.shape, true, isSinglePrecision(a.dtype));
}

/** irfftn (backward) and hfftn (forward, of the conjugate): complex FFTs, then a real one on the last axis. */
export function complexToRealNd(
  forward: boolean,
  fn: string,
  x: unknown,
  options: FFTNOptions | undefined,
  defaultAxes?: readonly number[],
): NDArray {
  const o = readOptions(options, FFTN_KEYS, fn);
  const norm = checkCommon(o);
  const a = asarray(x);
  const noShape = o.s === undefined || o.s === null;
  const { shape, axes } = initShapeAndAxes(a.shape, o.s, o.axes === undefined ? defaultAxes : o.axes);
  requireAxes(axes, fn);
  const lastIndex = axes.length - 1;
  const last = axes[lastIndex];
  const lastSize = noShape ? defaultOutputLength(a.shape[last], fn) : shape[lastIndex];
  const logical = [...shape];
  logical[lastIndex] = lastSize;
  const full = [...a.shape];
  axes.forEach((axis, i) => {
    full[axis] = shape[i];
  });
  full[last] = lastSize;
  checkC2RSize(full, last, 's');
  // hfftn is the c2r transform of the conjugate, so every pass runs in the backward direction
  const scale = normScale(norm, forward, shapeSize(logical));
  const out = realBackward(a, full, last, lastSize, axes.slice(0, lastIndex), forward, scale);
  // one axis is the 1-D transform; with more, the complex passes come first and are not redone
  if (axes.length === 1) matchSciPyNonFinite(a, full, last, forward, scale, out);
  return wrapOutput(out, full, false, isSinglePrecision(a.dtype));
}

export function rfftHost(x: unknown, options?: FFTOptions): NDArray {
  return realToComplex1d(true, 'rfft', x, options);
}
export function ihfftHost(x: unknown, options?: FFTOptions): NDArray {
  return realToComplex1d(false, 'ihfft', x, options);
}
export function irfftHost(x: unknown, options?: FFTOptions): NDArray {
  return complexToReal1d(false, 'irfft', x, options);
}
export function hfftHost(x: unknown, options?: FFTOptions): NDArray {
  return complexToReal1d(true, 'hfft', x, options);
}
export function rfftnHost(x: unknown, options?: FFTNOptions): NDArray {
  return realToComplexNd(true, 'rfftn', x, options);
}
export function ihfftnHost(x: unknown, options?: FFTNOptions): NDArray {
  return realToComplexNd(false, 'ihfftn', x, options);
}
export function irfftnHost(x: unknown, options?: FFTNOptions): NDArray {
  return complexToRealNd(false, 'irfftn', x, options);
}
export function hfftnHost(x: unknown, options?: FFTNOptions): NDArray {
  return complexToRealNd(true, 'hfftn', x, options);
}
export function rfft2Host(x: unknown, options?: FFTNOptions): NDArray {
  return realToComplexNd(true, 'rfft2', x, options, [-2, -1]);
}
export function ihfft2Host(x: unknown, options?: FFTNOptions): NDArray {
  return realToComplexNd(false, 'ihfft2', x, options, [-2, -1]);
}
export function irfft2Host(x: unknown, options?: FFTNOptions): NDArray {
  return complexToRealNd(false, 'irfft2', x, options, [-2, -1]);
}
export function hfft2Host(x: unknown, options?: FFTNOptions): NDArray {
  return complexToRealNd(true, 'hfft2', x, options, [-2, -1]);
}
