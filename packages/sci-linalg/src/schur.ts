/**
 * `hessenberg` (A = Q H Qᴴ, LAPACK's gehrd/orghr) and `schur` (A = Z T Zᴴ, LAPACK's gees:
 * Hessenberg reduction, then the QR algorithm — Francis' double shift for the real Schur
 * form, single shift for the complex one; see kernels/real-schur.ts, complex-schur.ts).
 */
import { astype, type NDArray } from '@sciport/array-api';
import { checkBoolean, describe } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { checkSort, type HessenbergOptions, type SchurOptions, sortPredicate } from './eigen-options.js';
import { LinAlgError } from './errors.js';
import { complexSchur } from './kernels/complex-schur.js';
import { gehrd } from './kernels/hessenberg.js';
import { reorderComplexSchur } from './kernels/complex-reorder.js';
import { realSchur } from './kernels/real-schur.js';
import { scaleMatrix, schurScaleFactor } from './kernels/schur-scaling.js';
import { gebak, gebal } from './kernels/balance.js';
import { reorderRealSchur } from './kernels/real-schur-reorder.js';
import { readMatrix } from './lu.js';
import { readFunctionOptions } from './options.js';
import { allocateFloat, batchCount, checkSquare, type Float, fromData, isComplex, type LapackDtype, type Stack, toArray } from './stack.js';

/** `hessenberg`'s results: H, or [H, Q] with `calcQ`. */
export interface HessenbergFunction {
  (a: unknown, options?: HessenbergOptions & { calcQ?: false }): NDArray;
  (a: unknown, options: HessenbergOptions & { calcQ: true }): [NDArray, NDArray];
  (a: unknown, options?: HessenbergOptions): NDArray | [NDArray, NDArray];
}

/** `schur`'s results: [T, Z], or [T, Z, sdim] with `sort` (sdim an int64 array for a stack). */
export interface SchurFunction {
  (a: unknown, options?: SchurOptions & { sort?: null }): [NDArray, NDArray];
  (a: unknown, options: SchurOptions & { sort: NonNullable<SchurOptions['sort']> }): [NDArray, NDArray, number | NDArray];
  (a: unknown, options?: SchurOptions): [NDArray, NDArray] | [NDArray, NDArray, number | NDArray];
}

/** The complex type of the same precision. */
export function complexOf(dtype: LapackDtype): 'complex64' | 'complex128' {
  return dtype === 'float32' || dtype === 'complex64' ? 'complex64' : 'complex128';
}

/** A real stack widened to complex (interleaved, zero imaginary parts). */
export function toComplexStack(stack: Stack): Stack {
  if (isComplex(stack.dtype)) return stack;
  const dtype = complexOf(stack.dtype);
  const data = allocateFloat(dtype, stack.data.length);
  for (let i = 0; i < stack.data.length; i++) data[2 * i] = stack.data[i];
  return { ...stack, data, dtype };
}

/**
 * The Schur decomposition of the n×n matrix at `o` in place: afterwards it holds T (real
 * quasi-triangular for lanes 1, triangular for lanes 2), `z` (when given) the n×n Z at `oz`,
 * and `w` the eigenvalues as (re, im) pairs in T's diagonal order. Returns LAPACK's info
 * (0, or the 1-based index above which the eigenvalues converged).
 */
export function schurInPlace(a: Float, o: number, n: number, lanes: number, z: Float | null, oz: number, w: Float64Array, wantT = true): number {
  // as gees and geev: a matrix of extreme magnitude is scaled first, T and w scaled back
  const factor = schurScaleFactor(a, o, n, lanes);
  scaleMatrix(a, o, n, lanes, factor);
  gehrd(a, o, n, lanes, z, oz);
  let info: number;
  if (lanes === 2) info = complexSchur(a, o, n, z, oz, w, wantT);
  else {
    const wr = new Float64Array(n);
    const wi = new Float64Array(n);
    info = realSchur(a, o, n, z, oz, wr, wi, wantT);
    for (let i = 0; i < n; i++) {
      w[2 * i] = wr[i];
      w[2 * i + 1] = wi[i];
    }
  }
  scaleMatrix(a, o, n, lanes, 1 / factor);
  for (let i = 0; i < 2 * n; i++) w[i] /= factor;
  return info;
}

/**
 * SciPy's `hessenberg`: H (and Q with `calcQ`) with a = Q H Qᴴ, H zero below the
 * subdiagonal. As SciPy, a matrix of order 1 or 2 is returned as it is (its own dtype) with
 * Q the float64 identity.
 */
export function hessenbergHost(a: unknown, options?: HessenbergOptions): NDArray | [NDArray, NDArray] {
  const o = readFunctionOptions(options, 'hessenberg');
  const calcQ = checkBoolean(o.calcQ, 'calcQ', false);
  const input = toArray(a);
  const stack = readMatrix(input, 'hessenberg', checkBoolean(o.checkFinite, 'checkFinite', true));
  checkSquare(input, 'a', 'hessenberg');
  const { rows: n, batch, dtype, data } = stack;
  const shape = [...batch, n, n];
  if (n > 0 && n <= 2) {
    // already Hessenberg: SciPy hands the matrix back unconverted, Q as float64
    const h = astype(input, input.dtype, { copy: true });
    return calcQ ? [h, broadcastIdentity(n, batch)] : h;
  }
  const lanes = isComplex(dtype) ? 2 : 1;
  const count = batchCount(batch);
  const q = calcQ ? allocateFloat(dtype, count * n * n) : null;
  for (let s = 0; s < count; s++) gehrd(data, s * n * n, n, lanes, q, s * n * n);
  const h = fromData(data, shape, dtype);
  return q === null ? h : [h, fromData(q, shape, dtype)];
}

