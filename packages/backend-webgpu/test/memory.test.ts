import { asarray } from '@sciport/array-api';
import { DeviceError, InvalidArgumentError } from '@sciport/dispatch-core';
import { fft } from '@sciport/fft';
import { inv, solve } from '@sciport/linalg';
import { gaussianFilter1d, sobel } from '@sciport/ndimage';
import { describe, expect, it } from 'vitest';
import { destroyWebGPU, type GPUArray, getDevice, gpuNamespace as gx, initWebGPU, memoryInfo, toDevice, trimPool } from '../src/index.js';
import { sizeClass } from '../src/memory/pool.js';
import { useGPU } from './gpu-setup.js';

await useGPU();

describe('memory accounting', () => {
  it('10 000 operations return to the baseline', async () => {
    const x = toDevice(asarray(Float32Array.from({ length: 1000 }, (_, k) => k / 1000), { shape: [10, 100] }));
    // Warm the pipelines and plan caches first so the baseline includes them.
    gx.add(x, 1).dispose();
    fft(x).dispose();
    await x.toHost();
    const before = memoryInfo();
    for (let k = 0; k < 10_000; k++) {
      using y = gx.multiply(x, 2);
      if (k % 500 === 0) {
        using z = fft(y);
        using s = gx.sum(z, { axis: 1 });
        expect(s.shape).toEqual([10]);
      }
    }
    await x.toHost();
    const after = memoryInfo();
    expect(after.bytesInUse).toBe(before.bytesInUse);
    expect(after.bytesTemporary).toBe(0);
    expect(after.liveArrays).toBe(before.liveArrays);
    expect(after.bytesCached).toBe(before.bytesCached);
    // Buffers are reused from the pool, not created per operation.
    expect(after.buffersCreated - before.buffersCreated).toBeLessThan(20);
    x.dispose();
    expect(memoryInfo().bytesInUse).toBe(before.bytesInUse - sizeClass(4000));
  });

  it('10 000 mixed ndimage and linalg operations return to the baseline', async () => {
    const image = toDevice(asarray(Float32Array.from({ length: 256 }, (_, k) => Math.sin(k)), { shape: [16, 16] }));
    const a = toDevice(asarray(Float32Array.from([4, 1, 0, 0, 1, 4, 1, 0, 0, 1, 4, 1, 0, 0, 1, 4]), { shape: [4, 4] }));
    const b = toDevice(asarray(Float32Array.from([1, 2, 3, 4])));
    const operations = [() => gaussianFilter1d(image, 1.5), () => solve(a, b), () => inv(a), () => sobel(image)] as (() => GPUArray)[];
    // Warm the pipelines first so the baseline includes them.
    for (const op of operations) {
      const y = op();
      await y.toHost();
      y.dispose();
    }
    const before = memoryInfo();
    for (let k = 0; k < 10_000; k++) {
      const y = operations[k % operations.length]!();
      // Read some results (their deferred status words included), dispose the others unread.
      if (k % 1000 === 1) await y.toHost();
      y.dispose();
    }
    await image.toHost();
    const after = memoryInfo();
    expect(after.bytesInUse).toBe(before.bytesInUse);
    expect(after.bytesTemporary).toBe(0);
    expect(after.liveArrays).toBe(before.liveArrays);
    for (const x of [image, a, b]) x.dispose();
  }, 300_000);

  it('counts views once, frees the buffer with the last holder, and tracks the peak', () => {
    const base = memoryInfo();
    const x = gx.zeros([256, 256]);
    const bytes = sizeClass(256 * 256 * 4);
    expect(memoryInfo().bytesInUse).toBe(base.bytesInUse + bytes);
    const t = gx.matrixTranspose(x);
    x.dispose();
    expect(memoryInfo().bytesInUse).toBe(base.bytesInUse + bytes);
    expect(memoryInfo().peakBytes).toBeGreaterThanOrEqual(base.bytesInUse + bytes);
    t.dispose();
    expect(memoryInfo().bytesInUse).toBe(base.bytesInUse);
    expect(memoryInfo().bytesPooled).toBeGreaterThanOrEqual(bytes);
    trimPool(0);
    expect(memoryInfo().bytesPooled).toBe(0);
  });

  it('a disposed array says so', () => {
    const x = gx.ones([4]);
    x.dispose();
    x.dispose(); // idempotent
    expect(x.disposed).toBe(true);
    expect(() => gx.add(x, 1)).toThrow(InvalidArgumentError);
  });

  it('size classes waste at most a quarter', () => {
    for (const n of [1, 255, 256, 257, 1000, 4097, 123_456, 1 << 20, (1 << 20) + 1]) {
      const c = sizeClass(n);
      expect(c).toBeGreaterThanOrEqual(n);
      expect(c).toBeLessThanOrEqual(Math.max(256, n * 1.25 + 1));
    }
  });
});

describe('device provider', () => {
  it('says what to install when no adapter is found', async () => {
    destroyWebGPU();
    const noAdapter = { requestAdapter: async () => null } as unknown as GPU;
    await expect(initWebGPU({ gpu: noAdapter })).rejects.toThrow(DeviceError);
    await expect(initWebGPU({ gpu: noAdapter })).rejects.toThrow(/VK_ICD_FILENAMES|Vulkan/);
    expect(() => gx.ones([2])).toThrow(/initWebGPU/);
    await initWebGPU();
    expect(gx.ones([2]).shape).toEqual([2]);
  });
});

describe('destroyWebGPU', () => {
  it('rejects a read in flight with a DeviceError and resolves once the device is destroyed', async () => {
    const x = gx.ones([8]);
    const device = getDevice();
    const read = x.toHost();
    const done = destroyWebGPU();
    expect(() => gx.ones([2])).toThrow(DeviceError);
    await expect(read).rejects.toThrow(DeviceError);
    await expect(read).rejects.toThrow(/did not finish: WebGPU was shut down by destroyWebGPU/);
    await done;
    expect((await device.lost).reason).toBe('destroyed');
    await expect(destroyWebGPU()).resolves.toBeUndefined();
    await initWebGPU();
    expect(Array.from(await gx.ones([2]).toTypedArray())).toEqual([1, 1]);
  });

  it('resolves when the device was destroyed behind its back', async () => {
    gx.ones([8]);
    getDevice().destroy();
    await expect(destroyWebGPU()).resolves.toBeUndefined();
    await initWebGPU();
    expect(Array.from(await gx.ones([2]).toTypedArray())).toEqual([1, 1]);
  });
});

describe('device loss', () => {
  it('turns into a typed error on the next call, and initWebGPU() recovers', async () => {
    const x = gx.ones([8]);
    getDevice().destroy();
    // device.lost resolves asynchronously
    await new Promise((r) => setTimeout(r, 20));
    expect(() => gx.ones([8])).toThrow(DeviceError);
    expect(() => gx.ones([8])).toThrow(/initWebGPU/);
    await expect(x.toHost()).rejects.toThrow(/gone|initWebGPU/);
    await initWebGPU();
    const y = gx.add(gx.ones([3]), 1);
    expect(Array.from((await y.toHost()).toTypedArray() as Float32Array)).toEqual([2, 2, 2]);
  });
});
