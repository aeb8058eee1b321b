import { checkBoolean, checkCount, checkFiniteNumber, checkInteger, checkMatrixRank, checkMeshgridArrays, checkShape, describe, meshgridArgs, readOptions } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import type { GPUDType } from '../dtypes.js';
import { GPUArray, isGPUArray } from '../gpu-array.js';
import { generate } from '../kernels/generate.js';
import { runMap } from '../kernels/map.js';
import { astypeGPU, copyAs } from './convert.js';
import { broadcastView, checkArray, checkDtypeOption, type ScalarInput } from './core.js';
import { reshape } from './manipulation.js';

/** Creation functions of the GPU namespace. Default dtypes: float32, int32, complex64. */

export interface CreationOptions {
  dtype?: GPUDType | string;
  device?: unknown;
}

const CREATION_KEYS = ['dtype', 'device'];

/** The dtype option of creation function `fn` (after checking its options), or `fallback`. */
function dtypeOr(options: CreationOptions | undefined, fallback: GPUDType | undefined, fn: string, keys = CREATION_KEYS): GPUDType | undefined {
  return checkDtypeOption(readOptions(options, keys, fn).dtype) ?? fallback;
}

function checkFillValue(value: unknown): ScalarInput {
  if (typeof value !== 'number' && typeof value !== 'bigint' && typeof value !== 'boolean') {
    throw new InvalidArgumentError(`'fillValue' must be a number, bigint or boolean, got ${describe(value)}.`, {
      argument: 'fillValue',
      hint: 'Pass a scalar, e.g. full([2, 3], 1).',
    });
  }
  return value;
}

export function full(shape: readonly number[] | number, fillValue: ScalarInput, options?: CreationOptions): GPUArray {
  const value = checkFillValue(fillValue);
  const given = dtypeOr(options, undefined, 'full');
  const s = checkShape(shape);
  const dtype = given ?? (typeof value === 'boolean' ? 'bool' : Number.isInteger(Number(value)) ? 'int32' : 'float32');
  const v = typeof value === 'boolean' ? (value ? 1 : 0) : Number(value);
  return generate({ mode: 'full', shape: s, dtype, a: v });
}

export const zeros = (shape: readonly number[] | number, options?: CreationOptions): GPUArray =>
  generate({ mode: 'full', shape: checkShape(shape), dtype: dtypeOr(options, 'float32', 'zeros') as GPUDType, a: 0 });
export const ones = (shape: readonly number[] | number, options?: CreationOptions): GPUArray =>
  generate({ mode: 'full', shape: checkShape(shape), dtype: dtypeOr(options, 'float32', 'ones') as GPUDType, a: 1 });
export const empty = (shape: readonly number[] | number, options?: CreationOptions): GPUArray =>
  GPUArray.empty(checkShape(shape), dtypeOr(options, 'float32', 'empty') as GPUDType);

/** The options of a `*Like` function: the dtype given, else x's. */
function likeDtype(x: GPUArray, options: CreationOptions | undefined, fn: string): GPUDType {
  return dtypeOr(options, checkArray(x).dtype, fn) as GPUDType;
}

export const zerosLike = (x: GPUArray, options?: CreationOptions) => zeros(checkArray(x).shape, { dtype: likeDtype(x, options, 'zerosLike') });
export const onesLike = (x: GPUArray, options?: CreationOptions) => ones(checkArray(x).shape, { dtype: likeDtype(x, options, 'onesLike') });
export const emptyLike = (x: GPUArray, options?: CreationOptions) => empty(checkArray(x).shape, { dtype: likeDtype(x, options, 'emptyLike') });
export const fullLike = (x: GPUArray, fillValue: ScalarInput, options?: CreationOptions) =>
  full(checkArray(x).shape, fillValue, { dtype: likeDtype(x, options, 'fullLike') });

export function arange(start: number, stop?: number | null, step = 1, options?: CreationOptions): GPUArray {
  const given = dtypeOr(options, undefined, 'arange');
  let lo = checkFiniteNumber(start, 'start');
  let hi = stop === undefined || stop === null ? undefined : checkFiniteNumber(stop, 'stop');
  checkFiniteNumber(step, 'step');
  if (hi === undefined) {
    hi = lo;
    lo = 0;
  }
  if (step === 0) throw new InvalidArgumentError("'step' must not be zero.", { argument: 'step', hint: 'Use a positive or negative step.' });
  const n = Math.max(0, Math.ceil((hi - lo) / step));
  const ints = Number.isInteger(lo) && Number.isInteger(hi) && Number.isInteger(step);
  const dtype = given ?? (ints ? 'int32' : 'float32');
  return generate({ mode: 'arange', shape: checkShape([n], 'stop'), dtype, a: lo, b: step });
}

