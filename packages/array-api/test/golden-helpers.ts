/** Decoding of the NumPy golden fixtures and dtype-aware comparison. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { asarray } from '../src/asarray.js';
import type { DType } from '../src/dtypes.js';
import { NDArray } from '../src/ndarray.js';

export interface Encoded {
  dtype: DType;
  shape: number[];
  data: (number | string | boolean)[];
}
export interface GoldenCase {
  fn: string;
  args: unknown[];
  options?: Record<string, unknown>;
  expected: Encoded | Encoded[] | Record<string, Encoded>;
  tag?: string;
}

const here = dirname(fileURLToPath(import.meta.url));

export function loadFixture<T = GoldenCase[]>(name: string): T {
  return JSON.parse(readFileSync(join(here, 'fixtures', `${name}.json`), 'utf8')) as T;
}

export function decodeNumber(v: number | string | boolean): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === 'NaN') return Number.NaN;
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (v === '-0') return -0;
  return v as number;
}

export function decodeArray(e: Encoded): NDArray {
  const isComplex = e.dtype.startsWith('complex');
  if (e.dtype === 'int64' || e.dtype === 'uint64') {
    const Ctor = e.dtype === 'int64' ? BigInt64Array : BigUint64Array;
    return asarray(Ctor.from(e.data.map((v) => BigInt(v as string))), { shape: e.shape });
  }
  const values = e.data.map(decodeNumber);
  const storage = isComplex ? (e.dtype === 'complex64' ? Float32Array : Float64Array) : Float64Array;
  const data = storage.from(values);
  if (isComplex) return asarray(data, { dtype: e.dtype, shape: e.shape });
  return asarray(data, { dtype: e.dtype, shape: e.shape });
}

export function decodeArg(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeArg);
  if (v !== null && typeof v === 'object' && 'array' in (v as object)) return decodeArray((v as { array: Encoded }).array);
  return v;
}

export interface Tolerance {
  rtol: number;
  /** absolute tolerance as a multiple of the largest finite |expected| */
  scaled: number;
  /** check the sign of exact zeros */
  signedZeros: boolean;
}

export function toleranceFor(dtype: DType, kind: 'elementwise' | 'accumulate' | 'exact', signedZeros = false): Tolerance {
  if (kind === 'exact') return { rtol: 0, scaled: 0, signedZeros: true };
  const single = dtype === 'float32' || dtype === 'complex64';
  if (kind === 'elementwise') {
    return single ? { rtol: 2e-6, scaled: 2e-7, signedZeros } : { rtol: 1e-13, scaled: 1e-15, signedZeros };
  }
  return single ? { rtol: 1e-5, scaled: 1e-6, signedZeros: false } : { rtol: 1e-12, scaled: 1e-13, signedZeros: false };
}

function flatValues(x: NDArray): number[] {
  const t = x.toTypedArray() as ArrayLike<number | bigint>;
  return Array.from(t, (v) => Number(v));
}

export function expectMatches(actual: unknown, expected: Encoded, tol: Tolerance, label: string): void {
  expect(actual, `${label}: result is an NDArray`).toBeInstanceOf(NDArray);
  const x = actual as NDArray;
  expect(x.dtype, `${label}: dtype`).toBe(expected.dtype);
  expect([...x.shape], `${label}: shape`).toEqual(expected.shape);
  if (expected.dtype === 'int64' || expected.dtype === 'uint64') {
    // Exact comparison of 64-bit integers as decimal strings.
    const got64 = Array.from(x.toTypedArray() as BigInt64Array, (v) => v.toString());
    expect(got64, `${label}: values`).toEqual(expected.data);
    return;
  }
  const got = flatValues(x);
  const want = expected.data.map(decodeNumber);
  const isComplex = expected.dtype.startsWith('complex');
  let scale = 0;
  for (const w of want) if (Number.isFinite(w)) scale = Math.max(scale, Math.abs(w));
  for (let i = 0; i < want.length; i++) {
    const g = got[i];
    const w = want[i];
    const where = `${label}: element ${isComplex ? `${i >> 1}.${i & 1 ? 'im' : 're'}` : i}`;
    if (Number.isNaN(w)) {
      expect(Number.isNaN(g), `${where}: expected NaN, got ${g}`).toBe(true);
      continue;
    }
    if (!Number.isFinite(w) || tol.rtol === 0) {
      expect(g, where).toBe(w);
      continue;
    }
    if (w === 0 && tol.signedZeros) {
      expect(Object.is(g, w) || Math.abs(g) <= tol.scaled * scale, `${where}: expected ${Object.is(w, -0) ? '-0' : '+0'}, got ${g}`).toBe(true);
      if (g === 0) expect(Object.is(g, w), `${where}: sign of zero (expected ${Object.is(w, -0) ? '-0' : '+0'})`).toBe(true);
      continue;
    }
    const err = Math.abs(g - w);
    const ok = err <= tol.rtol * Math.abs(w) + tol.scaled * scale;
    expect(ok, `${where}: got ${g}, expected ${w} (err ${err})`).toBe(true);
  }
}
