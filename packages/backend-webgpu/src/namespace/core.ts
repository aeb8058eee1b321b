import type { ScalarInput } from '@sciport/array-api';
import { checkBroadcastTo, checkScalarOrArray, describe, isScalarInput } from '@sciport/array-api/kit';
import { InvalidArgumentError, NamespaceMismatchError } from '@sciport/dispatch-core';
import { checkGPUDType, type GPUDType, isComplex } from '../dtypes.js';
import { type GPUArray, isGPUArray } from '../gpu-array.js';
import { uploadData } from '../upload.js';

/**
 * Argument handling of the GPU namespace that depends on GPU arrays (views, GPU dtypes);
 * the shape, axes and option rules are the kit's (`@sciport/array-api/kit`), shared with
 * every other kind of array.
 */

export type { ScalarInput };

export function checkArray(x: unknown, argument = 'x'): GPUArray {
  if (isGPUArray(x)) {
    x.check(argument);
    return x;
  }
  throw new NamespaceMismatchError(`The GPU namespace got ${describe(x)} for '${argument}', which is not a GPUArray.`, {
    argument,
    hint: 'Upload host data first with toDevice(x) (arrays of different kinds cannot be mixed).',
  });
}

/** A stride-0 broadcast view of x with `shape` (x itself, retained, when shapes match). */
export function broadcastView(x: GPUArray, shape: readonly number[], argument = 'x'): GPUArray {
  checkBroadcastTo(x.shape, shape, argument);
  const nd = shape.length;
  const off = nd - x.ndim;
  const stride = new Array<number>(nd).fill(0);
  // A stretched dimension (size 1 to another size) steps by 0.
  for (let d = 0; d < x.ndim; d++) if (x.shape[d] === shape[off + d]) stride[off + d] = x.stride[d];
  return x.view(shape, stride, x.offset);
}

/** The dtype a JS scalar takes next to an array of dtype `d` (Array API scalar rules). */
export function scalarDtype(value: ScalarInput, d: GPUDType, argument: string): GPUDType {
  if (typeof value === 'boolean') return d;
  const v = Number(value);
  if (d === 'bool') return Number.isInteger(v) ? 'int32' : 'float32';
  if (d === 'int32' || d === 'uint32') {
    if (!Number.isInteger(v)) return 'float32';
    const [lo, hi] = d === 'int32' ? [-(2 ** 31), 2 ** 31 - 1] : [0, 2 ** 32 - 1];
    if (v < lo || v > hi) {
      throw new InvalidArgumentError(`The scalar ${v} does not fit in ${d}.`, { argument, hint: 'Convert the array with astype() first.' });
    }
    return d;
  }
  return d;
}

/** A 0-d GPU array holding a scalar. */
export function scalarArray(value: ScalarInput, dtype: GPUDType): GPUArray {
  const v = typeof value === 'boolean' ? (value ? 1 : 0) : Number(value);
  return uploadData(isComplex(dtype) ? [v, 0] : [v], [], dtype);
}

/**
 * Two operands of a binary function as GPU arrays (at least one must be a GPUArray).
 * Returns them with `owned` flags: scalars become temporary 0-d arrays the caller disposes.
 */
export function binaryOperands(x1: unknown, x2: unknown, fn: string): { a: GPUArray; b: GPUArray; temps: GPUArray[] } {
  const temps: GPUArray[] = [];
  checkScalarOrArray(x1, x2, fn);
  let a: GPUArray;
  let b: GPUArray;
  if (isScalarInput(x1)) {
    b = checkArray(x2, 'x2');
    a = scalarArray(x1, scalarDtype(x1, b.dtype, 'x1'));
    temps.push(a);
  } else if (isScalarInput(x2)) {
    a = checkArray(x1, 'x1');
    b = scalarArray(x2, scalarDtype(x2, a.dtype, 'x2'));
    temps.push(b);
  } else {
    a = checkArray(x1, 'x1');
    b = checkArray(x2, 'x2');
  }
  return { a, b, temps };
}

/** Run `fn` and dispose the temporaries afterwards. */
export function disposing<T>(temps: readonly GPUArray[], fn: () => T): T {
  try {
    return fn();
  } finally {
    for (const t of temps) t.dispose();
  }
}

export function checkDtypeOption(dtype: unknown, argument = 'dtype'): GPUDType | undefined {
  if (dtype === undefined || dtype === null) return undefined;
  return checkGPUDType(dtype, argument);
}
