import { GPUArray } from '../gpu-array.js';
import { encodeAxisMap } from '../kernels/fft-axis-map.js';
import { unarySpec } from '../kernels/elementwise-ops.js';
import { runMap } from '../kernels/map.js';
import { Batch } from '../program/batch.js';
import { type AxisTransformOptions, c2cAlongAxis, layoutOf } from './axis-transform.js';
import { encodeC2C } from './c2c.js';

/**
 * Real transforms along one axis, built on the complex kernels:
 * rfft = the first n/2 + 1 outputs of a complex FFT of the real input (read as complex
 * inside the first pass); irfft = the real part of an inverse complex FFT of the
 * Hermitian-extended spectrum (X[n−k] = conj X[k]), which ignores the imaginary parts of
 * the DC and Nyquist terms as pocketfft does.
 */

/** `x` C-contiguous float32; returns complex64 with n/2 + 1 entries along the axis. */
export function rfftAlongAxis(x: GPUArray, opts: Omit<AxisTransformOptions, 'inverse'>): GPUArray {
  const full = c2cAlongAxis(x, { ...opts, inverse: false });
  const half = Math.floor(opts.n / 2) + 1;
  if (half === opts.n) return full;
  const outShape = [...full.shape];
  outShape[opts.axis] = half;
  const out = GPUArray.empty(outShape, 'complex64', full.storage.runtime);
  const layout = layoutOf(full.shape, opts.axis);
  const batch = new Batch(full.storage.runtime);
  encodeAxisMap(
    batch,
    { mode: 'resize', realInput: false },
    { outer: layout.outer, inner: layout.inner, nIn: opts.n, nOut: half, inOffset: 0, scale: 1 },
    full.buffer,
    out.buffer,
  );
  batch.submit();
  full.dispose();
  return out;
}

/** `x` C-contiguous complex64 (or float32, read as complex); returns float32 with n entries along the axis. */
export function irfftAlongAxis(x: GPUArray, opts: Omit<AxisTransformOptions, 'inverse'>): GPUArray {
  x.check();
  const rt = x.storage.runtime;
  const outShape = [...x.shape];
  outShape[opts.axis] = opts.n;
  const spectrum = GPUArray.empty(outShape, 'complex64', rt);
  const layout = layoutOf(outShape, opts.axis);
  const batch = new Batch(rt);
  const full = batch.scratch(spectrum.size * 8);
  encodeAxisMap(
    batch,
    { mode: 'hermitian', realInput: x.dtype === 'float32' },
    {
      outer: layout.outer,
      inner: layout.inner,
      nIn: x.shape[opts.axis],
      nOut: opts.n,
      inOffset: x.offset,
      scale: 1,
      half: Math.floor(opts.n / 2) + 1,
    },
    x.buffer,
    full,
  );
  encodeC2C(batch, layout, { sign: -1, scale: opts.scale, realInput: false, inOffset: 0 }, full, spectrum.buffer);
  batch.submit();
  const out = runMap(unarySpec('real', 'complex64'), [spectrum], outShape);
  spectrum.dispose();
  return out;
}
