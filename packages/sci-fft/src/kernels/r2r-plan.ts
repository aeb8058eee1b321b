/**
 * DCT/DST types 1–4 through FFTs, with SciPy's (pocketfft's) scaling conventions.
 *
 * Unnormalised definitions (SciPy's `norm='backward'` forward transforms):
 *   DCT-I   y_k = x_0 + (-1)^k x_{N-1} + 2 Σ_{n=1}^{N-2} x_n cos(πkn/(N-1))
 *   DCT-II  y_k = 2 Σ x_n cos(πk(2n+1)/(2N))
 *   DCT-III y_k = x_0 + 2 Σ_{n>=1} x_n cos(π(2k+1)n/(2N))
 *   DCT-IV  y_k = 2 Σ x_n cos(π(2n+1)(2k+1)/(4N))
 *   DST-I   y_k = 2 Σ x_n sin(π(k+1)(n+1)/(N+1))
 *   DST-II  y_k = 2 Σ x_n sin(π(k+1)(2n+1)/(2N))
 *   DST-III y_k = (-1)^k x_{N-1} + 2 Σ_{n<N-1} x_n sin(π(2k+1)(n+1)/(2N))
 *   DST-IV  y_k = 2 Σ x_n sin(π(2n+1)(2k+1)/(4N))
 *
 * Algorithms:
 *   DCT-I / DST-I: real FFT of the even / odd symmetric extension (length 2(N∓1)).
 *   DCT-II / DCT-III: Makhoul's reordering (IEEE TASSP 28(1), 1980) — one real FFT of
 *     length N plus a quarter-wave twiddle.
 *   DCT-IV: even N via one complex FFT of length N/2 with pre/post twiddles; odd N via
 *     one real FFT of length N and index maps (dct4-odd.ts).
 *   DST-k from DCT-k: DST-II(x)_k = DCT-II((-1)^n x_n)_{N-1-k},
 *     DST-III(x)_k = (-1)^k DCT-III(x_{N-1-n})_k, DST-IV(x)_k = DCT-IV((-1)^n x_n)_{N-1-k}.
 *
 * Scaling (as SciPy's pypocketfft): an inverse swaps types 2 and 3 and the norm maps to a
 * factor fct = 1, 1/sqrt(M) ('ortho') or 1/M, with M = 2(N-1) for DCT-I, 2(N+1) for DST-I
 * and 2N otherwise; forward uses 'backward'→1, 'forward'→1/M, the inverse the other way
 * round. `orthogonalize` adds the extra √2 factors that make the matrix orthogonal.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { type ComplexPlan, complexPlan } from './complex-plan.js';
import { Dct4Odd } from './dct4-odd.js';
import { type RealPlan, realPlan, wasmRealPlan } from './real-plan.js';
import { collectResidents, type Resident, resident } from './wasm/resident.js';
import { allocTemp, type FftWasmExports, heapF64, popFrame, pushFrame, wasmKernels, withWasm } from './wasm/runtime.js';
import { Tables } from './wasm/wasm-complex.js';
import { cosSin2Pi, rootTable } from './twiddles.js';
import { LruCache } from './lru.js';
import { checkLength } from './validate.js';

/** DCT/DST of one contiguous real line, in place. */
export interface R2RPlan {
  readonly n: number;
  execute(data: Float64Array, offset: number): void;
  /** The same transform of src[srcOffset..+n) written to dst[dstOffset..+n); src is only read. */
  executeFrom(src: Float64Array, srcOffset: number, dst: Float64Array, dstOffset: number): void;
  /**
   * The transform of `count` contiguous lines: line c of src[srcOffset + c·n ..) written to
   * dst[dstOffset + c·n ..) (src only read; or src = dst at the same offset, in place).
   * Batches the FFT work: one wasm session or one batched FFT call for all the lines.
   */
  executeMany(src: Float64Array, srcOffset: number, dst: Float64Array, dstOffset: number, count: number): void;
}

export type R2RKind = 'dct' | 'dst';
export type R2RType = 1 | 2 | 3 | 4;
export type R2RNorm = 'backward' | 'ortho' | 'forward';
export interface R2ROptions {
  norm: R2RNorm;
  orthogonalize: boolean;
  inverse: boolean;
}

const SQRT2 = Math.SQRT2;
const SQRT1_2 = Math.SQRT1_2;

/** Unnormalised DCT core of one type, in place on data[offset..offset+n), times fct. */
interface DctCore {
  run(data: Float64Array, offset: number, fct: number): void;
  /** Out of place, where the core can read its input where it lies (saves a copy). */
  runFrom?(src: Float64Array, srcOffset: number, dst: Float64Array, dstOffset: number, fct: number): void;
  /** `run` on `count` contiguous lines of n from `offset`, in place, with the FFTs batched. */
  runMany?(data: Float64Array, offset: number, count: number, fct: number): void;
}

