/** The options of the Fourier filters (SciPy's keyword arguments) and their key list. */
import type { NDArray } from '@sciport/array-api';
import type { DispatchOptions } from '@sciport/dispatch-core';

/** fourierGaussian, fourierUniform, fourierEllipsoid, fourierShift. */
export interface FourierOptions extends DispatchOptions {
  /**
   * -1 (default): the input is a full (complex) FFT along every axis. n ≥ 1: the input's
   * `axis` is the halved axis of a real FFT (rfft) of a signal of length n.
   */
  n?: number;
  /** The axis of the real FFT when n ≥ 1 (default -1). */
  axis?: number;
  /**
   * A dtype name ('float32', 'float64', 'complex64', 'complex128'; only the complex ones for
   * fourierShift) or an array of the input's shape to fill.
   */
  output?: 'float32' | 'float64' | 'complex64' | 'complex128' | NDArray | null;
}

export const FOURIER_KEYS: readonly string[] = Object.freeze(['n', 'axis', 'output', 'backend']);
