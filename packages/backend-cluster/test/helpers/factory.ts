import { type ChunkedArray, type Cluster, chunked } from '@sciport/backend-cluster';
import { NDArray } from '@sciport/array-api';
import type { ArrayFactory } from '@sciport/conformance';

/** About two blocks per axis, so every transform crosses block boundaries. */
export function twoBlocksPerAxis(shape: readonly number[]): number[] {
  return shape.map((n) => Math.max(1, Math.ceil(n / 2)));
}

/** Chunked arrays on the cluster `get()` returns (set up in beforeAll), in blocks of `chunks(shape)`. */
export function chunkedFactory(name: string, get: () => Cluster, chunks: (shape: readonly number[]) => number[] = twoBlocksPerAxis): ArrayFactory {
  return {
    name,
    make: (host: NDArray) => chunked(host, { chunks: chunks(host.shape), cluster: get() }),
    // measurements give host arrays (in a Promise the suites await)
    read: async (result: unknown) => (result instanceof NDArray ? result : (result as ChunkedArray).toHost()),
  };
}
