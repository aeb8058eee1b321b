/**
 * linalg on chunked stacks whose blocks live in Redis and run on two `sciport-worker`
 * processes (a real redis-server on loopback): inv (errors found on a worker come back as
 * LinAlgError) and cholesky (options reach the workers), their SciPy fixtures on float64
 * input (every claimed function and dtype runs on worker threads in linalg-local.test.ts).
 */
import { clusterBackend } from '@sciport/backend-cluster';
import { claimedFunctions, linalgSuite } from '@sciport/conformance/node';
import { LINALG_DOMAIN } from '@sciport/linalg';
import { expect, it } from 'vitest';
import { chunkedFactory } from './helpers/factory.js';
import { redisClusterForSuite } from './helpers/redis-suite.js';

const redisCluster = redisClusterForSuite();

const SELECTION = ['inv', 'cholesky'];

it('the selection is claimed by the cluster', () => {
  expect(claimedFunctions(clusterBackend, LINALG_DOMAIN)).toEqual(expect.arrayContaining(SELECTION));
});

linalgSuite(chunkedFactory('chunked stacks (Redis, 2 sciport-worker processes)', redisCluster, (shape) => shape.map((n, d) => (d < shape.length - 2 ? 1 : Math.max(1, n)))), {
  include: SELECTION,
  dtypes: ['float64'],
});
