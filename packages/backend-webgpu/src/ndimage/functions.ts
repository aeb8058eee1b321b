import type { GPUArray } from '../gpu-array.js';
import { convolveGPU, correlateGPU } from './correlate.js';
import { laplaceGPU, prewittGPU, sobelGPU } from './derivatives.js';
import { convolve1dGPU, correlate1dGPU, gaussianFilter1dGPU, gaussianFilterGPU, uniformFilter1dGPU, uniformFilterGPU } from './filters.js';

/** The GPU implementation of each ndimage function this backend runs, by name (its manifest claims exactly these). */
export const GPU_NDIMAGE: Readonly<Record<string, (...args: never[]) => GPUArray>> = {
  correlate1d: correlate1dGPU,
  convolve1d: convolve1dGPU,
  correlate: correlateGPU,
  convolve: convolveGPU,
  uniformFilter1d: uniformFilter1dGPU,
  uniformFilter: uniformFilterGPU,
  gaussianFilter1d: gaussianFilter1dGPU,
  gaussianFilter: gaussianFilterGPU,
  sobel: sobelGPU,
  prewitt: prewittGPU,
  laplace: laplaceGPU,
};
