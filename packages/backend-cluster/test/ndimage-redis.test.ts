/**
 * A selection of the shared sciport.ndimage suite on chunked arrays whose blocks live in Redis
 * and run on two `sciport-worker` processes (a real redis-server on loopback): one filter of
 * each kind the cluster runs, its SciPy fixtures on float64 input (the other dtypes run on worker
 * threads), in blocks of 2 along every axis so each task reads its neighbours' borders from Redis.
 */
import { clusterBackend } from '@sciport/backend-cluster';
import { claimedFunctions, ndimageSuite } from '@sciport/conformance/node';
import { NDIMAGE_DOMAIN } from '@sciport/ndimage';
import { expect, it } from 'vitest';
import { chunkedFactory } from './helpers/factory.js';
import { redisClusterForSuite } from './helpers/redis-suite.js';

const redisCluster = redisClusterForSuite();

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

ndimageSuite(chunkedFactory('chunked in blocks of 2 (Redis, 2 sciport-worker processes)', redisCluster, (shape) => shape.map(() => 2)), {
  include: SELECTION,
  exclude: ['properties', 'bad-input'],
  dtypes: ['float64'],
});

ndimageSuite(chunkedFactory('chunked in blocks of 2 (Redis, 2 sciport-worker processes), morphology and label', redisCluster, (shape) => shape.map(() => 2)), {
  include: MORPHOLOGY,
  exclude: ['properties', 'bad-input'],
});
