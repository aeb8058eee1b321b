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
  const single = inputs[0].data instanceof Float32Array;
  return withRegions(
    single,
    inputs.map((x) => x.size),
    (r, at) => {
      inputs.forEach((x, i) => {
        r.mem.set(x.data.subarray(x.o, x.o + x.size), at[i]);
      });
      const result = body(r, at);
      inputs.forEach((x, i) => {
        if (x.writeBack !== false) x.data.set(r.mem.subarray(at[i], at[i] + x.size), x.o);
      });
      return result;
    },
  );
}

/**
 * Runs `body` with regions of the given sizes (real numbers, in order, each 64-byte aligned) in
 * the kernel's memory, for kernels that fill their regions themselves (a transposed copy,
 * workspaces); undefined, running nothing, when the kernel is not available or its memory
 * cannot grow that far.
 */
export function withRegions<T>(single: boolean, sizes: readonly number[], body: (r: Resident, at: number[]) => T): T | undefined {
  const kernel = wasmGemm();
  if (kernel === null) return undefined;
  const bytes = single ? 4 : 8;
  const padded = sizes.map((s) => Math.ceil((s * bytes) / 64) * 64);
  const base = kernel.alloc(padded.reduce((s, x) => s + x, 0));
  if (base === null) return undefined;
  try {
    const at: number[] = [];
    let p = base;
    for (const size of padded) {
      at.push(p / bytes);
      p += size;
    }
    return body({ kernel, mem: single ? kernel.f32() : kernel.f64(), single }, at);
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
