/**
 * Internal entry `@sciport/array-api/kernels`: the packed WebAssembly SIMD matrix product
 * that `matmul` runs on, shared with the other sciport packages (@sciport/linalg's
 * factorisations) so that there is one kernel, not one per package. Not part of the
 * Array API namespace; its contract may change with the packages that use it.
 */
export { gemm, type RealMatrixData } from './gemm/gemm.js';
export { activeGemmKernel, gemmWasmReady, setGemmWasmEnabled, type WasmGemm, wasmGemm } from './gemm/runtime.js';
