#!/usr/bin/env node
/** assembly/fft.ts compiled and embedded in src/kernels/wasm/fft-wasm-bytes.ts (see tooling/wasm/build-wasm.mjs). */
import { fileURLToPath } from 'node:url';
import { buildWasm } from '../../../tooling/wasm/build-wasm.mjs';

buildWasm({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  name: 'fft',
  target: 'src/kernels/wasm/fft-wasm-bytes.ts',
  exportName: 'fftWasmBase64',
  what: 'WebAssembly SIMD kernels',
});
