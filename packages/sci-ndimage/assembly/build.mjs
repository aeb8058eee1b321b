#!/usr/bin/env node
/** assembly/ndimage.ts compiled and embedded in src/wasm/ndimage-wasm-bytes.ts (see tooling/wasm/build-wasm.mjs). */
import { fileURLToPath } from 'node:url';
import { buildWasm } from '../../../tooling/wasm/build-wasm.mjs';

buildWasm({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  name: 'ndimage',
  target: 'src/wasm/ndimage-wasm-bytes.ts',
  exportName: 'ndimageWasmBase64',
  what: 'WebAssembly SIMD kernels',
});
