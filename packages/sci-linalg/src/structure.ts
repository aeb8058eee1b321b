/**
 * Structure of matrices: bandwidth (SciPy's `bandwidth`), symmetry and Hermitian tests
 * (`issymmetric`, `ishermitian`), and the copies the solvers make of one triangle.
 */
import type { Float } from './stack.js';

/**
 * Lower and upper bandwidth of the rows×cols matrix at element offset `o` (lanes 1 or 2).
 * Each row is scanned only over the columns that could widen the band found so far
 * (from the far end inward), so a dense matrix settles after a row or two, and a banded
 * one reads each row once, along its storage.
 */
export function bandwidthOf(a: Float, o: number, rows: number, cols: number, lanes: number): [number, number] {
  const nonzero = (i: number, j: number) => {
    const p = lanes * (o + i * cols + j);
    return a[p] !== 0 || (lanes === 2 && a[p + 1] !== 0);
  };
  let lower = 0;
  for (let i = rows - 1; i > lower; i--) {
    // columns j with i − j > lower, leftmost first
    const end = Math.min(i - lower, cols);
    for (let j = 0; j < end; j++) {
      if (nonzero(i, j)) {
        lower = i - j;
        break;
      }
    }
  }
  let upper = 0;
  for (let i = 0; i < rows && cols - 1 - i > upper; i++) {
    // columns j with j − i > upper, rightmost first
    for (let j = cols - 1; j > i + upper; j--) {
      if (nonzero(i, j)) {
        upper = j - i;
        break;
      }
    }
  }
  return [lower, upper];
}

/**
 * Fills the other triangle of the n×n matrix at `o` from the referenced one (`lower`):
 * a mirror for symmetric matrices, a conjugate mirror for Hermitian ones (whose diagonal
 * is then real, as LAPACK's he routines read it).
 */
export function mirrorTriangle(a: Float, o: number, n: number, lanes: number, lower: boolean, conjugate: boolean): void {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [from, to] = lower ? [lanes * (o + j * n + i), lanes * (o + i * n + j)] : [lanes * (o + i * n + j), lanes * (o + j * n + i)];
      a[to] = a[from];
      if (lanes === 2) a[to + 1] = conjugate ? -a[from + 1] : a[from + 1];
    }
    if (lanes === 2 && conjugate) a[lanes * (o + i * n + i) + 1] = 0;
  }
}

/** Zeros every element outside the band [-lower, upper] of the n×n matrix at `o`. */
export function keepBand(a: Float, o: number, n: number, lanes: number, lower: number, upper: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (j - i > upper || i - j > lower) {
        const p = lanes * (o + i * n + j);
        a[p] = 0;
        if (lanes === 2) a[p + 1] = 0;
      }
    }
  }
}
