import { asarray, type NDArray } from '@sciport/array-api';
import { withBackend } from '@sciport/dispatch-core';
import { gaussianGradientMagnitude, gaussianLaplace } from '@sciport/ndimage';
import { describe, expect, it } from 'vitest';
import { GPUArray, memoryInfo, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';
import { randomValues } from './reference.js';

await useGPU();

function hostFloat32(shape: number[], seed: number): NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  return asarray(Float32Array.from(randomValues(size, seed)), { shape });
}

/** The GPU result equals the host's float32 result of the same call to float32 rounding. */
async function agree(gpu: unknown, host: NDArray): Promise<void> {
  expect(gpu).toBeInstanceOf(GPUArray);
  const g = gpu as GPUArray;
  const back = (await g.toHost()) as NDArray;
  g.dispose();
  expect(back.dtype).toBe('float32');
  expect(back.shape).toEqual(host.shape);
  const a = back.toTypedArray() as Float32Array;
  const b = host.toTypedArray() as Float32Array;
  const scale = Math.max(...Array.from(b, Math.abs));
  for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1e-6 * scale);
}

describe('Gaussian derivative filters on GPU arrays', () => {
  it('gaussianLaplace and gaussianGradientMagnitude over axes with per-axis modes, leaving nothing behind', async () => {
    const x = hostFloat32([5, 6, 4], 11);
    const xg = toDevice(x);
    const before = memoryInfo();
    const opts = { axes: [2, 0], mode: ['wrap', 'constant'] as ['wrap', 'constant'], cval: 0.5, truncate: 3 };
    await agree(gaussianLaplace(xg, [1.2, 0.8], opts), gaussianLaplace(x, [1.2, 0.8], opts));
    await agree(gaussianGradientMagnitude(xg, [1, 0.7, 1.5], opts), gaussianGradientMagnitude(x, [1, 0.7, 1.5], opts));
    await agree(gaussianGradientMagnitude(xg, 1, { radius: 2 }), gaussianGradientMagnitude(x, 1, { radius: 2 }));
    await agree(gaussianLaplace(xg, 1, { axes: [] }), gaussianLaplace(x, 1, { axes: [] }));
    const after = memoryInfo();
    expect(after.liveArrays).toBe(before.liveArrays);
    expect(after.bytesInUse).toBe(before.bytesInUse);
    xg.dispose();
  });

  it('host float32 input uploaded by dispatch (coerce) is filtered along every axis', async () => {
    const x = hostFloat32([4, 5], 12);
    const before = memoryInfo();
    const y = withBackend('webgpu', () => gaussianLaplace(x, 1), { coerce: true });
    await agree(y, gaussianLaplace(x, 1));
    // the uploaded copy is released after the call
    expect(memoryInfo().liveArrays).toBe(before.liveArrays);
  });
});