export function linspace(start: number, stop: number, num: number, options?: CreationOptions & { endpoint?: boolean }): GPUArray {
  const dtype = dtypeOr(options, 'float32', 'linspace', [...CREATION_KEYS, 'endpoint']) as GPUDType;
  const endpoint = checkBoolean(options?.endpoint, 'endpoint', true);
  checkShape([checkCount(num, 'num')], 'num');
  // Complex endpoints ([re, im]) are the host's: the GPU linspace kernel is real.
  checkFiniteOrInfinite(start, 'start');
  checkFiniteOrInfinite(stop, 'stop');
  const div = endpoint ? num - 1 : num;
  const step = div > 0 ? (stop - start) / div : 0;
  return generate({ mode: 'linspace', shape: [num], dtype, a: start, b: step, c: stop, endpoint: endpoint && num > 1 });
}

/** A real linspace endpoint: any number (NaN and ±Infinity pass, as in NumPy). */
function checkFiniteOrInfinite(v: unknown, argument: string): void {
  if (typeof v !== 'number') {
    throw new InvalidArgumentError(`'${argument}' must be a number, got ${describe(v)}.`, { argument, hint: 'Pass numbers, e.g. linspace(0, 1, 5).' });
  }
}

export function eye(nRows: number, nCols?: number | null, options?: CreationOptions & { k?: number }): GPUArray {
  const dtype = dtypeOr(options, 'float32', 'eye', [...CREATION_KEYS, 'k']) as GPUDType;
  const k = checkInteger(options?.k, 'k', 0);
  const rows = checkShape([nRows], 'nRows')[0];
  const cols = nCols === undefined || nCols === null ? rows : checkShape([nCols], 'nCols')[0];
  return generate({ mode: 'eye', shape: [rows, cols], dtype, k });
}

/** Lower (tril) or upper (triu) triangle of the last two axes; the rest set to zero. */
export function triangle(x: GPUArray, upper: boolean, options?: { k?: number }): GPUArray {
  const fn = upper ? 'triu' : 'tril';
  const k = checkInteger(readOptions(options, ['k'], fn).k, 'k', 0);
  const a = checkArray(x);
  checkMatrixRank(a.ndim, fn);
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
  const { arrays: inputs, indexing } = meshgridArgs(args);
  const arrays = inputs.map((a, k) => checkArray(a, `arrays[${k}]`));
  checkMeshgridArrays(arrays.map((a) => a.ndim));
  const lengths = arrays.map((a) => a.size);
  const shape = [...lengths];
  if (indexing === 'xy' && shape.length >= 2) [shape[0], shape[1]] = [shape[1], shape[0]];
  return arrays.map((a, k) => {
    let axis = k;
    if (indexing === 'xy' && arrays.length >= 2 && k < 2) axis = 1 - k;
    const viewShape = shape.map((_, d) => (d === axis ? lengths[k] : 1));
    const v = reshape(a, viewShape);
    const b = broadcastView(v, shape);
    const out = copyAs(b);
    for (const t of [v, b]) t.dispose();
    return out;
  });
}

/** asarray on the GPU namespace: GPUArrays are kept (or copied/cast); anything else is uploaded. */
export function asarrayGPU(obj: unknown, options: { dtype?: unknown; copy?: boolean } | undefined, upload: (x: unknown, dtype?: GPUDType) => GPUArray): GPUArray {
  const dtype = checkDtypeOption(options?.dtype);
  checkBoolean(options?.copy ?? undefined, 'copy', true);
  if (isGPUArray(obj)) {
    if (dtype !== undefined && dtype !== obj.dtype) {
      if (options?.copy === false) throw new InvalidArgumentError('asarray(..., { copy: false }) cannot change the dtype without a copy.', { argument: 'copy', hint: 'Leave copy unset to allow a copy.' });
      return astypeGPU(obj, dtype);
    }
    return options?.copy ? copyAs(obj) : obj;
  }
  if (options?.copy === false) throw new InvalidArgumentError('asarray(..., { copy: false }) cannot upload without a copy.', { argument: 'copy', hint: 'Leave copy unset to allow a copy.' });
  return upload(obj, dtype);
}
