/**
 * The callbacks of the generic-filter fixtures. A fixture names its callback as data,
 * `{ callback: name }`; this builds the JS function that does what the generator's Python
 * callback of that name did, summing in the same left-to-right order so both round alike.
 */
import { type DType, NDArray } from '@sciport/array-api';

type AnyFn = (...args: unknown[]) => unknown;

export function isFixtureCallback(v: unknown): v is { callback: string } {
  return typeof v === 'object' && v !== null && typeof (v as { callback?: unknown }).callback === 'string';
}

/** `extraArguments` then `extraKeywords` as the generic filters pass them: [scale?, { offset }?]. */
function scaleAndOffset(extra: readonly unknown[]): { scale: number; offset: number } {
  const scale = typeof extra[0] === 'number' ? extra[0] : 1;
  const keywords = extra.find((e): e is { offset?: number } => typeof e === 'object' && e !== null);
  return { scale, offset: keywords?.offset ?? 0 };
}

const GENERIC: Record<string, AnyFn> = {
  mean: (values) => {
    const v = values as Float64Array;
    let s = 0;
    for (const x of v) s += x;
    return s / v.length;
  },
  range: (values) => {
    const v = values as Float64Array;
    let lo = v[0];
    let hi = v[0];
    for (const x of v) {
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    return hi - lo;
  },
  weightedSum: (values, ...extra) => {
    const v = values as Float64Array;
    const { scale, offset } = scaleAndOffset(extra);
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i] * (i + 1);
    return s * scale + offset;
  },
};

const GENERIC_1D: Record<string, AnyFn> = {
  movingSum: (lineIn, lineOut) => {
    const input = lineIn as Float64Array;
    const output = lineOut as Float64Array;
    const size = input.length - output.length + 1;
    for (let j = 0; j < output.length; j++) {
      let s = 0;
      for (let k = 0; k < size; k++) s += input[j + k];
      output[j] = s;
    }
  },
  difference: (lineIn, lineOut, ...extra) => {
    const input = lineIn as Float64Array;
    const output = lineOut as Float64Array;
    const size = input.length - output.length + 1;
    const { scale, offset } = scaleAndOffset(extra);
    for (let j = 0; j < output.length; j++) output[j] = (input[j + size - 1] - input[j]) * scale + offset;
  },
};

/** NumPy's result dtype of mean over windows of `dtype`. */
function meanDtype(dtype: DType): DType {
  return dtype === 'float32' || dtype === 'complex64' || dtype === 'complex128' ? dtype : 'float64';
}

/** A reduction over the trailing `axis.length` axes of the stacked windows, as NumPy's mean or max. */
function vectorized(reduce: 'mean' | 'max'): AnyFn {
  return (w, o) => {
    const windows = w as NDArray;
    const axis = (o as { axis: readonly number[] }).axis;
    const leading = windows.shape.slice(0, windows.ndim - axis.length);
    const per = windows.shape.slice(leading.length).reduce((a, b) => a * b, 1);
    const groups = leading.reduce((a, b) => a * b, 1);
    const complex = windows.dtype === 'complex64' || windows.dtype === 'complex128';
    const lanes = complex ? 2 : 1;
    const data = Array.from(windows.toTypedArray() as ArrayLike<number>, Number);
    const dtype = reduce === 'mean' ? meanDtype(windows.dtype) : windows.dtype;
    const out = new Float64Array(groups * lanes);
    for (let g = 0; g < groups; g++) {
      for (let l = 0; l < lanes; l++) {
        let acc = reduce === 'mean' ? 0 : Number.NEGATIVE_INFINITY;
        for (let t = 0; t < per; t++) {
          const v = data[(g * per + t) * lanes + l];
          acc = reduce === 'mean' ? acc + v : v > acc || Number.isNaN(v) ? v : acc;
        }
        out[g * lanes + l] = reduce === 'mean' ? acc / per : acc;
      }
    }
    const Storage: Record<string, { from(v: Float64Array): Float32Array | Int32Array | Uint8Array }> = { float32: Float32Array, complex64: Float32Array, int32: Int32Array, uint8: Uint8Array };
    const typed = (Storage[dtype] ?? Float64Array).from(out);
    return new NDArray(typed, leading, dtype);
  };
}

const VECTORIZED: Record<string, AnyFn> = { mean: vectorized('mean'), max: vectorized('max') };

/** The JS callback that fixture callback `name` of function `fn` stands for. */
export function fixtureCallback(fn: string, name: string): AnyFn {
  const table = fn === 'genericFilter1d' ? GENERIC_1D : fn === 'vectorizedFilter' ? VECTORIZED : GENERIC;
  const callback = table[name];
  if (callback === undefined) throw new Error(`no fixture callback '${name}' for ${fn}`);
  return callback;
}
