/**
 * Element-wise comparison of a result with NumPy's golden array, and the tolerance rules
 * of the Array API suite. Browser-safe.
 *
 * Unlike the norm-wise FFT comparison, every element is checked on its own: elementwise
 * functions are accurate per element, and the fixtures are full of special values.
 */
import type { DType, NDArray } from '@sciport/array-api';
import { elementsOf } from './compare.js';
import { decodeGoldenNumber, type GoldenArray } from './golden-numpy.js';

/** How a function's results are checked: per-element math, accumulations, or moves of values. */
export type GoldenKind = 'elementwise' | 'accumulate' | 'exact';

export interface GoldenTolerance {
  /** Relative tolerance per element. */
  readonly rtol: number;
  /** Absolute tolerance as a multiple of the largest finite |expected|. */
  readonly scaled: number;
  /** Check the sign of exact zeros. */
  readonly signedZeros: boolean;
}

/** Per-dtype replacement of the default tolerance of inexact results (exact ones stay exact). */
export type GoldenToleranceOverrides = Partial<Record<DType, { readonly rtol: number; readonly scaled: number }>>;

const EXACT: GoldenTolerance = { rtol: 0, scaled: 0, signedZeros: true };

export function isInexactDtype(dtype: DType): boolean {
  return dtype.startsWith('float') || dtype.startsWith('complex');
}

/**
 * The default tolerance of a result of `dtype`: elementwise 1e-13 (double) / 2e-6 (single)
 * relative, accumulations 1e-12 / 1e-5 with an absolute part of 1e-13 / 1e-6 × max|expected|
 * (sums cancel); integer, boolean and 'exact' results must match exactly.
 */
export function goldenTolerance(
  dtype: DType,
  kind: GoldenKind,
  signedZeros = false,
  overrides: GoldenToleranceOverrides = {},
): GoldenTolerance {
  if (kind === 'exact' || !isInexactDtype(dtype)) return EXACT;
  const override = overrides[dtype];
  if (override !== undefined) return { ...override, signedZeros: kind === 'elementwise' && signedZeros };
  const single = dtype === 'float32' || dtype === 'complex64';
  if (kind === 'elementwise') return single ? { rtol: 2e-6, scaled: 2e-7, signedZeros } : { rtol: 1e-13, scaled: 1e-15, signedZeros };
  return single ? { rtol: 1e-5, scaled: 1e-6, signedZeros: false } : { rtol: 1e-12, scaled: 1e-13, signedZeros: false };
}

function zero(v: number): string {
  return Object.is(v, -0) ? '-0' : '+0';
}

/** Undefined when `actual` matches `expected` (dtype, shape, values within `tol`), else why not. */
export function compareGolden(actual: NDArray, expected: GoldenArray, tol: GoldenTolerance): string | undefined {
  if (actual.dtype !== expected.dtype) return `dtype ${actual.dtype}, expected ${expected.dtype}`;
  if (actual.shape.length !== expected.shape.length || actual.shape.some((n, i) => n !== expected.shape[i])) {
    return `shape [${actual.shape.join(', ')}], expected [${expected.shape.join(', ')}]`;
  }
  if (expected.dtype === 'int64' || expected.dtype === 'uint64') {
    // Exact comparison as decimal strings: doubles lose 64-bit integers.
    const got = Array.from(actual.toTypedArray() as BigInt64Array, (v) => v.toString());
    const k = got.findIndex((g, i) => g !== String(expected.data[i]));
    return k < 0 ? undefined : `element ${k}: got ${got[k]}, expected ${expected.data[k]}`;
  }
  const isComplex = expected.dtype.startsWith('complex');
  const pairs = elementsOf(actual);
  const got = isComplex ? pairs : pairs.filter((_, i) => i % 2 === 0);
  const want = expected.data.map(decodeGoldenNumber);
  let scale = 0;
  for (const w of want) if (Number.isFinite(w)) scale = Math.max(scale, Math.abs(w));
  for (let i = 0; i < want.length; i++) {
    const g = got[i];
    const w = want[i];
    const where = `element ${isComplex ? `${i >> 1}.${i & 1 ? 'im' : 're'}` : i}`;
    if (Number.isNaN(w)) {
      if (!Number.isNaN(g)) return `${where}: got ${g}, expected NaN`;
    } else if (!Number.isFinite(w) || tol.rtol === 0) {
      if (!Object.is(g, w) && !(g === w && !tol.signedZeros)) return `${where}: got ${g === 0 ? zero(g) : g}, expected ${w === 0 ? zero(w) : w}`;
    } else if (w === 0 && tol.signedZeros && g === 0) {
      if (!Object.is(g, w)) return `${where}: got ${zero(g)}, expected ${zero(w)}`;
    } else {
      const err = Math.abs(g - w);
      if (!(err <= tol.rtol * Math.abs(w) + tol.scaled * scale)) return `${where}: got ${g}, expected ${w} (error ${err.toExponential(2)})`;
    }
  }
  return undefined;
}
