import { DtypeError, InvalidArgumentError, NotSupportedError } from '@sciport/dispatch-core';
import { defaultAxes, type FFTFunction } from '@sciport/fft';
import { normScale, swapDirection } from '@sciport/fft/backend-kit';
import type { GPUArray } from '../gpu-array.js';
import { unarySpec } from '../kernels/elementwise-ops.js';
import { runMap } from '../kernels/map.js';
import { copyAs } from '../namespace/convert.js';
import { checkArray } from '../namespace/core.js';
import { c2cAlongAxis } from './axis-transform.js';
import { checkAxisLength, checkTransformSize, plan1D, planND } from './options.js';
import { irfftAlongAxis, rfftAlongAxis } from './real.js';

/**
 * The sciport.fft functions on GPU arrays. Each returns a new GPUArray at once (the GPU
 * works in the background); inputs are never modified. Inputs the dispatcher uploaded
 * for this call (coerce) are disposed when the call is done.
 */

const TRANSIENT = Symbol.for('sciport.webgpu.transient');

/** Mark an array uploaded by dispatch's convert step: the implementation frees it. */
export function markTransient(x: GPUArray): GPUArray {
  (x as unknown as Record<symbol, boolean>)[TRANSIENT] = true;
  return x;
}

/** Free x if dispatch uploaded it for this call alone. */
export function release(x: GPUArray): void {
  if ((x as unknown as Record<symbol, boolean>)[TRANSIENT]) x.dispose();
}

/** A C-contiguous float32 or complex64 array with x's values (x itself, retained, if it already is one). */
function prepared(x: GPUArray, allowComplex: boolean, fn: string): GPUArray {
  if (x.dtype === 'complex64' && !allowComplex) {
    throw new DtypeError(`${fn}: x must be a real sequence, got complex64.`, { argument: 'x', hint: 'Use fft for complex input.' });
  }
  const target = x.dtype === 'complex64' ? 'complex64' : 'float32';
  if (x.dtype === target && x.isContiguous) return x.view(x.shape, x.stride, x.offset);
  return copyAs(x, target);
}

type Step = (x: GPUArray) => GPUArray;

/** Check every intermediate shape of an n-D transform against the device (argument 's'). */
function checkTransformSizes(x: GPUArray, axes: readonly number[], lengths: readonly (number | undefined)[]): void {
  const shape = [...x.shape];
  axes.forEach((axis, k) => {
    const n = lengths[k] ?? shape[axis];
    checkTransformSize({ shape }, axis, n, 's');
    shape[axis] = n;
  });
}

/** Apply steps in order, disposing every intermediate (and the transient input). */
function chain(input: GPUArray, first: GPUArray, steps: Step[]): GPUArray {
  let cur = first;
  for (const step of steps) {
    const next = step(cur);
    cur.dispose();
    cur = next;
  }
  release(input);
  return cur;
}

function complexTransform(inverse: boolean): (x: unknown, options?: object) => GPUArray {
  const fn = inverse ? 'ifft' : 'fft';
  return (x0: unknown, options?: object) => {
    const x = checkArray(x0);
    const p = plan1D(x.shape, options, fn);
    const n = p.n ?? x.shape[p.axis];
    if (p.n === undefined) checkAxisLength(n, p.axis);
    checkTransformSize(x, p.axis, n, 'n');
    const scale = normScale(p.norm, !inverse, n);
    return chain(x, prepared(x, true, fn), [(c) => c2cAlongAxis(c, { axis: p.axis, n, inverse, scale })]);
  };
}

function complexTransformND(inverse: boolean, name: string, defaultAxes?: readonly number[]): (x: unknown, options?: object) => GPUArray {
  return (x0: unknown, options?: object) => {
    const x = checkArray(x0);
    const p = planND(x.shape, options, name, defaultAxes);
    checkTransformSizes(x, p.axes, p.shape);
    const steps: Step[] = p.axes.map((axis, k) => (c) => {
      const n = p.shape[k] ?? c.shape[axis];
      return c2cAlongAxis(c, { axis, n, inverse, scale: normScale(p.norm, !inverse, n) });
    });
    if (steps.length === 0) return chain(x, prepared(x, true, name), [(c) => copyAs(c, 'complex64')]);
    return chain(x, prepared(x, true, name), steps);
  };
}

function realForward(x0: unknown, options?: object, name = 'rfft'): GPUArray {
  const x = checkArray(x0);
  const p = plan1D(x.shape, options, name);
  const n = p.n ?? x.shape[p.axis];
  if (p.n === undefined) checkAxisLength(n, p.axis);
  checkTransformSize(x, p.axis, n, 'n');
  return chain(x, prepared(x, false, name), [(c) => rfftAlongAxis(c, { axis: p.axis, n, scale: normScale(p.norm, true, n) })]);
}

function realInverse(x0: unknown, options?: object, name = 'irfft'): GPUArray {
  const x = checkArray(x0);
  const p = plan1D(x.shape, options, name);
  const m = x.shape[p.axis];
  const n = p.n ?? 2 * (m - 1);
  if (n < 1) checkAxisLength(n, p.axis);
  checkTransformSize(x, p.axis, n, 'n');
  return chain(x, prepared(x, true, name), [(c) => irfftAlongAxis(c, { axis: p.axis, n, scale: normScale(p.norm, false, n) })]);
}

