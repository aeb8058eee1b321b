/**
 * Complex FFT cores running on the WebAssembly SIMD kernels. A core transforms n complex
 * values in wasm memory forward, in place; backward transforms and scaling are applied
 * by the caller around it (backward(x) = conj(forward(conj x))).
 */
import { goodSizeWasm, wasmRadixFactors } from '../factorize.js';
import { cosSin2Pi } from '../twiddles.js';
import type { Resident } from './resident.js';
import { allocPermanent, allocTemp, type FftWasmExports, freePermanent, heapF64, heapI32, popFrame, pushFrame } from './runtime.js';

/** The wasm tables of one plan, freed together. */
export class Tables {
  bytes = 0;
  private readonly blocks: [number, number][] = [];
  alloc(bytes: number): number {
    const p = allocPermanent(bytes);
    this.blocks.push([p, bytes]);
    this.bytes += bytes;
    return p;
  }
  free(): void {
    for (const [p, b] of this.blocks) freePermanent(p, b);
    this.blocks.length = 0;
    this.bytes = 0;
  }
}

export interface WasmCore extends Resident {
  readonly n: number;
  /**
   * Forward, unnormalised FFT of the n complex values at byte offset ptr. `scratch` is
   * 16·n bytes the core may overwrite; returns ptr or scratch, whichever holds the result.
   */
  run(k: FftWasmExports, ptr: number, scratch: number): number;
}

/**
 * Mixed-radix passes, driven inside wasm by `runPlan` from a descriptor in wasm memory:
 * [n, passCount, 0, 0] then per pass [radix, l1, ido, tw, trig, 0, 0, 0] (i32 words).
 */
export class WasmMixedRadix implements WasmCore {
  readonly n: number;
  /** byte offset of the descriptor */
  readonly desc: number;
  /** scratch for the generic odd radix (p-1 vectors), 0 if none */
  readonly odd: number;
  /** largest generic odd radix (0 if none) */
  readonly oddRadix: number;
  private readonly tables = new Tables();

  get bytes(): number {
    return this.tables.bytes;
  }

  dispose(): void {
    this.tables.free();
  }

  constructor(n: number) {
    this.n = n;
    const factors = wasmRadixFactors(n);
    this.desc = this.tables.alloc(16 + 32 * factors.length);
    const words: number[] = [n, factors.length, 0, 0];
    let l1 = 1;
    let maxOdd = 0;
    const cs = new Float64Array(2);
    for (const radix of factors) {
      const ido = n / (l1 * radix);
      let tw = 0;
      if (ido > 1) {
        tw = this.tables.alloc(16 * ido * (radix - 1));
        const h = heapF64();
        let at = tw >> 3;
        for (let i = 0; i < ido; i++) {
          for (let m = 1; m < radix; m++) {
            cosSin2Pi(m * i * l1, n, cs, 0);
            h[at] = cs[0];
            h[at + 1] = -cs[1];
            at += 2;
          }
        }
      }
      let trig = 0;
      if (radix > 5) {
        maxOdd = Math.max(maxOdd, radix);
        trig = this.tables.alloc(32 * radix);
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
      words.push(radix, l1, ido, tw, trig, 0, 0, 0);
      l1 *= radix;
    }
    this.oddRadix = maxOdd;
    this.odd = maxOdd > 0 ? this.tables.alloc(16 * maxOdd) : 0;
    heapI32().set(words, this.desc >> 2);
  }

  run(k: FftWasmExports, ptr: number, scratch: number): number {
    return k.runPlan(this.desc, ptr, scratch, this.odd);
  }
}

/** Bailey's four-step algorithm for large n = n1·n2 (see fourStep in assembly/fft.ts). */
export class WasmFourStep implements WasmCore {
  readonly n: number;
  private readonly rows: WasmMixedRadix;
  private readonly cols: WasmMixedRadix;
  /** exp(-2πi·j2·k1/n) in reading order: for j2 = jb·BLOCK + r, at (jb·n1 + k1)·BLOCK + r */
  private readonly tw: number;
  private static readonly BLOCK = 32;
  private readonly tables = new Tables();

