/**
 * Generated bad input to every ndimage function on GPU arrays (software adapter in CI): typed
 * errors naming the argument, or a readable result, and the input left unchanged on the device.
 * The functions the backend does not claim end in dispatch's typed refusal.
 */
import type { NDArray } from '@sciport/array-api';
import { type ArrayFactory, ndimageFuzzSuite } from '@sciport/conformance/node';
import { isGPUArray, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';

await useGPU();

const webgpuFactory: ArrayFactory = {
  name: 'webgpu',
  // the generated images are float64 (complex128): uploaded as float32 (complex64), the explicit downcast
  make: (host: NDArray) => toDevice(host, { downcast: true }),
  read: async (result: unknown) => (isGPUArray(result) ? ((await result.toHost()) as NDArray) : (result as NDArray)),
  dtypes: ['float32', 'complex64'],
};

ndimageFuzzSuite(webgpuFactory, { numRuns: 40, dtypes: ['float32', 'complex64'] });
