/**
 * nextFastLen / prevFastLen with SciPy's semantics (pocketfft's `good_size` /
 * `prev_good_size`): a "fast" length has only the prime factors 2, 3, 5, 7, 11 for
 * complex transforms and 2, 3, 5 for real ones (`real: true`); lengths up to 12 (complex)
 * or 6 (real) count as fast as they are.
 *
 * The search walks every product of the odd primes below the bound and scales it by the
 * power of two that brings it closest to the target. A number target must be a safe
 * integer (the answer then is one too: at most 2^53, a power of two); it is searched in
 * doubles up to 2^52, where every intermediate product is exact, and in BigInt above.
 * A BigInt target gives a BigInt answer, up to SciPy's own limit (⌊(2^64-1)/11⌋ + 1).
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { describe } from '../options.js';

/** Largest target searched in doubles: products below 2·2^52 are exact. */
const MAX_DOUBLE_SEARCH = 2 ** 52;
/** SciPy's (pocketfft's) largest accepted target: beyond it a 64-bit size_t search could overflow. */
const MAX_TARGET = (2n ** 64n - 1n) / 11n + 1n;

type Target = number | bigint;

function checkTarget(target: unknown): Target {
  if (typeof target === 'number' && Number.isInteger(target) && !Number.isSafeInteger(target)) {
    throw new InvalidArgumentError(`target ${target} is above 2^53 - 1, where numbers are no longer exact integers.`, {
      argument: 'target',
      hint: `Pass the target as a BigInt (e.g. ${BigInt(target)}n); the answer is then a BigInt too.`,
    });
  }
  if (!(typeof target === 'bigint' || (typeof target === 'number' && Number.isInteger(target)))) {
    throw new InvalidArgumentError(`target must be an integer (a number or a BigInt), got ${describe(target)}.`, {
      argument: 'target',
      hint: 'Pass the length you want to transform.',
    });
  }
  if (target < 0) {
    throw new InvalidArgumentError(`Target length must be positive, got ${target}.`, {
      argument: 'target',
      hint: 'Pass the length you want to transform (0 or more).',
    });
  }
  if (BigInt(target) > MAX_TARGET) {
    throw new InvalidArgumentError(`Target length ${target} is too large to perform an FFT (at most ${MAX_TARGET}, as in SciPy).`, {
      argument: 'target',
      hint: 'Pass a smaller target.',
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

/** BigInt has no mixed arithmetic with numbers: the search runs on one of two arithmetics. */
interface Arithmetic<T extends number | bigint> {
  readonly one: T;
  readonly two: T;
  readonly mul: (x: T, y: T) => T;
  readonly add: (x: T, y: T) => T;
  readonly primes: (real: boolean) => T[];
}
const DOUBLES: Arithmetic<number> = {
  one: 1,
  two: 2,
  mul: (x, y) => x * y,
  add: (x, y) => x + y,
  primes: (real) => (real ? [3, 5] : [3, 5, 7, 11]),
};
const BIGINTS: Arithmetic<bigint> = {
  one: 1n,
  two: 2n,
  mul: (x, y) => x * y,
  add: (x, y) => x + y,
  primes: (real) => (real ? [3n, 5n] : [3n, 5n, 7n, 11n]),
};

/** Every product of the odd primes (for `real` or complex) that is below `bound`, passed to `visit`. */
function forEachOddSmooth<T extends number | bigint>(a: Arithmetic<T>, real: boolean, bound: T, visit: (f: T) => void): void {
  const primes = a.primes(real);
  const walk = (index: number, f: T): void => {
    if (index === primes.length) {
      visit(f);
      return;
    }
    for (let g = f; g < bound; g = a.mul(g, primes[index])) walk(index + 1, g);
  };
  walk(0, a.one);
}

function nextSmooth<T extends number | bigint>(n: T, real: boolean, a: Arithmetic<T>): T {
  let best = a.mul(n, a.two); // a power of two in [n, 2n) always exists
  forEachOddSmooth(a, real, best, (f) => {
    let x = f;
    while (x < n) x = a.mul(x, a.two);
    if (x < best) best = x;
  });
  return best;
}

function prevSmooth<T extends number | bigint>(n: T, real: boolean, a: Arithmetic<T>): T {
  let best = a.one;
  forEachOddSmooth(a, real, a.add(n, a.one), (f) => {
    let x = f;
    while (a.mul(x, a.two) <= n) x = a.mul(x, a.two);
    if (x > best) best = x;
  });
  return best;
}

/** Runs `search` on `target` in doubles where that is exact, else in BigInt; the answer has the target's type. */
function searchFor(target: Target, real: boolean, search: <T extends number | bigint>(n: T, real: boolean, a: Arithmetic<T>) => T): Target {
  if (target <= (real ? 6 : 12)) return target;
  if (typeof target === 'number') {
    return target <= MAX_DOUBLE_SEARCH ? search(target, real, DOUBLES) : Number(search(BigInt(target), real, BIGINTS));
  }
  return search(target, real, BIGINTS);
}

/**
 * Smallest fast length >= target (SciPy's `next_fast_len(target, real)`). A number target
 * (a safe integer) gives a number, a BigInt target a BigInt.
 */
export function nextFastLen(target: number, real?: boolean | { real?: boolean }): number;
export function nextFastLen(target: bigint, real?: boolean | { real?: boolean }): bigint;
export function nextFastLen(target: number | bigint, real?: boolean | { real?: boolean }): number | bigint {
  const n = checkTarget(target);
  return searchFor(n, readReal(real), nextSmooth);
}

/**
 * Largest fast length <= target (SciPy's `prev_fast_len(target, real)`). A number target
 * (a safe integer) gives a number, a BigInt target a BigInt.
 */
export function prevFastLen(target: number, real?: boolean | { real?: boolean }): number;
export function prevFastLen(target: bigint, real?: boolean | { real?: boolean }): bigint;
export function prevFastLen(target: number | bigint, real?: boolean | { real?: boolean }): number | bigint {
  const n = checkTarget(target);
  return searchFor(n, readReal(real), prevSmooth);
}
