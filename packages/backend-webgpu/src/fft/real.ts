import { contiguousStrides, GPUArray } from '../gpu-array.js';
import { encodeRealPack } from '../kernels/fft-real-pack.js';
import { copyInto } from '../namespace/convert.js';
import { sliceAxis } from '../namespace/manipulation.js';
import { encodeAxisMap } from '../kernels/fft-axis-map.js';
import { unarySpec } from '../kernels/elementwise-ops.js';
import { runMap } from '../kernels/map.js';
import { Batch } from '../program/batch.js';
import { type AxisTransformOptions, c2cAlongAxis, layoutOf } from './axis-transform.js';
import { encodeC2C } from './c2c.js';
import { twiddleSplit, twiddleTable } from './plan.js';

/**
 * Real transforms along one axis, built on the complex kernels:
 * rfft = the first n/2 + 1 outputs of a complex FFT of the real input (read as complex
 * inside the first pass); irfft = the real part of an inverse complex FFT of the
 * Hermitian-extended spectrum (X[n−k] = conj X[k]), which ignores the imaginary parts of
 * the DC and Nyquist terms as pocketfft does.
 *
 * Along the last axis with an even length, both instead run a complex FFT of half the
 * length on the real data seen as complex pairs (see kernels/fft-real-pack.ts): half the
 * work and memory traffic, and irfft's output is the complex buffer read as float32.
 */

/** A float32 copy of x with the axis cropped or zero-padded to n. */
function resizeReal(x: GPUArray, axis: number, n: number): GPUArray {
  const shape = [...x.shape];
  shape[axis] = n;
  const out = GPUArray.empty(shape, 'float32', x.storage.runtime);
  const batch = new Batch(x.storage.runtime);
  batch.rawEncoder().clearBuffer(out.buffer);
  batch.submit();
  const keep = Math.min(n, x.shape[axis]);
  if (keep > 0 && out.size > 0) {
    const src = sliceAxis(x, axis, 0, keep);
    const dst = sliceAxis(out, axis, 0, keep);
    copyInto(src, dst);
    src.dispose();
    dst.dispose();
  }
  return out;
}

const packable = (x: GPUArray, axis: number, n: number) => axis === x.ndim - 1 && n % 2 === 0 && n >= 2;

/** `x` C-contiguous float32; returns complex64 with n/2 + 1 entries along the axis. */
export function rfftAlongAxis(x: GPUArray, opts: Omit<AxisTransformOptions, 'inverse'>): GPUArray {
  if (packable(x, opts.axis, opts.n) && x.dtype === 'float32') return rfftPacked(x, opts);
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

function rfftPacked(x0: GPUArray, opts: Omit<AxisTransformOptions, 'inverse'>): GPUArray {
  const rt = x0.storage.runtime;
  // The complex view needs the rows to start at even float offsets.
  const x = x0.shape[opts.axis] === opts.n && x0.offset % 2 === 0 ? x0 : resizeReal(x0, opts.axis, opts.n);
  const n = opts.n;
  const h = n / 2;
  const rows = x.size / n;
  const outShape = [...x.shape];
  outShape[opts.axis] = h + 1;
  const out = GPUArray.empty(outShape, 'complex64', rt);
  if (out.size > 0) {
    const batch = new Batch(rt);
    const z = batch.scratch(rows * h * 8);
    encodeC2C(batch, { outer: rows, n: h, inner: 1 }, { sign: 1, scale: 1, realInput: false, inOffset: x.offset / 2 }, x.buffer, z);
    encodeRealPack(batch, 'split', false, { rows, h, inLength: h, split: twiddleSplit(n), scale: opts.scale, inOffset: 0 }, z, twiddleTable(rt, n).buffer, out.buffer);
    batch.submit();
  }
  if (x !== x0) x.dispose();
  return out;
}

function irfftPacked(x: GPUArray, opts: Omit<AxisTransformOptions, 'inverse'>): GPUArray {
  const rt = x.storage.runtime;
  const n = opts.n;
  const h = n / 2;
  const m = x.shape[opts.axis];
  const rows = x.size / m;
  const halfShape = [...x.shape];
  halfShape[opts.axis] = h;
  const z = GPUArray.empty(halfShape, 'complex64', rt);
  if (z.size > 0) {
    const batch = new Batch(rt);
    const packed = batch.scratch(rows * h * 8);
    encodeRealPack(
      batch,
      'merge',
      x.dtype === 'float32',
      { rows, h, inLength: m, split: twiddleSplit(n), scale: 1, inOffset: x.offset },
      x.buffer,
      twiddleTable(rt, n).buffer,
      packed,
    );
    // z = e + i·o interleaved is x itself; the half-length inverse needs twice the scale.
    encodeC2C(batch, { outer: rows, n: h, inner: 1 }, { sign: -1, scale: 2 * opts.scale, realInput: false, inOffset: 0 }, packed, z.buffer);
    batch.submit();
  }
  const outShape = [...x.shape];
  outShape[opts.axis] = n;
  const out = z.view(outShape, contiguousStrides(outShape), 0, 'float32');
  z.dispose();
  return out;
}

/** `x` C-contiguous complex64 (or float32, read as complex); returns float32 with n entries along the axis. */
export function irfftAlongAxis(x: GPUArray, opts: Omit<AxisTransformOptions, 'inverse'>): GPUArray {
  x.check();
  if (packable(x, opts.axis, opts.n)) return irfftPacked(x, opts);
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
