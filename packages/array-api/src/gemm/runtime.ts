/**
 * Loads the WebAssembly SIMD matrix-product kernel (assembly/gemm.ts) and manages its memory.
 *
 * The bytes are embedded (base64) in gemm-wasm-bytes.ts, so loading needs no file system or
 * bundler. Where synchronous compilation is allowed (Node, Deno, Bun, web workers) the kernel
 * is ready as soon as this file is imported; on a browser main thread it is compiled
 * asynchronously and the TypeScript loops answer until `gemmWasmReady` resolves. Engines
 * without WebAssembly SIMD keep the TypeScript loops.
 *
 * Memory: the module's packing buffers sit at its heap base; above them callers take
 * regions from a stack (`WasmGemm.alloc` / `release`) for their operands.
 */
import { loadEmbeddedWasm, type WasmMemory } from '../embedded-wasm.js';
import { gemmWasmBase64 } from './gemm-wasm-bytes.js';

interface GemmExports {
  readonly memory: WasmMemory;
  workBase(): number;
  dgemm(ta: number, tb: number, m: number, n: number, k: number, alpha: number, a: number, lda: number, b: number, ldb: number, beta: number, c: number, ldc: number): void;
  sgemm(ta: number, tb: number, m: number, n: number, k: number, alpha: number, a: number, lda: number, b: number, ldb: number, beta: number, c: number, ldc: number): void;
}

/**
 * The loaded kernel. Pointers are byte offsets into its memory, leading dimensions count
 * elements, matrices are row-major; `ta`/`tb` = 1 multiplies by the transpose.
 */
export interface WasmGemm {
  /** C[m×n] ← β·C + α·op(A)·op(B) on float64 data in the module's memory. */
  dgemm(ta: number, tb: number, m: number, n: number, k: number, alpha: number, a: number, lda: number, b: number, ldb: number, beta: number, c: number, ldc: number): void;
  /** The same on float32 data, in single precision (as BLAS's sgemm). */
  sgemm(ta: number, tb: number, m: number, n: number, k: number, alpha: number, a: number, lda: number, b: number, ldb: number, beta: number, c: number, ldc: number): void;
  /** A 64-byte aligned region of `bytes`, or null when memory cannot grow that far. Growing detaches earlier views: take `f64()`/`f32()` after the last alloc. */
  alloc(bytes: number): number | null;
  /** Frees the region at `ptr` and every region allocated after it (a stack). */
  release(ptr: number): void;
  /** The module's memory as float64 (index = pointer / 8). */
  f64(): Float64Array;
  /** The module's memory as float32 (index = pointer / 4). */
  f32(): Float32Array;
}

/**
 * Memory is used below 2 GiB only (pointers travel as int32); a product needing more runs on
 * the TypeScript loops.
 */
const ADDRESS_LIMIT = 2 ** 31;

function makeRuntime(exports: GemmExports): WasmGemm {
  const memory = exports.memory;
  let top = exports.workBase();
  let buffer: ArrayBuffer | null = null;
  let view64 = new Float64Array(0);
  let view32 = new Float32Array(0);
  const refresh = () => {
    if (buffer !== memory.buffer) {
      buffer = memory.buffer;
      view64 = new Float64Array(buffer);
      view32 = new Float32Array(buffer);
    }
  };
  return {
    dgemm: exports.dgemm,
    sgemm: exports.sgemm,
    alloc(bytes) {
      const start = Math.ceil(top / 64) * 64;
      const end = start + bytes;
      if (end > ADDRESS_LIMIT) return null;
      const have = memory.buffer.byteLength;
      if (end > have) {
        try {
          memory.grow(Math.ceil((end - have) / 65536));
        } catch {
          return null;
        }
      }
      top = end;
      return start;
    },
    release(ptr) {
      top = Math.min(top, ptr);
    },
    f64() {
      refresh();
      return view64;
    },
    f32() {
      refresh();
      return view32;
    },
  };
}

let kernel: WasmGemm | null = null;
let enabled = true;

function adopt(exports: object): void {
  if (kernel === null) kernel = makeRuntime(exports as GemmExports);
}

/** Resolves once the WebAssembly kernel is usable (or known to be unavailable). */
export const gemmWasmReady: Promise<void> = loadEmbeddedWasm(gemmWasmBase64, adopt);

/** The kernel, or null while loading, where unavailable, or when turned off. */
export function wasmGemm(): WasmGemm | null {
  return enabled ? kernel : null;
}

/** Which matrix-product kernel runs right now. */
export function activeGemmKernel(): 'wasm-simd' | 'typescript' {
  return enabled && kernel !== null ? 'wasm-simd' : 'typescript';
}

/** Turns the WebAssembly kernel off/on (the TypeScript loops are always correct, only slower). */
export function setGemmWasmEnabled(on: boolean): void {
  enabled = on;
}
