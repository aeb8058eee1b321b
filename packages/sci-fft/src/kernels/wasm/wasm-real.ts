/**
 * Real FFTs on the WebAssembly kernels. Even n: the n reals are copied in as n/2 complex
 * values, one complex FFT of length n/2 runs, and the split step (rfftPost / rfftPre in
 * assembly/fft.ts) recovers the half spectrum. Odd n: a complex FFT of length n on the
 * real data with zero imaginary parts.
 */
import { cosSin2Pi } from '../twiddles.js';
import type { Resident } from './resident.js';
import { allocTemp, type FftWasmExports, heapF64, popFrame, pushFrame } from './runtime.js';
import { Tables, type WasmCore } from './wasm-complex.js';

export class WasmRealPlan implements Resident {
  readonly n: number;
  /** the complex core (length n/2, or n when odd), owned by this plan */
  private readonly core: WasmCore;
  private readonly tables = new Tables();

  get bytes(): number {
    return this.tables.bytes + this.core.bytes;
  }

  dispose(): void {
    this.tables.free();
    this.core.dispose();
  }

  /** even n: W^k = exp(-2πik/n), k <= n/4, as (wr, wi) */
  private readonly roots: number;

  constructor(n: number, core: WasmCore) {
    this.n = n;
    this.core = core;
    this.roots = 0;
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

  forward(k: FftWasmExports, input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, scale: number): void {
    const n = this.n;
    const half = n >> 1;
    const outLen = 2 * (half + 1);
    const mark = pushFrame();
    if (n % 2 === 0) {
      const buf = allocTemp(8 * n);
      const scratch = allocTemp(8 * n);
      const out = allocTemp(8 * outLen);
      heapF64().set(input.subarray(inOffset, inOffset + n), buf >> 3);
      const z = this.core.run(k, buf, scratch);
      k.rfftPost(out, z, this.roots, half, scale);
      output.set(heapF64().subarray(out >> 3, (out >> 3) + outLen), outOffset);
    } else {
      const buf = allocTemp(16 * n);
      const scratch = allocTemp(16 * n);
      const h = heapF64();
      const at = buf >> 3;
      for (let j = 0; j < n; j++) {
        h[at + 2 * j] = input[inOffset + j];
        h[at + 2 * j + 1] = 0;
      }
      const z = this.core.run(k, buf, scratch);
      if (scale !== 1) k.scaleLanes(z, half + 1, scale, scale);
      const hz = heapF64();
      output.set(hz.subarray(z >> 3, (z >> 3) + outLen), outOffset);
      output[outOffset + 1] = 0;
    }
    popFrame(mark);
  }

  backward(k: FftWasmExports, input: Float64Array, inOffset: number, output: Float64Array, outOffset: number, scale: number): void {
    const n = this.n;
    const half = n >> 1;
    const mark = pushFrame();
    if (n % 2 === 0) {
      const inLen = 2 * (half + 1);
      const spec = allocTemp(8 * inLen);
      const buf = allocTemp(8 * n);
      const scratch = allocTemp(8 * n);
      heapF64().set(input.subarray(inOffset, inOffset + inLen), spec >> 3);
      k.rfftPre(buf, spec, this.roots, half);
      const z = this.core.run(k, buf, scratch);
      // conj(forward(conj Z)) = backward(Z); real/imag parts are x_{2j}, x_{2j+1}
      k.scaleLanes(z, half, scale, -scale);
      output.set(heapF64().subarray(z >> 3, (z >> 3) + n), outOffset);
    } else {
      // Hermitian extension, conjugated for the forward-based backward transform
      const buf = allocTemp(16 * n);
      const scratch = allocTemp(16 * n);
      const h = heapF64();
      const at = buf >> 3;
      h[at] = input[inOffset];
      h[at + 1] = 0;
      for (let j = 1; j <= half; j++) {
        const re = input[inOffset + 2 * j];
        const im = input[inOffset + 2 * j + 1];
        h[at + 2 * j] = re;
        h[at + 2 * j + 1] = -im;
        h[at + 2 * (n - j)] = re;
        h[at + 2 * (n - j) + 1] = im;
      }
      const z = this.core.run(k, buf, scratch);
      const hz = heapF64();
      const zt = z >> 3;
      for (let j = 0; j < n; j++) output[outOffset + j] = scale * hz[zt + 2 * j];
    }
    popFrame(mark);
  }
}
