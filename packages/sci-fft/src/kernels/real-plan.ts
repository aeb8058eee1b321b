/**
 * Real-input FFT plans. Even n: the classic "two reals in one complex" packing — the
 * n reals become n/2 complex values z_j = x_{2j} + i·x_{2j+1}, one complex FFT of
 * length n/2 runs, and a twiddled split recovers the n/2+1 Hermitian outputs (see
 * e.g. Brigham, "The Fast Fourier Transform", §10). Odd n: a full complex FFT of
 * length n on a scratch copy.
 */
import type { ComplexPlan } from './complex-plan-type.js';
import { jsComplexPlan } from './js-complex-plan.js';
import { LruCache } from './lru.js';
import { rootTable } from './twiddles.js';
import { checkLength } from './validate.js';
import { collectResidents, resident } from './wasm/resident.js';
import { type FftWasmExports, wasmKernels, withWasm } from './wasm/runtime.js';
import { makeWasmCore } from './wasm/wasm-core.js';
import { WasmRealPlan } from './wasm/wasm-real.js';

/** Real FFT: forward maps n reals -> n/2+1 complex (interleaved); backward maps n/2+1 complex -> n reals (imag of DC / Nyquist ignored as pocketfft/SciPy do). */
export interface RealPlan {
  readonly n: number;
  forward(input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, scale: number): void;
  backward(input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, scale: number): void;
  /**
   * The complex FFT of n reals, all n values (fft of real input): the real FFT gives the
   * first n/2+1, Hermitian symmetry X[n-k] = conj(X[k]) the rest. Backward is the
   * conjugate of forward for real input. Times scale.
   */
  fullSpectrum(input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, forward: boolean, scale: number): void;
}

/**
 * Completes output[offset..] (n complex, first n/2+1 the forward half spectrum) as
 * RealPlan.fullSpectrum does. The zero and Nyquist terms, their own mirror images, are
 * conjugated, as pocketfft's c2c_sym does for SciPy (their zero imaginary parts become -0).
 */
function hermitianFill(data: Float64Array, offset: number, n: number, backward: boolean): void {
  data[offset + 1] = -data[offset + 1];
  if (n % 2 === 0 && n > 1) data[offset + n + 1] = -data[offset + n + 1];
  for (let k = 1; 2 * k < n; k++) {
    const a = offset + 2 * k;
    const b = offset + 2 * (n - k);
    data[b] = data[a];
    data[b + 1] = backward ? data[a + 1] : -data[a + 1];
    if (backward) data[a + 1] = -data[a + 1];
  }
}

/** fullSpectrum of the TypeScript plans: their forward transform, then the symmetry. */
abstract class JsRealPlan implements RealPlan {
  abstract readonly n: number;
  abstract forward(input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, scale: number): void;
  abstract backward(input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, scale: number): void;
  fullSpectrum(input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, forward: boolean, scale: number): void {
    this.forward(input, inOffset, output, outOffset, scale);
    hermitianFill(output, outOffset, this.n, !forward);
  }
}

class EvenRealPlan extends JsRealPlan {
  readonly n: number;
  private readonly half: number;
  private readonly inner: ComplexPlan;
  /** exp(-2πi k/n), k < n/2 */
  private readonly roots: Float64Array;
  private readonly work: Float64Array;

  constructor(n: number) {
    super();
    this.n = n;
    this.half = n / 2;
    this.inner = jsComplexPlan(this.half);
    this.roots = rootTable(this.half, 1, n);
    this.work = new Float64Array(n);
  }

  forward(input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, scale: number): void {
    const h = this.half;
    const z = this.work;
    z.set(input.subarray(inOffset, inOffset + 2 * h));
    this.inner.execute(z, 0, true, 1);
    const w = this.roots;
    const hs = 0.5 * scale;
    // k = 0 and k = h use Z_0 only: X_0 = Re Z0 + Im Z0, X_h = Re Z0 - Im Z0.
    const z0r = z[0];
    const z0i = z[1];
    output[outOffset] = scale * (z0r + z0i);
    output[outOffset + 1] = 0;
    output[outOffset + 2 * h] = scale * (z0r - z0i);
    output[outOffset + 2 * h + 1] = 0;
    for (let k = 1; k <= h >> 1; k++) {
      const m = h - k;
      const ar = z[2 * k];
      const ai = z[2 * k + 1];
      const br = z[2 * m];
      const bi = z[2 * m + 1];
      // E = (Z_k + conj Z_m)/2, O = (Z_k - conj Z_m)/(2i)
      const er = ar + br;
      const ei = ai - bi;
      const or = ai + bi;
      const oi = br - ar;
      // X_k = E + W^k O ; X_m = conj(E) - conj(W^k O)·… derived from the same pair
      const wr = w[2 * k];
      const wi = w[2 * k + 1];
      const tr = or * wr - oi * wi;
      const ti = or * wi + oi * wr;
      output[outOffset + 2 * k] = hs * (er + tr);
      output[outOffset + 2 * k + 1] = hs * (ei + ti);
      // For index m: E_m = conj(E_k), O_m = conj(O_k), W^m = -conj(W^k)
      output[outOffset + 2 * m] = hs * (er - tr);
      output[outOffset + 2 * m + 1] = hs * (ti - ei);
    }
  }

