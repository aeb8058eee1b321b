import type { GPUArray } from '../gpu-array.js';
import { invGPU } from './inverse.js';
import { solveGPU } from './solve.js';

/**
 * The GPU implementation of each linalg function this backend runs, by name (its manifest
 * claims exactly these). det is not among them: SciPy returns float64 determinants of
 * float32 matrices, and WGSL has no f64.
 */
export const GPU_LINALG: Readonly<Record<string, (...args: never[]) => GPUArray>> = {
  solve: solveGPU,
  inv: invGPU,
};