/** Doubles of lines one batched r2r step holds in wasm memory or scratch (256 KiB). */
const BATCH_DOUBLES = 1 << 15;

/** Lines of n per batch: as many as fit BATCH_DOUBLES, at least one. */
function linesPerBatch(n: number): number {
  return Math.max(1, Math.floor(BATCH_DOUBLES / n));
}

class Dct1 implements DctCore {
  private readonly rp: RealPlan;
  private readonly ext: Float64Array;
  private readonly spec: Float64Array;
  constructor(private readonly n: number) {
    const m = 2 * (n - 1);
    this.rp = realPlan(m);
    this.ext = new Float64Array(m);
    this.spec = new Float64Array(2 * (n - 1) + 2);
  }
  run(data: Float64Array, offset: number, fct: number): void {
    const n = this.n;
    const m = 2 * (n - 1);
    const e = this.ext;
    for (let j = 0; j < n; j++) e[j] = data[offset + j];
    for (let j = 1; j < n - 1; j++) e[m - j] = data[offset + j];
    this.rp.forward(e, 0, this.spec, 0, fct);
    for (let k = 0; k < n; k++) data[offset + k] = this.spec[2 * k];
  }
}

class Dst1 implements DctCore {
  private readonly rp: RealPlan;
  private readonly ext: Float64Array;
  private readonly spec: Float64Array;
  constructor(private readonly n: number) {
    const m = 2 * (n + 1);
    this.rp = realPlan(m);
    this.ext = new Float64Array(m);
    this.spec = new Float64Array(m + 2);
  }
  run(data: Float64Array, offset: number, fct: number): void {
    const n = this.n;
    const m = 2 * (n + 1);
    const e = this.ext;
    e[0] = 0;
    e[n + 1] = 0;
    for (let j = 0; j < n; j++) {
      const v = data[offset + j];
      e[j + 1] = v;
      e[m - 1 - j] = -v;
    }
    this.rp.forward(e, 0, this.spec, 0, fct);
    for (let k = 0; k < n; k++) data[offset + k] = -this.spec[2 * (k + 1) + 1];
  }
}

/** exp(-iπk/(2N)), k <= N/2, as (wr, wi) in wasm memory. */
class QuarterTurns implements Resident {
  private readonly tables = new Tables();
  readonly ptr: number;
  constructor(n: number) {
    const count = (n >> 1) + 1;
    this.ptr = this.tables.alloc(16 * count);
    const h = heapF64();
    for (let k = 0; k < count; k++) cosSin2Pi(-k, 4 * n, h, (this.ptr >> 3) + 2 * k);
  }
  get bytes(): number {
    return this.tables.bytes;
  }
  dispose(): void {
    this.tables.free();
  }
}

/** DCT-II and DCT-III (its transpose) by Makhoul's single real FFT of length N. */
class Dct23 implements DctCore {
  private readonly rp: RealPlan;
  private readonly perm: Float64Array;
  private readonly spec: Float64Array;
  /** exp(-iπk/(2N)), k <= N/2 */
  private readonly quarter: Float64Array;
  constructor(
    private readonly n: number,
    private readonly type: 2 | 3,
  ) {
    this.rp = realPlan(n);
    this.perm = new Float64Array(n);
    this.spec = new Float64Array(2 * ((n >> 1) + 1));
    this.quarter = rootTable((n >> 1) + 1, 1, 4 * n);
  }
  run(data: Float64Array, offset: number, fct: number): void {
    this.runFrom(data, offset, data, offset, fct);
  }

  runFrom(src: Float64Array, srcOffset: number, dst: Float64Array, dstOffset: number, fct: number): void {
    const k = this.n >= 4 ? wasmKernels() : null;
    const js = () => {
      if (src !== dst || srcOffset !== dstOffset) dst.set(src.subarray(srcOffset, srcOffset + this.n), dstOffset);
      if (this.type === 2) this.runII(dst, dstOffset, fct);
      else this.runIII(dst, dstOffset, fct);
    };
    if (k === null) js();
    else withWasm(() => this.runWasm(k, src, srcOffset, dst, dstOffset, fct), js);
  }

