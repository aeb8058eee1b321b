/**
 * The shared sciport.ndimage suite (SciPy fixtures, properties, bad input) on chunked arrays
 * over worker threads, for the functions the cluster's manifest claims and runs, in blocks of
 * 2 along every axis so that every window crosses block borders (random grids, blocks of 1
 * included, are in ndimage-halo.test.ts).
 */
import { type Cluster, cluster, clusterBackend } from '@sciport/backend-cluster';
import { claimedFunctions, ndimageSuite } from '@sciport/conformance/node';
import { NDIMAGE_DOMAIN } from '@sciport/ndimage';
import { afterAll, beforeAll } from 'vitest';
import { chunkedFactory } from './helpers/factory.js';

let c: Cluster;
beforeAll(async () => {
  c = await cluster.local({ workers: 2 });
});
afterAll(async () => {
  await c.close();
});

/** What the manifest claims, less the functions it declares only to decline (callbacks). */
const declined = clusterBackend.capabilities?.declined as Record<string, string>;
const include = claimedFunctions(clusterBackend, NDIMAGE_DOMAIN).filter((name) => !(`${NDIMAGE_DOMAIN}.${name}` in declined));

/**
 * SciPy's running sum (uniform) and sliding minimum (min/max over a box) carry a NaN or an
 * infinity along the whole line; on blocks each line starts at the block's halo, so next to
 * non-finite values these differ from the host by design (see the README).
 */
const RUNNING_FILTERS = ['uniformFilter1d', 'uniformFilter', 'minimumFilter1d', 'maximumFilter1d', 'minimumFilter', 'maximumFilter'];

ndimageSuite(chunkedFactory('chunked in blocks of 2 (worker threads)', () => c, (shape) => shape.map(() => 2)), {
  include,
  skipFixtures: { nonfinite: RUNNING_FILTERS },
});
