/**
 * Scratch matrices in the memory of @sciport/array-api's WebAssembly matrix-product kernel,
 * for the blocked Householder kernels (blocked-qr.ts, blocked-hessenberg.ts), which fill
 * their regions themselves (a transposed copy, workspaces) instead of copying inputs in as
 * wasm-resident.ts `withResident` does.
 */
import { wasmGemm } from '@sciport/array-api/kernels';
import type { Resident } from './wasm-resident.js';

/**
 * Runs `body` with regions of the given sizes (real numbers, in order) in the kernel's
 * memory; undefined, running nothing, when the kernel is not available or its memory
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
