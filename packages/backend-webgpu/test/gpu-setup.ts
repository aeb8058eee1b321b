import { afterAll, beforeAll } from 'vitest';
import { destroyWebGPU, initWebGPU } from '../src/device/provider.js';

/**
 * Open the software adapter for a test file. Sets the SwiftShader ICD from Debian's
 * chromium package when the caller did not choose a Vulkan driver, and destroys the
 * device afterwards (Node would otherwise keep running).
 */
export function useGPU(): void {
  beforeAll(async () => {
    process.env.VK_ICD_FILENAMES ??= '/usr/lib/chromium/vk_swiftshader_icd.json';
    await initWebGPU();
  });
  afterAll(() => {
    destroyWebGPU();
  });
}
