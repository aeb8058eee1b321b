import type { NDArray } from '@sciport/array-api';
import { type ArrayFactory, claimedFunctions, fftSuite } from '@sciport/conformance/node';
import { FFT_DOMAIN } from '@sciport/fft';
import { isGPUArray, toDevice, webgpuBackend } from '../src/index.js';
import { useGPU } from './gpu-setup.js';

await useGPU();

/** The fft reference suite (SciPy fixtures, properties, bad input) on GPU arrays. */
const webgpuFactory: ArrayFactory = {
  name: 'webgpu',
  make: (host: NDArray) => toDevice(host),
  read: async (result: unknown) => (isGPUArray(result) ? ((await result.toHost()) as NDArray) : (result as NDArray)),
  dtypes: ['float32', 'complex64'],
};

fftSuite(webgpuFactory, {
  include: [...claimedFunctions(webgpuBackend, FFT_DOMAIN), 'fftshift', 'ifftshift', 'fftfreq', 'rfftfreq'],
  dtypes: ['float32', 'complex64'],
});
