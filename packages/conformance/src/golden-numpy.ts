/**
 * The NumPy golden format of the Array API fixtures (`fixtures/array-api/*.json`, written
 * by `tooling/fixtures/gen_array_api.py`) and its decoding into host arrays. Browser-safe.
 *
 * A case is one namespace call: `{ fn, args, options?, expected, tag? }`. Array arguments
 * are `{ array: GoldenArray }`; 64-bit integers are decimal strings (JSON numbers lose
 * them above 2^53) and `-0` is the string "-0".
 */
import { asarray, type DType, type NDArray } from '@sciport/array-api';

export interface GoldenArray {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly data: readonly (number | string | boolean)[];
}

/** NumPy's result: one array, a list of arrays, or named arrays (uniqueAll, …). */
export type GoldenExpected = GoldenArray | readonly GoldenArray[] | Readonly<Record<string, GoldenArray>>;

export interface GoldenCase {
  /** camelCase namespace function, or 'slice' for the array method `x.slice(...specs)`. */
  readonly fn: string;
  readonly args: readonly unknown[];
  readonly options?: Readonly<Record<string, unknown>>;
  readonly expected: GoldenExpected;
  /** 'special' (signed zeros checked), 'float32', 'complex', 'int', … */
  readonly tag?: string;
}

export function decodeGoldenNumber(v: number | string | boolean): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (v === 'NaN') return Number.NaN;
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (v === '-0') return -0;
  return Number(v);
}

/** A golden array as a host NDArray (exact: every stored value round-trips). */
export function decodeGoldenArray(e: GoldenArray): NDArray {
  const shape = [...e.shape];
  if (e.dtype === 'int64' || e.dtype === 'uint64') {
    const Storage = e.dtype === 'int64' ? BigInt64Array : BigUint64Array;
    return asarray(Storage.from(e.data.map((v) => BigInt(v as string | number))), { shape });
  }
  const values = e.data.map(decodeGoldenNumber);
  const storage = e.dtype === 'complex64' ? Float32Array.from(values) : Float64Array.from(values);
  return asarray(storage, { dtype: e.dtype, shape });
}

export function isGoldenArrayArg(v: unknown): v is { array: GoldenArray } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'array' in v;
}

/** An argument with every `{ array }` (also inside lists) decoded to a host NDArray. */
export function decodeGoldenArg(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeGoldenArg);
  if (isGoldenArrayArg(v)) return decodeGoldenArray(v.array);
  return v;
}

/** The expected arrays of a case, each with its place in the result ('', '[k]' or '.name'). */
export function expectedArrays(expected: GoldenExpected): [string, GoldenArray][] {
  if (Array.isArray(expected)) return (expected as readonly GoldenArray[]).map((e, k) => [`[${k}]`, e]);
  if ('dtype' in expected) return [['', expected as GoldenArray]];
  return Object.entries(expected as Record<string, GoldenArray>).map(([key, e]) => [`.${key}`, e]);
}
