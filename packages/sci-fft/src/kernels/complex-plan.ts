/**
 * Complex FFT plans of any length, as handed to callers: each call runs the WebAssembly
 * SIMD kernels when they are loaded (wasm/wasm-core.ts picks mixed radix, four-step,
 * Rader or Bluestein) and the TypeScript plans (js-complex-plan.ts) otherwise; every
 * length is O(n log n).
 */
import type { ComplexPlan } from './complex-plan-type.js';
import { executeManyByLines, jsComplexPlan } from './js-complex-plan.js';
import { LruCache } from './lru.js';
import { checkLength } from './validate.js';
import { collectResidents } from './wasm/resident.js';
import { allocTemp, type FftWasmExports, heapF64, popFrame, pushFrame, wasmKernels, withWasm } from './wasm/runtime.js';
import { WasmMixedRadix } from './wasm/wasm-complex.js';
import { wasmComplexCore } from './wasm/wasm-core.js';

export type { ComplexPlan } from './complex-plan-type.js';

/**
 * The plan handed out by complexPlan(): runs the WebAssembly SIMD core when the kernels
 * are loaded, the TypeScript plan otherwise (e.g. while they compile asynchronously on a
 * browser main thread). Data is copied into wasm memory and back around each call; the
 * conjugations of a backward transform and the scale ride along those copies.
 */
class AutoComplexPlan implements ComplexPlan {
  readonly n: number;
  constructor(n: number) {
    this.n = n;
  }

  execute(data: Float64Array, offset: number, forward: boolean, scale: number): void {
    const n = this.n;
    const k = wasmKernels();
    if (k === null || n === 1) {
      jsComplexPlan(n).execute(data, offset, forward, scale);
      return;
    }
    withWasm(
      () => this.executeWasm(k, data, offset, forward, scale),
      () => jsComplexPlan(n).execute(data, offset, forward, scale),
    );
  }

  private executeWasm(k: FftWasmExports, data: Float64Array, offset: number, forward: boolean, scale: number): void {
    const n = this.n;
    collectResidents();
    const core = wasmComplexCore(n, k);
    const mark = pushFrame();
    const buf = allocTemp(16 * n);
    const scratch = allocTemp(16 * n);
    heapF64().set(data.subarray(offset, offset + 2 * n), buf >> 3);
    if (!forward) k.scaleLanes(buf, n, 1, -1);
    const r = core.run(k, buf, scratch);
    if (!forward || scale !== 1) k.scaleLanes(r, n, scale, forward ? scale : -scale);
    const at = r >> 3;
    data.set(heapF64().subarray(at, at + 2 * n), offset);
    popFrame(mark);
  }

  executeMany(
    data: Float64Array,
    offset: number,
    count: number,
    lineStride: number,
    elemStride: number,
    forward: boolean,
    scale: number,
  ): void {
    const n = this.n;
    const k = wasmKernels();
    if (count <= 0) return;
    if (count === 1 && elemStride === 1) {
      // one contiguous line: execute() copies it straight into wasm memory
      this.execute(data, offset, forward, scale);
      return;
    }
    if (k === null || n === 1) {
      executeManyByLines(jsComplexPlan(n), data, offset, count, lineStride, elemStride, forward, scale);
      return;
    }
    withWasm(
      () => this.executeManyWasm(k, data, offset, count, lineStride, elemStride, forward, scale),
      () => executeManyByLines(jsComplexPlan(n), data, offset, count, lineStride, elemStride, forward, scale),
    );
  }

  private executeManyWasm(
    k: FftWasmExports,
    data: Float64Array,
    offset: number,
    count: number,
    lineStride: number,
    elemStride: number,
    forward: boolean,
    scale: number,
  ): void {
    const n = this.n;
    collectResidents();
    const core = wasmComplexCore(n, k);
    const conj = forward ? 1 : -1;
    if (core instanceof WasmMixedRadix && elemStride === 1 && lineStride >= n) {
      // rows: move chunks of whole lines through wasm memory, each chunk cache-sized
      const perChunk = Math.max(1, Math.floor(CHUNK_COMPLEX / lineStride));
      const mark = pushFrame();
      const chunk = allocTemp(16 * Math.min(count, perChunk) * lineStride);
      const scratch = allocTemp(16 * n);
      for (let l0 = 0; l0 < count; l0 += perChunk) {
        const lines = Math.min(perChunk, count - l0);
        const from = offset + 2 * l0 * lineStride;
        const len = 2 * ((lines - 1) * lineStride + n);
        heapF64().set(data.subarray(from, from + len), chunk >> 3);
        k.runContiguous(core.desc, chunk, lineStride, lines, scratch, core.odd, 1, conj, scale, conj * scale);
        data.set(heapF64().subarray(chunk >> 3, (chunk >> 3) + len), from);
      }
      popFrame(mark);
      return;
    }
    // the complex-element index range the lines cover, relative to offset
    const lo = Math.min(0, (count - 1) * lineStride) + Math.min(0, (n - 1) * elemStride);
    const hi = Math.max(0, (count - 1) * lineStride) + Math.max(0, (n - 1) * elemStride);
    const span = hi - lo + 1;
    if (span > MAX_SPAN) {
      executeManyByLines(this, data, offset, count, lineStride, elemStride, forward, scale);
      return;
    }
    const mark = pushFrame();
    const spanPtr = allocTemp(16 * span);
    const from = offset + 2 * lo;
    heapF64().set(data.subarray(from, from + 2 * span), spanPtr >> 3);
    const base = spanPtr - 16 * lo;
    if (core instanceof WasmMixedRadix) {
      const pitch = n + 4;
      const block = Math.min(count, Math.max(MIN_GATHER_LINES, Math.min(16, Math.floor(CHUNK_COMPLEX / 2 / pitch))));
      const tmpA = allocTemp(16 * pitch * block);
      const tmpB = allocTemp(16 * pitch * block);
      k.runLines(core.desc, base, elemStride, lineStride, count, tmpA, tmpB, pitch, block, core.odd, 1, conj, scale, conj * scale);
    } else {
      const buf = allocTemp(16 * n);
      const scratch = allocTemp(16 * n);
      for (let l = 0; l < count; l++) {
        const lineBase = base + 16 * l * lineStride;
        k.gatherLines(buf, n, lineBase, elemStride, 0, n, 1, 1, conj);
        const r = core.run(k, buf, scratch);
        k.scatterLines(lineBase, elemStride, 0, r, n, n, 1, scale, conj * scale);
      }
    }
    data.set(heapF64().subarray(spanPtr >> 3, (spanPtr >> 3) + 2 * span), from);
    popFrame(mark);
  }
}

/**
 * Fewest lines gathered together from strided columns, however long: with fewer, each
 * cache line read serves less than all of its values (8 reals, 4 complex).
 */
export const MIN_GATHER_LINES = 8;

/** Complex values per cache-sized chunk of lines (256 KiB). */
const CHUNK_COMPLEX = 1 << 14;

/** Largest batch (in complex values spanned) copied into wasm memory in one piece: 64 MiB. */
const MAX_SPAN = 1 << 22;

const complexCache = new LruCache<number, ComplexPlan>(256);

/** Plan for complex FFTs of length n (cached per n). */
export function complexPlan(n: number): ComplexPlan {
  let plan = complexCache.get(n);
  if (plan === undefined) {
    checkLength(n);
    plan = new AutoComplexPlan(n);
    complexCache.set(n, plan);
  }
  return plan;
}