  get bytes(): number {
    return this.tables.bytes + this.cols.bytes + (this.rows === this.cols ? 0 : this.rows.bytes);
  }

  dispose(): void {
    this.tables.free();
    this.cols.dispose();
    if (this.rows !== this.cols) this.rows.dispose();
  }

  constructor(n: number, n1: number) {
    this.n = n;
    const n2 = n / n1;
    const block = WasmFourStep.BLOCK;
    this.cols = new WasmMixedRadix(n1);
    this.rows = n2 === n1 ? this.cols : new WasmMixedRadix(n2);
    const blocks = Math.ceil(n2 / block);
    this.tw = this.tables.alloc(16 * blocks * block * n1);
    const h = heapF64();
    const base = this.tw >> 3;
    for (let j2 = 0; j2 < n2; j2++) {
      const jb = Math.floor(j2 / block);
      const r = j2 - jb * block;
      for (let k1 = 0; k1 < n1; k1++) {
        const at = base + 2 * ((jb * n1 + k1) * block + r);
        cosSin2Pi(j2 * k1, n, h, at);
        h[at + 1] = -h[at + 1];
      }
    }
  }

  run(k: FftWasmExports, ptr: number, scratch: number): number {
    const n1 = this.cols.n;
    const n2 = this.rows.n;
    const block = WasmFourStep.BLOCK;
    const mark = pushFrame();
    // +4 complex (one cache line): keeps the block's lines out of each other's cache sets
    const pitch = Math.max(n1, n2) + 4;
    const tmp = allocTemp(16 * block * pitch);
    const line = allocTemp(16 * Math.max(n1, n2));
    // one odd-radix scratch serves both sub-plans (they run one after the other)
    const odd = this.cols.oddRadix >= this.rows.oddRadix ? this.cols.odd : this.rows.odd;
    k.fourStep(this.cols.desc, this.rows.desc, ptr, scratch, this.tw, tmp, pitch, line, odd, block);
    popFrame(mark);
    return scratch;
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
  private readonly tables = new Tables();

  get bytes(): number {
    return this.tables.bytes + this.inner.bytes;
  }

  dispose(): void {
    this.tables.free();
    this.inner.dispose();
  }

  constructor(n: number, k: FftWasmExports, core: (len: number) => WasmCore) {
    this.n = n;
    const len = goodSizeWasm(2 * n - 1);
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
    this.chirp = this.tables.alloc(16 * n);
    this.chirpConj = this.tables.alloc(16 * n);
    this.kernelHat = this.tables.alloc(16 * len);
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
    const mark = pushFrame();
    const at = this.inner.run(k, this.kernelHat, allocTemp(16 * len));
    if (at !== this.kernelHat) k.copyComplex(this.kernelHat, at, len, 0);
    popFrame(mark);
    k.scaleLanes(this.kernelHat, len, 1 / len, 1 / len);
  }

  run(k: FftWasmExports, ptr: number, _scratch: number): number {
    const n = this.n;
    const len = this.len;
    const mark = pushFrame();
    const w = allocTemp(16 * len);
    const ws = allocTemp(16 * len);
    k.mulPointwise(w, ptr, this.chirp, n, 1, 1);
    heapF64().fill(0, (w >> 3) + 2 * n, (w >> 3) + 2 * len);
    let r = this.inner.run(k, w, ws);
    // conj(W·K̂), forward again = conj(backward(W·K̂)) = conj(len·convolution)
    k.mulPointwise(r, r, this.kernelHat, len, 1, -1);
    r = this.inner.run(k, r, r === w ? ws : w);
    // X_k = c_k · conj(w_k) = conj(w_k · conj(c_k))
    k.mulPointwise(ptr, r, this.chirpConj, n, 1, -1);
    popFrame(mark);
    return ptr;
  }
}

/** b^e mod m for safe integers with m < 2^26 (so every product is exact). */
function powMod(b: number, e: number, m: number): number {
  let r = 1;
  b %= m;
  while (e > 0) {
    if (e & 1) r = (r * b) % m;
    b = (b * b) % m;
    e = Math.floor(e / 2);
  }
  return r;
}

function primeFactors(n: number): number[] {
  const out: number[] = [];
  for (let p = 2; p * p <= n; p++) {
    if (n % p === 0) {
      out.push(p);
      while (n % p === 0) n /= p;
    }
  }
  if (n > 1) out.push(n);
  return out;
}

/** A generator of the multiplicative group modulo the prime n. */
function primitiveRoot(n: number): number {
  const qs = primeFactors(n - 1);
  for (let g = 2; g < n; g++) if (qs.every((q) => powMod(g, (n - 1) / q, n) !== 1)) return g;
  return 1;
}

/**
 * Rader's algorithm (Rader 1968) for prime n: with g a generator modulo n,
 * X_{g^-q} = x_0 + Σ_p x_{g^p} · W^{g^(p-q)} is a cyclic convolution of length n-1,
 * done with two FFTs of length n-1 (65537 - 1 = 2^16). X_0 = x_0 + Σ x.
 * For n < 2^26 (exact modular products).
 */
export class WasmRader implements WasmCore {
  readonly n: number;
  private readonly inner: WasmCore;
  private readonly tables = new Tables();
  /** i32 g^p mod n, p < n-1 */
  private readonly inIdx: number;
  /** i32 g^-q mod n, q < n-1 */
  private readonly outIdx: number;
  /** FFT of c_m = W^(g^-m), divided by n-1 */
  private readonly kernelHat: number;

