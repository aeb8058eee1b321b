/**
 * Real FFTs on the WebAssembly kernels. Even n: the n reals are copied in as n/2 complex
 * values, one complex FFT of length n/2 runs, and the split step (rfftPost / rfftPre in
 * assembly/fft.ts) recovers the half spectrum. Odd n: see wasm-real-odd.ts.
 */
import { cosSin2Pi } from '../twiddles.js';
import type { Resident } from './resident.js';
import { allocTemp, type FftWasmExports, heapF64, popFrame, pushFrame } from './runtime.js';
import { Tables, type WasmCore, WasmMixedRadix } from './wasm-complex.js';
import { makeOddRealCore, type OddRealCore } from './wasm-real-odd.js';

export class WasmRealPlan implements Resident {
  readonly n: number;
  /** even n: the complex core of length n/2, owned by this plan */
  private readonly core: WasmCore | null;
  /** odd n: the odd real core, owned by this plan */
  private readonly odd: OddRealCore | null;
  private readonly tables = new Tables();

  get bytes(): number {
    return this.tables.bytes + (this.core?.bytes ?? 0) + (this.odd?.bytes ?? 0);
  }

  dispose(): void {
    this.tables.free();
    this.core?.dispose();
    this.odd?.dispose();
  }

  /** even n: W^k = exp(-2πik/n), k <= n/4, as (wr, wi) */
  private readonly roots: number;

  /** `complexCore` makes new (uncached) complex cores. */
  constructor(n: number, complexCore: (len: number) => WasmCore) {
    this.n = n;
    this.roots = 0;
    this.core = n % 2 === 0 ? complexCore(n / 2) : null;
    this.odd = n % 2 === 0 ? null : makeOddRealCore(n, complexCore);
    if (n % 2 === 0) {
      const h = n / 2;
      const count = (h >> 1) + 1;
      this.roots = this.tables.alloc(16 * count);
      const hp = heapF64();
      for (let k = 0; k < count; k++) {
        const at = (this.roots >> 3) + 2 * k;
        cosSin2Pi(k, n, hp, at);
        hp[at + 1] = -hp[at + 1];
      }
    }
  }

  /**
   * Forward on wasm memory: n reals at src (clobbered) -> n/2+1 complex at dst, times scale.
   * Both 16-byte aligned.
   */
  forwardAt(k: FftWasmExports, src: number, dst: number, scale: number): void {
    const n = this.n;
    const half = n >> 1;
    if (n % 2 === 0) {
      const mark = pushFrame();
      const z = this.core!.run(k, src, allocTemp(8 * n));
      k.rfftPost(dst, z, this.roots, half, scale);
      popFrame(mark);
    } else {
      this.odd!.forward(k, src, dst);
      if (scale !== 1) k.scaleLanes(dst, half + 1, scale, scale);
      heapF64()[(dst >> 3) + 1] = 0;
    }
  }

  /**
   * forwardAt on `count` lines (src lines `srcPitch` reals apart, overwritten; dst lines
   * `dstPitch` complex apart); with `fill` 1 / 2 each line is then completed by Hermitian
   * symmetry to n values, forward / backward. Even n on a mixed-radix core runs the whole
   * batch inside wasm in one call.
   */
  forwardLines(
    k: FftWasmExports,
    src: number,
    srcPitch: number,
    dst: number,
    dstPitch: number,
    count: number,
    scale: number,
    fill: 0 | 1 | 2,
  ): void {
    const n = this.n;
    if (this.core instanceof WasmMixedRadix) {
      const mark = pushFrame();
      const scratch = allocTemp(8 * n);
      k.realForwardLines(this.core.desc, this.core.odd, this.roots, n >> 1, src, srcPitch, dst, dstPitch, count, scratch, scale, fill);
      popFrame(mark);
      return;
    }
    if (this.odd !== null && this.odd.desc !== 0) {
      const mark = pushFrame();
      const work = allocTemp(this.odd.workBytes);
      k.oddRealForwardLines(this.odd.desc, n, src, srcPitch, dst, dstPitch, count, work, scale, fill);
      popFrame(mark);
      return;
    }
    for (let c = 0; c < count; c++) {
      const to = dst + 16 * c * dstPitch;
      this.forwardAt(k, src + 8 * c * srcPitch, to, scale);
      if (fill !== 0) k.hermitianFill(to, n, fill === 2);
    }
  }

