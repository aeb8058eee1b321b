import { InvalidArgumentError } from '@sciport/dispatch-core';
import type { GPUDType } from '../dtypes.js';
import { GPUArray, isGPUArray } from '../gpu-array.js';
import { generate } from '../kernels/generate.js';
import { runMap } from '../kernels/map.js';
import { astypeGPU, copyAs } from './convert.js';
import { broadcastView, checkArray, checkDtypeOption, checkShape, describe, type ScalarInput } from './core.js';
import { reshape } from './manipulation.js';

/** Creation functions of the GPU namespace. Default dtypes: float32, int32, complex64. */

export interface CreationOptions {
  dtype?: GPUDType | string;
  device?: unknown;
}

function dtypeFor(value: ScalarInput, dtype: unknown): GPUDType {
  const given = checkDtypeOption(dtype);
  if (given) return given;
  if (typeof value === 'boolean') return 'bool';
  return Number.isInteger(Number(value)) ? 'int32' : 'float32';
}

export function full(shape: readonly number[] | number, fillValue: ScalarInput, options?: CreationOptions): GPUArray {
  const s = checkShape(shape);
  const dtype = dtypeFor(fillValue, options?.dtype);
  const v = typeof fillValue === 'boolean' ? (fillValue ? 1 : 0) : Number(fillValue);
  return generate({ mode: 'full', shape: s, dtype, a: v });
}

export const zeros = (shape: readonly number[] | number, options?: CreationOptions): GPUArray =>
  generate({ mode: 'full', shape: checkShape(shape), dtype: checkDtypeOption(options?.dtype) ?? 'float32', a: 0 });
export const ones = (shape: readonly number[] | number, options?: CreationOptions): GPUArray =>
  generate({ mode: 'full', shape: checkShape(shape), dtype: checkDtypeOption(options?.dtype) ?? 'float32', a: 1 });
export const empty = (shape: readonly number[] | number, options?: CreationOptions): GPUArray =>
  GPUArray.empty(checkShape(shape), checkDtypeOption(options?.dtype) ?? 'float32');

export const zerosLike = (x: GPUArray, options?: CreationOptions) => zeros(checkArray(x).shape, { dtype: options?.dtype ?? x.dtype });
export const onesLike = (x: GPUArray, options?: CreationOptions) => ones(checkArray(x).shape, { dtype: options?.dtype ?? x.dtype });
export const emptyLike = (x: GPUArray, options?: CreationOptions) => empty(checkArray(x).shape, { dtype: options?.dtype ?? x.dtype });
export const fullLike = (x: GPUArray, fillValue: ScalarInput, options?: CreationOptions) =>
  full(checkArray(x).shape, fillValue, { dtype: options?.dtype ?? x.dtype });

