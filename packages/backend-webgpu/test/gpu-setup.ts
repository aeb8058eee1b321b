import { afterAll } from 'vitest';
import { destroyWebGPU, initWebGPU } from '../src/device/provider.js';
// The package entry installs these GPUArray methods; tests that import single modules need them too.
import '../src/gpu-array-methods.js';

/**
 * Open the software adapter for a test file (call with top-level await, so arrays can be
 * uploaded while the tests are collected). Uses the SwiftShader ICD from Debian's chromium
 * package when the caller chose no Vulkan driver, and destroys the device afterwards
 * (Node would otherwise keep running).
 */
export async function useGPU(): Promise<void> {
  process.env.VK_ICD_FILENAMES ??= '/usr/lib/chromium/vk_swiftshader_icd.json';
  await initWebGPU();
  afterAll(() => destroyWebGPU());
}
