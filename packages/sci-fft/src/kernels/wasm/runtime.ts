/**
 * Loads the WebAssembly SIMD kernels and manages their linear memory.
 *
 * Loading works without a file system or bundler: the bytes are embedded (base64) in
 * fft-wasm-bytes.ts. Where synchronous compilation is allowed (Node, Deno, Bun, web
 * workers) the module is ready as soon as this file is imported; on a browser main
 * thread (Chrome refuses synchronous compiles of modules over 4 KB there) it is compiled
 * asynchronously and the pure TypeScript kernels serve calls until `wasmReady` resolves.
 * Engines without WebAssembly SIMD keep using the TypeScript kernels.
 *
 * Memory: permanent tables (twiddles, chirps) come from a bump allocator at the bottom
 * of the heap; per-call buffers from a stack above it that is released after each call.
 */
import { loadEmbeddedWasm, type WasmMemory } from '@sciport/array-api/kernels';
import { fftWasmBase64 } from './fft-wasm-bytes.js';

export interface FftWasmExports {
  readonly memory: WasmMemory;
  heapBase(): number;
  pass2(ido: number, l1: number, cc: number, ch: number, tw: number): void;
  pass3(ido: number, l1: number, cc: number, ch: number, tw: number): void;
  pass4(ido: number, l1: number, cc: number, ch: number, tw: number): void;
  pass8(ido: number, l1: number, cc: number, ch: number, tw: number): void;
  pass5(ido: number, l1: number, cc: number, ch: number, tw: number): void;
  passOdd(p: number, ido: number, l1: number, cc: number, ch: number, tw: number, trig: number, scratch: number): void;
  scaleLanes(ptr: number, n: number, sr: number, si: number): void;
  mulPointwise(dst: number, a: number, b: number, n: number, sr: number, si: number): void;
  copyComplex(dst: number, src: number, n: number, conj: boolean | number): void;
  rfftPost(out: number, z: number, roots: number, h: number, scale: number): void;
  rfftPre(z: number, x: number, roots: number, h: number): void;
  gatherLines(
    dst: number,
    pitch: number,
    src: number,
    elemStride: number,
    lineStride: number,
    n: number,
    count: number,
    sr: number,
    si: number,
  ): void;
  gatherReal(dst: number, pitch: number, src: number, elemStride: number, lineStride: number, n: number, count: number): void;
  scatterReal(dst: number, elemStride: number, lineStride: number, src: number, pitch: number, n: number, count: number): void;
  scatterLines(
    dst: number,
    elemStride: number,
    lineStride: number,
    src: number,
    pitch: number,
    n: number,
    count: number,
    sr: number,
    si: number,
  ): void;
  runLines(
    desc: number,
    base: number,
    elemStride: number,
    lineStride: number,
    count: number,
    tmpA: number,
    tmpB: number,
    pitch: number,
    block: number,
    odd: number,
    sr: number,
    si: number,
    or: number,
    oi: number,
  ): void;
  runContiguous(
    desc: number,
    base: number,
    lineStride: number,
    count: number,
    scratch: number,
    odd: number,
    sr: number,
    si: number,
    or: number,
    oi: number,
  ): void;
  realFirstPass(p: number, m: number, x: number, y0: number, blocks: number, tw: number, trig: number): void;
  realLastPass(p: number, m: number, y0: number, blocks: number, x: number, tw: number, trig: number): void;
  oddRealAssemble(out: number, R: number, C: number, p: number, m: number): void;
  oddRealSplit(X: number, R: number, C: number, p: number, m: number): void;
  realToComplex(dst: number, src: number, n: number): void;
  complexToReal(dst: number, src: number, n: number, scale: number): void;
  hermitianConj(dst: number, src: number, n: number): void;
  hermitianFill(data: number, n: number, backward: boolean | number): void;
  realForwardLines(
    desc: number,
    odd: number,
    roots: number,
    h: number,
    src: number,
    srcPitch: number,
    dst: number,
    dstPitch: number,
    count: number,
    scratch: number,
    scale: number,
    fill: number,
  ): void;
  realBackwardLines(
    desc: number,
    odd: number,
    roots: number,
    h: number,
    src: number,
    srcPitch: number,
    dst: number,
    dstPitch: number,
    count: number,
    work: number,
    scale: number,
  ): void;
  oddRealForward(desc: number, src: number, dst: number, work: number): void;
  oddRealBackward(desc: number, src: number, dst: number, work: number): void;
  oddRealForwardLines(
    desc: number,
    n: number,
    src: number,
    srcPitch: number,
    dst: number,
    dstPitch: number,
    count: number,
    work: number,
    scale: number,
    fill: number,
  ): void;
  oddRealBackwardLines(
    desc: number,
    n: number,
    src: number,
    srcPitch: number,
    dst: number,
    dstPitch: number,
    count: number,
    work: number,
    scale: number,
  ): void;
  dctPermute(v: number, x: number, n: number): void;
  dctUnpermute(x: number, v: number, n: number): void;
  dct2Post(y: number, V: number, q: number, n: number): void;
  dct3Pre(V: number, y: number, q: number, n: number): void;
  gatherIndexed(dst: number, src: number, idx: number, count: number): void;
  scatterIndexedConj(dst: number, src: number, idx: number, count: number, ar: number, ai: number): void;
  runPlan(desc: number, data: number, scratch: number, odd: number): number;
  transpose(
    dst: number,
    dstStride: number,
    src: number,
    srcStride: number,
    rows: number,
    cols: number,
    tw: number,
    twStride: number,
  ): void;
  fourStep(
    desc1: number,
    desc2: number,
    a: number,
    out: number,
    tw: number,
    tmp: number,
    pitch: number,
    line: number,
    odd: number,
    block: number,
  ): void;
}