function broadcastIdentity(n: number, batch: readonly number[]): NDArray {
  const count = batchCount(batch);
  const data = new Float64Array(count * n * n);
  for (let s = 0; s < count; s++) for (let i = 0; i < n; i++) data[s * n * n + i * n + i] = 1;
  return fromData(data, [...batch, n, n], 'float64');
}

function checkOutput(value: unknown): 'real' | 'complex' {
  if (value === undefined || value === 'real' || value === 'r') return 'real';
  if (value === 'complex' || value === 'c') return 'complex';
  throw new InvalidArgumentError(`schur: output must be 'real' or 'complex', got ${describe(value)}.`, {
    argument: 'output',
    hint: "Use 'real' (or 'r') or 'complex' (or 'c').",
  });
}

/** gees's workspace check: −1 (a query) or at least 3n (real) / 2n (complex). */
function checkLwork(value: unknown, n: number, complex: boolean): void {
  if (value === undefined || value === null) return;
  const needs = Math.max(1, (complex ? 2 : 3) * n);
  if (Number.isInteger(value) && (value === -1 || (value as number) >= needs)) return;
  throw new InvalidArgumentError(`schur: invalid lwork ${describe(value)}.`, {
    argument: 'lwork',
    hint: `Leave lwork out (or null), or pass -1 or an integer of at least ${needs}.`,
  });
}

/**
 * SciPy's `schur` of a ([..., N, N]): [T, Z] with a = Z T Zᴴ; with `sort`, [T, Z, sdim]
 * where the first sdim diagonal entries (blocks) of T hold the selected eigenvalues.
 */
export function schurHost(a: unknown, options?: SchurOptions): [NDArray, NDArray] | [NDArray, NDArray, number | NDArray] {
  const o = readFunctionOptions(options, 'schur');
  const output = checkOutput(o.output);
  const sort = checkSort(o.sort);
  const input = toArray(a);
  const read = readMatrix(input, 'schur', checkBoolean(o.checkFinite, 'checkFinite', true));
  checkSquare(input, 'a', 'schur');
  const stack = output === 'complex' ? toComplexStack(read) : read;
  const { rows: n, batch, dtype, data } = stack;
  const lanes = isComplex(dtype) ? 2 : 1;
  if (n > 0) checkLwork(o.lwork, n, lanes === 2);
  const count = batchCount(batch);
  const z = allocateFloat(dtype, count * n * n);
  const sdim = new BigInt64Array(count);
  const w = new Float64Array(2 * n);
  const select = sort === null ? null : sortPredicate(sort);
  for (let s = 0; s < count; s++) {
    // gees permutes first (gebal 'P'): isolated eigenvalues deflate at once, where the QR
    // iteration converges only linearly on, e.g., a nilpotent block of zero rows
    const permutation = gebal(data, s * n * n, n, lanes, true, false);
    const info = schurInPlace(data, s * n * n, n, lanes, z, s * n * n, w);
    gebak(permutation, z, s * n * n, n, n, lanes, false);
    if (info > 0) {
      throw new LinAlgError('Schur form not found. Possibly ill-conditioned.', {
        argument: 'a',
        hint: `The QR algorithm did not converge (only eigenvalues with order >= ${info} converged).`,
      });
    }
    if (select !== null) sdim[s] = BigInt(reorder(data, s * n * n, n, lanes, z, w, select));
  }
  const shape = [...batch, n, n];
  const t = fromData(data, shape, dtype);
  const zArray = fromData(z, shape, dtype);
  if (select === null) return [t, zArray];
  return [t, zArray, batch.length === 0 ? Number(sdim[0] ?? 0n) : fromData(sdim, batch, 'int64')];
}

/**
 * gees's sorting (trsen): the eigenvalues `select` picks moved to the top left of the Schur
 * form at `o` (and Z updated); returns sdim, a conjugate pair counting 2.
 */
function reorder(t: Float, o: number, n: number, lanes: number, z: Float, w: Float64Array, select: (re: number, im: number) => boolean): number {
  const picked = Array.from({ length: n }, (_, i) => select(w[2 * i], w[2 * i + 1]));
  if (lanes === 1) {
    const sdim = reorderRealSchur(t, o, n, z, o, picked);
    if (sdim < 0) {
      throw new LinAlgError('Eigenvalues could not be separated for reordering.', {
        argument: 'a',
        hint: 'The selected and the other eigenvalues are too close to swap stably.',
      });
    }
    return sdim;
  }
  // the complex reordering works in double: round trip through a copy for complex64
  const tc = Float64Array.from(t.subarray(2 * o, 2 * (o + n * n)));
  const zc = Float64Array.from(z.subarray(2 * o, 2 * (o + n * n)));
  const sdim = reorderComplexSchur(tc, zc, n, picked);
  t.set(tc, 2 * o);
  z.set(zc, 2 * o);
  return sdim;
}
