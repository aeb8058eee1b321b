// The array kinds the capability table probes besides the host: GPU arrays on the WebGPU
// adapter this machine has (a software one in CI) and chunked arrays on two worker threads.
import { existsSync } from 'node:fs';
import { listBackends } from '@sciport/dispatch-core';

const SWIFTSHADER = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** Runs `callback(kinds)` with both backends started, and shuts them down after. */
export async function withProbeKinds(callback) {
  if (!process.env.VK_ICD_FILENAMES && existsSync(SWIFTSHADER)) process.env.VK_ICD_FILENAMES = SWIFTSHADER;
  const { cluster, chunked } = await import('@sciport/backend-cluster');
  const { initWebGPU, destroyWebGPU, toDevice, GPU_DTYPES } = await import('@sciport/backend-webgpu');
  const registered = (name) => listBackends().find((b) => b.name === name);
  await initWebGPU();
  const local = await cluster.local({ workers: 2 });
  try {
    return await callback([
      {
        name: 'webgpu',
        backend: registered('webgpu'),
        toKind: (x) => (GPU_DTYPES.includes(x.dtype) ? toDevice(x, { dtype: x.dtype }) : undefined),
      },
      { name: 'cluster', backend: registered('cluster'), toKind: (x) => chunked(x, { chunks: [2, 3], cluster: local }) },
    ]);
  } finally {
    await local.close();
    destroyWebGPU();
  }
}
