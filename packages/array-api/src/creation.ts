/** Creation functions of the Array API standard. */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { asarray } from './asarray.js';
import { allocate, checkDType, DEFAULT_FLOAT, type DType, dtypeInfo, isComplexDtype } from './dtypes.js';
import { toNDArray } from './kernels.js';
import { checkIntegerFits } from './integer-range.js';
import { checkCount } from './kit/count.js';
import { checkShape, checkSize, describe, shapeSize } from './layout.js';
import { checkBoolean, checkFiniteNumber, checkInteger, readOptions } from './options.js';
import { type NDArray, writeScalar, trustedArray } from './ndarray.js';
import type { CreationOptions, EyeOptions, LinspaceOptions, MeshgridOptions, ScalarInput, ShapeInput } from './namespace-types.js';
import { checkMatrixRank } from './kit/matrix-rank.js';
import { meshgridArgs } from './kit/meshgrid-args.js';
import { checkMeshgridArrays } from './kit/meshgrid-arrays.js';

const CREATION_KEYS = ['dtype', 'device'];

/** The `dtype` option of `fn` (checked, with the options object), or `fallback`. */
function dtypeOr(options: CreationOptions | undefined, fallback: DType, fn: string, keys = CREATION_KEYS): DType {
  const o = readOptions(options, keys, fn);
  return o.dtype === undefined ? fallback : checkDType(o.dtype);
}

/** Zero-filled storage of a checked shape (the shape is validated before anything is allocated). */
function zerosOf(shape: ShapeInput, dtype: DType): NDArray {
  const s = checkShape(shape, 'shape');
  return trustedArray(allocate(dtype, shapeSize(s)), s, dtype);
}

export function empty(shape: ShapeInput, options?: CreationOptions): NDArray {
  return zerosOf(shape, dtypeOr(options, DEFAULT_FLOAT, 'empty'));
}

export function zeros(shape: ShapeInput, options?: CreationOptions): NDArray {
  return zerosOf(shape, dtypeOr(options, DEFAULT_FLOAT, 'zeros'));
}

export function ones(shape: ShapeInput, options?: CreationOptions): NDArray {
  return fullOf(shape, 1, dtypeOr(options, DEFAULT_FLOAT, 'ones'));
}

/** Default dtype of a fill value: booleans → bool, bigint → int64, numbers → float64. */
function scalarDtype(v: ScalarInput | readonly [number, number]): DType {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int64';
  if (Array.isArray(v)) return 'complex128';
  return DEFAULT_FLOAT;
}

function checkFill(v: unknown): ScalarInput | [number, number] {
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number') return v as [number, number];
  throw new InvalidArgumentError(`'fillValue' must be a number, bigint, boolean or [re, im], got ${describe(v)}.`, {
    argument: 'fillValue',
    hint: 'Pass a scalar.',
  });
}

export function full(shape: ShapeInput, fillValue: ScalarInput, options?: CreationOptions): NDArray {
  const v = checkFill(fillValue);
  return fullOf(shape, v, dtypeOr(options, scalarDtype(v), 'full'));
}

function fullOf(shape: ShapeInput, v: ScalarInput | [number, number], dtype: DType): NDArray {
  if (!Array.isArray(v)) checkIntegerFits(v as ScalarInput, dtype, 'fillValue', 'fillValue');
  const x = zerosOf(shape, dtype);
  fillWith(x, v);
  return x;
}

function fillWith(x: NDArray, v: ScalarInput | [number, number]): void {
  const info = dtypeInfo(x.dtype);
  if (x.size === 0) return;
  if (info.lanes === 2) {
    const d = x.data as Float64Array;
    const re = Array.isArray(v) ? v[0] : Number(v);
    const im = Array.isArray(v) ? v[1] : 0;
    for (let i = 0; i < d.length; i += 2) {
      d[i] = re;
      d[i + 1] = im;
    }
    return;
  }
  if (Array.isArray(v)) {
    throw new InvalidArgumentError(`Cannot fill a ${x.dtype} array with a complex value.`, {
      argument: 'fillValue',
      hint: "Use dtype 'complex128'.",
    });
  }
  // Write once with dtype semantics, then copy the stored value everywhere.
  writeScalar(x.data, x.dtype, 0, v as ScalarInput);
  (x.data as Float64Array).fill((x.data as Float64Array)[0]);
}

