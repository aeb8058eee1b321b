/**
 * LU factorisation with partial pivoting by recursion on the columns, LAPACK's dgetrf2
 * (Toledo, "Locality of reference in LU decomposition with partial pivoting", SIAM J. Matrix
 * Anal. Appl. 18(4), 1997; LAPACK Users' Guide, 3rd ed., §3.4.1 on blocked factorisations):
 * the left half of the columns is factored, the right half gets the block row of U by a
 * triangular solve and the trailing matrix by one matrix product, then the right half is
 * factored. The products and solves run on @sciport/array-api's WebAssembly SIMD kernel
 * (blocked-trsm.ts); only panels of LEAF columns are eliminated column by column.
 *
 * Same contract and pivoting as real.ts `getrf` (pivot = first largest |a[i, k]|, whole rows
 * swapped, multipliers scaled by the reciprocal pivot, a zero pivot skipped and reported).
 */
import type { Float } from '../stack.js';
import { trsmResident } from './blocked-trsm.js';
import { gemmAt, type Resident, withResident } from './wasm-resident.js';

/** Columns of the panels eliminated one column at a time. */
const LEAF = 8;

/**
 * getrf of the m×n matrix at `o` on the WebAssembly kernel; undefined when the kernel is not
 * available (the caller runs the TypeScript getrf instead).
 */
export function getrfBlocked(a: Float, o: number, m: number, n: number, piv: Int32Array, po: number): number | undefined {
  return withResident([{ data: a, o, size: m * n }], (r, [base]) => {
    const mn = Math.min(m, n);
    const info = factorColumns(r, base, m, n, 0, mn, piv, po);
    // wide matrices: the columns right of the square part get U's block row (unit lower solve)
    if (n > mn) trsmResident(r, base, n, mn, base + mn, n, n - mn, true, false, true);
    return info;
  });
}

/**
 * Factors columns k0..k1-1 (rows k0..m-1) of the resident m×n matrix at `base`, whose columns
 * are up to date with every elimination before k0. Rows are swapped across the whole width.
 * Returns 0 or 1 + the first column with an exactly zero pivot.
 */
function factorColumns(r: Resident, base: number, m: number, n: number, k0: number, k1: number, piv: Int32Array, po: number): number {
  if (k1 - k0 <= LEAF) return eliminate(r.mem, base, m, n, k0, k1, piv, po);
  const mid = k0 + ((k1 - k0) >> 1);
  const left = factorColumns(r, base, m, n, k0, mid, piv, po);
  // U[k0:mid, mid:k1] = L[k0:mid, k0:mid]⁻¹ A[k0:mid, mid:k1]
  const diag = base + k0 * n + k0;
  trsmResident(r, diag, n, mid - k0, base + k0 * n + mid, n, k1 - mid, true, false, true);
  // A[mid:m, mid:k1] -= L[mid:m, k0:mid] · U[k0:mid, mid:k1]
  gemmAt(r, false, false, m - mid, k1 - mid, mid - k0, -1, base + mid * n + k0, n, base + k0 * n + mid, n, 1, base + mid * n + mid, n);
  const right = factorColumns(r, base, m, n, mid, k1, piv, po);
  return left !== 0 ? left : right;
}

/** Column-by-column elimination of columns k0..k1-1 (real.ts getrf's panel step). */
function eliminate(a: Float, o: number, m: number, n: number, k0: number, k1: number, piv: Int32Array, po: number): number {
  let info = 0;
  for (let k = k0; k < k1; k++) {
    let p = k;
    let best = Math.abs(a[o + k * n + k]);
    for (let i = k + 1; i < m; i++) {
      const v = Math.abs(a[o + i * n + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    piv[po + k] = p;
    const pivot = a[o + p * n + k];
    if (pivot === 0) {
      if (info === 0) info = k + 1;
      continue;
    }
    if (p !== k) {
      const pr = o + p * n;
      const kr = o + k * n;
      for (let j = 0; j < n; j++) {
        const t = a[pr + j];
        a[pr + j] = a[kr + j];
        a[kr + j] = t;
      }
    }
    const rcp = 1 / pivot;
    const urow = o + k * n;
    for (let i = k + 1; i < m; i++) {
      const row = o + i * n;
      const l = (a[row + k] *= rcp);
      if (l === 0) continue;
      for (let j = k + 1; j < k1; j++) a[row + j] -= l * a[urow + j];
    }
  }
  return info;
}
