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

/** SciPy's LAPACK driver names for eigh: accepted and checked as SciPy checks them; one algorithm serves them all. */
export type EighDriver = 'ev' | 'evd' | 'evr' | 'evx' | 'gv' | 'gvd' | 'gvx';

export interface EigvalshOptions extends FiniteOptions, OverwriteAOptions, OverwriteBOptions {
  /** Read the lower triangle of a (and b) (true, the default) or the upper one. */
  lower?: boolean;
  /** The generalized problem with b: 1 (A x = λ B x, default), 2 (A B x = λ x), 3 (B A x = λ x). */
  type?: 1 | 2 | 3;
  /** Only the eigenvalues of these ascending indices [first, last] (0-based, inclusive). */
  subsetByIndex?: readonly [number, number] | null;
  /** Only the eigenvalues in the half-open interval (low, high]. */
  subsetByValue?: readonly [number, number] | null;
  driver?: EighDriver | null;
}

export interface EighOptions extends EigvalshOptions {
  /** Return only the eigenvalues (default false). */
  eigvalsOnly?: boolean;
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

/** SciPy's `select` of the tridiagonal and banded solvers: all, by value (low, high], or by index [first, last]. */
export type EigenSelect = 'a' | 'v' | 'i' | 'all' | 'value' | 'index' | 0 | 1 | 2;

export interface Selection {
  /** 0: all, 1: by value, 2: by index (SciPy's codes). */
  readonly kind: 0 | 1 | 2;
  readonly low: number;
  readonly high: number;
}

const SELECT_CODES: Readonly<Record<string, 0 | 1 | 2>> = { a: 0, all: 0, v: 1, value: 1, i: 2, index: 2, '0': 0, '1': 1, '2': 2 };

/** SciPy's `_check_select`: the selection, checked against the order n. */
export function readSelect(select: unknown, selectRange: unknown, n: number): Selection {
  const code = select === undefined ? 0 : SELECT_CODES[typeof select === 'string' ? select.toLowerCase() : String(select)];
  if (code === undefined || (typeof select !== 'string' && typeof select !== 'number' && select !== undefined)) {
    throw new InvalidArgumentError(`invalid argument for select: ${describe(select)}.`, {
      argument: 'select',
      hint: "Use 'a' (all), 'v' (by value) or 'i' (by index).",
    });
  }
  if (code === 0) return { kind: 0, low: 0, high: 0 };
  const range = selectRange instanceof Object && Symbol.iterator in selectRange ? Array.from(selectRange as Iterable<unknown>) : null;
  if (range === null || range.length !== 2 || !range.every((x) => typeof x === 'number') || (range[1] as number) < (range[0] as number)) {
    throw new InvalidArgumentError('select_range must be a 2-element array-like in nondecreasing order.', {
      argument: 'selectRange',
      hint: "Pass [low, high] for select 'v', [first, last] for select 'i'.",
    });
  }
  const [low, high] = range as [number, number];
  if (code === 2) {
    if (!Number.isInteger(low) || !Number.isInteger(high)) {
      throw new InvalidArgumentError('when using select="i", select_range must contain integers.', {
        argument: 'selectRange',
        hint: 'Pass 0-based integer indices [first, last].',
      });
    }
    if (low < 0 || high > n - 1) {
      throw new InvalidArgumentError('select_range out of bounds.', { argument: 'selectRange', hint: `Indices run from 0 to ${n - 1}.` });
    }
  } else if (!(low < high)) {
    // LAPACK's stebz/sbevx refuse an empty interval (VL >= VU)
    throw new InvalidArgumentError('illegal value in select_range: the interval (low, high] is empty.', {
      argument: 'selectRange',
      hint: 'Pass low < high.',
    });
  }
  return { kind: code, low, high };
}

/** The indices of the ascending eigenvalues w that a selection keeps. */
export function selectedIndices(w: ArrayLike<number>, selection: Selection): number[] {
  const all = Array.from({ length: w.length }, (_, i) => i);
  if (selection.kind === 0) return all;
  if (selection.kind === 2) return all.slice(selection.low, selection.high + 1);
  return all.filter((i) => w[i] > selection.low && w[i] <= selection.high);
}
