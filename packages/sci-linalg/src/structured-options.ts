/**
 * Options of the Toeplitz and circulant functions: solveToeplitz, solveCirculant, matmulToeplitz.
 */
import type { DispatchOptions } from '@sciport/dispatch-core';
import type { FiniteOptions } from './options.js';

/**
 * The first column c of a Toeplitz matrix, or SciPy's tuple (c, r) as a JS array `[c, r]` of
 * two arrays (r[0] is ignored; without r, r = conj(c)).
 */
export type ToeplitzSpec = unknown | readonly [unknown, unknown];

export interface SolveToeplitzOptions extends FiniteOptions {}

export interface MatmulToeplitzOptions extends DispatchOptions {
  /** Check the inputs for infs and NaNs (default false, as SciPy's matmul_toeplitz). */
  checkFinite?: boolean;
  /** SciPy's FFT `workers`: accepted (null or an integer) and unused; the host FFT is single-threaded. */
  workers?: number | null;
}

export interface SolveCirculantOptions extends DispatchOptions {
  /** 'raise' (default): a near-singular circulant matrix is a LinAlgError; 'lstsq': the least-squares solution. */
  singular?: 'raise' | 'lstsq';
  /** |fft(c)| ≤ tol counts as zero (default max|fft(c)|·n·ε of float64, as SciPy). */
  tol?: number | null;
  /** Axis of c holding the circulant's first column (default -1). */
  caxis?: number;
  /** Axis of b holding the right-hand side vectors (default 0). */
  baxis?: number;
  /** Axis of the result holding the solution vectors (default 0). */
  outaxis?: number;
}
