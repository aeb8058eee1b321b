/**
 * DCT-IV of odd length N by one real FFT of length N (instead of a zero-padded complex
 * FFT of length 2N: about a quarter of the work).
 *
 * y_k = 2 Σ x_n cos(2π·ab/(8N)) with a = 2n+1, b = 2k+1 odd. N odd makes 8 and N coprime,
 * so by the Chinese remainder theorem ab/(8N) ≡ (ab mod 8)·c1/8 + (ab mod N)·c2/N (mod 1),
 * c1 = N⁻¹ mod 8 (= N mod 8: odd squares are 1 mod 8), c2 = 8⁻¹ mod N. The eighth-root part
 * takes ±1/√2 values that are characters of the odd residues mod 8:
 *   cos(π r/4) = χ_c(r)/√2, χ_c = +1 on r ≡ 1, 7 and −1 on r ≡ 3, 5;
 *   sin(π r/4) = χ_s(r)/√2, χ_s = +1 on r ≡ 1, 3 and −1 on r ≡ 5, 7;
 * multiplicative, so they split over a and b:
 *   y_k = √2 [χ_c(c1 b) Σ χ_c(a) x_n cos(2π c2 αβ/N) − χ_s(c1 b) Σ χ_s(a) x_n sin(2π c2 αβ/N)]
 * with α = a mod N (each residue once as n runs over 0..N−1), β = b mod N: the real part of
 * the DFT of u_α = χ_c(a) x_n and the imaginary part of the DFT of w_α = χ_s(a) x_n, both
 * at frequency c2·β mod N. The real part needs only the even part of u, the imaginary part
 * only the odd part of w = χ(a)·u (χ = χ_c χ_s, +1 on a ≡ 1 mod 4), and χ(a) = χ(2N − a)
 * for the mirror α → N − α, so both come from the one real sequence g with g_α = u_α where
 * χ(a) = 1 and g_{N−α} = u_α where χ(a) = −1: a permutation of the signed input.
 * (The same decomposition underlies FFTW's and pocketfft's odd-length REDFT11.)
 */
import { realForwardAlongAxis } from './axis.js';
import { type RealPlan, realPlan } from './real-plan.js';

/** Doubles of real lines and their half spectra per batched call (256 KiB). */
const BATCH_DOUBLES = 1 << 15;

/** +1 on r ≡ 1, 7 (mod 8), −1 on r ≡ 3, 5: √2·cos(πr/4) for odd r. */
const cosSign = (r: number): number => (r % 8 === 1 || r % 8 === 7 ? 1 : -1);
/** +1 on r ≡ 1, 3 (mod 8), −1 on r ≡ 5, 7: √2·sin(πr/4) for odd r. */
const sinSign = (r: number): number => (r % 8 === 1 || r % 8 === 3 ? 1 : -1);

export class Dct4Odd {
  private readonly rp: RealPlan;
  /** where x_n goes in g, with its sign */
  private readonly inIndex: Int32Array;
  private readonly inSign: Float64Array;
  /** y_k = outRe·Re G_h + outIm·Im G_h, h = outIndex[k] in the half spectrum */
  private readonly outIndex: Int32Array;
  private readonly outRe: Float64Array;
  private readonly outIm: Float64Array;
  private readonly g: Float64Array;
  private readonly spectrum: Float64Array;
  /** runMany's batch of permuted lines and their half spectra (grown as needed) */
  private lines = new Float64Array(0);
  private spectra = new Float64Array(0);

  constructor(private readonly n: number) {
    this.rp = realPlan(n);
    this.g = new Float64Array(n);
    this.spectrum = new Float64Array(2 * ((n >> 1) + 1));
    this.inIndex = new Int32Array(n);
    this.inSign = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const a = 2 * j + 1;
      const alpha = a % n;
      this.inIndex[j] = a % 4 === 1 ? alpha : (n - alpha) % n;
      this.inSign[j] = cosSign(a);
    }
    const c1 = n % 8;
    let c2 = 0;
    for (let j = 0; j < 8; j++) if ((j * n + 1) % 8 === 0) c2 = (j * n + 1) / 8;
    this.outIndex = new Int32Array(n);
    this.outRe = new Float64Array(n);
    this.outIm = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const b = 2 * k + 1;
      const f = (c2 * (b % n)) % n; // < 2^53 for every n an array can hold
      // G_f = conj(G_{N-f}) above the half spectrum
      const mirrored = 2 * f > n;
      this.outIndex[k] = mirrored ? n - f : f;
      this.outRe[k] = Math.SQRT2 * cosSign(c1 * b);
      this.outIm[k] = Math.SQRT2 * sinSign(c1 * b) * (mirrored ? -1 : 1);
    }
  }

  /**
   * `run` on `count` contiguous lines of n from `offset`: the permuted lines of a batch go
   * through one batched real FFT call (one wasm call for all of them), in buffers kept by
   * the plan for the next call.
   */
  runMany(data: Float64Array, offset: number, count: number, fct: number): void {
    const n = this.n;
    const half = (n >> 1) + 1;
    const { inIndex, inSign, outIndex, outRe, outIm } = this;
    const batch = Math.min(count, Math.max(1, Math.floor(BATCH_DOUBLES / (n + 2 * half))));
    if (this.lines.length < batch * n) {
      this.lines = new Float64Array(batch * n);
      this.spectra = new Float64Array(2 * half * batch);
    }
    const { lines: g, spectra } = this;
    for (let c0 = 0; c0 < count; c0 += batch) {
      const lines = Math.min(batch, count - c0);
      for (let c = 0; c < lines; c++) {
        const from = offset + (c0 + c) * n;
        const at = c * n;
        for (let j = 0; j < n; j++) g[at + inIndex[j]] = inSign[j] * data[from + j];
      }
      realForwardAlongAxis(g, [lines, n], 1, spectra, fct);
      for (let c = 0; c < lines; c++) {
        const to = offset + (c0 + c) * n;
        const at = 2 * c * half;
        for (let k = 0; k < n; k++) {
          const h = at + 2 * outIndex[k];
          data[to + k] = outRe[k] * spectra[h] + outIm[k] * spectra[h + 1];
        }
      }
    }
  }

  run(data: Float64Array, offset: number, fct: number): void {
    const { n, g, spectrum, inIndex, inSign, outIndex, outRe, outIm } = this;
    for (let j = 0; j < n; j++) g[inIndex[j]] = inSign[j] * data[offset + j];
    this.rp.forward(g, 0, spectrum, 0, fct);
    for (let k = 0; k < n; k++) {
      const h = 2 * outIndex[k];
      data[offset + k] = outRe[k] * spectrum[h] + outIm[k] * spectrum[h + 1];
    }
  }
}
