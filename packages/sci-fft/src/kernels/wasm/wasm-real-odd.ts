/**
 * Odd-length real FFTs on the wasm kernels at about half the cost of a complex FFT of the
 * same length: for n = p·m (p the smallest prime factor) the first radix-p pass runs on
 * the real data and keeps only the outputs r = 0..(p-1)/2 (the others are their complex
 * conjugates); then (p-1)/2 complex FFTs and one real FFT (recursively) of length m
 * finish the job. See realFirstPass / realLastPass in assembly/fft.ts. Prime or small
 * lengths use a complex FFT of the real data.
 */
import { largestPrimeFactor } from '../factorize.js';
import { cosSin2Pi } from '../twiddles.js';
import type { Resident } from './resident.js';
import { allocTemp, type FftWasmExports, heapF64, heapI32, popFrame, pushFrame } from './runtime.js';
import { Tables, type WasmCore, WasmMixedRadix } from './wasm-complex.js';

/** Unnormalised odd-length real FFT on wasm memory. */
export interface OddRealCore extends Resident {
  readonly n: number;
  /**
   * The level descriptor that lets wasm run the whole transform in one call
   * (oddRealForward / oddRealBackward in assembly/fft.ts), or 0 when a complex FFT inside
   * is not a mixed-radix plan (Bluestein, Rader), which only JavaScript drives.
   */
  readonly desc: number;
  /** Scratch bytes the descriptor's transforms need (16-byte multiple). */
  readonly workBytes: number;
  /** n reals at src -> (n+1)/2 complex at dst */
  forward(k: FftWasmExports, src: number, dst: number): void;
  /** (n+1)/2 complex at src (clobbered; imaginary part of src[0] ignored) -> n reals at dst */
  backward(k: FftWasmExports, src: number, dst: number): void;
}

/** Through a complex FFT of length n of the real data. */
class DirectOddReal implements OddRealCore {
  readonly desc: number;
  readonly workBytes: number;
  private readonly tables = new Tables();

  constructor(
    readonly n: number,
    private readonly core: WasmCore,
  ) {
    this.workBytes = 32 * n;
    this.desc = core instanceof WasmMixedRadix ? describeLevel(this.tables, [0, n, 0, 0, 0, core.desc, core.odd, 0]) : 0;
  }

  get bytes(): number {
    return this.tables.bytes + this.core.bytes;
  }

  dispose(): void {
    this.tables.free();
    this.core.dispose();
  }

  forward(k: FftWasmExports, src: number, dst: number): void {
    if (wasmDriven(k, this, src, dst, true)) return;
    const n = this.n;
    const mark = pushFrame();
    const buf = allocTemp(16 * n);
    const scratch = allocTemp(16 * n);
    k.realToComplex(buf, src, n);
    const r = this.core.run(k, buf, scratch);
    k.copyComplex(dst, r, (n + 1) >> 1, 0);
    popFrame(mark);
  }

  backward(k: FftWasmExports, src: number, dst: number): void {
    if (wasmDriven(k, this, src, dst, false)) return;
    const n = this.n;
    const mark = pushFrame();
    const buf = allocTemp(16 * n);
    const scratch = allocTemp(16 * n);
    // Re(backward(Z)) = Re(conj(forward(conj Z))) = Re(forward(conj Z))
    k.hermitianConj(buf, src, n);
    const r = this.core.run(k, buf, scratch);
    k.complexToReal(dst, r, n, 1);
    popFrame(mark);
  }
}

/** One real first/last pass of radix p, then length-m transforms. */
class SplitOddReal implements OddRealCore {
  readonly n: number;
  readonly desc: number;
  readonly workBytes: number;
  private readonly h: number;
  private readonly tables = new Tables();
  /** W_n^{r·i} as (wr, wi) at (i·h + r-1) */
  private readonly tw: number;
  /** (cos 2πr/p, -sin 2πr/p), r < p */
  private readonly trig: number;

