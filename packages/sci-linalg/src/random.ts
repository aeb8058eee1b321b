/**
 * Uniform random numbers for the randomized functions: a seeded xoshiro128** generator
 * (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4),
 * 2021), its state filled from the seed by a Weyl sequence through MurmurHash3's 32-bit
 * finalizer, or the caller's own source.
 */
import { describe } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';

/** A source of uniform numbers in [0, 1), like Math.random. */
export type UniformSource = () => number;

export interface RandomOptions {
  /** A non-negative integer: the same seed gives the same draws (default: Math.random). */
  seed?: number;
  /** Your own uniform source in [0, 1) instead of a seed (e.g. a seeded generator you keep). */
  rng?: UniformSource;
}

/** The uniform source that `seed` or `rng` name (Math.random when neither is given). */
export function uniformSource(options: RandomOptions): UniformSource {
  const { seed, rng } = options;
  if (seed !== undefined && rng !== undefined) {
    throw new InvalidArgumentError('Give a seed or an rng, not both.', { argument: 'rng', hint: 'Pass either { seed } or { rng }.' });
  }
  if (rng !== undefined) {
    if (typeof rng !== 'function') {
      throw new InvalidArgumentError(`'rng' must be a function returning numbers in [0, 1), got ${describe(rng)}.`, {
        argument: 'rng',
        hint: 'Pass a function like Math.random, or a seed.',
      });
    }
    return checkedSource(rng);
  }
  if (seed !== undefined) {
    if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
      throw new InvalidArgumentError(`'seed' must be a non-negative integer, got ${describe(seed)}.`, {
        argument: 'seed',
        hint: 'Pass a whole number from 0 to Number.MAX_SAFE_INTEGER.',
      });
    }
    return seededSource(seed);
  }
  return Math.random;
}

/** `rng` with each draw checked: a value outside [0, 1) would index outside the result. */
function checkedSource(rng: UniformSource): UniformSource {
  return () => {
    const u = rng();
    if (typeof u !== 'number' || !(u >= 0 && u < 1)) {
      throw new InvalidArgumentError(`'rng' returned ${describe(u)}, not a number in [0, 1).`, {
        argument: 'rng',
        hint: 'The function must return uniform numbers in [0, 1), as Math.random does.',
      });
    }
    return u;
  };
}

/** xoshiro128** seeded from the two 32-bit halves of `seed`; each draw takes 53 random bits. */
export function seededSource(seed: number): UniformSource {
  let x = (seed >>> 0) ^ 0x9e3779b9;
  let y = Math.floor(seed / 2 ** 32) >>> 0;
  // a Weyl sequence through MurmurHash3's finalizer spreads the seed over the state
  const mix = () => {
    x = (x + 0x9e3779b9 + y) | 0;
    y = (y + 0x7f4a7c15) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const s = Uint32Array.of(mix(), mix(), mix(), mix());
  // an all-zero state would stay zero
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  const next = () => {
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };
  return () => ((next() >>> 5) * 2 ** 26 + (next() >>> 6)) / 2 ** 53;
}

function rotl(v: number, k: number): number {
  return (v << k) | (v >>> (32 - k));
}
