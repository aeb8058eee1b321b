import type { NDArray } from '@sciport/array-api';
import { type ArrayFactory, fftSuite } from '@sciport/conformance/node';
import { isGPUArray, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';

await useGPU();

/** The fft reference suite (SciPy fixtures, properties, bad input) on GPU arrays. */
const webgpuFactory: ArrayFactory = {
  name: 'webgpu',
  make: (host: NDArray) => toDevice(host),
  read: async (result: unknown) => (isGPUArray(result) ? ((await result.toHost()) as NDArray) : (result as NDArray)),
  dtypes: ['float32', 'complex64'],
};

/** Every fft function the backend claims, plus the namespace-generic helpers. */
export const CLAIMED = [
  ...['fft', 'ifft', 'fft2', 'ifft2', 'fftn', 'ifftn', 'rfft', 'irfft', 'rfft2', 'irfft2', 'rfftn', 'irfftn'],
  ...['hfft', 'ihfft', 'hfft2', 'ihfft2', 'hfftn', 'ihfftn'],
];

fftSuite(webgpuFactory, {
  include: [...CLAIMED, 'fftshift', 'ifftshift', 'fftfreq', 'rfftfreq'],
  dtypes: ['float32', 'complex64'],
});
