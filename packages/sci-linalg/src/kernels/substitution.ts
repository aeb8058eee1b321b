/**
 * Triangular solve op(T)·X = B by substitution on row-major storage (dtrsv / dtrsm, left
 * side), each case in the loop order whose inner loop runs along a stored row:
 *
 * - op(T) = T: row i of T is contiguous, so X's row i is B's row i minus T[i, q]·X[q, :]
 *   over the solved rows q (left-looking); for one right-hand side that is a dot product.
 * - op(T) = Tᵀ: row i of T is column i of op(T), so once X's row i is solved it is
 *   subtracted, times T[i, q], from every row q still to solve (right-looking, an axpy
 *   along T's row i); an all-zero row i subtracts nothing and is skipped, as dtrsv does.
 *
 * Either way every element of B receives its subtractions in the same order (q ascending
 * for a forward solve, descending for a backward one), the order of the textbook
 * substitution. Positions and leading dimensions are in elements.
 */
import type { Float } from '../stack.js';

export function substitute(
  tm: Float,
  t: number,
  ldt: number,
  n: number,
  m: Float,
  b: number,
  ldb: number,
  k: number,
  lower: boolean,
  trans: boolean,
  unit: boolean,
): void {
  if (trans) {
    if (k === 1) substituteVectorByColumns(tm, t, ldt, n, m, b, ldb, lower, unit);
    else substituteByColumns(tm, t, ldt, n, m, b, ldb, k, lower, unit);
  } else if (k === 1) {
    substituteVectorByRows(tm, t, ldt, n, m, b, ldb, lower, unit);
  } else {
    substituteByRows(tm, t, ldt, n, m, b, ldb, k, lower, unit);
  }
}

/** T x = b, one right-hand side (stride ldb): x_i = (b_i − T[i, :]·x) / T[i, i]. */
function substituteVectorByRows(tm: Float, t: number, ldt: number, n: number, m: Float, b: number, ldb: number, lower: boolean, unit: boolean): void {
  if (lower) {
    for (let i = 0; i < n; i++) {
      const row = t + i * ldt;
      let s = m[b + i * ldb];
      for (let q = 0; q < i; q++) s -= tm[row + q] * m[b + q * ldb];
      m[b + i * ldb] = unit ? s : s / tm[row + i];
    }
  } else {
    for (let i = n - 1; i >= 0; i--) {
      const row = t + i * ldt;
      let s = m[b + i * ldb];
      for (let q = n - 1; q > i; q--) s -= tm[row + q] * m[b + q * ldb];
      m[b + i * ldb] = unit ? s : s / tm[row + i];
    }
  }
}

/** Tᵀ x = b, one right-hand side: x_i solved, then x_q −= T[i, q]·x_i along T's row i. */
function substituteVectorByColumns(tm: Float, t: number, ldt: number, n: number, m: Float, b: number, ldb: number, lower: boolean, unit: boolean): void {
  if (lower) {
    // Tᵀ is upper triangular: backward, row i of T holds T[i, q] for q < i
    for (let i = n - 1; i >= 0; i--) {
      const row = t + i * ldt;
      const x = unit ? m[b + i * ldb] : m[b + i * ldb] / tm[row + i];
      m[b + i * ldb] = x;
      if (x === 0) continue;
      for (let q = i - 1; q >= 0; q--) m[b + q * ldb] -= tm[row + q] * x;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const row = t + i * ldt;
      const x = unit ? m[b + i * ldb] : m[b + i * ldb] / tm[row + i];
      m[b + i * ldb] = x;
      if (x === 0) continue;
      for (let q = i + 1; q < n; q++) m[b + q * ldb] -= tm[row + q] * x;
    }
  }
}

/** T X = B, k right-hand sides: row i of X = (row i of B − Σ T[i, q]·row q of X) / T[i, i]. */
function substituteByRows(tm: Float, t: number, ldt: number, n: number, m: Float, b: number, ldb: number, k: number, lower: boolean, unit: boolean): void {
  for (let s = 0; s < n; s++) {
    const i = lower ? s : n - 1 - s;
    const row = b + i * ldb;
    const qStart = lower ? 0 : n - 1;
    const qStep = lower ? 1 : -1;
    for (let q = qStart; q !== i; q += qStep) {
      const c = tm[t + i * ldt + q];
      if (c === 0) continue;
      const src = b + q * ldb;
      for (let j = 0; j < k; j++) m[row + j] -= c * m[src + j];
    }
    if (!unit) divideRow(m, row, k, tm[t + i * ldt + i]);
  }
}

/** Tᵀ X = B, k right-hand sides: row i of X solved, then subtracted times T[i, q] from each later row q. */
function substituteByColumns(tm: Float, t: number, ldt: number, n: number, m: Float, b: number, ldb: number, k: number, lower: boolean, unit: boolean): void {
  for (let s = 0; s < n; s++) {
    // Tᵀ is upper triangular for lower T: backward
    const i = lower ? n - 1 - s : s;
    const row = b + i * ldb;
    if (!unit) divideRow(m, row, k, tm[t + i * ldt + i]);
    if (isZeroRow(m, row, k)) continue;
    const qEnd = lower ? -1 : n;
    const qStep = lower ? -1 : 1;
    for (let q = i + qStep; q !== qEnd; q += qStep) {
      const c = tm[t + i * ldt + q];
      if (c === 0) continue;
      const dst = b + q * ldb;
      for (let j = 0; j < k; j++) m[dst + j] -= c * m[row + j];
    }
  }
}

function divideRow(m: Float, row: number, k: number, d: number): void {
  for (let j = 0; j < k; j++) m[row + j] /= d;
}

function isZeroRow(m: Float, row: number, k: number): boolean {
  for (let j = 0; j < k; j++) if (m[row + j] !== 0) return false;
  return true;
}
