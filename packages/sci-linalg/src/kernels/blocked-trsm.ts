/**
 * Triangular solve op(T)·X = B with many right-hand sides (dtrsm, left side) by recursion
 * on the order of T: the first half of the unknowns is solved, its contribution removed from
 * the other half with one matrix product on the WebAssembly kernel, then the other half is
 * solved (Elmroth, Gustavson, Jonsson & Kågström, "Recursive blocked algorithms and hybrid
 * data structures for dense matrix library software", SIAM Review 46(1), 2004). Nearly all
 * of the n²·k multiply-adds become matrix products; only blocks of order ≤ LEAF are solved
 * by substitution.
 */
import { substitute } from './substitution.js';
import { gemmAt, type Resident } from './wasm-resident.js';

/** Order of the diagonal blocks solved by plain substitution. */
const LEAF = 8;

/**
 * Solves op(T) X = B in place on resident matrices: T (n×n, leading dimension ldt) at `t`,
 * B (n×k, leading dimension ldb) at `b`; op(T) = Tᵀ when `trans`; `unit` = unit diagonal.
 */
export function trsmResident(r: Resident, t: number, ldt: number, n: number, b: number, ldb: number, k: number, lower: boolean, trans: boolean, unit: boolean): void {
  if (n <= LEAF) {
    substitute(r.mem, t, ldt, n, r.mem, b, ldb, k, lower, trans, unit);
    return;
  }
  const n1 = n >> 1;
  const n2 = n - n1;
  // op(T) is lower triangular when exactly one of `lower` and `trans` holds
  const forward = lower !== trans;
  // the off-diagonal block of op(T) that couples the halves, and its transpose flag
  const t21 = trans ? t + n1 : t + n1 * ldt; // op(T)[n1:, :n1]
  const t12 = trans ? t + n1 * ldt : t + n1; // op(T)[:n1, n1:]
  const t22 = t + n1 * ldt + n1;
  const b2 = b + n1 * ldb;
  if (forward) {
    trsmResident(r, t, ldt, n1, b, ldb, k, lower, trans, unit);
    gemmAt(r, trans, false, n2, k, n1, -1, t21, ldt, b, ldb, 1, b2, ldb);
    trsmResident(r, t22, ldt, n2, b2, ldb, k, lower, trans, unit);
  } else {
    trsmResident(r, t22, ldt, n2, b2, ldb, k, lower, trans, unit);
    gemmAt(r, trans, false, n1, k, n2, -1, t12, ldt, b2, ldb, 1, b, ldb);
    trsmResident(r, t, ldt, n1, b, ldb, k, lower, trans, unit);
  }
}
