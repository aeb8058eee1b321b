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

/** Reused buffer for the panel being eliminated. */
let panelBuffer = new Float64Array(0);

/**
 * Column-by-column elimination of columns k0..k1-1 (real.ts getrf's panel step) in a compact
 * copy of the panel, rows k0..m-1 and w = k1 - k0 ≤ LEAF columns, so that the pivot search and
 * updates walk one short contiguous row per matrix row instead of one cache line per row and
 * column; the row interchanges reach the rest of the matrix's rows afterwards (dlaswp).
 */
function eliminate(a: Float, o: number, m: number, n: number, k0: number, k1: number, piv: Int32Array, po: number): number {
  const w = k1 - k0;
  const rows = m - k0;
  if (panelBuffer.length < rows * w) panelBuffer = new Float64Array(rows * w);
  // float32 matrices are rounded on every store, as in the TypeScript getrf
  const p32 = a instanceof Float32Array ? new Float32Array(panelBuffer.buffer, 0, rows * w) : null;
  const t = p32 ?? panelBuffer;
  for (let i = 0; i < rows; i++) for (let j = 0; j < w; j++) t[i * w + j] = a[o + (k0 + i) * n + k0 + j];
  let info = 0;
  for (let c = 0; c < w; c++) {
    let p = c;
    let best = Math.abs(t[c * w + c]);
    for (let i = c + 1; i < rows; i++) {
      const v = Math.abs(t[i * w + c]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    piv[po + k0 + c] = k0 + p;
    const pivot = t[p * w + c];
    if (pivot === 0) {
      if (info === 0) info = k0 + c + 1;
      continue;
    }
    if (p !== c) {
      for (let j = 0; j < w; j++) {
        const x = t[p * w + j];
        t[p * w + j] = t[c * w + j];
        t[c * w + j] = x;
      }
    }
    const rcp = 1 / pivot;
    const urow = c * w;
    for (let i = c + 1; i < rows; i++) {
      const row = i * w;
      const l = (t[row + c] *= rcp);
      if (l === 0) continue;
      for (let j = c + 1; j < w; j++) t[row + j] -= l * t[urow + j];
    }
  }
  for (let i = 0; i < rows; i++) for (let j = 0; j < w; j++) a[o + (k0 + i) * n + k0 + j] = t[i * w + j];
  // the same interchanges on the columns left and right of the panel
  for (let k = k0; k < k1; k++) {
    const p = piv[po + k];
    if (p === k) continue;
    const pr = o + p * n;
    const kr = o + k * n;
    for (let j = 0; j < n; j++) {
      if (j === k0) j = k1;
      if (j >= n) break;
      const x = a[pr + j];
      a[pr + j] = a[kr + j];
      a[kr + j] = x;
    }
  }
  return info;
}