export function emptyLike(x: NDArray, options?: CreationOptions): NDArray {
  const a = toNDArray(x);
  return zerosOf(a.shape, dtypeOr(options, a.dtype, 'emptyLike'));
}
export function zerosLike(x: NDArray, options?: CreationOptions): NDArray {
  const a = toNDArray(x);
  return zerosOf(a.shape, dtypeOr(options, a.dtype, 'zerosLike'));
}
export function onesLike(x: NDArray, options?: CreationOptions): NDArray {
  const a = toNDArray(x);
  return fullOf(a.shape, 1, dtypeOr(options, a.dtype, 'onesLike'));
}
export function fullLike(x: NDArray, fillValue: ScalarInput, options?: CreationOptions): NDArray {
  const a = toNDArray(x);
  const v = checkFill(fillValue);
  return fullOf(a.shape, v, dtypeOr(options, a.dtype, 'fullLike'));
}

/**
 * `arange(start, stop?, step = 1)`: values start + i·step for i < ceil((stop−start)/step).
 * JS numbers carry no int/float distinction, so the default dtype is float64; pass
 * `{ dtype: 'int32' }` for integer indices.
 */
export function arange(start: number, stop?: number | null, step = 1, options?: CreationOptions): NDArray {
  checkFiniteNumber(start, 'start');
  if (stop === undefined || stop === null) {
    stop = start;
    start = 0;
  }
  checkFiniteNumber(stop, 'stop');
  checkFiniteNumber(step, 'step');
  if (step === 0) {
    throw new InvalidArgumentError("'step' must not be zero.", { argument: 'step', hint: 'Use a positive or negative step.' });
  }
  const n = Math.max(0, Math.ceil((stop - start) / step));
  checkSize(n, 'stop');
  const dtype = dtypeOr(options, DEFAULT_FLOAT, 'arange');
  const x = zerosOf([n], dtype);
  const info = dtypeInfo(dtype);
  const d = x.data;
  for (let i = 0; i < n; i++) {
    const v = start + i * step;
    if (info.lanes === 2) d[2 * i] = v;
    else if (info.isBigInt) (d as BigInt64Array)[i] = BigInt(Math.trunc(v));
    else (d as Float64Array)[i] = v;
  }
  return x;
}

/** A linspace endpoint: a number or [re, im] (NaN and ±Infinity pass, as in NumPy). */
function checkEndpoint(v: unknown, argument: string): void {
  const parts = Array.isArray(v) && v.length === 2 ? v : [v];
  if (parts.some((p) => typeof p !== 'number')) {
    throw new InvalidArgumentError(`'${argument}' must be a number or [re, im], got ${describe(v)}.`, {
      argument,
      hint: 'Pass numbers, e.g. linspace(0, 1, 5).',
    });
  }
}