  backward(input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, scale: number): void {
    const h = this.half;
    const z = this.work;
    const w = this.roots;
    // Imaginary parts of X_0 and X_h are ignored (treated as zero).
    const x0 = input[inOffset];
    const xh = input[inOffset + 2 * h];
    z[0] = x0 + xh;
    z[1] = x0 - xh;
    for (let k = 1; k <= h >> 1; k++) {
      const m = h - k;
      const ar = input[inOffset + 2 * k];
      const ai = input[inOffset + 2 * k + 1];
      const br = input[inOffset + 2 * m];
      const bi = input[inOffset + 2 * m + 1];
      // 2E = X_k + conj X_m ; 2O = (X_k - conj X_m)·conj(W^k)
      const er = ar + br;
      const ei = ai - bi;
      const dr = ar - br;
      const di = ai + bi;
      const wr = w[2 * k];
      const wi = -w[2 * k + 1];
      const or = dr * wr - di * wi;
      const oi = dr * wi + di * wr;
      // Z_k = 2E + i·2O ; Z_m = conj(2E) + i·conj(2O)
      z[2 * k] = er - oi;
      z[2 * k + 1] = ei + or;
      z[2 * m] = er + oi;
      z[2 * m + 1] = or - ei;
    }
    this.inner.execute(z, 0, false, scale);
    output.set(z.subarray(0, 2 * h), outOffset);
  }
}

class OddRealPlan extends JsRealPlan {
  readonly n: number;
  private readonly inner: ComplexPlan;
  private readonly work: Float64Array;

  constructor(n: number) {
    super();
    this.n = n;
    this.inner = jsComplexPlan(n);
    this.work = new Float64Array(2 * n);
  }

  forward(input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, scale: number): void {
    const n = this.n;
    const z = this.work;
    for (let j = 0; j < n; j++) {
      z[2 * j] = input[inOffset + j];
      z[2 * j + 1] = 0;
    }
    this.inner.execute(z, 0, true, scale);
    output.set(z.subarray(0, 2 * ((n >> 1) + 1)), outOffset);
    output[outOffset + 1] = 0;
  }

  backward(input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, scale: number): void {
    const n = this.n;
    const z = this.work;
    const half = n >> 1;
    z[0] = input[inOffset];
    z[1] = 0;
    for (let k = 1; k <= half; k++) {
      const re = input[inOffset + 2 * k];
      const im = input[inOffset + 2 * k + 1];
      z[2 * k] = re;
      z[2 * k + 1] = im;
      z[2 * (n - k)] = re;
      z[2 * (n - k) + 1] = -im;
    }
    this.inner.execute(z, 0, false, scale);
    for (let j = 0; j < n; j++) output[outOffset + j] = z[2 * j];
  }
}

const jsRealCache = new LruCache<number, RealPlan>(32);

/** The pure TypeScript real plan for length n (cached). */
export function jsRealPlan(n: number): RealPlan {
  let plan = jsRealCache.get(n);
  if (plan === undefined) {
    plan = n % 2 === 0 ? new EvenRealPlan(n) : new OddRealPlan(n);
    jsRealCache.set(n, plan);
  }
  return plan;
}

/** The cached wasm real plan for length n (n >= 4); k must be the loaded kernels. */
export function wasmRealPlan(n: number, k: FftWasmExports): WasmRealPlan {
  return resident(`r${n}`, () => new WasmRealPlan(n, (len) => makeWasmCore(len, k)));
}

/** Runs the WebAssembly kernels when loaded, the TypeScript plan otherwise. */
class AutoRealPlan implements RealPlan {
  readonly n: number;
  constructor(n: number) {
    this.n = n;
  }

  private wasm(k: FftWasmExports): WasmRealPlan {
    collectResidents();
    return wasmRealPlan(this.n, k);
  }

  forward(input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, scale: number): void {
    const k = wasmKernels();
    const js = () => jsRealPlan(this.n).forward(input, inOffset, output, outOffset, scale);
    if (k === null || this.n < 4) js();
    else withWasm(() => this.wasm(k).forward(k, input, inOffset, output, outOffset, scale), js);
  }

  fullSpectrum(input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, forward: boolean, scale: number): void {
    const k = wasmKernels();
    const js = () => jsRealPlan(this.n).fullSpectrum(input, inOffset, output, outOffset, forward, scale);
    if (k === null || this.n < 4) js();
    else withWasm(() => this.wasm(k).fullSpectrum(k, input, inOffset, output, outOffset, forward, scale), js);
  }

  backward(input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, scale: number): void {
    const k = wasmKernels();
    const js = () => jsRealPlan(this.n).backward(input, inOffset, output, outOffset, scale);
    if (k === null || this.n < 4) js();
    else withWasm(() => this.wasm(k).backward(k, input, inOffset, output, outOffset, scale), js);
  }
}

const realCache = new LruCache<number, RealPlan>(256);

/** Plan for real FFTs of length n (cached per n). */
export function realPlan(n: number): RealPlan {
  let plan = realCache.get(n);
  if (plan === undefined) {
    checkLength(n);
    plan = new AutoRealPlan(n);
    realCache.set(n, plan);
  }
  return plan;
}
