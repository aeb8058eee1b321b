/** Generated bad input on chunked arrays over worker threads: typed errors naming the argument, or a readable result. */
import { type Cluster, cluster } from '@sciport/backend-cluster';
import { fuzzSuite } from '@sciport/conformance/node';
import { afterAll, beforeAll } from 'vitest';
import { chunkedFactory } from './helpers/factory.js';

let c: Cluster;
beforeAll(async () => {
  c = await cluster.local({ workers: 2 });
});
afterAll(async () => {
  await c.close();
});

fuzzSuite(chunkedFactory('chunked (worker threads)', () => c), { numRuns: 150, dtypes: ['float64', 'complex128', 'float32'] });
