/**
 * Options of the least-squares and subspace functions (lstsq, pinv, nullSpace, orth, polar,
 * orthogonalProcrustes) and the checks they share.
 */
import { describe } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import type { FiniteOptions, OverwriteAOptions, OverwriteBOptions } from './options.js';

export type LstsqDriver = 'gelsd' | 'gelsy' | 'gelss';

export interface LstsqOptions extends FiniteOptions, OverwriteAOptions, OverwriteBOptions {
  /** Singular values s ≤ cond·s[0] count as zero (default: the working precision's ε; a negative value means ε too, as LAPACK). */
  cond?: number | null;
  /** SciPy's LAPACK routine: 'gelsd' (default) or 'gelss' (singular values returned) or 'gelsy' (s is null). */
  lapackDriver?: LstsqDriver;
}

export interface PinvOptions extends FiniteOptions {
  /** Absolute threshold on the singular values (default 0). */
  atol?: number | null;
  /** Relative threshold (default max(M, N)·ε); singular values ≤ atol + rtol·max(s) are dropped. */
  rtol?: number | null;
  /** Also return the effective rank: [pinv, rank] (default false). */
  returnRank?: boolean;
}

export interface OrthOptions {
  /** Singular values ≤ rcond·max(s) count as zero (default ε·max(M, N)). */
  rcond?: number | null;
}

export interface NullSpaceOptions extends OrthOptions, FiniteOptions, OverwriteAOptions {
  /** SciPy's SVD routine, 'gesdd' (default) or 'gesvd': the same decomposition here. */
  lapackDriver?: 'gesdd' | 'gesvd';
}

export interface PolarOptions {
  /** 'right' (a = u p, the default) or 'left' (a = p u). */
  side?: 'right' | 'left';
}

export interface ProcrustesOptions extends FiniteOptions {}

/** A threshold option: a number, or null/undefined for the default. */
export function checkThreshold(value: unknown, argument: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && !Number.isNaN(value)) return value;
  throw new InvalidArgumentError(`'${argument}' must be a number or null, got ${describe(value)}.`, {
    argument,
    hint: 'Pass a number, or leave it out for the default.',
  });
}

/** One of `allowed`, or `fallback` when undefined; `message` is SciPy's wording for anything else. */
export function checkChoice<T extends string>(value: unknown, allowed: readonly T[], fallback: T, argument: string, message: string): T {
  if (value === undefined) return fallback;
  if (allowed.includes(value as T)) return value as T;
  throw new InvalidArgumentError(`${message} (got ${describe(value)}).`, {
    argument,
    hint: `Use one of ${allowed.map((v) => `'${v}'`).join(', ')}.`,
  });
}
