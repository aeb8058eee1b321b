/**
 * `solve`, `inv` and `det` of stacks of small real matrices (order ≤ SMALL_LU_ORDER, e.g.
 * 10 000 stacked 4×4 or 3×3): each matrix is copied into one reused scratch block and
 * eliminated there with its right-hand sides carried along (Gaussian elimination with
 * partial pivoting: the arithmetic of real.ts's getrf followed by getrs), while the stack
 * itself is read in place. What the general path spends per matrix on small orders (a copy
 * of the whole stack, kernel dispatches, an identity matrix per inverse) is what this saves.
 */
import type { Float } from '../stack.js';

/** The largest order handled here. */
export const SMALL_LU_ORDER = 8;

/** One matrix's LU factors, of the stack's storage type (the same rounding); shared by every call (none is reentrant). */
const SCRATCH64 = new Float64Array(SMALL_LU_ORDER * SMALL_LU_ORDER);
const SCRATCH32 = new Float32Array(SMALL_LU_ORDER * SMALL_LU_ORDER);

function scratchFor(a: Float): Float {
  return a instanceof Float32Array ? SCRATCH32 : SCRATCH64;
}

/**
 * Copies matrix `s` of `a` into `lu` and factors it as getrf does (first largest pivot,
 * whole rows swapped, multipliers scaled by the reciprocal pivot), carrying the n×k block
 * of `b` at `bo` along as extra columns: that is L⁻¹ P B, the forward half of getrs, with
 * each element receiving the same subtractions in the same order. Returns the determinant's
 * sign and magnitude as U's diagonal product (0 when a pivot is exactly zero).
 */
function eliminate(a: Float, s: number, n: number, lu: Float, b: Float | null, bo: number, k: number): number {
  const nn = n * n;
  const o = s * nn;
  for (let i = 0; i < nn; i++) lu[i] = a[o + i];
  let det = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    let best = Math.abs(lu[c * n + c]);
    for (let i = c + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + c]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    const pivot = lu[p * n + c];
    det = (p !== c ? -1 : 1) * det * pivot;
    if (pivot === 0) continue;
    if (p !== c) {
      swap(lu, c * n, p * n, n);
      if (b !== null) swap(b, bo + c * k, bo + p * k, k);
    }
    const r = 1 / pivot;
    for (let i = c + 1; i < n; i++) {
      const l = (lu[i * n + c] *= r);
      if (l === 0) continue;
      for (let j = c + 1; j < n; j++) lu[i * n + j] -= l * lu[c * n + j];
      if (b !== null) for (let j = 0; j < k; j++) b[bo + i * k + j] -= l * b[bo + c * k + j];
    }
  }
  return det;
}

function swap(x: Float, p: number, q: number, length: number): void {
  for (let j = 0; j < length; j++) {
    const t = x[p + j];
    x[p + j] = x[q + j];
    x[q + j] = t;
  }
}

/** U X = Y in place for the n×k block at `bo` (substitution.ts's order: q descending). */
function backSubstitute(lu: Float, n: number, b: Float, bo: number, k: number): void {
  for (let i = n - 1; i >= 0; i--) {
    const d = lu[i * n + i];
    if (k === 1) {
      let sum = b[bo + i];
      for (let q = n - 1; q > i; q--) sum -= lu[i * n + q] * b[bo + q];
      b[bo + i] = sum / d;
      continue;
    }
    const row = bo + i * k;
    for (let q = n - 1; q > i; q--) {
      const c = lu[i * n + q];
      if (c === 0) continue;
      for (let j = 0; j < k; j++) b[row + j] -= c * b[bo + q * k + j];
    }
    for (let j = 0; j < k; j++) b[row + j] /= d;
  }
}

/**
 * Solves a[s] x = b[s] for every matrix of the stack, in place in `b` ([count, n, k]);
 * returns the singular slices (exact zero pivots), whose b is left partly solved.
 */
export function solveSmallStack(a: Float, b: Float, n: number, k: number, count: number): number[] {
  const lu = scratchFor(a);
  const singular: number[] = [];
  for (let s = 0; s < count; s++) {
    const bo = s * n * k;
    if (eliminate(a, s, n, lu, b, bo, k) !== 0) backSubstitute(lu, n, b, bo, k);
    else singular.push(s);
  }
  return singular;
}

/** The inverse of every matrix of `a` into `out` ([count, n, n], zeros on entry); returns the singular slices. */
export function invSmallStack(a: Float, out: Float, n: number, count: number): number[] {
  const lu = scratchFor(a);
  const singular: number[] = [];
  for (let s = 0; s < count; s++) {
    const o = s * n * n;
    for (let i = 0; i < n; i++) out[o + i * n + i] = 1;
    if (eliminate(a, s, n, lu, out, o, n) !== 0) backSubstitute(lu, n, out, o, n);
    else singular.push(s);
  }
  return singular;
}

/** The determinant of every matrix of `a` into `out` (float64): U's diagonal product in double, negated per row interchange. */
export function detSmallStack(a: Float, out: Float64Array, n: number, count: number): void {
  const lu = scratchFor(a);
  // + 0 turns -0 into 0: SciPy's determinant of a singular matrix is +0
  for (let s = 0; s < count; s++) out[s] = eliminate(a, s, n, lu, null, 0, 0) + 0;
}
