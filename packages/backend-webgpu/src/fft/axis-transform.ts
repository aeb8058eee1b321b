import { GPUArray } from '../gpu-array.js';
import { encodeAxisMap } from '../kernels/fft-axis-map.js';
import { Batch } from '../program/batch.js';
import { type AxisLayout, encodeC2C } from './c2c.js';

export function layoutOf(shape: readonly number[], axis: number, n = shape[axis]): AxisLayout {
  let outer = 1;
  let inner = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d];
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  return { outer, n, inner };
}

export interface AxisTransformOptions {
  /** Normalized axis (0 ≤ axis < ndim). */
  readonly axis: number;
  /** Output length along the axis: the input is cropped or zero-padded to it first. */
  readonly n: number;
  readonly inverse: boolean;
  /** Multiplies the result (the norm's factor). */
  readonly scale: number;
}

/**
 * Complex FFT along one axis of `x`, which must be C-contiguous and float32 (treated as
 * real) or complex64. Returns a new complex64 array; `x` is untouched.
 */
export function c2cAlongAxis(x: GPUArray, opts: AxisTransformOptions): GPUArray {
  x.check();
  const rt = x.storage.runtime;
  const realInput = x.dtype === 'float32';
  const outShape = [...x.shape];
  outShape[opts.axis] = opts.n;
  const out = GPUArray.empty(outShape, 'complex64', rt);
  if (out.size === 0) return out;
  const batch = new Batch(rt);
  const nIn = x.shape[opts.axis];
  const layout = layoutOf(outShape, opts.axis);
  const sign = opts.inverse ? -1 : 1;
  if (nIn === opts.n) {
    encodeC2C(batch, layout, { sign, scale: opts.scale, realInput, inOffset: x.offset }, x.buffer, out.buffer);
  } else {
    // Pad or crop into a scratch buffer first (SciPy's `n`).
    const resized = batch.scratch(out.size * 8);
    encodeAxisMap(
      batch,
      { mode: 'resize', realInput },
      { outer: layout.outer, inner: layout.inner, nIn, nOut: opts.n, inOffset: x.offset, scale: 1 },
      x.buffer,
      resized,
    );
    encodeC2C(batch, layout, { sign, scale: opts.scale, realInput: false, inOffset: 0 }, resized, out.buffer);
  }
  batch.submit();
  return out;
}
