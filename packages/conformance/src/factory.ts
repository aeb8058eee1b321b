/**
 * How a suite makes arrays of a backend's kind and reads results back: the one thing a
 * backend supplies to run the reference suites on its arrays.
 */
import type { DType, NDArray } from '@sciport/array-api';

export interface ArrayFactory {
  /** Shown in test names, e.g. 'host', 'webgpu', 'cluster'. */
  readonly name: string;
  /** An array of the backend's kind holding the same values as `host`. */
  make(host: NDArray): unknown;
  /** A result (of the backend's kind) back on the host. */
  read(result: unknown): Promise<NDArray>;
  /** Input dtypes the backend takes (default: all); cases with other inputs are not registered. */
  readonly dtypes?: readonly DType[];
}

/** Host arrays: the reference factory (`make` is the identity). */
export const hostFactory: ArrayFactory = {
  name: 'host',
  make: (host) => host,
  read: async (result) => result as NDArray,
};
