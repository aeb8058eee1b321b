/**
 * Complex FFT plans of any length: mixed radix (Stockham passes) when n has only small
 * prime factors, Bluestein's chirp-z convolution otherwise, so every length is
 * O(n log n).
 */
import { pass2, pass3, pass4, pass5, passOdd } from './complex-passes.js';
import { goodSize, goodSizeWasm, largestPrimeFactor, mixedRadixCost, radixFactors, wasmMixedRadixCost } from './factorize.js';
import { cosSin2Pi } from './twiddles.js';
import { checkLength } from './validate.js';
import { LruCache } from './lru.js';
import { collectResidents, resident } from './wasm/resident.js';
import { allocTemp, type FftWasmExports, heapF64, popFrame, pushFrame, wasmKernels, withWasm } from './wasm/runtime.js';
import { WasmBluestein, type WasmCore, WasmFourStep, WasmMixedRadix, WasmRader } from './wasm/wasm-complex.js';

/** Complex FFT of length n on interleaved (re,im) float64 data, in place, unnormalised, then multiplied by `scale`. */
export interface ComplexPlan {
  readonly n: number;
  /** data[offset .. offset+2n) holds n complex values. forward: exp(-2πi jk/n); backward: exp(+2πi jk/n). */
  execute(data: Float64Array, offset: number, forward: boolean, scale: number): void;
  /**
   * The same transform on `count` lines at once: element j of line l is the complex value
   * at data[offset + 2·(l·lineStride + j·elemStride)] (strides count complex values and
   * may be negative; lines must not overlap). Much faster than a loop of execute() calls
   * for strided lines (e.g. the columns of a row-major matrix) and for many short lines.
   */
  executeMany(
    data: Float64Array,
    offset: number,
    count: number,
    lineStride: number,
    elemStride: number,
    forward: boolean,
    scale: number,
  ): void;
}

/**
 * executeMany through execute() (TypeScript path, and wasm batches too large for wasm
 * memory): strided lines are gathered `GATHER_LINES` at a time, walking the data along
 * the smaller stride, transformed, and scattered back the same way.
 */
export function executeManyByLines(
  plan: ComplexPlan,
  data: Float64Array,
  offset: number,
  count: number,
  lineStride: number,
  elemStride: number,
  forward: boolean,
  scale: number,
): void {
  const n = plan.n;
  if (elemStride === 1) {
    for (let l = 0; l < count; l++) plan.execute(data, offset + 2 * l * lineStride, forward, scale);
    return;
  }
  const lines = Math.min(GATHER_LINES, count);
  const buf = new Float64Array(2 * n * lines);
  for (let l0 = 0; l0 < count; l0 += lines) {
    const b = Math.min(lines, count - l0);
    const base = offset + 2 * l0 * lineStride;
    for (let j = 0; j < n; j++) {
      const row = base + 2 * j * elemStride;
      for (let c = 0; c < b; c++) {
        const at = row + 2 * c * lineStride;
        buf[2 * (c * n + j)] = data[at];
        buf[2 * (c * n + j) + 1] = data[at + 1];
      }
    }
    for (let c = 0; c < b; c++) plan.execute(buf, 2 * c * n, forward, scale);
    for (let j = 0; j < n; j++) {
      const row = base + 2 * j * elemStride;
      for (let c = 0; c < b; c++) {
        const at = row + 2 * c * lineStride;
        data[at] = buf[2 * (c * n + j)];
        data[at + 1] = buf[2 * (c * n + j) + 1];
      }
    }
  }
}

const GATHER_LINES = 16;

interface Pass {
  readonly radix: number;
  readonly l1: number;
  readonly ido: number;
  /** forward twiddles, tw[2·(i·(radix-1) + m-1)] = exp(-2πi·m·i·l1/n) */
  readonly tw: Float64Array;
  /** for the generic odd radix: cos/sin(2πr/radix) */
  readonly cosT?: Float64Array;
  readonly sinT?: Float64Array;
}

function scaleInPlace(data: Float64Array, offset: number, count: number, scale: number): void {
  if (scale === 1) return;
  for (let i = offset, end = offset + count; i < end; i++) data[i] *= scale;
}

export class MixedRadixPlan implements ComplexPlan {
  readonly n: number;
  private readonly passes: Pass[];
  private scratch: Float64Array | undefined;
  private readonly oddScratch: Float64Array;

