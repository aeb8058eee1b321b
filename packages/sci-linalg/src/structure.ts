/**
 * Structure of matrices: bandwidth (SciPy's `bandwidth`), symmetry and Hermitian tests
 * (`issymmetric`, `ishermitian`), and the copies the solvers make of one triangle.
 */
import type { Float } from './stack.js';

/** Lower and upper bandwidth of the rows×cols matrix at element offset `o` (lanes 1 or 2). */
export function bandwidthOf(a: Float, o: number, rows: number, cols: number, lanes: number): [number, number] {
  let lower = 0;
  let upper = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const p = lanes * (o + i * cols + j);
      const nonzero = a[p] !== 0 || (lanes === 2 && a[p + 1] !== 0);
      if (!nonzero) continue;
      if (i > j) lower = Math.max(lower, i - j);
      else if (j > i) upper = Math.max(upper, j - i);
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