  runMany(data: Float64Array, offset: number, count: number, fct: number): void {
    const n = this.n;
    const k = n >= 4 ? wasmKernels() : null;
    const js = () => {
      for (let c = 0; c < count; c++) {
        if (this.type === 2) this.runII(data, offset + c * n, fct);
        else this.runIII(data, offset + c * n, fct);
      }
    };
    if (k === null) js();
    else withWasm(() => this.runManyWasm(k, data, offset, count, fct), js);
  }

  /** runWasm for many lines: one wasm session, the lines crossing in and out in batches. */
  private runManyWasm(k: FftWasmExports, data: Float64Array, offset: number, count: number, fct: number): void {
    const n = this.n;
    collectResidents();
    const real = wasmRealPlan(n, k);
    const q = resident(`dctq${n}`, () => new QuarterTurns(n)).ptr;
    const batch = Math.min(count, linesPerBatch(n));
    const mark = pushFrame();
    const x = allocTemp(8 * n * batch);
    const v = allocTemp(8 * n);
    const V = allocTemp(16 * ((n >> 1) + 1));
    for (let c0 = 0; c0 < count; c0 += batch) {
      const lines = Math.min(batch, count - c0);
      const from = offset + c0 * n;
      heapF64().set(data.subarray(from, from + lines * n), x >> 3);
      for (let c = 0; c < lines; c++) {
        const xc = x + 8 * n * c;
        if (this.type === 2) {
          k.dctPermute(v, xc, n);
          real.forwardAt(k, v, V, 2 * fct);
          k.dct2Post(xc, V, q, n);
        } else {
          k.dct3Pre(V, xc, q, n);
          real.backwardAt(k, V, v, fct);
          k.dctUnpermute(xc, v, n);
        }
      }
      data.set(heapF64().subarray(x >> 3, (x >> 3) + lines * n), from);
    }
    popFrame(mark);
  }

  /** Both types with the permutation, real FFT and twiddles all in wasm memory. */
  private runWasm(k: FftWasmExports, src: Float64Array, srcOffset: number, data: Float64Array, offset: number, fct: number): void {
    const n = this.n;
    collectResidents();
    const real = wasmRealPlan(n, k);
    const q = resident(`dctq${n}`, () => new QuarterTurns(n)).ptr;
    const mark = pushFrame();
    const x = allocTemp(8 * n);
    const v = allocTemp(8 * n);
    const V = allocTemp(16 * ((n >> 1) + 1));
    heapF64().set(src.subarray(srcOffset, srcOffset + n), x >> 3);
    if (this.type === 2) {
      k.dctPermute(v, x, n);
      real.forwardAt(k, v, V, 2 * fct);
      k.dct2Post(x, V, q, n);
    } else {
      k.dct3Pre(V, x, q, n);
      real.backwardAt(k, V, v, fct);
      k.dctUnpermute(x, v, n);
    }
    data.set(heapF64().subarray(x >> 3, (x >> 3) + n), offset);
    popFrame(mark);
  }
  private runII(data: Float64Array, offset: number, fct: number): void {
    const n = this.n;
    const v = this.perm;
    const half = (n + 1) >> 1;
    for (let k = 0; k < half; k++) v[k] = data[offset + 2 * k];
    for (let k = 0; 2 * k + 1 < n; k++) v[n - 1 - k] = data[offset + 2 * k + 1];
    const V = this.spec;
    this.rp.forward(v, 0, V, 0, 2 * fct);
    const q = this.quarter;
    data[offset] = V[0];
    for (let k = 1; k <= n >> 1; k++) {
      const vr = V[2 * k];
      const vi = V[2 * k + 1];
      const wr = q[2 * k];
      const wi = q[2 * k + 1];
      const ur = vr * wr - vi * wi;
      const ui = vr * wi + vi * wr;
      data[offset + k] = ur;
      data[offset + n - k] = -ui;
    }
  }
  private runIII(data: Float64Array, offset: number, fct: number): void {
    const n = this.n;
    const V = this.spec;
    const q = this.quarter;
    V[0] = data[offset];
    V[1] = 0;
    for (let k = 1; k <= n >> 1; k++) {
      // W_k = exp(iπk/(2N)) (y_k - i y_{N-k})
      const yr = data[offset + k];
      const yi = -data[offset + n - k];
      const wr = q[2 * k];
      const wi = -q[2 * k + 1];
      V[2 * k] = yr * wr - yi * wi;
      V[2 * k + 1] = yr * wi + yi * wr;
    }
    const v = this.perm;
    this.rp.backward(V, 0, v, 0, fct);
    const half = (n + 1) >> 1;
    for (let k = 0; k < half; k++) data[offset + 2 * k] = v[k];
    for (let k = 0; 2 * k + 1 < n; k++) data[offset + 2 * k + 1] = v[n - 1 - k];
  }
}

