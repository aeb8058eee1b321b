/** Options of the ndimage reference suite, shared by its sections (fixtures, properties, bad input). */
import type { DType } from '@sciport/array-api';

export interface NdimageSuiteTolerance {
  /** Norm-wise relative tolerance for float64/complex128 results (default 1e-13). */
  readonly float64?: number;
  /** The same for float32/complex64 results (default 1e-6). */
  readonly float32?: number;
}

export interface NdimageSuiteOptions {
  /** Only these functions (names as exported, e.g. 'correlate', 'gaussianFilter'); applies inside every section. */
  readonly include?: readonly string[];
  /** Leave these functions out, or the sections 'properties' / 'bad-input'. */
  readonly exclude?: readonly string[];
  /** Tolerances for floating results; integer results and the min/max filters are always compared exactly. */
  readonly tolerance?: NdimageSuiteTolerance;
  /** Input dtypes to run (default: the factory's, else all). */
  readonly dtypes?: readonly DType[];
  /**
   * Functions whose cases of a fixture file are not run, by file name (e.g. `{ nonfinite:
   * ['uniformFilter'] }`): a backend whose results differ there by design, as its README says.
   */
  readonly skipFixtures?: Readonly<Record<string, readonly string[]>>;
  /**
   * The `output` dtypes the backend produces (default: all): fixture cases that name another
   * `output` dtype are not run, for a backend that declines them by design (as its README says).
   */
  readonly outputDtypes?: readonly DType[];
}

export const DEFAULT_NDIMAGE_TOLERANCE = { float64: 1e-13, float32: 1e-6 } as const;

export { isSelected } from './fixture-groups.js';