let wasm: FftWasmExports | null = null;
let enabled = true;

// The instance's memory: [heapBase, permTop): plan tables, first-fit with a free list (plans
// are evicted by the LRU cache in resident.ts); [permTop, …): a stack of scratch frames, one
// per transform. Declared before load() runs: assigning them in the temporal dead zone used
// to throw inside adopt(), after `wasm` was set, and send the loader on to compile a second
// instance that replaced the first a tick later, under plans made in the first one.
let permTop = 0;
let stackTop = 0;
let stackDepth = 0;
/** free blocks below permTop, sorted by start: [start, size] */
const freeBlocks: [number, number][] = [];
/** scratch regions passed over by tables allocated during a transform; freed when it ends */
const pendingGaps: [number, number][] = [];

/** Takes an instance as the kernels; only ever one (plans live in its memory). */
function adopt(instance: object): void {
  if (wasm !== null) return;
  const exports = instance as FftWasmExports;
  permTop = align16(exports.heapBase());
  wasm = exports;
}

/** Resolves once the WebAssembly kernels are usable (or known to be unavailable). */
export const wasmReady: Promise<void> = loadEmbeddedWasm(fftWasmBase64, adopt);

/** The kernels, or null while loading / when unavailable / when disabled. */
export function wasmKernels(): FftWasmExports | null {
  return enabled ? wasm : null;
}

/** Which kernels complex/real/r2r plans run on right now. */
export function activeKernels(): 'wasm-simd' | 'typescript' {
  return enabled && wasm !== null ? 'wasm-simd' : 'typescript';
}

/** Turns the WebAssembly kernels off/on (the TypeScript kernels are always correct). */
export function setWasmEnabled(on: boolean): void {
  enabled = on;
}

// ---- memory (its state is declared above, with the instance it belongs to) ----

/** `x` rounded up to a multiple of 16; arithmetic, not `& ~15`, so sizes past 2^31 stay positive for ensure() to refuse. */
function align16(x: number): number {
  return Math.ceil(x / 16) * 16;
}

/** Wasm linear memory could not grow (32-bit memories stop at 4 GiB, engines often earlier). */
class WasmMemoryExhausted extends Error {}

/**
 * Wasm memory is used below 2 GiB only: pointers travel through JavaScript as int32 and
 * are turned into heap indices with `>> 3`, which goes negative from 2^31 on. A transform
 * needing more runs on the TypeScript kernels instead (see withWasm).
 */
const ADDRESS_LIMIT = 2 ** 31;

let memoryLimit = ADDRESS_LIMIT;

/** Tests only: pretend wasm memory cannot grow past `bytes` (Infinity restores the real limit). */
export function limitWasmMemoryForTesting(bytes: number): void {
  memoryLimit = Math.min(bytes, ADDRESS_LIMIT);
}

function ensure(end: number): void {
  if (end > memoryLimit) throw new WasmMemoryExhausted(`wasm memory limit (${memoryLimit} bytes)`);
  const mem = wasm!.memory;
  const have = mem.buffer.byteLength;
  if (end <= have) return;
  try {
    mem.grow(Math.ceil((end - have) / 65536));
  } catch (cause) {
    throw new WasmMemoryExhausted('wasm memory exhausted', { cause });
  }
}

/**
 * Runs a transform on the wasm kernels; if wasm memory cannot grow enough for it, undoes
 * its scratch frames and runs `fallback` (the TypeScript kernels, which use ordinary
 * JavaScript memory) instead. Other errors propagate, also with the frames undone.
 */
