/**
 * Complex FFT cores running on the WebAssembly SIMD kernels. A core transforms n complex
 * values in wasm memory forward, in place; backward transforms and scaling are applied
 * by the caller around it (backward(x) = conj(forward(conj x))).
 */
import { goodSize, radixFactors } from '../factorize.js';
import { cosSin2Pi } from '../twiddles.js';
import { allocPermanent, allocTemp, type FftWasmExports, heapF64, popFrame, pushFrame } from './runtime.js';

export interface WasmCore {
  readonly n: number;
  /** Forward, unnormalised, in place on n complex values at byte offset ptr. */
  run(k: FftWasmExports, ptr: number): void;
}

interface WasmPass {
  readonly radix: number;
  readonly l1: number;
  readonly ido: number;
  /** per i, per m: (wr, wr, -wi, wi) of exp(-2πi·m·i·l1/n); 0 when ido = 1 */
  readonly tw: number;
  /** generic odd radix: per r: (cos, cos, sin, -sin) of 2πr/p */
  readonly trig: number;
}

export class WasmMixedRadix implements WasmCore {
  readonly n: number;
  private readonly passes: WasmPass[] = [];
  private readonly maxOdd: number;

  constructor(n: number) {
    this.n = n;
    let l1 = 1;
    let maxOdd = 0;
    const cs = new Float64Array(2);
    for (const radix of radixFactors(n)) {
      const ido = n / (l1 * radix);
      let tw = 0;
      if (ido > 1) {
        const count = ido * (radix - 1);
        tw = allocPermanent(32 * count);
        const h = heapF64();
        let at = tw >> 3;
        for (let i = 0; i < ido; i++) {
          for (let m = 1; m < radix; m++) {
            cosSin2Pi(m * i * l1, n, cs, 0);
            h[at] = cs[0];
            h[at + 1] = cs[0];
            h[at + 2] = cs[1];
            h[at + 3] = -cs[1];
            at += 4;
          }
        }
      }
      let trig = 0;
      if (radix > 5) {
        maxOdd = Math.max(maxOdd, radix);
        trig = allocPermanent(32 * radix);
        const h = heapF64();
        for (let r = 0; r < radix; r++) {
          cosSin2Pi(r, radix, cs, 0);
          const at = (trig >> 3) + 4 * r;
          h[at] = cs[0];
          h[at + 1] = cs[0];
          h[at + 2] = cs[1];
          h[at + 3] = -cs[1];
        }
      }
      this.passes.push({ radix, l1, ido, tw, trig });
      l1 *= radix;
    }
    this.maxOdd = maxOdd;
  }

  run(k: FftWasmExports, ptr: number): void {
    const n = this.n;
    if (this.passes.length === 0) return;
    const mark = pushFrame();
    const scratch = allocTemp(16 * n);
    const oddScratch = this.maxOdd > 0 ? allocTemp(16 * this.maxOdd) : 0;
    let src = ptr;
    let dst = scratch;
    for (const p of this.passes) {
      switch (p.radix) {
        case 4:
          k.pass4(p.ido, p.l1, src, dst, p.tw);
          break;
        case 2:
          k.pass2(p.ido, p.l1, src, dst, p.tw);
          break;
        case 3:
          k.pass3(p.ido, p.l1, src, dst, p.tw);
          break;
        case 5:
          k.pass5(p.ido, p.l1, src, dst, p.tw);
          break;
        default:
          k.passOdd(p.radix, p.ido, p.l1, src, dst, p.tw, p.trig, oddScratch);
      }
      const t = src;
      src = dst;
      dst = t;
    }
    if (src !== ptr) k.copyComplex(ptr, src, n, 0);
    popFrame(mark);
  }
}

/** Bluestein's chirp-z algorithm on wasm memory (see BluesteinPlan in complex-plan.ts). */
export class WasmBluestein implements WasmCore {
  readonly n: number;
  private readonly len: number;
  private readonly inner: WasmCore;
  /** c_m = exp(-πi m²/n) */
  private readonly chirp: number;
  /** conj(c_m) */
  private readonly chirpConj: number;
  /** FFT of the conjugate-chirp kernel, divided by len */
  private readonly kernelHat: number;

  constructor(n: number, k: FftWasmExports, core: (len: number) => WasmCore) {
    this.n = n;
    const len = goodSize(2 * n - 1);
    this.len = len;
    this.inner = core(len);
    const chirp = new Float64Array(2 * n);
    const twoN = 2 * n;
    let r = 0; // m² mod 2n, exact
    for (let m = 0; m < n; m++) {
      cosSin2Pi(r, twoN, chirp, 2 * m);
      chirp[2 * m + 1] = -chirp[2 * m + 1];
      r += 2 * m + 1;
      while (r >= twoN) r -= twoN;
    }
    this.chirp = allocPermanent(16 * n);
    this.chirpConj = allocPermanent(16 * n);
    this.kernelHat = allocPermanent(16 * len);
    const h = heapF64();
    h.set(chirp, this.chirp >> 3);
    const kh = this.kernelHat >> 3;
    h.fill(0, kh, kh + 2 * len);
    for (let m = 0; m < n; m++) {
      const cr = chirp[2 * m];
      const ci = -chirp[2 * m + 1];
      h[(this.chirpConj >> 3) + 2 * m] = cr;
      h[(this.chirpConj >> 3) + 2 * m + 1] = ci;
      h[kh + 2 * m] = cr;
      h[kh + 2 * m + 1] = ci;
      if (m > 0) {
        h[kh + 2 * (len - m)] = cr;
        h[kh + 2 * (len - m) + 1] = ci;
      }
    }
    this.inner.run(k, this.kernelHat);
    k.scaleLanes(this.kernelHat, len, 1 / len, 1 / len);
  }

  run(k: FftWasmExports, ptr: number): void {
    const n = this.n;
    const len = this.len;
    const mark = pushFrame();
    const w = allocTemp(16 * len);
    k.mulPointwise(w, ptr, this.chirp, n, 1, 1);
    heapF64().fill(0, (w >> 3) + 2 * n, (w >> 3) + 2 * len);
    this.inner.run(k, w);
    // conj(W·K̂), forward again = conj(backward(W·K̂)) = conj(len·convolution)
    k.mulPointwise(w, w, this.kernelHat, len, 1, -1);
    this.inner.run(k, w);
    // X_k = c_k · conj(w_k) = conj(w_k · conj(c_k))
    k.mulPointwise(ptr, w, this.chirpConj, n, 1, -1);
    popFrame(mark);
  }
}
