import { broadcastShapes } from '@sciport/array-api';
import { InvalidArgumentError, NamespaceMismatchError, ShapeError } from '@sciport/dispatch-core';
import { checkGPUDType, type GPUDType, isComplex } from '../dtypes.js';
import { type GPUArray, isGPUArray } from '../gpu-array.js';
import { uploadData } from '../upload.js';

/** Shared argument handling for the GPU namespace. */

export type ScalarInput = number | bigint | boolean;

export function describe(v: unknown): string {
  if (isGPUArray(v)) return v.toString();
  if (Array.isArray(v)) return `[${v.map(describe).join(', ')}]`;
  if (typeof v === 'string') return `'${v}'`;
  if (v !== null && typeof v === 'object') return (v as object).constructor?.name ?? 'object';
  return String(v);
}

export function checkArray(x: unknown, argument = 'x'): GPUArray {
  if (isGPUArray(x)) {
    x.check();
    return x;
  }
  throw new NamespaceMismatchError(`The GPU namespace got ${describe(x)} for '${argument}', which is not a GPUArray.`, {
    argument,
    hint: 'Upload host data first with toDevice(x) (arrays of different kinds cannot be mixed).',
  });
}

// Axis checks are the host namespace's, so errors read the same on every array kind.
export { normalizeAxes, normalizeAxis } from '@sciport/array-api';

export function checkShape(shape: unknown, argument = 'shape'): number[] {
  const list = typeof shape === 'number' ? [shape] : Array.isArray(shape) ? [...shape] : undefined;
  if (!list || list.some((s) => typeof s !== 'number' || !Number.isInteger(s) || s < 0)) {
    throw new ShapeError(`${argument} must be a non-negative integer or a list of them, got ${describe(shape)}.`, {
      argument,
      hint: 'Pass e.g. [2, 3].',
    });
  }
  return list as number[];
}

/** A stride-0 broadcast view of x with `shape` (x itself, retained, when shapes match). */
export function broadcastView(x: GPUArray, shape: readonly number[], argument = 'x'): GPUArray {
  const nd = shape.length;
  const off = nd - x.ndim;
  if (off < 0) {
    throw new ShapeError(`Cannot broadcast shape [${x.shape}] to [${shape}].`, { argument, hint: 'The target needs at least as many dimensions.' });
  }
  const stride = new Array<number>(nd).fill(0);
  for (let d = 0; d < x.ndim; d++) {
    const n = x.shape[d];
    const t = shape[off + d];
    if (n === t) stride[off + d] = x.stride[d];
    else if (n !== 1) {
      throw new ShapeError(`Cannot broadcast shape [${x.shape}] to [${shape}] (axis ${d}: ${n} vs ${t}).`, {
        argument,
        hint: 'Each dimension must equal the target or be 1.',
      });
    }
  }
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

function isScalar(v: unknown): v is ScalarInput {
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint';
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
export function binaryOperands(x1: unknown, x2: unknown): { a: GPUArray; b: GPUArray; temps: GPUArray[] } {
  const temps: GPUArray[] = [];
  if (isScalar(x1) && isScalar(x2)) {
    throw new InvalidArgumentError('At least one operand must be a GPUArray.', { argument: 'x1', hint: 'Pass a GPUArray as x1 or x2.' });
  }
  let a: GPUArray;
  let b: GPUArray;
  if (isScalar(x1)) {
    b = checkArray(x2, 'x2');
    a = scalarArray(x1, scalarDtype(x1, b.dtype, 'x1'));
    temps.push(a);
  } else if (isScalar(x2)) {
    a = checkArray(x1, 'x1');
    b = scalarArray(x2, scalarDtype(x2, a.dtype, 'x2'));
    temps.push(b);
  } else {
    a = checkArray(x1, 'x1');
    b = checkArray(x2, 'x2');
  }
  return { a, b, temps };
}

export function resultShape(...shapes: (readonly number[])[]): number[] {
  return broadcastShapes(...shapes);
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