function realForwardND(name: string, defaultAxes?: readonly number[]): (x: unknown, options?: object) => GPUArray {
  return (x0: unknown, options?: object) => {
    const x = checkArray(x0);
    const p = planND(x.shape, options, name, defaultAxes);
    if (p.axes.length === 0) {
      throw new InvalidArgumentError(`${name}: at least one axis must be transformed.`, { argument: 'axes', hint: 'Pass axes with at least one axis, or leave it unset.' });
    }
    checkTransformSizes(x, p.axes, p.shape);
    const last = p.axes.length - 1;
    const steps: Step[] = [
      (c) => {
        const axis = p.axes[last];
        const n = p.shape[last] ?? c.shape[axis];
        return rfftAlongAxis(c, { axis, n, scale: normScale(p.norm, true, n) });
      },
      ...p.axes.slice(0, last).map((axis, k) => (c: GPUArray) => {
        const n = p.shape[k] ?? c.shape[axis];
        return c2cAlongAxis(c, { axis, n, inverse: false, scale: normScale(p.norm, true, n) });
      }),
    ];
    return chain(x, prepared(x, false, name), steps);
  };
}

function realInverseND(name: string, defaultAxes?: readonly number[]): (x: unknown, options?: object) => GPUArray {
  return (x0: unknown, options?: object) => {
    const x = checkArray(x0);
    const p = planND(x.shape, options, name, defaultAxes);
    if (p.axes.length === 0) {
      throw new InvalidArgumentError(`${name}: at least one axis must be transformed.`, { argument: 'axes', hint: 'Pass axes with at least one axis, or leave it unset.' });
    }
    const last = p.axes.length - 1;
    const lastAxis = p.axes[last];
    const nLast = p.shape[last] ?? 2 * (x.shape[lastAxis] - 1);
    if (nLast < 1) checkAxisLength(nLast, lastAxis);
    checkTransformSizes(x, p.axes, [...p.shape.slice(0, last), nLast]);
    const steps: Step[] = [
      ...p.axes.slice(0, last).map((axis, k) => (c: GPUArray) => {
        const n = p.shape[k] ?? c.shape[axis];
        return c2cAlongAxis(c, { axis, n, inverse: true, scale: normScale(p.norm, false, n) });
      }),
      (c) => irfftAlongAxis(c, { axis: lastAxis, n: nLast, scale: normScale(p.norm, false, nLast) }),
    ];
    return chain(x, prepared(x, true, name), steps);
  };
}

function conjugate(x: GPUArray): GPUArray {
  const c = prepared(x, true, 'hfft');
  if (c.dtype !== 'complex64') return c;
  const out = runMap(unarySpec('conj', 'complex64'), [c], c.shape);
  c.dispose();
  return out;
}

/**
 * SciPy's Hermitian transforms: hfft = irfft of the conjugate with the other direction's
 * norm; ihfft = the conjugate of rfft with the other direction's norm (and their n-D forms).
 */
function hermitian(name: string, nd: boolean, defaultAxes?: readonly number[]): (x: unknown, options?: object) => GPUArray {
  const inverse = name.startsWith('i');
  const irfftImpl = nd ? realInverseND(name, defaultAxes) : (x: GPUArray, o?: object) => realInverse(x, o, name);
  const rfftImpl = nd ? realForwardND(name, defaultAxes) : (x: GPUArray, o?: object) => realForward(x, o, name);
  return (x0: unknown, options?: object) => {
    const x = checkArray(x0);
    const norm = nd ? planND(x.shape, options, name, defaultAxes).norm : plan1D(x.shape, options, name).norm;
    const swapped = { ...(options ?? {}), norm: swapDirection(norm) };
    if (!inverse) {
      const c = conjugate(x);
      try {
        return irfftImpl(c, swapped);
      } finally {
        c.dispose();
        release(x);
      }
    }
    const spectrum = rfftImpl(x, swapped);
    const out = runMap(unarySpec('conj', 'complex64'), [spectrum], spectrum.shape);
    spectrum.dispose();
    return out;
  };
}

/** Whether the GPU runs this row of the fft table: the complex, real and Hermitian transforms (not DCT/DST, not fht). */
export function gpuImplements(f: FFTFunction): boolean {
  return f.kind === 'c2c' || f.kind === 'r2c' || f.kind === 'c2r';
}

/** The GPU implementation of one row of the fft table. */
export function gpuTransform(f: FFTFunction): (x: unknown, options?: object) => GPUArray {
  const nd = f.axes !== 'axis';
  const axes = defaultAxes(f);
  // hfft maps a half spectrum to real data going forward, ihfft real data to a half spectrum
  // going back: the other direction from irfft/rfft, which is what makes them Hermitian.
  const hermitianKind = (f.kind === 'c2r' && !f.inverse) || (f.kind === 'r2c' && f.inverse);
  if (f.kind === 'c2c') return nd ? complexTransformND(f.inverse, f.name, axes) : complexTransform(f.inverse);
  if (hermitianKind) return hermitian(f.name, nd, axes);
  if (f.kind === 'r2c') return nd ? realForwardND(f.name, axes) : (x, options) => realForward(x, options);
  if (f.kind === 'c2r') return nd ? realInverseND(f.name, axes) : (x, options) => realInverse(x, options);
  throw new NotSupportedError(`The WebGPU backend has no ${f.name}.`, { argument: 'x', hint: 'Run it on host arrays.' });
}
