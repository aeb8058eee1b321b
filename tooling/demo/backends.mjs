// The array kinds the demo runs each call on: host arrays always, GPU arrays and chunked
// arrays when their backend packages import and start here. Each entry says how to move
// the demo's host input onto its kind and how to read a result back.
import { existsSync } from 'node:fs';

const SWIFTSHADER = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** Host plus whichever of WebGPU and the local worker cluster start; `skipped` says why not. */
export async function startBackends() {
  const backends = [
    { name: 'host', detail: 'CPU, this thread', upload: (x) => x, toHost: async (y) => y, close: async () => {} },
  ];
  const skipped = [];
  try {
    // No GPU here? A software adapter (SwiftShader) still runs the real WGSL.
    if (!process.env.VK_ICD_FILENAMES && existsSync(SWIFTSHADER)) process.env.VK_ICD_FILENAMES = SWIFTSHADER;
    const { initWebGPU, toDevice, webgpuInfo, destroyWebGPU } = await import('@sciport/backend-webgpu');
    await initWebGPU();
    backends.push({
      name: 'webgpu',
      detail: `WGSL on ${webgpuInfo()?.name ?? 'the WebGPU adapter'}, float32`,
      upload: (x) => toDevice(x, { dtype: x.dtype === 'bool' ? 'bool' : 'float32' }),
      toHost: (y) => y.toHost(),
      close: destroyWebGPU,
    });
  } catch (error) {
    skipped.push(`webgpu: ${error.message}`);
  }
  try {
    const { cluster, chunked } = await import('@sciport/backend-cluster');
    const c = await cluster.local({ workers: 2 });
    backends.push({
      name: 'cluster',
      detail: '2 worker threads, 2×2 chunks',
      upload: (x) => chunked(x, { chunks: x.shape.map((n) => Math.max(1, Math.ceil(n / 2))), cluster: c }),
      toHost: (y) => y.toHost(),
      close: () => c.close(),
    });
  } catch (error) {
    skipped.push(`cluster: ${error.message}`);
  }
  return { backends, skipped };
}
