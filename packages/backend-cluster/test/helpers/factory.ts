import { type ChunkedArray, type Cluster, chunked } from '@sciport/backend-cluster';
import type { NDArray } from '@sciport/array-api';
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
    read: (result: unknown) => (result as ChunkedArray).toHost(),
  };
}