  /**
   * Forward on wasm memory with the result left where it is computed: n reals at `src`,
   * which like the scratch this allocates in the caller's frame holds `room` bytes (at
   * least 16·(n/2+1)) -> returns the address of the n/2+1 complex results, times scale.
   * Without a separate output buffer a long line's working set is a third smaller.
   */
  forwardInPlace(k: FftWasmExports, src: number, room: number, scale: number): number {
    const n = this.n;
    const half = n >> 1;
    if (n % 2 === 0) {
      const z = this.core!.run(k, src, allocTemp(room));
      // in place: each pair (k, h-k) is read before it is written
      k.rfftPost(z, z, this.roots, half, scale);
      return z;
    }
    const dst = allocTemp(room);
    this.forwardAt(k, src, dst, scale);
    return dst;
  }

  /**
   * Backward on wasm memory: n/2+1 complex at src (clobbered; imaginary parts of the DC
   * and Nyquist terms ignored) -> n reals at dst, times scale.
   */
  backwardAt(k: FftWasmExports, src: number, dst: number, scale: number): void {
    const n = this.n;
    const half = n >> 1;
    if (n % 2 === 0) {
      const mark = pushFrame();
      const buf = allocTemp(8 * n);
      const scratch = allocTemp(8 * n);
      k.rfftPre(buf, src, this.roots, half);
      const z = this.core!.run(k, buf, scratch);
      // conj(forward(conj Z)) = backward(Z); real/imag parts are x_{2j}, x_{2j+1}:
      // conjugated, scaled and copied out in one pass
      k.gatherLines(dst, half, z, 1, 0, half, 1, scale, -scale);
      popFrame(mark);
    } else {
      if (scale !== 1) k.scaleLanes(src, half + 1, scale, scale);
      this.odd!.backward(k, src, dst);
    }
  }

  /**
   * backwardAt on `count` lines (src lines `srcPitch` complex apart, clobbered; dst lines
   * `dstPitch` reals apart): one wasm call for the whole batch when the plan allows.
   */
  backwardLines(k: FftWasmExports, src: number, srcPitch: number, dst: number, dstPitch: number, count: number, scale: number): void {
    const n = this.n;
    if (this.core instanceof WasmMixedRadix) {
      const mark = pushFrame();
      const work = allocTemp(16 * n);
      k.realBackwardLines(this.core.desc, this.core.odd, this.roots, n >> 1, src, srcPitch, dst, dstPitch, count, work, scale);
      popFrame(mark);
      return;
    }
    if (this.odd !== null && this.odd.desc !== 0) {
      const mark = pushFrame();
      const work = allocTemp(this.odd.workBytes);
      k.oddRealBackwardLines(this.odd.desc, n, src, srcPitch, dst, dstPitch, count, work, scale);
      popFrame(mark);
      return;
    }
    for (let c = 0; c < count; c++) this.backwardAt(k, src + 16 * c * srcPitch, dst + 8 * c * dstPitch, scale);
  }

  forward(k: FftWasmExports, input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, scale: number): void {
    const n = this.n;
    const outLen = 2 * ((n >> 1) + 1);
    const mark = pushFrame();
    const src = allocTemp(8 * outLen);
    heapF64().set(input.subarray(inOffset, inOffset + n), src >> 3);
    const r = this.forwardInPlace(k, src, 8 * outLen, scale);
    output.set(heapF64().subarray(r >> 3, (r >> 3) + outLen), outOffset);
    popFrame(mark);
  }

  /** RealPlan.fullSpectrum: the half spectrum completed by symmetry in wasm memory, then copied out once. */
  fullSpectrum(
    k: FftWasmExports,
    input: Float64Array,
    inOffset: number,
    output: Float64Array,
    outOffset: number,
    forward: boolean,
    scale: number,
  ): void {
    const n = this.n;
    const mark = pushFrame();
    const src = allocTemp(16 * n);
    heapF64().set(input.subarray(inOffset, inOffset + n), src >> 3);
    const r = this.forwardInPlace(k, src, 16 * n, scale);
    k.hermitianFill(r, n, !forward);
    output.set(heapF64().subarray(r >> 3, (r >> 3) + 2 * n), outOffset);
    popFrame(mark);
  }

  backward(k: FftWasmExports, input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, scale: number): void {
    const n = this.n;
    const inLen = 2 * ((n >> 1) + 1);
    const mark = pushFrame();
    const src = allocTemp(8 * inLen);
    const dst = allocTemp(8 * n);
    heapF64().set(input.subarray(inOffset, inOffset + inLen), src >> 3);
    this.backwardAt(k, src, dst, scale);
    output.set(heapF64().subarray(dst >> 3, (dst >> 3) + n), outOffset);
    popFrame(mark);
  }
}
