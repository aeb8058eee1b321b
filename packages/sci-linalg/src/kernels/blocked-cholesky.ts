/**
 * Cholesky factorisation A = L·Lᵀ by recursion on the order (LAPACK's dpotrf2; Gustavson,
 * "Recursion leads to automatic variable blocking for dense linear-algebra algorithms", IBM
 * J. Res. Dev. 41(6), 1997): L11 = chol(A11), L21 = A21·L11⁻ᵀ (triangular solve), A22 ← A22 −
 * L21·L21ᵀ (a symmetric rank-k update of the lower triangle, recursive as well), then L22 = chol(A22). The solves and products run on @sciport/array-api's
 * WebAssembly SIMD kernel; only diagonal blocks of order ≤ LEAF use real.ts's dot-product form.
 *
 * Same contract as real.ts `potrf`: the lower triangle is read, L written over it with zeros
 * above; info = 1 + the order of the first leading minor that is not positive definite.
 */
import type { Float } from '../stack.js';
import { gemmAt, type Resident, withResident } from './wasm-resident.js';

/** Order of the diagonal blocks factored element by element. */
const LEAF = 32;
/** Columns of the blocks solved by substitution in the triangular solve. */
const SOLVE_LEAF = 8;
/** Order below which the rank-k update also computes the block above the diagonal (one product instead of recursion). */
const SYRK_LEAF = 128;

/** potrf of the n×n matrix at `o` on the WebAssembly kernel; undefined when it is not available. */
export function potrfBlocked(a: Float, o: number, n: number): number | undefined {
  return withResident([{ data: a, o, size: n * n }], (r, [base]) => {
    const info = factor(r, base, n, n);
    if (info !== 0) return info;
    const m = r.mem;
    for (let i = 0; i < n; i++) m.fill(0, base + i * n + i + 1, base + i * n + n);
    return 0;
  });
}

/** Factors the order-n diagonal block at `at` (leading dimension ld); 0 or 1 + the failing minor's order. */
function factor(r: Resident, at: number, n: number, ld: number): number {
  if (n <= LEAF) return factorLeaf(r.mem, at, n, ld);
  const n1 = n >> 1;
  const n2 = n - n1;
  const info = factor(r, at, n1, ld);
  if (info !== 0) return info;
  const a21 = at + n1 * ld;
  solveRight(r, at, n1, a21, n2, ld);
  const a22 = a21 + n1;
  rankUpdate(r, a22, n2, a21, n1, ld);
  const rest = factor(r, a22, n2, ld);
  return rest === 0 ? 0 : n1 + rest;
}

/**
 * C ← C − A·Aᵀ on and below the diagonal of the order-n block C at `c`, A (n×k) at `a`
 * (dsyrk), by recursion: the block below the diagonal is one matrix product, the two
 * diagonal blocks recurse; small diagonal blocks are computed whole (the part above the
 * diagonal is scratch here and zeroed at the end).
 */
function rankUpdate(r: Resident, c: number, n: number, a: number, k: number, ld: number): void {
  if (n <= SYRK_LEAF) {
    gemmAt(r, false, true, n, n, k, -1, a, ld, a, ld, 1, c, ld);
    return;
  }
  const n1 = n >> 1;
  rankUpdate(r, c, n1, a, k, ld);
  gemmAt(r, false, true, n - n1, n1, k, -1, a + n1 * ld, ld, a, ld, 1, c + n1 * ld, ld);
  rankUpdate(r, c + n1 * ld + n1, n - n1, a + n1 * ld, k, ld);
}

/** X ← X·L⁻ᵀ for the rows×n block X at `x` and the lower triangular L (order n) at `l` (dtrsm, right side). */
function solveRight(r: Resident, l: number, n: number, x: number, rows: number, ld: number): void {
  if (n <= SOLVE_LEAF) {
    const m = r.mem;
    for (let i = 0; i < rows; i++) {
      const xr = x + i * ld;
      for (let j = 0; j < n; j++) {
        const lr = l + j * ld;
        let s = m[xr + j];
        for (let p = 0; p < j; p++) s -= m[xr + p] * m[lr + p];
        m[xr + j] = s / m[lr + j];
      }
    }
    return;
  }
  const n1 = n >> 1;
  solveRight(r, l, n1, x, rows, ld);
  // X2 -= X1 · L21ᵀ
  gemmAt(r, false, true, rows, n - n1, n1, -1, x, ld, l + n1 * ld, ld, 1, x + n1, ld);
  solveRight(r, l + n1 * ld + n1, n - n1, x + n1, rows, ld);
}

/** real.ts potrf's dot-product form on one diagonal block (its part above the diagonal is left alone). */
function factorLeaf(m: Float, o: number, n: number, ld: number): number {
  for (let j = 0; j < n; j++) {
    const rj = o + j * ld;
    let d = m[rj + j];
    for (let k = 0; k < j; k++) d -= m[rj + k] * m[rj + k];
    if (!(d > 0)) return j + 1;
    const ljj = Math.sqrt(d);
    m[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = o + i * ld;
      let s = m[ri + j];
      for (let k = 0; k < j; k++) s -= m[ri + k] * m[rj + k];
      m[ri + j] = s / ljj;
    }
  }
  return 0;
}
