/** Reading a filter's array arguments and storing its result (shared by every filter). */
import { asarray, isComplexDtype, type NDArray } from '@sciport/array-api';
import { DtypeError, ShapeError } from '@sciport/dispatch-core';
import { type OutputTarget, quantize } from './output.js';
import { readPlane, writePlane } from './planes.js';

/** The input as an NDArray (any array-like `asarray` takes). */
export function readInput(input: unknown): NDArray {
  return asarray(input);
}

/** Weights as (real, imaginary) planes in C order; imaginary null for real weights. */
export interface WeightPlanes {
  readonly shape: readonly number[];
  readonly re: Float64Array;
  readonly im: Float64Array | null;
}

/** The weights of correlate/convolve: `ndim` dimensions (when given), none empty. */
export function readWeights(weights: unknown, ndim?: number): WeightPlanes {
  const w = asarray(weights);
  if (ndim !== undefined && w.ndim !== ndim) {
    throw new ShapeError(`'weights' has ${w.ndim} dimensions, ${ndim} are needed.`, {
      argument: 'weights',
      hint: ndim === 1 ? 'Pass a 1-D sequence of weights.' : 'Give weights one dimension per filtered axis (see axes).',
    });
  }
  if (w.size === 0) {
    throw new ShapeError(`'weights' is empty (shape [${w.shape.join(', ')}]).`, {
      argument: 'weights',
      hint: 'Give at least one weight along every dimension.',
    });
  }
  return { shape: w.shape, re: readPlane(w, 0), im: isComplexDtype(w.dtype) ? readPlane(w, 1) : null };
}

/** Refuses complex input where SciPy does (the rank filters). */
export function requireReal(x: NDArray, fn: string): void {
  if (isComplexDtype(x.dtype)) {
    throw new DtypeError(`${fn} does not take complex input (${x.dtype}).`, {
      argument: 'input',
      hint: 'Filter the real and imaginary parts separately, or use their magnitude.',
    });
  }
}

/** Stores a real result plane into the output and returns the output array. */
export function finishReal(target: OutputTarget, plane: Float64Array): NDArray {
  quantize(plane, target.dtype);
  writePlane(target.array, plane, 0);
  return target.array;
}

/** Stores complex result planes (already stored as the output's parts) and returns the output array. */
export function finishComplex(target: OutputTarget, [re, im]: [Float64Array, Float64Array]): NDArray {
  writePlane(target.array, re, 0);
  writePlane(target.array, im, 1);
  return target.array;
}
