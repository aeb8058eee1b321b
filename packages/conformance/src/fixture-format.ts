/**
 * The golden-fixture format written by `tooling/fixtures/gen_*.py` and its decoding
 * into host arrays. Browser-safe (no file access): the Node loader lives in
 * `fixtures.ts` behind the `@sciport/conformance/node` entry.
 */
import { type DType, NDArray } from '@sciport/array-api';

/** A fixture value: finite numbers as JSON numbers, non-finite ones as strings. */
export type FixtureNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** An array: flat C-order data, complex values interleaved (re, im). */
export interface FixtureArray {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly data: readonly (FixtureNumber | boolean)[];
}

/** One call and SciPy's answer. */
export interface FixtureCase {
  /** Public function name (camelCase, as exported by the sciport package). */
  readonly fn: string;
  /** Key into the file's `inputs`, or null for functions without an array argument. */
  readonly input: string | null;
  /** Positional arguments after the array (e.g. fht's dln, mu). */
  readonly args: readonly unknown[];
  /** The trailing options object, TypeScript names. */
  readonly options: Readonly<Record<string, unknown>>;
  /** SciPy's result: an array, or a plain JSON value for scalar results. */
  readonly expected: FixtureArray | unknown;
  readonly note?: string;
  /**
   * Relative accuracy no double-precision implementation can beat for this case (e.g.
   * FFTLog, whose coefficients are exponentials of large rounded sums), measured by the
   * generator against 50-digit mpmath. Suites add a multiple of it to their tolerance.
   */
  readonly conditioning?: number;
}

export interface FixtureFile {
  readonly description: string;
  readonly generator: string;
  readonly numpy: string;
  readonly scipy: string;
  readonly inputs: Readonly<Record<string, FixtureArray>>;
  readonly cases: readonly FixtureCase[];
}

export function decodeNumber(v: FixtureNumber | boolean): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === 'NaN') return Number.NaN;
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
  throw new Error(`Bad fixture number ${JSON.stringify(v)}`);
}

const STORAGE: Record<DType, new (n: number) => ArrayLike<number | bigint> & { [i: number]: number | bigint }> = {
  bool: Uint8Array,
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  int64: BigInt64Array,
  uint8: Uint8Array,
  uint16: Uint16Array,
  uint32: Uint32Array,
  uint64: BigUint64Array,
  float32: Float32Array,
  float64: Float64Array,
  complex64: Float32Array,
  complex128: Float64Array,
};

export function isFixtureArray(v: unknown): v is FixtureArray {
  return typeof v === 'object' && v !== null && 'dtype' in v && 'shape' in v && 'data' in v;
}

/** A fixture array as a host NDArray (exact: every stored double round-trips). */
export function decodeArray(a: FixtureArray): NDArray {
  const Storage = STORAGE[a.dtype];
  if (Storage === undefined) throw new Error(`Unknown fixture dtype ${a.dtype}`);
  const data = new Storage(a.data.length);
  const big = a.dtype === 'int64' || a.dtype === 'uint64';
  for (let i = 0; i < a.data.length; i++) {
    const v = decodeNumber(a.data[i]);
    data[i] = big ? BigInt(v) : v;
  }
  return new NDArray(data as never, [...a.shape], a.dtype);
}
