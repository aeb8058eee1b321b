/**
 * @sciport/backend-webgpu — GPU arrays and WGSL kernels for sciport.
 *
 * Importing this package registers the `webgpu` backend with dispatch. Then:
 *   await initWebGPU();            // once
 *   const xg = toDevice(x);        // upload (synchronous)
 *   const yg = fft(xg);            // runs in WGSL, returns a GPUArray at once
 *   const y = await yg.toHost();   // the only await
 *
 * @packageDocumentation
 */
// Installs the GPUArray methods that need the namespace and the copy kernel.
import './gpu-array-methods.js';

export {
  destroyWebGPU,
  type Float64Policy,
  getDevice,
  getFloat64Policy,
  type InitWebGPUOptions,
  initWebGPU,
  isWebGPUReady,
  setFloat64Policy,
  type WebGPUInfo,
  webgpuInfo,
} from './device/provider.js';
export { GPU_DTYPES, type GPUDType } from './dtypes.js';
export { GPUArray, isGPUArray } from './gpu-array.js';
export { deviceDtypeFor, type ToDeviceOptions, toDevice, toHost } from './host-interop.js';
export { clearPlanCache, memoryInfo, resetPeakMemory, setPoolLimit, trimPool } from './memory/info.js';
export type { MemoryInfo } from './memory/pool.js';
export { gpuNamespace, NOT_ON_GPU } from './namespace/index.js';
export { webgpuBackend } from './backend.js';
export { type RefinedSolution, type RefineOptions, solveRefined } from './linalg/refine.js';
