/**
 * Loads the WebAssembly SIMD kernels of the linear and min/max filters (assembly/ndimage.ts)
 * and lends out their linear memory.
 *
 * The bytes are embedded (base64) in ndimage-wasm-bytes.ts, so loading needs no file
 * system, fetch or bundler configuration. Where synchronous compilation is allowed (Node,
 * Deno, Bun, web workers) the kernels are ready as soon as this file is imported; on a
 * browser main thread (where Chrome refuses synchronous compiles of modules over 4 KB) the
 * module is compiled asynchronously and the TypeScript kernels answer until `wasmReady`
 * resolves. Engines without WebAssembly SIMD keep the TypeScript kernels.
 *
 * Memory: one call at a time borrows the whole heap as scratch (the filters are
 * synchronous and never nest), so there is no allocator: `borrow` grows the memory to the
 * size a call needs and hands back the heap's start. The memory keeps its largest size.
 */
import { loadEmbeddedWasm, type WasmMemory } from '@sciport/array-api/kernels';
import { ndimageWasmBase64 } from './ndimage-wasm-bytes.js';

export interface NdimageWasmExports {
  readonly memory: WasmMemory;
  heapBase(): number;
  linePass(
    plane: number,
    outer: number,
    n: number,
    inner: number,
    before: number,
    after: number,
    sources: number,
    cval: number,
    kind: number,
    w: number,
    size: number,
    ext: number,
    out: number,
    tmp: number,
    starts: number,
    round32: number,
  ): void;
  correlateRows(
    padded: number,
    out: number,
    bases: number,
    rows: number,
    n: number,
    offsets: number,
    weights: number,
    count: number,
    round32: number,
  ): void;
  roundToFloat32(p: number, count: number): void;
  rankRows(
    padded: number,
    out: number,
    bases: number,
    rows: number,
    n: number,
    window: number,
    s: number,
    enter: number,
    leave: number,
    h: number,
    rank: number,
    span: number,
    scratch: number,
  ): void;
  median3x3Bytes(padded: number, out: number, bases: number, rows: number, n: number, rowStride: number, signed: number): void;
  boxMinMaxBytes(src: number, dst: number, outer: number, n: number, inner: number, size: number, isMax: number, signed: number): void;
  median3x3Floats(padded: number, out: number, bases: number, rows: number, n: number, rowStride: number, single: number): void;
  networkRankBytes(
    padded: number,
    out: number,
    bases: number,
    rows: number,
    n: number,
    offsets: number,
    s: number,
    network: number,
    count: number,
    rank: number,
    wires: number,
    signed: number,
  ): void;
  networkRankFloats(
    padded: number,
    out: number,
    bases: number,
    rows: number,
    n: number,
    offsets: number,
    s: number,
    network: number,
    count: number,
    rank: number,
    wires: number,
    signed: number,
  ): void;
}

let wasm: NdimageWasmExports | null = null;
let enabled = true;

/** Resolves once the WebAssembly kernels are usable (or known to be unavailable). */
export const wasmReady: Promise<void> = loadEmbeddedWasm(ndimageWasmBase64, (exports) => {
  wasm ??= exports as NdimageWasmExports;
});

/** Which kernels the linear and min/max filters run on right now. */
export function activeKernels(): 'wasm-simd' | 'typescript' {
  return enabled && wasm !== null ? 'wasm-simd' : 'typescript';
}

/** Turns the WebAssembly kernels off/on (the TypeScript kernels are always correct). */
export function setWasmEnabled(on: boolean): void {
  enabled = on;
}

/**
 * Pointers cross into wasm as int32 and index tables hold int32 element offsets: memory
 * is used below 2 GiB only; a call needing more runs on the TypeScript kernels.
 */
const ADDRESS_LIMIT = 2 ** 31;

/**
 * The kernels with `bytes` of scratch memory from the returned `base` (16-byte aligned),
 * or null (disabled, not loaded, or the memory cannot grow that far). Views of the memory
 * made before a later borrow may be detached by it.
 */
export function borrow(bytes: number): { kernels: NdimageWasmExports; base: number } | null {
  if (!enabled || wasm === null) return null;
  const base = Math.ceil(wasm.heapBase() / 16) * 16;
  const end = base + bytes;
  if (end > ADDRESS_LIMIT) return null;
  const have = wasm.memory.buffer.byteLength;
  if (end > have) {
    try {
      wasm.memory.grow(Math.ceil((end - have) / 65536));
    } catch {
      return null;
    }
  }
  return { kernels: wasm, base };
}

/** Lays out consecutive 16-byte aligned regions of the given byte sizes from 0; returns their offsets and the total. */
export function layout(sizes: readonly number[]): { offsets: number[]; total: number } {
  const offsets: number[] = [];
  let total = 0;
  for (const s of sizes) {
    offsets.push(total);
    total += Math.ceil(s / 16) * 16;
  }
  return { offsets, total };
}
