/**
 * `eigBanded` and `eigvalsBanded`: eigenvalues and eigenvectors of a Hermitian band matrix
 * in LAPACK's band storage (upper form: a_band[u + i − j, j] = a[i, j] for i ≤ j; lower form:
 * a_band[i − j, j] = a[i, j] for i ≥ j). The band is expanded to the full matrix and solved
 * as `eigh` solves it (Householder tridiagonalisation, implicit QL); LAPACK's sbevd/sbevx
 * reduce the band directly (fewer operations, the same eigen-decomposition).
 */
import type { NDArray } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { type EigenSelect, readSelect, selectedIndices } from './eigen-options.js';
import { hermitianEigen } from './eigh.js';
import { type FiniteOptions, readFunctionOptions } from './options.js';
import { allocateFloat, batchCount, checkFiniteValues, fromData, isComplex, lapackDtype, realOf, toArray, toStack } from './stack.js';

export interface EigvalsBandedOptions extends FiniteOptions {
  /** The band is stored in lower form (default false: upper form). */
  lower?: boolean;
  overwriteABand?: boolean;
  /** 'a' (all, default), 'v' (eigenvalues in (low, high]) or 'i' (indices [first, last]). */
  select?: EigenSelect;
  selectRange?: readonly [number, number] | null;
}

export interface EigBandedOptions extends EigvalsBandedOptions {
  eigvalsOnly?: boolean;
  /** SciPy's bound on the number of eigenvalues for select 'v': accepted (a non-negative integer), all found are returned. */
  maxEv?: number;
}

/** `eigBanded`'s results: [w, v], or w with `eigvalsOnly`. */
export interface EigBandedFunction {
  (aBand: unknown, options?: EigBandedOptions & { eigvalsOnly?: false }): [NDArray, NDArray];
  (aBand: unknown, options: EigBandedOptions & { eigvalsOnly: true }): NDArray;
  (aBand: unknown, options?: EigBandedOptions): [NDArray, NDArray] | NDArray;
}

function solve(fn: string, aBand: unknown, options: EigBandedOptions | undefined, valuesOnly: boolean): [NDArray, NDArray] | NDArray {
  const o = readFunctionOptions(options, fn);
  const lower = checkBoolean(o.lower, 'lower', false);
  const vectors = !valuesOnly && !checkBoolean(o.eigvalsOnly, 'eigvalsOnly', false);
  checkBoolean(o.overwriteABand, 'overwriteABand', false);
  if (o.maxEv !== undefined && !(Number.isInteger(o.maxEv) && (o.maxEv as number) >= 0)) {
    throw new InvalidArgumentError(`${fn}: maxEv must be a non-negative integer.`, { argument: 'maxEv', hint: 'Leave maxEv out (0).' });
  }
  const band = toArray(aBand);
  if (band.ndim < 2) {
    throw new ShapeError(`${fn}: expected a 2-D array for aBand, got shape [${band.shape.join(', ')}].`, {
      argument: 'aBand',
      hint: 'Pass the (u + 1)×N band storage (or a stack of them).',
    });
  }
  // SciPy checks finiteness always when vectors are computed
  if (checkBoolean(o.checkFinite, 'checkFinite', true) || vectors) checkFiniteValues(band, 'aBand', fn);
  const rows = band.shape[band.ndim - 2];
  const n = band.shape[band.ndim - 1];
  const dtype = lapackDtype(band.dtype);
  const batch = band.shape.slice(0, -2);
  const lanes = isComplex(dtype) ? 2 : 1;
  const count = batchCount(batch);
  const selection = n * rows === 0 ? { kind: 0 as const, low: 0, high: 0 } : readSelect(o.select, o.selectRange, n);
  const stack = toStack(band, dtype);
  const full = allocateFloat(dtype, n * n);
  const chosen: number[][] = [];
  const results = [];
  for (let s = 0; s < count && rows > 0; s++) {
    full.fill(0);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < n; j++) {
        // the entry of row r, column j of the band: a[i, j] with i = j + r (lower) or j − (rows − 1 − r) (upper)
        const i = lower ? j + r : j - (rows - 1 - r);
        if (i < 0 || i >= n) continue;
        const src = lanes * (s * rows * n + r * n + j);
        const [p, q] = [lanes * (i * n + j), lanes * (j * n + i)];
        full[p] = stack.data[src];
        full[q] = stack.data[src];
        if (lanes === 2) {
          full[p + 1] = i === j ? 0 : stack.data[src + 1];
          full[q + 1] = i === j ? 0 : -stack.data[src + 1];
        }
      }
    }
    const result = hermitianEigen(full, 0, n, lanes, vectors);
    chosen.push(selectedIndices(result.w, selection));
    results.push(result);
  }
  const m = chosen.length === 0 ? (rows === 0 ? 0 : n) : chosen[0].length;
  if (chosen.some((c) => c.length !== m)) {
    throw new InvalidArgumentError(`${fn}: the matrices of the stack have different numbers of eigenvalues in selectRange.`, {
      argument: 'selectRange',
      hint: 'Call the function on each matrix.',
    });
  }
  const cols = rows === 0 ? 0 : n;
  const w = allocateFloat(realOf(dtype), count * m);
  const v = vectors ? allocateFloat(dtype, count * cols * m) : null;
  results.forEach((result, s) => {
    chosen[s].forEach((i, k) => {
      w[s * m + k] = result.w[i];
      if (v === null || result.v === null) return;
      for (let r = 0; r < n; r++) for (let l = 0; l < lanes; l++) v[lanes * (s * n * m + r * m + k) + l] = result.v[lanes * (r * n + i) + l];
    });
  });
  const wArray = fromData(w, [...batch, m], realOf(dtype));
  // an empty band gives SciPy's empty [0] and [0, 0] results
  return v === null ? wArray : [wArray, fromData(v, [...batch, cols, m], dtype)];
}

/** SciPy's `eig_banded(a_band, options)`: [w, v] (w ascending), or w with `eigvalsOnly`. */
export function eigBandedHost(aBand: unknown, options?: EigBandedOptions): [NDArray, NDArray] | NDArray {
  return solve('eigBanded', aBand, options, false);
}

/** SciPy's `eigvals_banded(a_band, options)`: the eigenvalues, ascending. */
export function eigvalsBandedHost(aBand: unknown, options?: EigvalsBandedOptions): NDArray {
  return solve('eigvalsBanded', aBand, options, true) as NDArray;
}
