/**
 * Matrix products on row-major matrices, real (lanes = 1) or complex interleaved (lanes = 2),
 * for the routines built on other factorisations (least squares, polar, QR products):
 * BLAS's gemm with op(X) = X, Xᵀ or Xᴴ. Real products of some size run on @sciport/array-api's
 * packed WebAssembly SIMD kernel (float32 sums in single precision, as sgemm); the others on
 * the loops below, which form sums in double and round once on store, as real.ts does.
 */
import { gemm as realGemm } from '@sciport/array-api/kernels';
import type { Float } from '../stack.js';

/** Real products with at least this many multiply-adds go to the wasm kernel (smaller ones stay on the loops below, unchanged). */
const WASM_MIN_WORK = 4096;

/** A row-major matrix inside a buffer: `rows`×`cols` at element offset `o` (a complex element counts once). */
export interface MatrixView {
  readonly data: Float;
  readonly o: number;
  readonly rows: number;
  readonly cols: number;
}

/** op(X): 0 = X, 1 = Xᵀ, 2 = Xᴴ (LAPACK's 'N', 'T', 'C'). */
export type Op = 0 | 1 | 2;

export function view(data: Float, o: number, rows: number, cols: number): MatrixView {
  return { data, o, rows, cols };
}

/** Rows and columns of op(x). */
export function opShape(x: MatrixView, op: Op): [number, number] {
  return op === 0 ? [x.rows, x.cols] : [x.cols, x.rows];
}

/** c ← op(a)·op(b); c must be op(a)'s rows × op(b)'s columns. */
export function gemm(lanes: number, a: MatrixView, opA: Op, b: MatrixView, opB: Op, c: MatrixView): void {
  const [m, k] = opShape(a, opA);
  const n = opShape(b, opB)[1];
  if (lanes === 1 && m * n * k >= WASM_MIN_WORK) {
    realGemm(opA !== 0, opB !== 0, m, n, k, 1, a.data, a.o, a.cols, b.data, b.o, b.cols, 0, c.data, c.o, n);
    return;
  }
  // element (i, j) of op(x), as an offset in lanes, and the sign of its imaginary part
  const index = (x: MatrixView, op: Op) => (op === 0 ? (i: number, j: number) => lanes * (x.o + i * x.cols + j) : (i: number, j: number) => lanes * (x.o + j * x.cols + i));
  const ai = index(a, opA);
  const bi = index(b, opB);
  const sa = opA === 2 ? -1 : 1;
  const sb = opB === 2 ? -1 : 1;
  const row = new Float64Array(lanes * n);
  for (let i = 0; i < m; i++) {
    row.fill(0);
    for (let t = 0; t < k; t++) {
      const p = ai(i, t);
      const xr = a.data[p];
      const xi = lanes === 2 ? sa * a.data[p + 1] : 0;
      if (xr === 0 && xi === 0) continue;
      for (let j = 0; j < n; j++) {
        const q = bi(t, j);
        if (lanes === 1) row[j] += xr * b.data[q];
        else {
          const yr = b.data[q];
          const yi = sb * b.data[q + 1];
          row[2 * j] += xr * yr - xi * yi;
          row[2 * j + 1] += xr * yi + xi * yr;
        }
      }
    }
    c.data.set(row, lanes * (c.o + i * n));
  }
}
