/**
 * Internal entry `@sciport/array-api/kernels`: the packed WebAssembly SIMD matrix product
 * that `matmul` runs on, shared with the other sciport packages (@sciport/linalg's
 * factorisations) so that there is one kernel, not one per package. Not part of the
 * Array API namespace; its contract may change with the packages that use it. Also the one
 * loader of embedded WebAssembly modules that every sciport package with wasm kernels uses.
 */
export { gemm, type RealMatrixData } from './gemm/gemm.js';
export { activeGemmKernel, gemmWasmReady, setGemmWasmEnabled, type WasmGemm, wasmGemm } from './gemm/runtime.js';
export { decodeBase64, loadEmbeddedWasm, type WasmMemory } from './embedded-wasm.js';