/** DCT-IV of even N (odd N: dct4-odd.ts). */
class Dct4 implements DctCore {
  private readonly cp: ComplexPlan;
  private readonly work: Float64Array;
  private readonly pre: Float64Array;
  private readonly post: Float64Array;
  constructor(private readonly n: number) {
    const h = n / 2;
    this.cp = complexPlan(h);
    this.work = new Float64Array(n);
    this.pre = rootTable(h, 1, 2 * n); // exp(-iπm/N)
    this.post = new Float64Array(2 * h); // exp(-iπ(4p+1)/(4N)), each computed directly
    for (let p = 0; p < h; p++) cosSin2Pi(-(4 * p + 1), 8 * n, this.post, 2 * p);
  }
  run(data: Float64Array, offset: number, fct: number): void {
    this.twiddleIn(data, offset, this.work, 0);
    this.cp.execute(this.work, 0, true, 1);
    this.twiddleOut(this.work, 0, data, offset, fct);
  }

  /** The lines' FFTs in one batched call (one wasm session instead of one per line). */
  runMany(data: Float64Array, offset: number, count: number, fct: number): void {
    const n = this.n;
    const m = this.work.length; // doubles of one line's complex FFT
    const batch = Math.min(count, Math.max(1, Math.floor(BATCH_DOUBLES / m)));
    const z = batch === 1 ? this.work : new Float64Array(batch * m);
    for (let c0 = 0; c0 < count; c0 += batch) {
      const lines = Math.min(batch, count - c0);
      for (let c = 0; c < lines; c++) this.twiddleIn(data, offset + (c0 + c) * n, z, c * m);
      this.cp.executeMany(z, 0, lines, m / 2, 1, true, 1);
      for (let c = 0; c < lines; c++) this.twiddleOut(z, c * m, data, offset + (c0 + c) * n, fct);
    }
  }

  /** The pre-twiddled complex line of data[offset..+n) into z[at..]. */
  private twiddleIn(data: Float64Array, offset: number, z: Float64Array, at: number): void {
    const n = this.n;
    const pre = this.pre;
    for (let m = 0; m < n / 2; m++) {
      const xr = data[offset + 2 * m];
      const xi = data[offset + n - 1 - 2 * m];
      const wr = pre[2 * m];
      const wi = pre[2 * m + 1];
      z[at + 2 * m] = xr * wr - xi * wi;
      z[at + 2 * m + 1] = xr * wi + xi * wr;
    }
  }

  /** The DCT-IV line into data[offset..+n) from the FFT z[at..], times fct. */
  private twiddleOut(z: Float64Array, at: number, data: Float64Array, offset: number, fct: number): void {
    const n = this.n;
    const post = this.post;
    const f2 = 2 * fct;
    for (let p = 0; p < n / 2; p++) {
      const zr = z[at + 2 * p];
      const zi = z[at + 2 * p + 1];
      const wr = post[2 * p];
      const wi = post[2 * p + 1];
      data[offset + 2 * p] = f2 * (zr * wr - zi * wi);
      data[offset + n - 1 - 2 * p] = -f2 * (zr * wi + zi * wr);
    }
  }
}

class CosineSinePlan implements R2RPlan {
  readonly n: number;
  constructor(
    n: number,
    private readonly kind: R2RKind,
    private readonly type: R2RType,
    private readonly core: DctCore,
    private readonly fct: number,
    private readonly ortho: boolean,
  ) {
    this.n = n;
  }

  executeFrom(src: Float64Array, srcOffset: number, dst: Float64Array, dstOffset: number): void {
    const { kind, type, core } = this;
    if (kind === 'dct' && (type === 2 || (type === 3 && !this.ortho)) && core.runFrom !== undefined) {
      // nothing to do to the input first: the core reads it where it lies
      core.runFrom(src, srcOffset, dst, dstOffset, this.fct);
      if (type === 2 && this.ortho) dst[dstOffset] *= SQRT1_2;
      return;
    }
    if (src !== dst || srcOffset !== dstOffset) dst.set(src.subarray(srcOffset, srcOffset + this.n), dstOffset);
    this.execute(dst, dstOffset);
  }

  execute(data: Float64Array, offset: number): void {
    this.before(data, offset);
    this.core.run(data, offset, this.fct);
    this.after(data, offset);
  }

