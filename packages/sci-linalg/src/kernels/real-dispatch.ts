/**
 * The real kernel set's getrf, trsm and potrf: the recursive blocked algorithms on the
 * WebAssembly matrix-product kernel (blocked-*.ts) from the orders where they win (measured on
 * float64; float32 alike), the TypeScript kernels of real.ts below them or without WebAssembly
 * (the triangular solve's as substitution.ts's stride-1 substitution).
 */
import type { Float } from '../stack.js';
import { potrfBlocked } from './blocked-cholesky.js';
import { getrfBlocked } from './blocked-lu.js';
import { potrfUpper } from './cholesky-upper.js';
import { trsmResident } from './blocked-trsm.js';
import { getrf, potrf } from './real.js';
import { substitute } from './substitution.js';
import { withResident } from './wasm-resident.js';

/** Smallest min(m, n) factored by the blocked LU. */
const LU_MIN = 32;
/** Smallest order factored by the blocked Cholesky (CPU time measured equal near 40: at 32 the dot-product form is faster, at 48 the blocked one by 1.7×). */
const CHOLESKY_MIN = 40;
/** Smallest order and number of right-hand sides solved by the blocked triangular solve. */
const TRSM_MIN = 32;
const TRSM_MIN_RHS = 16;

export function getrfReal(a: Float, o: number, m: number, n: number, piv: Int32Array, po: number): number {
  if (Math.min(m, n) >= LU_MIN) {
    const info = getrfBlocked(a, o, m, n, piv, po);
    if (info !== undefined) return info;
  }
  return getrf(a, o, m, n, piv, po);
}

export function potrfReal(a: Float, o: number, n: number): number {
  if (n >= CHOLESKY_MIN) {
    const info = potrfBlocked(a, o, n);
    if (info !== undefined) return info;
  }
  return potrf(a, o, n);
}

/** Below the blocked order, the upper triangle's own row-oriented kernel (no mirror, no transposes). */
export function potrfUpperReal(a: Float, o: number, n: number): number | undefined {
  return n < CHOLESKY_MIN ? potrfUpper(a, o, n) : undefined;
}

export function trsmReal(t: Float, to: number, n: number, b: Float, bo: number, k: number, lower: boolean, trans: number, unit: boolean): number {
  // dtrtrs's check first: a zero on the diagonal solves nothing
  if (!unit) for (let i = 0; i < n; i++) if (t[to + i * n + i] === 0) return i;
  if (n >= TRSM_MIN && k >= TRSM_MIN_RHS) {
    const solved = withResident(
      [
        { data: t, o: to, size: n * n, writeBack: false },
        { data: b, o: bo, size: n * k },
      ],
      (r, [tp, bp]) => {
        trsmResident(r, tp, n, n, bp, k, k, lower, trans !== 0, unit);
        return true;
      },
    );
    if (solved !== undefined) return -1;
  }
  // few right-hand sides: substitution along T's rows
  substitute(t, to, n, n, b, bo, k, k, lower, trans !== 0, unit);
  return -1;
}
