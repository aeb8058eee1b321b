/** The shared sciport.fft suite (SciPy fixtures, properties, bad input) on chunked arrays over worker threads. */
import { type Cluster, cluster } from '@sciport/backend-cluster';
import { fftSuite } from '@sciport/conformance/node';
import { afterAll, beforeAll } from 'vitest';
import { chunkedFactory } from './helpers/factory.js';

let c: Cluster;
beforeAll(async () => {
  c = await cluster.local({ workers: 2 });
});
afterAll(async () => {
  await c.close();
});

fftSuite(chunkedFactory('chunked (worker threads)', () => c));
