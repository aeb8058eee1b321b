/**
 * Working buffers of the host transforms: a C-contiguous float64 copy of the input with
 * the transformed axes already zero-padded or truncated to their output lengths (SciPy's
 * `_fix_shape`), and the conversion of a finished buffer into the output NDArray.
 *
 * Every dtype is read as float64 (integers and bool promote as in SciPy); float32 and
 * complex64 inputs are computed in float64 too and rounded once at the end, which is at
 * least as accurate as SciPy's single-precision path.
 */
import { NDArray } from '@sciport/array-api';

/** A C-contiguous float64 buffer; complex buffers are interleaved (re, im). */
export interface WorkBuffer {
  readonly data: Float64Array;
  readonly shape: number[];
  readonly complex: boolean;
}

export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const v of shape) n *= v;
  return n;
}

/** C strides (in elements) of a shape. */
export function cStrides(shape: readonly number[]): number[] {
  const stride = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    stride[i] = s;
    s *= shape[i];
  }
  return stride;
}

export function isComplexDtype(dtype: string): boolean {
  return dtype === 'complex64' || dtype === 'complex128';
}

/** Single precision in, single precision out (SciPy keeps float32/complex64). */
export function isSinglePrecision(dtype: string): boolean {
  return dtype === 'float32' || dtype === 'complex64';
}

export interface LoadOptions {
  /** Shape of the buffer (the input's shape with transformed axes resized). */
  readonly shape: readonly number[];
  /** Make a complex buffer (real inputs get zero imaginary parts). */
  readonly complex: boolean;
  /** From complex input into a real buffer: which part to take. */
  readonly part?: 're' | 'im';
  /** Negate imaginary parts while copying (hfft's conjugate). */
  readonly conjugate?: boolean;
}

/**
 * Copy `x` (any dtype, any strides) into a new zero-filled buffer of `shape`: the
 * overlapping region is copied, the rest stays zero (padding), the part of `x`
 * beyond `shape` is dropped (truncation).
 */
export function loadInput(x: NDArray, options: LoadOptions): WorkBuffer {
  const { shape, complex } = options;
  const ndim = shape.length;
  const lanesOut = complex ? 2 : 1;
  const out = new Float64Array(shapeSize(shape) * lanesOut);
  const srcComplex = isComplexDtype(x.dtype);
  const src = x.data as ArrayLike<number | bigint>;
  const big = x.data instanceof BigInt64Array || x.data instanceof BigUint64Array;
  const imSign = options.conjugate ? -1 : 1;
  const partOffset = options.part === 'im' ? 1 : 0;

  const overlap = shape.map((n, d) => Math.min(n, x.shape[d]));
  if (overlap.some((v) => v === 0)) return { data: out, shape: [...shape], complex };
  const dstStride = cStrides(shape);
  const srcStride = x.stride;

  // Copies one innermost run of `count` elements.
  const copyRun = (srcStart: number, dstStart: number, count: number, sStep: number): void => {
    let s = srcStart;
    let t = dstStart * lanesOut;
    if (big) {
      // int64/uint64: rounded to the nearest double, as NumPy's cast does
      const data = src as ArrayLike<bigint>;
      for (let j = 0; j < count; j++, s += sStep) {
        out[t] = Number(data[s]);
        t += lanesOut;
      }
      return;
    }
    const data = src as ArrayLike<number>;
    if (sStep === 1 && srcComplex === complex && !(complex && options.conjugate)) {
      // a contiguous run of the same layout: one typed-array copy (converts the element type)
      const lanes = complex ? 2 : 1;
      out.set((x.data as Float64Array).subarray(lanes * s, lanes * (s + count)), t);
      return;
    }
    if (srcComplex && complex) {
      for (let j = 0; j < count; j++, s += sStep) {
        out[t++] = data[2 * s];
        out[t++] = imSign * data[2 * s + 1];
      }
    } else if (srcComplex) {
      for (let j = 0; j < count; j++, s += sStep) out[t++] = data[2 * s + partOffset];
    } else if (complex) {
      for (let j = 0; j < count; j++, s += sStep) {
        out[t++] = data[s];
        out[t++] = 0;
      }
    } else {
      for (let j = 0; j < count; j++, s += sStep) out[t++] = data[s];
    }
  };

  if (ndim === 0) {
    copyRun(x.offset, 0, 1, 0);
    return { data: out, shape: [], complex };
  }
  const last = ndim - 1;
  const idx = new Array<number>(ndim).fill(0);
  for (;;) {
    let s = x.offset;
    let t = 0;
    for (let d = 0; d < last; d++) {
      s += idx[d] * srcStride[d];
      t += idx[d] * dstStride[d];
    }
    copyRun(s, t, overlap[last], srcStride[last]);
    let d = last - 1;
    while (d >= 0) {
      if (++idx[d] < overlap[d]) break;
      idx[d] = 0;
      d--;
    }
    if (d < 0) break;
  }
  return { data: out, shape: [...shape], complex };
}

/** Wrap a finished buffer as the output array, rounding to single precision when asked. */
export function toOutput(work: WorkBuffer, single: boolean): NDArray {
  if (work.complex) {
    return single
      ? new NDArray(Float32Array.from(work.data), work.shape, 'complex64')
      : new NDArray(work.data, work.shape, 'complex128');
  }
  return single ? new NDArray(Float32Array.from(work.data), work.shape, 'float32') : new NDArray(work.data, work.shape, 'float64');
}
