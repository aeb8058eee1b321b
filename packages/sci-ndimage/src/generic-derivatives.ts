/**
 * SciPy's generic_laplace and generic_gradient_magnitude: a derivative along each filtered
 * axis, combined element by element in the output's dtype. The first derivative is written
 * into the output; each further one is computed into a fresh array of the output's dtype
 * and added (or its square added), so every step is stored as SciPy stores it.
 */
import { type DType, isComplexDtype, type NDArray } from '@sciport/array-api';
import type { BoundaryMode } from './modes.js';
import { type OutputTarget, partDtype, quantize } from './output.js';
import { float64Storage, type Part, readPlane, writePlane } from './planes.js';

/** One derivative of `input` along `axis`, stored in `output` (filled and returned) or a new array of that dtype. */
export type AxisDerivative = (input: NDArray, axis: number, output: NDArray | DType, mode: BoundaryMode) => NDArray;

function partsOf(dtype: DType): Part[] {
  return isComplexDtype(dtype) ? [0, 1] : [0];
}

/**
 * The storage of a C-contiguous float64 or float32 array. Arithmetic on its elements runs
 * in double and the store rounds to the array's dtype: what reading planes, computing and
 * quantizing gives, with no copies.
 */
function floatStorage(x: NDArray): Float64Array | Float32Array | null {
  if (x.dtype === 'float32' && x.isContiguous) return (x.data as Float32Array).subarray(x.offset, x.offset + x.size);
  return float64Storage(x);
}

/** output += term, in the output's dtype (NumPy's in-place add). */
function addInto(target: OutputTarget, term: NDArray): void {
  const acc = floatStorage(target.array);
  const t = floatStorage(term);
  if (acc !== null && t !== null) {
    // C-ordered float storage on both sides: add in place, no copies
    for (let i = 0; i < acc.length; i++) acc[i] += t[i];
    return;
  }
  for (const part of partsOf(target.dtype)) {
    const acc = readPlane(target.array, part);
    const t = readPlane(term, part);
    for (let i = 0; i < acc.length; i++) acc[i] += t[i];
    quantize(acc, partDtype(target.dtype));
    writePlane(target.array, acc, part);
  }
}

/** x ← x·x in x's dtype (complex values are squared, not their magnitudes, as NumPy's multiply). */
function squareInPlace(x: NDArray): void {
  const dtype = partDtype(x.dtype);
  const storage = floatStorage(x);
  if (storage !== null) {
    for (let i = 0; i < storage.length; i++) storage[i] *= storage[i];
    return;
  }
  if (!isComplexDtype(x.dtype)) {
    const v = readPlane(x);
    for (let i = 0; i < v.length; i++) v[i] *= v[i];
    quantize(v, dtype);
    writePlane(x, v);
    return;
  }
  const re = readPlane(x, 0);
  const im = readPlane(x, 1);
  for (let i = 0; i < re.length; i++) {
    const a = re[i];
    const b = im[i];
    re[i] = a * a - b * b;
    im[i] = 2 * a * b;
  }
  quantize(re, dtype);
  quantize(im, dtype);
  writePlane(x, re, 0);
  writePlane(x, im, 1);
}

/** Principal square root of a + bi (the cancellation-free form, Kahan 1987, "Branch cuts for complex elementary functions"). */
function complexSqrt(a: number, b: number): [number, number] {
  if (a === 0 && b === 0) return [0, b];
  const t = Math.sqrt((Math.abs(a) + Math.hypot(a, b)) / 2);
  return a >= 0 ? [t, b / (2 * t)] : [Math.abs(b) / (2 * t), b < 0 || Object.is(b, -0) ? -t : t];
}

/** x ← sqrt(x) in x's dtype (integers truncated, as NumPy's sqrt with casting='unsafe'). */
function sqrtInPlace(x: NDArray): void {
  const dtype = partDtype(x.dtype);
  const storage = floatStorage(x);
  if (storage !== null) {
    for (let i = 0; i < storage.length; i++) storage[i] = Math.sqrt(storage[i]);
    return;
  }
  if (!isComplexDtype(x.dtype)) {
    const v = readPlane(x);
    for (let i = 0; i < v.length; i++) v[i] = Math.sqrt(v[i]);
    quantize(v, dtype);
    writePlane(x, v);
    return;
  }
  const re = readPlane(x, 0);
  const im = readPlane(x, 1);
  for (let i = 0; i < re.length; i++) [re[i], im[i]] = complexSqrt(re[i], im[i]);
  quantize(re, dtype);
  quantize(im, dtype);
  writePlane(x, re, 0);
  writePlane(x, im, 1);
}

/** The input copied into the output (SciPy's result when no axis is filtered). */
function copyInto(target: OutputTarget, x: NDArray): NDArray {
  for (const part of partsOf(target.dtype)) {
    const v = readPlane(x, part);
    quantize(v, partDtype(target.dtype));
    writePlane(target.array, v, part);
  }
  return target.array;
}

/** Σ over `axes` of the second derivative along each (SciPy's generic_laplace). */
export function sumOfDerivatives(x: NDArray, target: OutputTarget, axes: readonly number[], modes: readonly BoundaryMode[], derivative2: AxisDerivative): NDArray {
  if (axes.length === 0) return copyInto(target, x);
  derivative2(x, axes[0], target.array, modes[0]);
  for (let i = 1; i < axes.length; i++) addInto(target, derivative2(x, axes[i], target.dtype, modes[i]));
  return target.array;
}

/** sqrt(Σ over `axes` of the squared first derivative along each) (SciPy's generic_gradient_magnitude). */
export function gradientMagnitude(x: NDArray, target: OutputTarget, axes: readonly number[], modes: readonly BoundaryMode[], derivative: AxisDerivative): NDArray {
  if (axes.length === 0) return copyInto(target, x);
  derivative(x, axes[0], target.array, modes[0]);
  squareInPlace(target.array);
  for (let i = 1; i < axes.length; i++) {
    const term = derivative(x, axes[i], target.dtype, modes[i]);
    squareInPlace(term);
    addInto(target, term);
  }
  sqrtInPlace(target.array);
  return target.array;
}