  constructor(n: number) {
    this.n = n;
    this.passes = [];
    let l1 = 1;
    let maxOdd = 0;
    for (const radix of radixFactors(n)) {
      const ido = n / (l1 * radix);
      const tw = new Float64Array(2 * ido * (radix - 1));
      if (ido > 1) {
        for (let i = 0; i < ido; i++) {
          for (let m = 1; m < radix; m++) {
            const at = 2 * (i * (radix - 1) + m - 1);
            cosSin2Pi(m * i * l1, n, tw, at);
            tw[at + 1] = -tw[at + 1];
          }
        }
      }
      let cosT: Float64Array | undefined;
      let sinT: Float64Array | undefined;
      if (radix > 5) {
        maxOdd = Math.max(maxOdd, radix);
        cosT = new Float64Array(radix);
        sinT = new Float64Array(radix);
        const cs = new Float64Array(2);
        for (let r = 0; r < radix; r++) {
          cosSin2Pi(r, radix, cs, 0);
          cosT[r] = cs[0];
          sinT[r] = cs[1];
        }
      }
      this.passes.push({ radix, l1, ido, tw, cosT, sinT });
      l1 *= radix;
    }
    this.oddScratch = new Float64Array(2 * maxOdd);
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
    executeManyByLines(this, data, offset, count, lineStride, elemStride, forward, scale);
  }

  execute(data: Float64Array, offset: number, forward: boolean, scale: number): void {
    const n = this.n;
    const passes = this.passes;
    if (passes.length === 0) {
      scaleInPlace(data, offset, 2 * n, scale);
      return;
    }
    const sign = forward ? 1 : -1;
    if (this.scratch === undefined) this.scratch = new Float64Array(2 * n);
    let src = data;
    let so = offset;
    let dst = this.scratch;
    let dO = 0;
    for (const ps of passes) {
      switch (ps.radix) {
        case 4:
          pass4(ps.ido, ps.l1, src, so, dst, dO, ps.tw, sign);
          break;
        case 2:
          pass2(ps.ido, ps.l1, src, so, dst, dO, ps.tw, sign);
          break;
        case 3:
          pass3(ps.ido, ps.l1, src, so, dst, dO, ps.tw, sign);
          break;
        case 5:
          pass5(ps.ido, ps.l1, src, so, dst, dO, ps.tw, sign);
          break;
        default:
          passOdd(ps.radix, ps.ido, ps.l1, src, so, dst, dO, ps.tw, sign, ps.cosT!, ps.sinT!, this.oddScratch);
      }
      const t = src;
      src = dst;
      dst = t;
      const to = so;
      so = dO;
      dO = to;
    }
    if (src !== data) {
      // odd number of passes: the result is in scratch
      for (let i = 0; i < 2 * n; i++) data[offset + i] = src[i] * scale;
    } else {
      scaleInPlace(data, offset, 2 * n, scale);
    }
  }
}

/**
 * Bluestein's algorithm (Bluestein 1970; Rabiner, Schafer & Rader 1969): with the chirp
 * c_m = exp(-πi·m²/n), X_k = c_k · Σ_j (x_j c_j) · conj(c_{k-j}), a convolution done
 * with FFTs of a fast length L >= 2n-1. Chirp angles use m² mod 2n in exact integer
 * arithmetic, so they stay accurate for large n.
 */
export class BluesteinPlan implements ComplexPlan {
  readonly n: number;
  private readonly len: number;
  private readonly inner: ComplexPlan;
  private readonly chirp: Float64Array;
  private readonly kernelHat: Float64Array;
  private work: Float64Array | undefined;

  constructor(n: number) {
    this.n = n;
    const len = goodSize(2 * n - 1);
    this.len = len;
    this.inner = jsComplexPlan(len);
    const chirp = new Float64Array(2 * n);
    let r = 0; // m² mod 2n
    const twoN = 2 * n;
    for (let m = 0; m < n; m++) {
      cosSin2Pi(r, twoN, chirp, 2 * m);
      chirp[2 * m + 1] = -chirp[2 * m + 1];
      r += 2 * m + 1;
      while (r >= twoN) r -= twoN;
    }
    this.chirp = chirp;
    const kernel = new Float64Array(2 * len);
    kernel[0] = chirp[0];
    kernel[1] = -chirp[1];
    for (let m = 1; m < n; m++) {
      kernel[2 * m] = kernel[2 * (len - m)] = chirp[2 * m];
      kernel[2 * m + 1] = kernel[2 * (len - m) + 1] = -chirp[2 * m + 1];
    }
    this.inner.execute(kernel, 0, true, 1 / len);
    this.kernelHat = kernel;
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
    executeManyByLines(this, data, offset, count, lineStride, elemStride, forward, scale);
  }

