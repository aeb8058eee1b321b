/** Generated bad input on GPU arrays (software adapter in CI): typed errors naming the argument, or a readable result. */
import type { NDArray } from '@sciport/array-api';
import { type ArrayFactory, fuzzSuite } from '@sciport/conformance/node';
import { isGPUArray, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';

await useGPU();

const webgpuFactory: ArrayFactory = {
  name: 'webgpu',
  make: (host: NDArray) => toDevice(host),
  read: async (result: unknown) => (isGPUArray(result) ? ((await result.toHost()) as NDArray) : (result as NDArray)),
  dtypes: ['float32', 'complex64'],
};

fuzzSuite(webgpuFactory, { numRuns: 100 });
