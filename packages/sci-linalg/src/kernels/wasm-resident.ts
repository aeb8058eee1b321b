/**
 * Real matrices held in the memory of @sciport/array-api's WebAssembly matrix-product kernel,
 * for the blocked factorisations (blocked-lu.ts, blocked-cholesky.ts, blocked-trsm.ts): they
 * copy their matrix in once, run their small steps in TypeScript on a typed-array view of that
 * memory and their matrix products as kernel calls on it, and copy the result out once.
 * Positions are element indices into `mem` (a pointer is index × bytes per element).
 */
import { type WasmGemm, wasmGemm } from '@sciport/array-api/kernels';
import type { Float } from '../stack.js';

export interface Resident {
  readonly kernel: WasmGemm;
  /** The kernel's memory as the matrices' float type; valid for the whole `withResident` call. */
  readonly mem: Float;
  readonly single: boolean;
}

/** A matrix in the kernel's memory, copied from (and afterwards back to) `data[o … o + rows·cols)`. */
export interface ResidentInput {
  readonly data: Float;
  readonly o: number;
  readonly size: number;
  /** false for an operand that is only read (not copied back) */
  readonly writeBack?: boolean;
}

/**
 * Copies each input into the kernel's memory, runs `body` with their positions there and
 * copies them back. Returns undefined (running nothing) when the kernel is not loaded or its
 * memory cannot hold the inputs; the caller then runs its TypeScript path.
 */
export function withResident<T>(inputs: readonly ResidentInput[], body: (r: Resident, at: number[]) => T): T | undefined {
  const kernel = wasmGemm();
  if (kernel === null) return undefined;
  const single = inputs[0].data instanceof Float32Array;
  const bytes = single ? 4 : 8;
  const total = inputs.reduce((s, x) => s + Math.ceil((x.size * bytes) / 64) * 64, 0);
  const base = kernel.alloc(total);
  if (base === null) return undefined;
  try {
    const mem = single ? kernel.f32() : kernel.f64();
    const at: number[] = [];
    let p = base;
    for (const x of inputs) {
      at.push(p / bytes);
      mem.set(x.data.subarray(x.o, x.o + x.size), p / bytes);
      p += Math.ceil((x.size * bytes) / 64) * 64;
    }
    const result = body({ kernel, mem, single }, at);
    inputs.forEach((x, i) => {
      if (x.writeBack !== false) x.data.set(mem.subarray(at[i], at[i] + x.size), x.o);
    });
    return result;
  } finally {
    kernel.release(base);
  }
}

/** C ← β·C + α·op(A)·op(B) on resident matrices (positions and leading dimensions in elements). */
export function gemmAt(
  r: Resident,
  ta: boolean,
  tb: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: number,
  lda: number,
  b: number,
  ldb: number,
  beta: number,
  c: number,
  ldc: number,
): void {
  if (m <= 0 || n <= 0) return;
  const bytes = r.single ? 4 : 8;
  const run = r.single ? r.kernel.sgemm : r.kernel.dgemm;
  run(ta ? 1 : 0, tb ? 1 : 0, m, n, k, alpha, a * bytes, lda, b * bytes, ldb, beta, c * bytes, ldc);
}
