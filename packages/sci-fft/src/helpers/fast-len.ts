/**
 * nextFastLen / prevFastLen with SciPy's semantics (pocketfft's `good_size` /
 * `prev_good_size`): a "fast" length has only the prime factors 2, 3, 5, 7, 11 for
 * complex transforms and 2, 3, 5 for real ones (`real: true`); lengths up to 12 (complex)
 * or 6 (real) count as fast as they are.
 *
 * The search walks every product of the odd primes below the bound and scales it by the
 * power of two that brings it closest to the target. Lengths stay below 2^53 so every
 * intermediate value is an exact double; targets above 2^52 are rejected.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { describe } from '../options.js';

const MAX_TARGET = 2 ** 52;

function checkTarget(target: unknown): number {
  if (typeof target !== 'number' || !Number.isInteger(target) || target < 0) {
    throw new InvalidArgumentError(`target must be a non-negative integer, got ${describe(target)}.`, {
      argument: 'target',
      hint: 'Pass the length you want to transform.',
    });
  }
  if (target > MAX_TARGET) {
    throw new InvalidArgumentError(`Target length ${target} is too large to perform an FFT here (at most 2^52).`, {
      argument: 'target',
      hint: 'Transform lengths must stay exactly representable as JavaScript numbers.',
    });
  }
  return target;
}

function readReal(real: boolean | { real?: boolean } | undefined): boolean {
  if (real === undefined) return false;
  if (typeof real === 'boolean') return real;
  if (typeof real === 'object' && real !== null) {
    for (const key of Object.keys(real)) {
      if (key !== 'real') throw new InvalidArgumentError(`Unknown option '${key}'.`, { argument: key, hint: 'The only option is real.' });
    }
    if (real.real === undefined || typeof real.real === 'boolean') return real.real ?? false;
  }
  throw new InvalidArgumentError(`real must be a boolean, got ${describe(real)}.`, {
    argument: 'real',
    hint: 'true when the transform has real input or output (rfft, irfft, dct…).',
  });
}

/** Every product of the given odd primes that is below `bound`, passed to `visit`. */
function forEachOddSmooth(primes: readonly number[], bound: number, visit: (f: number) => void): void {
  const walk = (index: number, f: number): void => {
    if (index === primes.length) {
      visit(f);
      return;
    }
    for (let g = f; g < bound; g *= primes[index]) walk(index + 1, g);
  };
  walk(0, 1);
}

function oddPrimes(real: boolean): number[] {
  return real ? [3, 5] : [3, 5, 7, 11];
}

/** Smallest fast length >= target (SciPy's `next_fast_len(target, real)`). */
export function nextFastLen(target: number, real?: boolean | { real?: boolean }): number {
  const n = checkTarget(target);
  const isReal = readReal(real);
  if (n <= (isReal ? 6 : 12)) return n;
  let best = 2 * n; // a power of two in [n, 2n) always exists
  forEachOddSmooth(oddPrimes(isReal), best, (f) => {
    let x = f;
    while (x < n) x *= 2;
    if (x < best) best = x;
  });
  return best;
}

/** Largest fast length <= target (SciPy's `prev_fast_len(target, real)`). */
export function prevFastLen(target: number, real?: boolean | { real?: boolean }): number {
  const n = checkTarget(target);
  const isReal = readReal(real);
  if (n <= (isReal ? 6 : 12)) return n;
  let best = 1;
  forEachOddSmooth(oddPrimes(isReal), n + 1, (f) => {
    let x = f;
    while (x * 2 <= n) x *= 2;
    if (x > best) best = x;
  });
  return best;
}
