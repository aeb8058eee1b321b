/**
 * Which wasm algorithm serves a length: cache-blocked four-step for n >= 2^20, Rader for
 * primes with smooth n-1, Bluestein for other large prime factors, mixed radix otherwise.
 */
import { goodSizeWasm, largestPrimeFactor, useBluestein, wasmMixedRadixCost } from '../factorize.js';
import { resident } from './resident.js';
import type { FftWasmExports } from './runtime.js';
import { WasmBluestein, type WasmCore, WasmFourStep, WasmMixedRadix, WasmRader } from './wasm-complex.js';

/** Lengths from which the cache-blocked four-step algorithm beats plain passes (measured). */
const FOUR_STEP_MIN = 1 << 20;

/** The divisor of n closest to sqrt(n), or 0 when n has a prime factor too large for it. */
function fourStepSplit(n: number): number {
  if (n < FOUR_STEP_MIN || largestPrimeFactor(n) > 64) return 0;
  const root = Math.sqrt(n);
  let best = 1;
  for (let d = 1; d <= root; d++) if (n % d === 0) best = d;
  return best >= 16 ? best : 0;
}

/**
 * Rader instead of Bluestein for a prime n whose n-1 transforms fast (65537: n-1 = 2^16):
 * two FFTs of length n-1 against Bluestein's two of length >= 2n-1.
 */
function useRader(n: number): boolean {
  if (n < 50 || n >= 2 ** 26 || largestPrimeFactor(n) !== n) return false;
  if (largestPrimeFactor(n - 1) > 13) return false;
  return wasmMixedRadixCost(n - 1) < wasmMixedRadixCost(goodSizeWasm(2 * n - 1));
}

/** A new (uncached) wasm core for length n: four-step, Bluestein or mixed radix. */
export function makeWasmCore(n: number, k: FftWasmExports): WasmCore {
  const split = fourStepSplit(n);
  if (split > 0) return new WasmFourStep(n, split);
  if (useRader(n)) return new WasmRader(n, k, (len) => makeWasmCore(len, k));
  if (useBluestein(n)) return new WasmBluestein(n, k, (len) => makeWasmCore(len, k));
  return new WasmMixedRadix(n);
}

/** The cached wasm core for length n; k must be the loaded kernels. */
export function wasmComplexCore(n: number, k: FftWasmExports): WasmCore {
  return resident(`c${n}`, () => makeWasmCore(n, k));
}

