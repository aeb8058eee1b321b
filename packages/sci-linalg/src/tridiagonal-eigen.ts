/**
 * `eighTridiagonal` and `eigvalshTridiagonal`: the eigen-decomposition of a real symmetric
 * tridiagonal matrix given by its diagonal d and off-diagonal e, by the implicit QL
 * algorithm (kernels/tridiagonal-ql.ts) for small orders, root-free QL or divide and
 * conquer for larger ones, eigenvalues ascending, then SciPy's selection.
 */
import { astype, broadcastTo, isComplexDtype, type NDArray } from '@sciport/array-api';
import { checkBoolean, describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { type EigenSelect, readSelect, selectedIndices } from './eigen-options.js';
import { LinAlgError } from './errors.js';
import { DIVIDE_AND_CONQUER_MIN_ORDER, tridiagonalDivideConquer } from './kernels/tridiagonal-divide-conquer.js';
import { tridiagonalQL } from './kernels/tridiagonal-ql.js';
import { tridiagonalEigenvalues } from './kernels/tridiagonal-root-free-ql.js';
import { type FiniteOptions, readFunctionOptions } from './options.js';
import { allocateFloat, batchCount, broadcastBatch, checkFiniteValues, fromData, lapackDtype, toArray } from './stack.js';

const DRIVERS = ['auto', 'stemr', 'sterf', 'stebz', 'stev', 'stevd'] as const;

export interface EigvalshTridiagonalOptions extends FiniteOptions {
  /** 'a' (all, default), 'v' (eigenvalues in (low, high]) or 'i' (indices [first, last]). */
  select?: EigenSelect;
  selectRange?: readonly [number, number] | null;
  /** LAPACK's bisection tolerance: accepted (a number), unused — QL computes to full accuracy. */
  tol?: number;
  /** SciPy's LAPACK driver: checked as SciPy checks it, one algorithm here. */
  lapackDriver?: (typeof DRIVERS)[number];
}

export interface EighTridiagonalOptions extends EigvalshTridiagonalOptions {
  eigvalsOnly?: boolean;
}

/** `eighTridiagonal`'s results: [w, v], or w with `eigvalsOnly`. */
export interface EighTridiagonalFunction {
  (d: unknown, e: unknown, options?: EighTridiagonalOptions & { eigvalsOnly?: false }): [NDArray, NDArray];
  (d: unknown, e: unknown, options: EighTridiagonalOptions & { eigvalsOnly: true }): NDArray;
  (d: unknown, e: unknown, options?: EighTridiagonalOptions): [NDArray, NDArray] | NDArray;
}

function readVector(x: unknown, argument: string, fn: string, checkFinite: boolean): NDArray {
  const array = toArray(x);
  if (array.ndim < 1) {
    throw new ShapeError(`${fn}: expected a 1-D array for '${argument}'.`, { argument, hint: 'Pass a vector (or a stack [..., N]).' });
  }
  if (isComplexDtype(array.dtype)) {
    throw new DtypeError(`${fn}: only real arrays are supported ('${argument}' is ${array.dtype}).`, {
      argument,
      hint: 'A Hermitian tridiagonal matrix is similar to a real one: pass |e|.',
    });
  }
  if (checkFinite) checkFiniteValues(array, argument, fn);
  return array;
}

function solve(fn: string, d: unknown, e: unknown, options: EighTridiagonalOptions | undefined, valuesOnly: boolean): [NDArray, NDArray] | NDArray {
  const o = readFunctionOptions(options, fn);
  const vectors = !valuesOnly && !checkBoolean(o.eigvalsOnly, 'eigvalsOnly', false);
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const da = readVector(d, 'd', fn, checkFinite);
  const ea = readVector(e, 'e', fn, checkFinite);
  const n = da.shape[da.ndim - 1];
  if (n !== ea.shape[ea.ndim - 1] + 1) {
    throw new ShapeError(`${fn}: d (${n}) must have one more element than e (${ea.shape[ea.ndim - 1]}).`, {
      argument: 'e',
      hint: 'e is the off-diagonal: one element fewer than d.',
    });
  }
  const selection = readSelect(o.select, o.selectRange, n);
  if (o.tol !== undefined && typeof o.tol !== 'number') {
    throw new InvalidArgumentError(`${fn}: tol must be a number, got ${describe(o.tol)}.`, { argument: 'tol', hint: 'Pass a number (0 for the default).' });
  }
  const driver = o.lapackDriver ?? 'auto';
  if (!DRIVERS.includes(driver as never)) {
    throw new InvalidArgumentError(`lapack_driver must be one of ${DRIVERS.join(', ')}, got ${describe(driver)}.`, {
      argument: 'lapackDriver',
      hint: "Leave lapackDriver out ('auto').",
    });
  }
  if (['sterf', 'stev', 'stevd'].includes(driver) && selection.kind !== 0) {
    throw new InvalidArgumentError(`${driver} can only be used when select == "a".`, { argument: 'lapackDriver', hint: "Use 'auto', 'stebz' or 'stemr'." });
  }
  if (driver === 'sterf' && vectors) {
    throw new InvalidArgumentError('sterf can only be used when eigvals_only is True.', { argument: 'lapackDriver', hint: "Use 'auto' for vectors." });
  }
  const batch = broadcastBatch(da.shape.slice(0, -1), ea.shape.slice(0, -1), 'e', fn);
  if (n === 1) return single(da, batch, selection, vectors);
  const dtype = lapackDtype(da.dtype, ea.dtype);
  const dd = astype(broadcastTo(da, [...batch, n]), 'float64').toTypedArray() as Float64Array;
  const ed = astype(broadcastTo(ea, [...batch, n - 1]), 'float64').toTypedArray() as Float64Array;
  const count = batchCount(batch);
  const chosen: number[][] = [];
  const ws: Float64Array[] = [];
  const zs: Float64Array[] = [];
  for (let s = 0; s < count; s++) {
    const w = dd.slice(s * n, (s + 1) * n);
    const off = new Float64Array(n);
    off.set(ed.subarray(s * (n - 1), (s + 1) * (n - 1)));
    const { zt, info } = solveTridiagonal(w, off, n, vectors);
    if (info > 0) throw new LinAlgError(`${fn}: the QL algorithm did not converge (${info} off-diagonal elements).`, { argument: 'd', hint: 'Check the input for extreme values.' });
    chosen.push(selectedIndices(w, selection));
    ws.push(w);
    if (zt !== null) zs.push(zt);
  }
  const m = count === 0 ? (selection.kind === 2 ? selection.high - selection.low + 1 : selection.kind === 0 ? n : 0) : chosen[0].length;
  if (chosen.some((c) => c.length !== m)) {
    throw new InvalidArgumentError(`${fn}: the matrices of the stack have different numbers of eigenvalues in selectRange.`, {
      argument: 'selectRange',
      hint: 'Call the function on each matrix.',
    });
  }
  const w = allocateFloat(dtype as 'float32' | 'float64', count * m);
  const v = vectors ? allocateFloat(dtype as 'float32' | 'float64', count * n * m) : null;
  for (let s = 0; s < count; s++) {
    chosen[s].forEach((i, k) => {
      w[s * m + k] = ws[s][i];
      // row i of zt is eigenvector i
      if (v !== null) for (let r = 0; r < n; r++) v[s * n * m + r * m + k] = zs[s][i * n + r];
    });
  }
  const wArray = fromData(w, [...batch, m], dtype);
  return v === null ? wArray : [wArray, fromData(v, [...batch, n, m], dtype)];
}

/**
 * Eigenvalues (ascending, in d) and, with `vectors`, eigenvectors as the rows of zt: the
 * implicit QL algorithm for small orders; for larger ones root-free QL (values) or divide
 * and conquer (vectors).
 */
function solveTridiagonal(d: Float64Array, e: Float64Array, n: number, vectors: boolean): { zt: Float64Array | null; info: number } {
  if (n >= DIVIDE_AND_CONQUER_MIN_ORDER) {
    if (!vectors) return { zt: null, info: tridiagonalEigenvalues(d, e, n) };
    const zt = tridiagonalDivideConquer(d, e, n, true);
    return { zt, info: zt === null ? n - 1 : 0 };
  }
  const zt = vectors ? new Float64Array(n * n) : null;
  if (zt !== null) for (let i = 0; i < n; i++) zt[i * n + i] = 1;
  return { zt, info: tridiagonalQL(d, e, n, zt, n, 1) };
}

/** SciPy's 1×1 shortcut: d itself (its own dtype) and the vector [[1]]. */
function single(d: NDArray, batch: readonly number[], selection: ReturnType<typeof readSelect>, vectors: boolean): [NDArray, NDArray] | NDArray {
  const values = broadcastTo(d, [...batch, 1]);
  const inRange = Array.from(values.toTypedArray() as ArrayLike<number>, (x) => selection.kind !== 1 || (selection.low < Number(x) && Number(x) <= selection.high));
  const keep = inRange.length === 0 || inRange[0];
  if (inRange.some((x) => x !== keep)) {
    throw new InvalidArgumentError('the matrices of the stack have different numbers of eigenvalues in selectRange.', {
      argument: 'selectRange',
      hint: 'Call the function on each matrix.',
    });
  }
  const w = keep ? astype(values, d.dtype, { copy: true }) : fromData(new Float64Array(0), [...batch, 0], 'float64');
  if (!vectors) return w;
  const count = batchCount(batch);
  const v = astype(fromData(new Float64Array(count).fill(1), [...batch, 1, 1], 'float64'), d.dtype);
  return [w, keep ? v : astype(fromData(new Float64Array(0), [...batch, 1, 0], 'float64'), d.dtype)];
}

/** SciPy's `eigh_tridiagonal(d, e, options)`: [w, v] (or w with `eigvalsOnly`), w ascending. */
export function eighTridiagonalHost(d: unknown, e: unknown, options?: EighTridiagonalOptions): [NDArray, NDArray] | NDArray {
  return solve('eighTridiagonal', d, e, options, false);
}

/** SciPy's `eigvalsh_tridiagonal(d, e, options)`: the eigenvalues, ascending. */
export function eigvalshTridiagonalHost(d: unknown, e: unknown, options?: EigvalshTridiagonalOptions): NDArray {
  return solve('eigvalshTridiagonal', d, e, options, true) as NDArray;
}
