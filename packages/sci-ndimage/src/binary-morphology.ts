/**
 * binaryErosion and binaryDilation on host arrays: the options checked as SciPy checks
 * them, then the 0/1 planes eroded by `erodePlane`. Input of any real dtype (nonzero =
 * true); the result is bool, or the caller's `output` array filled with 0/1.
 */
import { dtypeInfo, isComplexDtype, type NDArray, NDArray as NDArrayClass, readOptions } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { erodePlane } from './binary-erosion.js';
import { readInput } from './filter-io.js';
import { fullRankWindow } from './footprint-pass.js';
import { BINARY_MORPHOLOGY_KEYS, type BinaryMorphologyOptions } from './morphology-options.js';
import { checkAxes, checkOriginRange, checkOriginValue } from './options.js';
import { perAxis } from './per-axis.js';
import { readPlane, writePlane } from './planes.js';
import { type BinaryStructure, readBinaryStructure, structureOf } from './structure.js';

/** Nonzero elements (NaN included) as 1, C order. */
export function truthPlane(x: NDArray): Uint8Array {
  const size = x.size;
  const out = new Uint8Array(size);
  if (size === 0) return out;
  const info = dtypeInfo(x.dtype);
  if (info.lanes === 1 && !info.isBigInt && x.isContiguous) {
    // straight from the storage: no double-precision copy of a large image
    const data = x.data as Float64Array;
    for (let k = 0, p = x.offset; k < size; k++, p++) out[k] = data[p] !== 0 ? 1 : 0;
    return out;
  }
  const re = readPlane(x, 0);
  const im = info.lanes === 2 ? readPlane(x, 1) : null;
  for (let k = 0; k < size; k++) out[k] = re[k] !== 0 || (im !== null && im[k] !== 0) ? 1 : 0;
  return out;
}

/**
 * Bytes that are nonzero exactly where `x` is (NaN included), C order: for contiguous
 * 8-bit storage a read-only view of it (no copy), else `truthPlane(x)`. Callers only read it.
 */
export function foregroundBytes(x: NDArray): Uint8Array {
  if ((x.dtype === 'bool' || x.dtype === 'uint8' || x.dtype === 'int8') && x.isContiguous) {
    const data = x.data as Uint8Array;
    return new Uint8Array(data.buffer, data.byteOffset + x.offset, x.size);
  }
  return truthPlane(x);
}

/** Refuses complex input, as SciPy's morphology does. */
export function requireRealInput(x: NDArray, fn: string): void {
  if (isComplexDtype(x.dtype)) {
    throw new DtypeError(`${fn} does not take complex input (${x.dtype}).`, {
      argument: 'input',
      hint: 'Pass a real or bool array (nonzero elements are true).',
    });
  }
}

/** The structure over `count` filtered axes: the given one, or connectivity 1. */
export function structureFor(value: unknown, count: number, argument = 'structure'): BinaryStructure {
  if (value === undefined || value === null) return structureOf(count, 1);
  const s = readBinaryStructure(value, argument);
  if (s.shape.length !== count) {
    throw new ShapeError(`'${argument}' has ${s.shape.length} dimensions for ${count} filtered axes.`, {
      argument,
      hint: 'Give the structure one dimension per filtered axis (see axes).',
    });
  }
  return s;
}

/** A 0/1 mask of the input's shape (nonzero = may change). */
export function readMask(value: unknown, shape: readonly number[]): Uint8Array | null {
  if (value === undefined || value === null) return null;
  const m = readInput(value);
  if (m.shape.length !== shape.length || m.shape.some((n, i) => n !== shape[i])) {
    throw new ShapeError(`'mask' has shape [${m.shape.join(', ')}], the input [${shape.join(', ')}].`, {
      argument: 'mask',
      hint: 'Give a mask of the input’s shape.',
    });
  }
  return truthPlane(m);
}

/** SciPy's border_value: any number or boolean, nonzero = true. */
export function checkBorderValue(value: unknown): 0 | 1 {
  if (value === undefined) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' && !Number.isNaN(value)) return value !== 0 ? 1 : 0;
  throw new InvalidArgumentError(`'borderValue' must be a number or a boolean, got ${describe(value)}.`, {
    argument: 'borderValue',
    hint: 'Give 0 (outside is false) or 1 (outside is true).',
  });
}

