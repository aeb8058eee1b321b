/**
 * A selection of the shared sciport.ndimage suite on chunked arrays whose blocks live in Redis
 * and run on two `sciport-worker` processes (a real redis-server on loopback): one filter of
 * each kind the cluster runs, its SciPy fixtures on float64 input (the other dtypes run on worker
 * threads), in blocks of 2 along every axis so each task reads its neighbours' borders from Redis.
 */
import { type Cluster, cluster, clusterBackend } from '@sciport/backend-cluster';
import { claimedFunctions, ndimageSuite } from '@sciport/conformance/node';
import { NDIMAGE_DOMAIN } from '@sciport/ndimage';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chunkedFactory } from './helpers/factory.js';
import { type RedisServer, startRedis, startWorker, type WorkerProcess } from './helpers/redis.js';

let server: RedisServer;
let workers: WorkerProcess[] = [];
let c: Cluster;

beforeAll(async () => {
  server = await startRedis();
  workers = await Promise.all([0, 1].map(() => startWorker(server.url, [], false)));
  c = await cluster.redis({ url: server.url, minWorkers: 2 });
});

afterAll(async () => {
  await c?.close();
  await Promise.all(workers.map((w) => w.kill()));
  server?.stop();
});

/** Weights shipped as an extra block, a separable filter, n-D passes with a footprint, a composition. */
const SELECTION = ['correlate', 'gaussianFilter', 'medianFilter', 'gaussianGradientMagnitude'];

/**
 * Morphology: primitives with a mask haloed alongside, compositions (chains of halo maps and
 * elementwise tasks), and propagation, which converges in rounds with a reduction each; label,
 * joined across blocks on the submitting thread from what the workers report; findObjects and
 * the measurements, tree reductions (variance in two passes).
 */
const MORPHOLOGY = ['binaryErosion', 'binaryClosing', 'binaryHitOrMiss', 'binaryPropagation', 'greyErosion', 'whiteTophat', 'label', 'findObjects', 'variance', 'extrema'];

it('the selection is claimed by the cluster', () => {
  expect(claimedFunctions(clusterBackend, NDIMAGE_DOMAIN)).toEqual(expect.arrayContaining([...SELECTION, ...MORPHOLOGY]));
});

ndimageSuite(chunkedFactory('chunked in blocks of 2 (Redis, 2 sciport-worker processes)', () => c, (shape) => shape.map(() => 2)), {
  include: SELECTION,
  exclude: ['properties', 'bad-input'],
  dtypes: ['float64'],
});

ndimageSuite(chunkedFactory('chunked in blocks of 2 (Redis, 2 sciport-worker processes), morphology and label', () => c, (shape) => shape.map(() => 2)), {
  include: MORPHOLOGY,
  exclude: ['properties', 'bad-input'],
});