  constructor(n: number, k: FftWasmExports, core: (len: number) => WasmCore) {
    this.n = n;
    const m = n - 1;
    this.inner = core(m);
    const g = primitiveRoot(n);
    const gInv = powMod(g, n - 2, n);
    this.inIdx = this.tables.alloc(4 * m);
    this.outIdx = this.tables.alloc(4 * m);
    this.kernelHat = this.tables.alloc(16 * m);
    const i32 = heapI32();
    let a = 1;
    let b = 1;
    for (let p = 0; p < m; p++) {
      i32[(this.inIdx >> 2) + p] = a;
      i32[(this.outIdx >> 2) + p] = b;
      a = (a * g) % n;
      b = (b * gInv) % n;
    }
    const h = heapF64();
    const kh = this.kernelHat >> 3;
    for (let q = 0; q < m; q++) {
      const at = kh + 2 * q;
      cosSin2Pi(heapI32()[(this.outIdx >> 2) + q], n, h, at);
      h[at + 1] = -h[at + 1];
    }
    const mark = pushFrame();
    const at = this.inner.run(k, this.kernelHat, allocTemp(16 * m));
    if (at !== this.kernelHat) k.copyComplex(this.kernelHat, at, m, 0);
    popFrame(mark);
    k.scaleLanes(this.kernelHat, m, 1 / m, 1 / m);
  }

  get bytes(): number {
    return this.tables.bytes + this.inner.bytes;
  }

  dispose(): void {
    this.tables.free();
    this.inner.dispose();
  }

  run(k: FftWasmExports, ptr: number, _scratch: number): number {
    const m = this.n - 1;
    const mark = pushFrame();
    const a = allocTemp(16 * m);
    const s = allocTemp(16 * m);
    const h = heapF64();
    const x0r = h[ptr >> 3];
    const x0i = h[(ptr >> 3) + 1];
    k.gatherIndexed(a, ptr, this.inIdx, m);
    let r = this.inner.run(k, a, s);
    // A_0 = Σ_{j>0} x_j
    const hr = heapF64();
    const sumR = x0r + hr[r >> 3];
    const sumI = x0i + hr[(r >> 3) + 1];
    // conj(A·Ĉ), forward again = conj(backward(A·Ĉ)) = conj((n-1)·convolution)
    k.mulPointwise(r, r, this.kernelHat, m, 1, -1);
    r = this.inner.run(k, r, r === a ? s : a);
    k.scatterIndexedConj(ptr, r, this.outIdx, m, x0r, x0i);
    const hp = heapF64();
    hp[ptr >> 3] = sumR;
    hp[(ptr >> 3) + 1] = sumI;
    popFrame(mark);
    return ptr;
  }
}
