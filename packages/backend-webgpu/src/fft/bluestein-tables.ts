import type { Runtime } from '../runtime.js';
import { hostFFTPow2 } from './host-fft.js';
import { cachedTable, type TableEntry } from './plan.js';

export interface BluesteinTables {
  /** Convolution length: the power of two ≥ 2n − 1. */
  readonly m: number;
  /** w_j = exp(−sign·iπ j²/n), j < n. */
  readonly chirp: TableEntry;
  /** FFT_m of the circular conj(w) kernel, divided by m (the inverse transform's scale). */
  readonly kernel: TableEntry;
}

/** Chirp angle −sign·π·j²/n with j² reduced mod 2n exactly (BigInt past 2^53). */
function chirpAngle(j: number, n: number, sign: number): number {
  const sq = j * j;
  const r = Number.isSafeInteger(sq) ? sq % (2 * n) : Number((BigInt(j) * BigInt(j)) % BigInt(2 * n));
  return (-sign * Math.PI * r) / n;
}

export function bluesteinTables(rt: Runtime, n: number, sign: 1 | -1): BluesteinTables {
  const m = 2 ** Math.ceil(Math.log2(2 * n - 1));
  const chirp = cachedTable(rt, `bluestein-chirp:${n}:${sign}`, () => {
    const out = new Float32Array(2 * n);
    for (let j = 0; j < n; j++) {
      const a = chirpAngle(j, n, sign);
      out[2 * j] = Math.cos(a);
      out[2 * j + 1] = Math.sin(a);
    }
    return out;
  });
  const kernel = cachedTable(rt, `bluestein-kernel:${n}:${sign}`, () => {
    const re = new Float64Array(m);
    const im = new Float64Array(m);
    for (let j = 0; j < n; j++) {
      const a = -chirpAngle(j, n, sign); // conj(w_j)
      re[j] = Math.cos(a);
      im[j] = Math.sin(a);
      if (j > 0) {
        re[m - j] = re[j];
        im[m - j] = im[j];
      }
    }
    hostFFTPow2(re, im);
    const out = new Float32Array(2 * m);
    for (let k = 0; k < m; k++) {
      out[2 * k] = re[k] / m;
      out[2 * k + 1] = im[k] / m;
    }
    return out;
  });
  return { m, chirp, kernel };
}
