/** Options of the fft reference suite, shared by its sections (fixtures, properties, bad input). */
import type { DType } from '@sciport/array-api';

export interface FFTSuiteTolerance {
  /** Norm-wise relative tolerance for float64/complex128 results, per log2(N) (default 1e-14). */
  readonly float64?: number;
  /** The same for float32/complex64 results (default 2e-6). */
  readonly float32?: number;
}

export interface FFTSuiteOptions {
  /** Only these functions (names as exported, e.g. 'fft', 'dctn', 'fftshift'); applies inside every section. */
  readonly include?: readonly string[];
  /** Leave these functions out, or the sections 'properties' / 'bad-input'. */
  readonly exclude?: readonly string[];
  readonly tolerance?: FFTSuiteTolerance;
  /** Input dtypes to run (default: the factory's, else all). */
  readonly dtypes?: readonly DType[];
}
