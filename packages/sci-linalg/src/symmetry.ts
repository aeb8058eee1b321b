/** `bandwidth`, `issymmetric` and `ishermitian`: structure tests of (stacks of) matrices. */
import type { NDArray } from '@sciport/array-api';
import { checkFiniteNumber, readOptions } from '@sciport/array-api/kit';
import { readAs } from './elements.js';
import { checkMatrix, checkSquare, fromData, isComplex, lapackDtype, toArray } from './stack.js';
import { bandwidthOf } from './structure.js';
import { linalgFunction } from './table.js';

/** One matrix's answer for 2-D input (as SciPy returns Python values); arrays for a stack. */
function perMatrix<T>(
  a: NDArray,
  fn: string,
  compute: (data: Float64Array | Float32Array, o: number, rows: number, cols: number, lanes: number) => T,
): { values: T[]; batch: number[] } {
  checkMatrix(a, 'a', fn);
  const dtype = lapackDtype(a.dtype);
  const data = readAs(a, dtype) as Float64Array | Float32Array;
  const rows = a.shape[a.ndim - 2];
  const cols = a.shape[a.ndim - 1];
  const batch = a.shape.slice(0, -2);
  const count = batch.reduce((p, d) => p * d, 1);
  const lanes = isComplex(dtype) ? 2 : 1;
  const values: T[] = [];
  for (let s = 0; s < count; s++) values.push(compute(data, s * rows * cols, rows, cols, lanes));
  return { values, batch };
}

/**
 * SciPy's `bandwidth`: [lower, upper], the number of nonzero subdiagonals and
 * superdiagonals; for a stack, two int64 arrays of the batch shape (as SciPy).
 */
export function bandwidthHost(x: unknown): [number, number] | [NDArray, NDArray] {
  const a = toArray(x);
  const { values: pairs, batch } = perMatrix(a, 'bandwidth', bandwidthOf);
  if (batch.length === 0) return [pairs[0][0], pairs[0][1]];
  const column = (k: number) => fromData(BigInt64Array.from(pairs, (p) => BigInt(p[k])), batch, 'int64');
  return [column(0), column(1)];
}

export interface SymmetryOptions {
  /** Absolute tolerance (default: exact comparison, unless rtol is given). */
  atol?: number | null;
  /** Relative tolerance (default: exact comparison, unless atol is given). */
  rtol?: number | null;
  backend?: string;
}

function symmetry(fn: 'issymmetric' | 'ishermitian', x: unknown, options: SymmetryOptions | undefined): boolean | NDArray {
  const o = readOptions(options, linalgFunction(fn).options, fn);
  const atol = o.atol === undefined || o.atol === null ? null : checkFiniteNumber(o.atol, 'atol');
  const rtol = o.rtol === undefined || o.rtol === null ? null : checkFiniteNumber(o.rtol, 'rtol');
  const a = toArray(x);
  checkMatrix(a, 'a', fn);
  checkSquare(a, 'a', fn);
  const conjugate = fn === 'ishermitian';
  const exact = atol === null && rtol === null;
  const { values, batch } = perMatrix(a, fn, (d, o0, n, _c, lanes) =>
    exact ? exactlySymmetric(d, o0, n, lanes, conjugate) : closeToSymmetric(d, o0, n, lanes, conjugate, atol ?? 0, rtol ?? 0),
  );
  if (batch.length === 0) return values[0];
  return fromData(Uint8Array.from(values, Number), batch, 'bool');
}

export function issymmetricHost(a: unknown, options?: SymmetryOptions): boolean | NDArray {
  return symmetry('issymmetric', a, options);
}

export function ishermitianHost(a: unknown, options?: SymmetryOptions): boolean | NDArray {
  return symmetry('ishermitian', a, options);
}

/** Tile edge of the blocked transpose comparisons: a tile's rows and columns stay in cache. */
const TILE = 32;

/**
 * a_ij === a_ji (conjugated for `conjugate`) for the n×n matrix at `o`: equality is
 * symmetric, so each pair is compared once (inf equals inf, NaN equals nothing), tile by
 * tile so that the column reads stay in cache.
 */
function exactlySymmetric(d: Float64Array | Float32Array, o: number, n: number, lanes: number, conjugate: boolean): boolean {
  if (lanes === 1) return exactlySymmetricReal(d, o, n);
  if (conjugate) {
    // the diagonal against its own conjugate: real, and not NaN
    for (let i = 0; i < n; i++) {
      const p = lanes * (o + i * n + i);
      if (Number.isNaN(d[p]) || (lanes === 2 && !(d[p + 1] === -d[p + 1]))) return false;
    }
  }
  const sign = conjugate ? -1 : 1;
  for (let i0 = 0; i0 < n; i0 += TILE) {
    for (let j0 = i0; j0 < n; j0 += TILE) {
      const iEnd = Math.min(i0 + TILE, n);
      const jEnd = Math.min(j0 + TILE, n);
      for (let i = i0; i < iEnd; i++) {
        for (let j = Math.max(j0, i + 1); j < jEnd; j++) {
          const p = lanes * (o + i * n + j);
          const q = lanes * (o + j * n + i);
          if (!(d[p] === d[q])) return false;
          if (lanes === 2 && !(d[p + 1] === sign * d[q + 1])) return false;
        }
      }
    }
  }
  return true;
}

/** exactlySymmetric of a real matrix: row i's tail against column i, tile by tile. */
function exactlySymmetricReal(d: Float64Array | Float32Array, o: number, n: number): boolean {
  for (let i0 = 0; i0 < n; i0 += TILE) {
    const iEnd = Math.min(i0 + TILE, n);
    for (let j0 = i0; j0 < n; j0 += TILE) {
      const jEnd = Math.min(j0 + TILE, n);
      for (let i = i0; i < iEnd; i++) {
        const row = o + i * n;
        for (let j = Math.max(j0, i + 1); j < jEnd; j++) if (!(d[row + j] === d[o + j * n + i])) return false;
      }
    }
  }
  return true;
}

/**
 * |a_ij − a_ji| <= atol + rtol·|a_ji| (conjugated for `conjugate`), in both orders as
 * numpy.allclose(a, a.T) compares them (the test is not symmetric in its two sides).
 */
function closeToSymmetric(
  d: Float64Array | Float32Array,
  o: number,
  n: number,
  lanes: number,
  conjugate: boolean,
  atol: number,
  rtol: number,
): boolean {
  const sign = conjugate ? -1 : 1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j && !conjugate) continue;
      const p = lanes * (o + i * n + j);
      const q = lanes * (o + j * n + i);
      const br = d[q];
      const bi = lanes === 2 ? sign * d[q + 1] : 0;
      const ai = lanes === 2 ? d[p + 1] : 0;
      if (!(Math.hypot(d[p] - br, ai - bi) <= atol + rtol * Math.hypot(br, bi))) return false;
    }
  }
  return true;
}
