/**
 * Option types of the eigenvalue and Schur functions (SciPy's keyword arguments, camelCase)
 * and the checks they share.
 */
import { describe } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import type { FiniteOptions, OverwriteAOptions, OverwriteBOptions } from './options.js';

export interface HessenbergOptions extends FiniteOptions, OverwriteAOptions {
  /** Also return Q with a = Q H Qᴴ (default false). */
  calcQ?: boolean;
}

/**
 * An eigenvalue-selection rule: 'lhp' (Re λ < 0), 'rhp' (Re λ ≥ 0), 'iuc' (|λ| ≤ 1), 'ouc'
 * (|λ| > 1), or a callback. For a real Schur form the callback receives (re, im); for a
 * complex one, (re, im) as well (SciPy passes one complex number, JavaScript has none).
 */
export type EigenvalueSort = 'lhp' | 'rhp' | 'iuc' | 'ouc' | ((re: number, im: number) => boolean);

export interface SchurOptions extends FiniteOptions, OverwriteAOptions {
  /** 'real' (quasi-triangular T for real input; default) or 'complex' ('r', 'c' too). */
  output?: 'real' | 'complex' | 'r' | 'c';
  /** SciPy's work-array size: checked as LAPACK's gees checks it, otherwise unused. */
  lwork?: number | null;
  /** Move the eigenvalues the rule selects to the top left; the result gains sdim. */
  sort?: EigenvalueSort | null;
}

export interface EigOptions extends FiniteOptions, OverwriteAOptions, OverwriteBOptions {
  /** Also return the left eigenvectors (default false). */
  left?: boolean;
  /** Return the right eigenvectors (default true). */
  right?: boolean;
  /** Return eigenvalues as (α, β) pairs, shape [..., 2, N] (default false). */
  homogeneousEigvals?: boolean;
}

export interface EigvalsOptions extends FiniteOptions, OverwriteAOptions, OverwriteBOptions {
  homogeneousEigvals?: boolean;
}

/** The SciPy name of a rule, checked; callbacks pass through. */
export function checkSort(value: unknown): EigenvalueSort | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'function') return value as EigenvalueSort;
  if (value === 'lhp' || value === 'rhp' || value === 'iuc' || value === 'ouc') return value;
  throw new InvalidArgumentError(`'sort' parameter must either be null, or a callable, or one of ('lhp','rhp','iuc','ouc'), got ${describe(value)}.`, {
    argument: 'sort',
    hint: "Pass 'lhp', 'rhp', 'iuc', 'ouc' or a function (re, im) => boolean.",
  });
}

/** The predicate of a sort rule on an eigenvalue re + i·im. */
export function sortPredicate(sort: EigenvalueSort): (re: number, im: number) => boolean {
  switch (sort) {
    case 'lhp':
      return (re) => re < 0;
    case 'rhp':
      return (re) => re >= 0;
    case 'iuc':
      return (re, im) => Math.hypot(re, im) <= 1;
    case 'ouc':
      return (re, im) => Math.hypot(re, im) > 1;
    default:
      return (re, im) => Boolean(sort(re, im));
  }
}
