/**
 * Options of the band-matrix functions: solveBanded, solvehBanded, choleskyBanded, choSolveBanded.
 */
import type { FiniteOptions, OverwriteBOptions } from './options.js';

/** SciPy's `overwrite_ab`: accepted; sciport never writes into an input. */
export interface OverwriteAbOptions {
  overwriteAb?: boolean;
}

export interface SolveBandedOptions extends FiniteOptions, OverwriteAbOptions, OverwriteBOptions {}

export interface SolvehBandedOptions extends SolveBandedOptions {
  /** `ab` holds the diagonal and the subdiagonals (lower form) instead of the superdiagonals; default false. */
  lower?: boolean;
}

export interface CholeskyBandedOptions extends FiniteOptions, OverwriteAbOptions {
  /** Factor the lower form (A = L Lᴴ) instead of the upper one (A = Uᴴ U); default false. */
  lower?: boolean;
}

export interface ChoSolveBandedOptions extends FiniteOptions, OverwriteBOptions {}