export function arange(start: number, stop?: number | null, step = 1, options?: CreationOptions): GPUArray {
  let lo = start;
  let hi = stop;
  if (hi === undefined || hi === null) {
    hi = lo;
    lo = 0;
  }
  for (const [name, v] of [
    ['start', lo],
    ['stop', hi],
    ['step', step],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidArgumentError(`${name} must be a finite number, got ${describe(v)}.`, { argument: name });
  }
  if (step === 0) throw new InvalidArgumentError('step must not be zero.', { argument: 'step' });
  const n = Math.max(0, Math.ceil((hi - lo) / step));
  const ints = Number.isInteger(lo) && Number.isInteger(hi) && Number.isInteger(step);
  const dtype = checkDtypeOption(options?.dtype) ?? (ints ? 'int32' : 'float32');
  return generate({ mode: 'arange', shape: [n], dtype, a: lo, b: step });
}

export function linspace(start: number, stop: number, num: number, options?: CreationOptions & { endpoint?: boolean }): GPUArray {
  if (!Number.isInteger(num) || num < 0) throw new InvalidArgumentError(`num must be a non-negative integer, got ${describe(num)}.`, { argument: 'num' });
  const endpoint = options?.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const step = div > 0 ? (stop - start) / div : 0;
  const dtype = checkDtypeOption(options?.dtype) ?? 'float32';
  return generate({ mode: 'linspace', shape: [num], dtype, a: start, b: step, c: stop, endpoint: endpoint && num > 1 });
}

export function eye(nRows: number, nCols?: number | null, options?: CreationOptions & { k?: number }): GPUArray {
  const cols = nCols ?? nRows;
  return generate({ mode: 'eye', shape: checkShape([nRows, cols]), dtype: checkDtypeOption(options?.dtype) ?? 'float32', k: options?.k ?? 0 });
}

/** Lower (tril) or upper (triu) triangle of the last two axes; the rest set to zero. */
export function triangle(x: GPUArray, upper: boolean, k = 0): GPUArray {
  const a = checkArray(x);
  if (a.ndim < 2) throw new InvalidArgumentError('tril/triu need at least 2 dimensions.', { argument: 'x' });
  const rows = a.shape[a.ndim - 2];
  const cols = a.shape[a.ndim - 1];
  // tril keeps c − r <= k; triu keeps c − r >= k, i.e. not (c − r <= k − 1).
  const mask = generate({ mode: 'tri', shape: [rows, cols], dtype: 'bool', k: upper ? k - 1 : k });
  const mb = broadcastView(mask, a.shape);
  const zero = a.dtype === 'complex64' ? 'vec2<f32>(0.0, 0.0)' : a.dtype === 'bool' ? 'false' : `${a.dtype === 'float16' ? 'f16' : a.dtype === 'float32' ? 'f32' : a.dtype === 'int32' ? 'i32' : 'u32'}(0)`;
  const out = runMap(
    { op: `tri${upper ? 'u' : 'l'}`, compute: ['bool', a.dtype], result: a.dtype, expr: ([m, v]) => (upper ? `select(${v}, ${zero}, ${m})` : `select(${zero}, ${v}, ${m})`) },
    [mb, a],
    a.shape,
  );
  mb.dispose();
  mask.dispose();
  return out;
}

export function meshgrid(...args: unknown[]): GPUArray[] {
  const last = args[args.length - 1];
  const options = last !== undefined && !isGPUArray(last) && typeof last === 'object' ? (args.pop() as { indexing?: 'xy' | 'ij' }) : {};
  const arrays = args.map((a, k) => checkArray(a, `arrays[${k}]`));
  const indexing = options.indexing ?? 'xy';
  if (indexing !== 'xy' && indexing !== 'ij') throw new InvalidArgumentError(`indexing must be 'xy' or 'ij', got ${describe(indexing)}.`, { argument: 'indexing' });
  const lengths = arrays.map((a) => a.size);
  const shape = [...lengths];
  if (indexing === 'xy' && shape.length >= 2) [shape[0], shape[1]] = [shape[1], shape[0]];
  return arrays.map((a, k) => {
    const flat = reshape(a, [-1]);
    let axis = k;
    if (indexing === 'xy' && arrays.length >= 2 && k < 2) axis = 1 - k;
    const viewShape = shape.map((_, d) => (d === axis ? lengths[k] : 1));
    const v = reshape(flat, viewShape);
    const b = broadcastView(v, shape);
    const out = copyAs(b);
    for (const t of [flat, v, b]) t.dispose();
    return out;
  });
}

/** asarray on the GPU namespace: GPUArrays are kept (or copied/cast); anything else is uploaded. */
export function asarrayGPU(obj: unknown, options: { dtype?: unknown; copy?: boolean } | undefined, upload: (x: unknown, dtype?: GPUDType) => GPUArray): GPUArray {
  const dtype = checkDtypeOption(options?.dtype);
  if (isGPUArray(obj)) {
    if (dtype !== undefined && dtype !== obj.dtype) {
      if (options?.copy === false) throw new InvalidArgumentError('asarray(..., { copy: false }) cannot change the dtype without a copy.', { argument: 'copy' });
      return astypeGPU(obj, dtype);
    }
    return options?.copy ? copyAs(obj) : obj;
  }
  if (options?.copy === false) throw new InvalidArgumentError('asarray(..., { copy: false }) cannot upload without a copy.', { argument: 'copy' });
  return upload(obj, dtype);
}
