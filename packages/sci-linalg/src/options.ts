/**
 * Option types of the solvers and decompositions, and the checks every function shares.
 */
import type { DispatchOptions } from '@sciport/dispatch-core';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { checkBoolean, describe, readOptions } from '@sciport/array-api/kit';
import { linalgFunction } from './table.js';

/** Options every solver and decomposition takes: SciPy's `check_finite` and `overwrite_*`. */
export interface FiniteOptions extends DispatchOptions {
  /** Check that the inputs hold only finite numbers (default true): a NaN/Inf is an InvalidArgumentError. */
  checkFinite?: boolean;
}

/** SciPy's `overwrite_a`: accepted; sciport never writes into an input. */
export interface OverwriteAOptions {
  overwriteA?: boolean;
}
export interface OverwriteBOptions {
  overwriteB?: boolean;
}

/** The options of `fn` after checking the keys against its table row. */
export function readFunctionOptions<T extends object>(options: T | undefined, fn: string): Partial<T> {
  const o = readOptions(options, linalgFunction(fn).options, fn) as Record<string, unknown>;
  // overwrite_* are hints in SciPy too; they must still be booleans
  for (const key of ['overwriteA', 'overwriteB']) if (key in o) checkBoolean(o[key], key, false);
  return o as Partial<T>;
}

/** SciPy's `trans`: 0/'N' (A x = b), 1/'T' (Aᵀ x = b), 2/'C' (Aᴴ x = b). */
export type Trans = 0 | 1 | 2 | 'N' | 'T' | 'C';

export function checkTrans(value: unknown): 0 | 1 | 2 {
  if (value === undefined) return 0;
  const index = ([0, 1, 2, 'N', 'T', 'C'] as unknown[]).indexOf(value);
  if (index < 0) {
    throw new InvalidArgumentError(`Invalid trans ${describe(value)}.`, {
      argument: 'trans',
      hint: "Use 0 or 'N' (a x = b), 1 or 'T' (aᵀ x = b), 2 or 'C' (aᴴ x = b).",
    });
  }
  return (index % 3) as 0 | 1 | 2;
}