export function withWasm<T>(run: () => T, fallback: () => T): T {
  const depth = stackDepth;
  const top = stackTop;
  try {
    return run();
  } catch (e) {
    stackDepth = depth;
    stackTop = top;
    if (depth === 0) releaseGaps();
    if (e instanceof WasmMemoryExhausted) return fallback();
    throw e;
  }
}

/**
 * Allocates a plan table. Normally made between transforms; one made while scratch frames
 * are open goes into a free block or above the frames, and scratch never reaches below it.
 */
export function allocPermanent(bytes: number): number {
  const size = align16(Math.max(bytes, 16));
  for (let i = 0; i < freeBlocks.length; i++) {
    const [start, free] = freeBlocks[i];
    if (free >= size) {
      if (free === size) freeBlocks.splice(i, 1);
      else freeBlocks[i] = [start + size, free - size];
      allocLog?.push([start, bytes]);
      return start;
    }
  }
  const p = stackDepth !== 0 ? Math.max(permTop, stackTop) : permTop;
  ensure(p + size);
  // the open frames' scratch lies in [permTop, p): it becomes free once they close
  if (p > permTop) pendingGaps.push([permTop, p - permTop]);
  permTop = p + size;
  allocLog?.push([p, bytes]);
  return p;
}

let allocLog: [number, number][] | null = null;

/**
 * Runs a plan constructor; if it throws (e.g. wasm memory exhausted half-way), the tables
 * it had already allocated are freed before the error propagates.
 */
export function constructingPlan<T>(make: () => T): T {
  const outer = allocLog;
  const log: [number, number][] = [];
  allocLog = log;
  try {
    const made = make();
    outer?.push(...log);
    return made;
  } catch (e) {
    for (const [p, b] of log) freePermanent(p, b);
    throw e;
  } finally {
    allocLog = outer;
  }
}

/** Returns a table allocated with allocPermanent(bytes). */
export function freePermanent(ptr: number, bytes: number): void {
  addFree(ptr, align16(Math.max(bytes, 16)));
}

function addFree(start: number, size: number): void {
  let i = 0;
  while (i < freeBlocks.length && freeBlocks[i][0] < start) i++;
  freeBlocks.splice(i, 0, [start, size]);
  // coalesce with the next and the previous block
  if (i + 1 < freeBlocks.length && start + size === freeBlocks[i + 1][0]) {
    freeBlocks[i][1] += freeBlocks[i + 1][1];
    freeBlocks.splice(i + 1, 1);
  }
  if (i > 0 && freeBlocks[i - 1][0] + freeBlocks[i - 1][1] === start) {
    freeBlocks[i - 1][1] += freeBlocks[i][1];
    freeBlocks.splice(i, 1);
    i--;
  }
  // a free block at the top gives its room back to the stack
  const last = freeBlocks[freeBlocks.length - 1];
  if (last !== undefined && last[0] + last[1] === permTop && stackDepth === 0) {
    permTop = last[0];
    freeBlocks.pop();
  }
}

/** Bytes of plan tables in use (for tests and the cache budget). */
export function permanentBytesInUse(): number {
  let free = 0;
  for (const [, size] of freeBlocks) free += size;
  return wasm === null ? 0 : permTop - align16(wasm.heapBase()) - free;
}

/** True while a transform holds scratch frames (plan tables must not be freed then). */
export function framesOpen(): boolean {
  return stackDepth !== 0;
}

/** Opens a scratch frame; returns the mark to pass to popFrame. */
export function pushFrame(): number {
  if (stackDepth++ === 0) stackTop = permTop;
  return stackTop;
}

export function popFrame(mark: number): void {
  stackTop = mark;
  if (--stackDepth === 0) releaseGaps();
}

function releaseGaps(): void {
  while (pendingGaps.length > 0) {
    const [start, size] = pendingGaps.pop()!;
    addFree(start, size);
  }
}

/** Scratch allocation valid until the enclosing frame is popped. */
export function allocTemp(bytes: number): number {
  const p = Math.max(stackTop, permTop);
  stackTop = align16(p + bytes);
  ensure(stackTop);
  return p;
}

let f64View: Float64Array | null = null;
let i32View: Int32Array | null = null;

/** An Int32Array over the whole wasm memory (re-created after the memory grows). */
export function heapI32(): Int32Array {
  const buf = wasm!.memory.buffer;
  if (i32View === null || i32View.buffer !== buf) i32View = new Int32Array(buf);
  return i32View;
}

/** A Float64Array over the whole wasm memory (re-created after the memory grows). */
export function heapF64(): Float64Array {
  const buf = wasm!.memory.buffer;
  if (f64View === null || f64View.buffer !== buf) f64View = new Float64Array(buf);
  return f64View;
}