  execute(data: Float64Array, offset: number, forward: boolean, scale: number): void {
    const n = this.n;
    const len = this.len;
    if (this.work === undefined) this.work = new Float64Array(2 * len);
    const w = this.work;
    const c = this.chirp;
    // backward(x) = conj(forward(conj(x)))
    const conj = forward ? 1 : -1;
    for (let j = 0; j < n; j++) {
      const xr = data[offset + 2 * j];
      const xi = conj * data[offset + 2 * j + 1];
      const cr = c[2 * j];
      const ci = c[2 * j + 1];
      w[2 * j] = xr * cr - xi * ci;
      w[2 * j + 1] = xr * ci + xi * cr;
    }
    w.fill(0, 2 * n);
    this.inner.execute(w, 0, true, 1);
    const h = this.kernelHat;
    for (let k = 0; k < 2 * len; k += 2) {
      const ar = w[k];
      const ai = w[k + 1];
      const br = h[k];
      const bi = h[k + 1];
      w[k] = ar * br - ai * bi;
      w[k + 1] = ar * bi + ai * br;
    }
    this.inner.execute(w, 0, false, 1);
    const sr = scale;
    const si = conj * scale;
    for (let k = 0; k < n; k++) {
      const ar = w[2 * k];
      const ai = w[2 * k + 1];
      const cr = c[2 * k];
      const ci = c[2 * k + 1];
      data[offset + 2 * k] = sr * (ar * cr - ai * ci);
      data[offset + 2 * k + 1] = si * (ar * ci + ai * cr);
    }
  }
}

function useBluestein(n: number): boolean {
  if (n < 50) return false;
  const p = largestPrimeFactor(n);
  if (p * p <= n) return false;
  // 1.5: Bluestein does three FFTs of length L plus pointwise work (pocketfft's fudge factor).
  const blue = 2 * mixedRadixCost(goodSize(2 * n - 1)) * 1.5;
  return blue < mixedRadixCost(n);
}

const jsCache = new LruCache<number, ComplexPlan>(32);

/** The pure TypeScript plan for length n (cached). */
export function jsComplexPlan(n: number): ComplexPlan {
  let plan = jsCache.get(n);
  if (plan === undefined) {
    plan = useBluestein(n) ? new BluesteinPlan(n) : new MixedRadixPlan(n);
    jsCache.set(n, plan);
  }
  return plan;
}

/** Lengths from which the cache-blocked four-step algorithm beats plain passes (measured). */
const FOUR_STEP_MIN = 1 << 20;

/** The divisor of n closest to sqrt(n), or 0 when n has a prime factor too large for it. */
function fourStepSplit(n: number): number {
  if (n < FOUR_STEP_MIN || largestPrimeFactor(n) > 64) return 0;
  const root = Math.sqrt(n);
  let best = 1;
  for (let d = 1; d <= root; d++) if (n % d === 0) best = d;
  return best >= 16 ? best : 0;
}

/**
 * Rader instead of Bluestein for a prime n whose n-1 transforms fast (65537: n-1 = 2^16):
 * two FFTs of length n-1 against Bluestein's two of length >= 2n-1.
 */
function useRader(n: number): boolean {
  if (n < 50 || n >= 2 ** 26 || largestPrimeFactor(n) !== n) return false;
  if (largestPrimeFactor(n - 1) > 13) return false;
  return wasmMixedRadixCost(n - 1) < wasmMixedRadixCost(goodSizeWasm(2 * n - 1));
}

/** A new (uncached) wasm core for length n: four-step, Bluestein or mixed radix. */
export function makeWasmCore(n: number, k: FftWasmExports): WasmCore {
  const split = fourStepSplit(n);
  if (split > 0) return new WasmFourStep(n, split);
  if (useRader(n)) return new WasmRader(n, k, (len) => makeWasmCore(len, k));
  if (useBluestein(n)) return new WasmBluestein(n, k, (len) => makeWasmCore(len, k));
  return new WasmMixedRadix(n);
}

/** The cached wasm core for length n; k must be the loaded kernels. */
export function wasmComplexCore(n: number, k: FftWasmExports): WasmCore {
  return resident(`c${n}`, () => makeWasmCore(n, k));
}

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
      const block = Math.max(1, Math.min(16, Math.floor(CHUNK_COMPLEX / 2 / pitch)));
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