/** `linspace(start, stop, num, { endpoint = true })`, computed as NumPy does (start + i·step). */
export function linspace(start: number | readonly [number, number], stop: number | readonly [number, number], num: number, options?: LinspaceOptions): NDArray {
  checkSize(checkCount(num, 'num'), 'num');
  checkEndpoint(start, 'start');
  checkEndpoint(stop, 'stop');
  const complexIn = Array.isArray(start) || Array.isArray(stop);
  const dtype = dtypeOr(options, complexIn ? 'complex128' : DEFAULT_FLOAT, 'linspace', [...CREATION_KEYS, 'endpoint']);
  const endpoint = checkBoolean(options?.endpoint, 'endpoint', true);
  const x = zerosOf([num], dtype);
  const div = endpoint ? num - 1 : num;
  const parts = (v: number | readonly [number, number]): [number, number] =>
    Array.isArray(v) ? [v[0], v[1]] : [v as number, 0];
  const [s0, s1] = parts(start);
  const [e0, e1] = parts(stop);
  const fill = (lane: number, a: number, b: number, out: Float64Array, stride: number) => {
    const delta = b - a;
    const step = div > 0 ? delta / div : Number.NaN;
    for (let i = 0; i < num; i++) out[i * stride + lane] = div > 0 ? a + i * step : a;
    if (endpoint && num > 1) out[(num - 1) * stride + lane] = b;
  };
  if (isComplexDtype(dtype)) {
    fill(0, s0, e0, x.data as Float64Array, 2);
    fill(1, s1, e1, x.data as Float64Array, 2);
  } else if (dtypeInfo(dtype).isBigInt) {
    const tmp = new Float64Array(num);
    fill(0, s0, e0, tmp, 1);
    for (let i = 0; i < num; i++) (x.data as BigInt64Array)[i] = BigInt(Math.trunc(tmp[i]));
  } else {
    const tmp = new Float64Array(num);
    fill(0, s0, e0, tmp, 1);
    const d = x.data as Float64Array;
    for (let i = 0; i < num; i++) d[i] = tmp[i];
    if (dtype === 'bool') for (let i = 0; i < num; i++) d[i] = tmp[i] !== 0 ? 1 : 0;
  }
  return x;
}

export function eye(nRows: number, nCols?: number | null, options?: EyeOptions): NDArray {
  const rows = checkShape([nRows], 'nRows')[0];
  const cols = nCols === undefined || nCols === null ? rows : checkShape([nCols], 'nCols')[0];
  const dtype = dtypeOr(options, DEFAULT_FLOAT, 'eye', [...CREATION_KEYS, 'k']);
  const k = checkInteger(options?.k, 'k', 0);
  const x = zerosOf([rows, cols], dtype);
  for (let i = 0; i < rows; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) writeScalar(x.data, x.dtype, i * cols + j, 1);
  }
  return x;
}

function triangle(x: NDArray, k: number, lower: boolean, name: 'tril' | 'triu'): NDArray {
  const a = toNDArray(x);
  checkMatrixRank(a.ndim, name);
  const out = asarray(a, { copy: true });
  const rows = a.shape[a.ndim - 2];
  const cols = a.shape[a.ndim - 1];
  const lanes = dtypeInfo(a.dtype).lanes;
  const zero = dtypeInfo(a.dtype).isBigInt ? 0n : 0;
  const batch = a.size / Math.max(1, rows * cols);
  const d = out.data as unknown as (number | bigint)[];
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const keep = lower ? j - i <= k : j - i >= k;
        if (!keep) {
          const p = (b * rows * cols + i * cols + j) * lanes;
          d[p] = zero;
          if (lanes === 2) d[p + 1] = 0;
        }
      }
    }
  }
  return out;
}

export function tril(x: NDArray, options?: { k?: number }): NDArray {
  return triangle(x, checkInteger(readOptions(options, ['k'], 'tril').k, 'k', 0), true, 'tril');
}
export function triu(x: NDArray, options?: { k?: number }): NDArray {
  return triangle(x, checkInteger(readOptions(options, ['k'], 'triu').k, 'k', 0), false, 'triu');
}

export function meshgrid(...args: (NDArray | MeshgridOptions)[]): NDArray[] {
  const { arrays: inputs, indexing } = meshgridArgs(args);
  const arrays = inputs.map((a, i) => toNDArray(a, `arrays[${i}]`));
  checkMeshgridArrays(arrays.map((a) => a.ndim));
  const n = arrays.length;
  const shape = arrays.map((a) => a.shape[0]);
  if (indexing === 'xy' && n >= 2) [shape[0], shape[1]] = [shape[1], shape[0]];
  return arrays.map((a, i) => {
    let axis = i;
    if (indexing === 'xy' && n >= 2 && i < 2) axis = 1 - i;
    const stride = new Array<number>(n).fill(0);
    stride[axis] = a.stride[0];
    // A broadcast view, copied so each output owns C-contiguous data like NumPy's copy=True.
    return asarray(trustedArray(a.data, shape.slice(), a.dtype, stride, a.offset), { copy: true });
  });
}
