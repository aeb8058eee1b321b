import type { NDArray } from '@sciport/array-api';
import { type ArrayFactory, claimedFunctions, linalgSuite } from '@sciport/conformance/node';
import { LINALG_DOMAIN } from '@sciport/linalg';
import { isGPUArray, toDevice, webgpuBackend } from '../src/index.js';
import { useGPU } from './gpu-setup.js';

await useGPU();

/**
 * The linalg reference suite (SciPy's float32 fixtures) on GPU arrays, for the functions the
 * backend claims (solve, inv, det). Singular matrices and non-finite input must raise
 * SciPy's error when the result is read.
 */
const webgpuFactory: ArrayFactory = {
  name: 'webgpu',
  make: (host: NDArray) => toDevice(host, { downcast: true }),
  read: async (result: unknown) => (isGPUArray(result) ? ((await result.toHost()) as NDArray) : (result as NDArray)),
  dtypes: ['float32'],
};

linalgSuite(webgpuFactory, { include: claimedFunctions(webgpuBackend, LINALG_DOMAIN), dtypes: ['float32'] });
