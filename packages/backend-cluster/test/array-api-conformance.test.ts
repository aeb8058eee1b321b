/** The Array API reference suite (NumPy fixtures, every dtype) on chunked arrays over worker threads. */
import { type Cluster, cluster } from '@sciport/backend-cluster';
import { arrayApiSuite } from '@sciport/conformance/node';
import { afterAll, beforeAll } from 'vitest';
import { chunkedFactory } from './helpers/factory.js';

let c: Cluster;
beforeAll(async () => {
  c = await cluster.local({ workers: 2 });
});
afterAll(async () => {
  await c.close();
});

arrayApiSuite(chunkedFactory('chunked (worker threads)', () => c), {
  exclude: [
    // Not on chunked arrays by design: data-dependent output shapes (NotSupportedError),
    ...['nonzero', 'uniqueAll', 'uniqueCounts', 'uniqueInverse', 'uniqueValues', 'repeat[per-element]'],
    // basic indexing (ChunkedArray has no slice method), and take with n-D indices (a NumPy
    // extension: the standard's take wants 1-D indices; the chunked one throws InvalidArgumentError).
    'slice',
    'take[nd-indices]',
  ],
});
