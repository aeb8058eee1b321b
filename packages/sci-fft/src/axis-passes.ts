/**
 * Transforms along axes of a C-contiguous working buffer, delegated to the CPU kernels'
 * batched axis entry points (which gather strided lines in blocks and, with
 * WebAssembly, cross into wasm memory once per call).
 */
import { complexAlongAxes, r2rAlongAxis, r2rPlan, realBackwardAlongAxis, realForwardAlongAxis } from './kernels/index.js';
import type { FFTNorm, RealTransformType } from './options.js';
import { shapeSize, type WorkBuffer } from './work-buffer.js';

/** Complex FFT along each of `axes`, in place; the result is multiplied by `scale` once. */
export function complexAxes(work: WorkBuffer, axes: readonly number[], forward: boolean, scale: number): void {
  if (shapeSize(work.shape) === 0) return;
  complexAlongAxes(work.data, work.shape, axes, forward, scale);
}

/** Complex FFT along one axis, in place, times `scale`. */
export function complexAxis(work: WorkBuffer, axis: number, forward: boolean, scale: number): void {
  complexAxes(work, [axis], forward, scale);
}

/** Real-to-complex forward FFT along `axis`: n reals become n/2+1 complex values. */
export function realForwardAxis(work: WorkBuffer, axis: number, scale: number): WorkBuffer {
  const outShape = [...work.shape];
  outShape[axis] = (work.shape[axis] >> 1) + 1;
  const out = new Float64Array(2 * shapeSize(outShape));
  if (out.length > 0) realForwardAlongAxis(work.data, work.shape, axis, out, scale);
  return { data: out, shape: outShape, complex: true };
}

/**
 * Complex-to-real backward FFT along `axis`: the n/2+1 complex values of each line become
 * n reals. The imaginary parts of the zero and Nyquist terms are ignored, as in SciPy.
 */
export function realBackwardAxis(work: WorkBuffer, axis: number, n: number, scale: number): WorkBuffer {
  const outShape = [...work.shape];
  outShape[axis] = n;
  const out = new Float64Array(shapeSize(outShape));
  if (out.length > 0) realBackwardAlongAxis(work.data, work.shape, axis, n, out, scale);
  return { data: out, shape: outShape, complex: false };
}

export interface R2RAxisOptions {
  readonly kind: 'dct' | 'dst';
  readonly type: RealTransformType;
  readonly norm: FFTNorm;
  readonly orthogonalize: boolean;
  readonly inverse: boolean;
}

/** DCT/DST along `axis` of a real buffer, in place, with SciPy's norm conventions. */
export function r2rAxis(work: WorkBuffer, axis: number, options: R2RAxisOptions): void {
  if (shapeSize(work.shape) === 0) return;
  const plan = r2rPlan(options.kind, options.type, work.shape[axis], {
    norm: options.norm,
    orthogonalize: options.orthogonalize,
    inverse: options.inverse,
  });
  r2rAlongAxis(work.data, work.shape, axis, plan);
}