  executeMany(src: Float64Array, srcOffset: number, dst: Float64Array, dstOffset: number, count: number): void {
    const { n, core } = this;
    if (core.runMany === undefined || count === 1) {
      for (let c = 0; c < count; c++) this.executeFrom(src, srcOffset + c * n, dst, dstOffset + c * n);
      return;
    }
    if (src !== dst || srcOffset !== dstOffset) dst.set(src.subarray(srcOffset, srcOffset + count * n), dstOffset);
    for (let c = 0; c < count; c++) this.before(dst, dstOffset + c * n);
    core.runMany(dst, dstOffset, count, this.fct);
    for (let c = 0; c < count; c++) this.after(dst, dstOffset + c * n);
  }

  /** What the line needs before the DCT core: ortho weights, and for a DST the DCT's input order and signs. */
  private before(data: Float64Array, offset: number): void {
    const { n, kind, type, ortho } = this;
    if (kind === 'dct') {
      if (type === 1 && ortho) {
        data[offset] *= SQRT2;
        data[offset + n - 1] *= SQRT2;
      } else if (type === 3 && ortho) {
        data[offset] *= SQRT2;
      }
    } else if (type === 2 || type === 4) {
      for (let j = 1; j < n; j += 2) data[offset + j] = -data[offset + j];
    } else if (type === 3) {
      if (ortho) data[offset + n - 1] *= SQRT2;
      reverse(data, offset, n);
    }
  }

  /** What the line needs after the DCT core (see `before`); DST-I needs nothing around it. */
  private after(data: Float64Array, offset: number): void {
    const { n, kind, type, ortho } = this;
    if (kind === 'dct') {
      if (type === 1 && ortho) {
        data[offset] *= SQRT1_2;
        data[offset + n - 1] *= SQRT1_2;
      } else if (type === 2 && ortho) {
        data[offset] *= SQRT1_2;
      }
    } else if (type === 2 || type === 4) {
      reverse(data, offset, n);
      if (type === 2 && ortho) data[offset + n - 1] *= SQRT1_2;
    } else if (type === 3) {
      for (let k = 1; k < n; k += 2) data[offset + k] = -data[offset + k];
    }
  }
}

function reverse(data: Float64Array, offset: number, n: number): void {
  for (let i = offset, j = offset + n - 1; i < j; i++, j--) {
    const t = data[i];
    data[i] = data[j];
    data[j] = t;
  }
}

const r2rCache = new LruCache<string, R2RPlan>(64);

/** DCT/DST types 1-4 of one contiguous real line, in place, matching scipy.fft.dct/idct/dst/idst. */
export function r2rPlan(kind: R2RKind, type: R2RType, n: number, options: R2ROptions): R2RPlan {
  const { norm, orthogonalize, inverse } = options;
  const key = `${kind}${type}:${n}:${norm}:${orthogonalize ? 1 : 0}:${inverse ? 1 : 0}`;
  let plan = r2rCache.get(key);
  if (plan !== undefined) return plan;
  if (kind !== 'dct' && kind !== 'dst') {
    throw new InvalidArgumentError(`Unknown transform kind ${String(kind)}.`, { argument: 'kind', hint: "Use 'dct' or 'dst'." });
  }
  if (type !== 1 && type !== 2 && type !== 3 && type !== 4) {
    throw new InvalidArgumentError(`Invalid ${kind.toUpperCase()} type ${String(type)}.`, { argument: 'type', hint: 'Use 1, 2, 3 or 4.' });
  }
  if (norm !== 'backward' && norm !== 'ortho' && norm !== 'forward') {
    throw new InvalidArgumentError(`Invalid norm ${String(norm)}.`, { argument: 'norm', hint: "Use 'backward', 'ortho' or 'forward'." });
  }
  checkLength(n, kind === 'dct' && type === 1 ? 2 : 1);
  let t: R2RType = type;
  if (inverse && type === 2) t = 3;
  else if (inverse && type === 3) t = 2;
  const m = kind === 'dct' && t === 1 ? 2 * (n - 1) : kind === 'dst' && t === 1 ? 2 * (n + 1) : 2 * n;
  // inorm: 0 none, 1 ortho, 2 divide by M
  const inormForward = norm === 'backward' ? 0 : norm === 'ortho' ? 1 : 2;
  const inorm = inverse ? 2 - inormForward : inormForward;
  const fct = inorm === 0 ? 1 : inorm === 1 ? 1 / Math.sqrt(m) : 1 / m;
  let core: DctCore;
  if (t === 1) core = kind === 'dct' ? new Dct1(n) : new Dst1(n);
  else if (t === 4) core = n % 2 === 0 ? new Dct4(n) : new Dct4Odd(n);
  else core = new Dct23(n, t);
  plan = new CosineSinePlan(n, kind, t, core, fct, orthogonalize);
  r2rCache.set(key, plan);
  return plan;
}