/** SciPy's iterations: an integer (below 1: until nothing changes). */
export function checkIterations(value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new InvalidArgumentError(`'iterations' must be an integer, got ${describe(value)}.`, {
      argument: 'iterations',
      hint: 'Give a whole number of repetitions (below 1 repeats until the result stops changing).',
    });
  }
  return value;
}

/** A binary result: a new bool array, or the caller's real array filled with 0/1. */
export function binaryOutput(output: unknown, shape: readonly number[]): NDArray | null {
  if (output === undefined || output === null || output === 'bool') return null;
  if (output instanceof NDArrayClass) {
    if (output.shape.length !== shape.length || output.shape.some((n, i) => n !== shape[i])) {
      throw new ShapeError(`'output' has shape [${output.shape.join(', ')}], the input [${shape.join(', ')}].`, {
        argument: 'output',
        hint: 'Preallocate the output with the input’s shape.',
      });
    }
    if (isComplexDtype(output.dtype)) {
      throw new DtypeError(`A binary result cannot be written to a ${output.dtype} output.`, {
        argument: 'output',
        hint: 'Use a bool (or any real) output array.',
      });
    }
    return output;
  }
  throw new DtypeError(`'output' of a binary operation must be an NDArray or 'bool', got ${describe(output)}.`, {
    argument: 'output',
    hint: 'Leave output unset for a new bool array, or pass an array of the input’s shape to fill.',
  });
}

/** Stores a 0/1 plane: into `target` (when given) or a new bool array of `shape`. */
export function finishBinary(plane: Uint8Array, shape: readonly number[], target: NDArray | null): NDArray {
  if (target === null) return new NDArrayClass(plane, [...shape], 'bool');
  writePlane(target, new Float64Array(plane), 0);
  return target;
}

function binaryMorphology(fn: string, input: unknown, options: BinaryMorphologyOptions | undefined, dilate: boolean): NDArray {
  const o = readOptions(options, BINARY_MORPHOLOGY_KEYS, fn);
  const x = readInput(input);
  requireRealInput(x, fn);
  const axes = checkAxes(o.axes, x.ndim);
  const structure = structureFor(o.structure, axes.length);
  const iterations = checkIterations(o.iterations);
  const mask = readMask(o.mask, x.shape);
  const borderValue = checkBorderValue(o.borderValue);
  let origins = perAxis(o.origin, axes.length, 'origin', checkOriginValue);
  const target = binaryOutput(o.output, x.shape);
  if (o.bruteForce !== undefined && typeof o.bruteForce !== 'boolean') {
    throw new InvalidArgumentError(`'bruteForce' must be a boolean, got ${describe(o.bruteForce)}.`, {
      argument: 'bruteForce',
      hint: 'Give true or false (the result is the same either way).',
    });
  }
  let mask2 = structure.mask;
  if (dilate) {
    // SciPy's dilation: the eroding rule on the mirrored structure, origin mirrored too
    // (one less along even-length axes; origin i pairs with structure dimension i, as SciPy)
    mask2 = structure.mask.slice().reverse();
    origins = origins.map((v, i) => -v - (structure.shape[i] % 2 === 0 ? 1 : 0));
  }
  const { shape: fshape, origins: full } = fullRankWindow(x.ndim, axes, structure.shape, origins);
  for (let d = 0; d < fshape.length; d++) checkOriginRange(full[d], fshape[d]);
  const plane = erodePlane(foregroundBytes(x), {
    shape: x.shape,
    fshape,
    structure: mask2,
    origins: full,
    borderValue,
    invert: dilate,
    iterations,
    mask,
    bruteForce: o.bruteForce === true,
  });
  return finishBinary(plane, x.shape, target);
}

export function binaryErosionHost(input: unknown, options?: BinaryMorphologyOptions): NDArray {
  return binaryMorphology('binaryErosion', input, options, false);
}

export function binaryDilationHost(input: unknown, options?: BinaryMorphologyOptions): NDArray {
  return binaryMorphology('binaryDilation', input, options, true);
}
