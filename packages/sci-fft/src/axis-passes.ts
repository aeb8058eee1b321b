/**
 * One transform along one axis of a C-contiguous working buffer: each line along the
 * axis is gathered into a contiguous scratch line, handed to a CPU kernel, and
 * scattered back. Lines along the last axis are contiguous already and are transformed
 * in place without a copy.
 */
import { complexPlan, r2rPlan, realPlan } from './kernels/index.js';
import type { FFTNorm, RealTransformType } from './options.js';
import { shapeSize, type WorkBuffer } from './work-buffer.js';

/** Calls `line(base)` for the start (in elements) of every line along `axis`; `inner` is the element stride. */
function forEachLine(shape: readonly number[], axis: number, line: (base: number, inner: number) => void): void {
  const length = shape[axis];
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  let outer = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d];
  for (let o = 0; o < outer; o++) {
    const block = o * length * inner;
    for (let i = 0; i < inner; i++) line(block + i, inner);
  }
}

/** Complex FFT along `axis`, in place, each output multiplied by `scale`. */
export function complexAxis(work: WorkBuffer, axis: number, forward: boolean, scale: number): void {
  const { data, shape } = work;
  const n = shape[axis];
  if (shapeSize(shape) === 0) return;
  const plan = complexPlan(n);
  const scratch = new Float64Array(2 * n);
  forEachLine(shape, axis, (base, inner) => {
    if (inner === 1) {
      plan.execute(data, 2 * base, forward, scale);
      return;
    }
    for (let k = 0, p = 2 * base; k < n; k++, p += 2 * inner) {
      scratch[2 * k] = data[p];
      scratch[2 * k + 1] = data[p + 1];
    }
    plan.execute(scratch, 0, forward, scale);
    for (let k = 0, p = 2 * base; k < n; k++, p += 2 * inner) {
      data[p] = scratch[2 * k];
      data[p + 1] = scratch[2 * k + 1];
    }
  });
}

/** Real-to-complex forward FFT along `axis`: n reals become n/2+1 complex values. */
export function realForwardAxis(work: WorkBuffer, axis: number, scale: number): WorkBuffer {
  const n = work.shape[axis];
  const m = (n >> 1) + 1;
  const outShape = [...work.shape];
  outShape[axis] = m;
  const out = new Float64Array(2 * shapeSize(outShape));
  if (out.length === 0) return { data: out, shape: outShape, complex: true };
  const plan = realPlan(n);
  const src = work.data;
  const lineIn = new Float64Array(n);
  const lineOut = new Float64Array(2 * m);
  forEachLine(work.shape, axis, (base, inner) => {
    // the same line in the output starts at (base / n-block) * m-block + i
    const block = Math.floor(base / (n * inner));
    const i = base - block * n * inner;
    const outBase = block * m * inner + i;
    if (inner === 1) {
      plan.forward(src, base, out, 2 * outBase, scale);
      return;
    }
    for (let k = 0, p = base; k < n; k++, p += inner) lineIn[k] = src[p];
    plan.forward(lineIn, 0, lineOut, 0, scale);
    for (let k = 0, p = 2 * outBase; k < m; k++, p += 2 * inner) {
      out[p] = lineOut[2 * k];
      out[p + 1] = lineOut[2 * k + 1];
    }
  });
  return { data: out, shape: outShape, complex: true };
}

/**
 * Complex-to-real backward FFT along `axis`: the first n/2+1 complex values of each
 * line (the buffer's axis length must be n/2+1) become n reals. The imaginary parts of
 * the zero and Nyquist terms are ignored, as in pocketfft/SciPy.
 */
export function realBackwardAxis(work: WorkBuffer, axis: number, n: number, scale: number): WorkBuffer {
  const m = work.shape[axis];
  const outShape = [...work.shape];
  outShape[axis] = n;
  const out = new Float64Array(shapeSize(outShape));
  if (out.length === 0) return { data: out, shape: outShape, complex: false };
  const plan = realPlan(n);
  const src = work.data;
  const lineIn = new Float64Array(2 * m);
  const lineOut = new Float64Array(n);
  forEachLine(work.shape, axis, (base, inner) => {
    const block = Math.floor(base / (m * inner));
    const i = base - block * m * inner;
    const outBase = block * n * inner + i;
    if (inner === 1) {
      plan.backward(src, 2 * base, out, outBase, scale);
      return;
    }
    for (let k = 0, p = 2 * base; k < m; k++, p += 2 * inner) {
      lineIn[2 * k] = src[p];
      lineIn[2 * k + 1] = src[p + 1];
    }
    plan.backward(lineIn, 0, lineOut, 0, scale);
    for (let k = 0, p = outBase; k < n; k++, p += inner) out[p] = lineOut[k];
  });
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
  const { data, shape } = work;
  const n = shape[axis];
  if (shapeSize(shape) === 0) return;
  const plan = r2rPlan(options.kind, options.type, n, {
    norm: options.norm,
    orthogonalize: options.orthogonalize,
    inverse: options.inverse,
  });
  const scratch = new Float64Array(n);
  forEachLine(shape, axis, (base, inner) => {
    if (inner === 1) {
      plan.execute(data, base);
      return;
    }
    for (let k = 0, p = base; k < n; k++, p += inner) scratch[k] = data[p];
    plan.execute(scratch, 0);
    for (let k = 0, p = base; k < n; k++, p += inner) data[p] = scratch[k];
  });
}