  constructor(
    private readonly p: number,
    private readonly m: number,
    private readonly sub: OddRealCore,
    private readonly cm: WasmCore,
  ) {
    const n = p * m;
    this.n = n;
    const h = (p - 1) >> 1;
    this.h = h;
    this.tw = this.tables.alloc(16 * m * h);
    this.trig = this.tables.alloc(16 * p);
    const hp = heapF64();
    for (let i = 0; i < m; i++) {
      for (let r = 1; r <= h; r++) {
        const at = (this.tw >> 3) + 2 * (i * h + r - 1);
        cosSin2Pi(r * i, n, hp, at);
        hp[at + 1] = -hp[at + 1];
      }
    }
    for (let r = 0; r < p; r++) {
      const at = (this.trig >> 3) + 2 * r;
      cosSin2Pi(r, p, hp, at);
      hp[at + 1] = -hp[at + 1];
    }
    // y0 (m reals, padded), h blocks, R ((m+1)/2 complex), the blocks' FFT scratch, then the sub-level's
    this.workBytes = 16 * Math.ceil(m / 2) + 16 * m * h + 16 * ((m + 1) >> 1) + 16 * m + sub.workBytes;
    this.desc =
      sub.desc !== 0 && cm instanceof WasmMixedRadix ? describeLevel(this.tables, [1, p, m, this.tw, this.trig, cm.desc, cm.odd, sub.desc]) : 0;
  }

  get bytes(): number {
    return this.tables.bytes + this.sub.bytes + this.cm.bytes;
  }

  dispose(): void {
    this.tables.free();
    this.sub.dispose();
    this.cm.dispose();
  }

  /** Forward (or, with conj, backward) complex FFTs of the h blocks, in place. */
  private blocks(k: FftWasmExports, blocks: number, conj: number): void {
    const { m, h, cm } = this;
    const mark = pushFrame();
    const scratch = allocTemp(16 * m);
    if (cm instanceof WasmMixedRadix) {
      k.runContiguous(cm.desc, blocks, m, h, scratch, cm.odd, 1, conj, 1, conj);
    } else {
      for (let r = 0; r < h; r++) {
        const b = blocks + 16 * m * r;
        if (conj < 0) k.scaleLanes(b, m, 1, -1);
        const res = cm.run(k, b, scratch);
        if (res !== b) k.copyComplex(b, res, m, 0);
        if (conj < 0) k.scaleLanes(b, m, 1, -1);
      }
    }
    popFrame(mark);
  }

  forward(k: FftWasmExports, src: number, dst: number): void {
    if (wasmDriven(k, this, src, dst, true)) return;
    const { p, m, h } = this;
    const mark = pushFrame();
    const y0 = allocTemp(8 * m);
    const blocks = allocTemp(16 * m * h);
    const R = allocTemp(16 * ((m + 1) >> 1));
    k.realFirstPass(p, m, src, y0, blocks, this.tw, this.trig);
    this.sub.forward(k, y0, R);
    this.blocks(k, blocks, 1);
    k.oddRealAssemble(dst, R, blocks, p, m);
    popFrame(mark);
  }

  backward(k: FftWasmExports, src: number, dst: number): void {
    if (wasmDriven(k, this, src, dst, false)) return;
    const { p, m, h } = this;
    const mark = pushFrame();
    const R = allocTemp(16 * ((m + 1) >> 1));
    const blocks = allocTemp(16 * m * h);
    const y0 = allocTemp(8 * m);
    k.oddRealSplit(src, R, blocks, p, m);
    this.sub.backward(k, R, y0);
    this.blocks(k, blocks, -1);
    k.realLastPass(p, m, y0, blocks, dst, this.tw, this.trig);
    popFrame(mark);
  }
}

/** A descriptor level of 8 i32 words (see oddRealForward in assembly/fft.ts), in `tables`. */
function describeLevel(tables: Tables, words: number[]): number {
  const at = tables.alloc(32);
  heapI32().set(words, at >> 2);
  return at;
}

/** Runs the whole transform in wasm when the core has a descriptor; false when JavaScript must drive it. */
function wasmDriven(k: FftWasmExports, core: OddRealCore, src: number, dst: number, forward: boolean): boolean {
  if (core.desc === 0) return false;
  const mark = pushFrame();
  const work = allocTemp(core.workBytes);
  if (forward) k.oddRealForward(core.desc, src, dst, work);
  else k.oddRealBackward(core.desc, src, dst, work);
  popFrame(mark);
  return true;
}

function smallestPrimeFactor(n: number): number {
  for (let p = 3; p * p <= n; p += 2) if (n % p === 0) return p;
  return n;
}

/** A new odd-length real core; `complexCore` makes (uncached) complex cores. */
export function makeOddRealCore(n: number, complexCore: (len: number) => WasmCore): OddRealCore {
  const p = smallestPrimeFactor(n);
  // small or prime lengths: the complex FFT of the real data is as fast
  if (n < 45 || p === n || p > 64 || largestPrimeFactor(n) === n) return new DirectOddReal(n, complexCore(n));
  const m = n / p;
  return new SplitOddReal(p, m, makeOddRealCore(m, complexCore), complexCore(m));
}
