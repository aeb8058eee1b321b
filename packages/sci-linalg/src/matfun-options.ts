/** Option types of the matrix functions (matfun/) and the matrix equations (equations/). */
import type { DispatchOptions } from '@sciport/dispatch-core';
import type { FiniteOptions } from './options.js';

/** expmFrechet's algorithm: 'SPS' (Al-Mohy & Higham's scaling–Padé–squaring, the default) or 'blockEnlarge'. */
export type FrechetMethod = 'SPS' | 'blockEnlarge';

export interface ExpmFrechetOptions extends FiniteOptions {
  /** 'SPS' (default) or 'blockEnlarge' (the exponential of the 2n×2n block matrix [[A, E], [0, A]]). */
  method?: FrechetMethod | null;
  /** Return [expm(A), L(A, E)] (default true) instead of L(A, E) alone. */
  computeExpm?: boolean;
}

export type ExpmCondOptions = FiniteOptions;

/** solveDiscreteLyapunov's method: 'direct' (Kronecker system) or 'bilinear' (via a continuous equation); any case. */
export type DiscreteLyapunovMethod = 'direct' | 'bilinear';

export interface DiscreteLyapunovOptions extends DispatchOptions {
  /** Default: 'direct' below order 10, 'bilinear' from there (as SciPy). */
  method?: DiscreteLyapunovMethod | null;
}

export interface FunmOptions extends DispatchOptions {
  /** Return F alone (default true) or [F, err] with SciPy's error estimate; sciport never prints. */
  disp?: boolean;
}

export interface SqrtmOptions extends DispatchOptions {
  /** Return X alone (default true) or [X, ‖X² − A‖²_F / ‖A‖_F] (deprecated in SciPy 1.16). */
  disp?: boolean;
  /** Unused, as in SciPy 1.17 (deprecated there); must be a positive integer when given. */
  blocksize?: number;
}

export interface AreOptions extends DispatchOptions {
  /** The descriptor matrix E (n×n, nonsingular); default the identity. */
  e?: unknown;
  /** The cross term S (n×m); default zero. */
  s?: unknown;
  /** SciPy's balancing of the pencil: accepted (a boolean) and not needed by sciport's iterations (see the README). */
  balanced?: boolean;
}
