#!/usr/bin/env node
/** assembly/gemm.ts compiled and embedded in src/gemm/gemm-wasm-bytes.ts (see tooling/wasm/build-wasm.mjs). */
import { fileURLToPath } from 'node:url';
import { buildWasm } from '../../../tooling/wasm/build-wasm.mjs';

buildWasm({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  name: 'gemm',
  target: 'src/gemm/gemm-wasm-bytes.ts',
  exportName: 'gemmWasmBase64',
  what: 'WebAssembly SIMD matrix-product kernel',
});
