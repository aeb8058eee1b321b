/**
 * The pure TypeScript complex FFT plans (the fallback when WebAssembly SIMD is not
 * available, and the reference the wasm kernels are tested against): mixed-radix
 * Stockham passes (complex-passes.ts) and Bluestein's algorithm.
 */
import type { ComplexPlan } from './complex-plan-type.js';
import { pass2, pass3, pass4, pass5, passOdd } from './complex-passes.js';
import { goodSize, radixFactors, useBluestein } from './factorize.js';
import { LruCache } from './lru.js';
import { cosSin2Pi } from './twiddles.js';

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

/** The TypeScript plans run executeMany line by line through their execute(). */
abstract class LineByLinePlan implements ComplexPlan {
  abstract readonly n: number;
  abstract execute(data: Float64Array, offset: number, forward: boolean, scale: number): void;

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
}

export class MixedRadixPlan extends LineByLinePlan {
  readonly n: number;
  private readonly passes: Pass[];
  private scratch: Float64Array | undefined;
  private readonly oddScratch: Float64Array;

  constructor(n: number) {
    super();
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
export class BluesteinPlan extends LineByLinePlan {
  readonly n: number;
  private readonly len: number;
  private readonly inner: ComplexPlan;
  private readonly chirp: Float64Array;
  private readonly kernelHat: Float64Array;
  private work: Float64Array | undefined;

  constructor(n: number) {
    super();
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

