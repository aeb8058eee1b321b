import { asarray, type NDArray } from '@sciport/array-api';
import { BackendNotImplementedError, explain, NotSupportedError, withBackend } from '@sciport/dispatch-core';
import { convolve, correlate, correlate1d, gaussianFilter, gaussianFilter1d, geometricTransform, laplace, prewitt, sobel, uniformFilter } from '@sciport/ndimage';
import { describe, expect, it } from 'vitest';
import { GPUArray, gpuNamespace as gx, memoryInfo, toDevice } from '../src/index.js';
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
  expect(back.dtype).toBe(host.dtype);
  expect(back.shape).toEqual(host.shape);
  const a = back.toTypedArray() as Float32Array;
  const b = host.toTypedArray() as Float32Array;
  const scale = Math.max(...Array.from(b, Math.abs));
  for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1e-6 * scale);
}

describe('ndimage filters on GPU arrays (dispatch)', () => {
  it('filter a strided view (transposed 3-D array) along every axis, as the host does', async () => {
    const x = hostFloat32([4, 5, 6], 1);
    const xg = toDevice(x);
    const tg = gx.permuteDims(xg, [2, 0, 1]);
    const t = (await tg.toHost()) as NDArray;
    for (const axis of [0, 1, 2]) {
      for (const mode of ['reflect', 'constant', 'nearest', 'mirror', 'wrap', 'grid-wrap'] as const) {
        await agree(correlate1d(tg, [0.5, -1, 2, 0.25], { axis, mode, cval: 0.75, origin: -1 }), correlate1d(t, [0.5, -1, 2, 0.25], { axis, mode, cval: 0.75, origin: -1 }));
      }
    }
    tg.dispose();
    xg.dispose();
  });

  it('separable n-D filters with per-axis parameters and axes, without leaving arrays behind', async () => {
    const x = hostFloat32([5, 4, 7], 2);
    const xg = toDevice(x);
    const before = memoryInfo();
    await agree(gaussianFilter(xg, [1, 0.7], { axes: [2, 0], order: [1, 2], mode: ['mirror', 'constant'], cval: 2 }), gaussianFilter(x, [1, 0.7], { axes: [2, 0], order: [1, 2], mode: ['mirror', 'constant'], cval: 2 }));
    await agree(uniformFilter(xg, { size: [3, 2, 4], origin: [0, -1, 1], mode: 'nearest' }), uniformFilter(x, { size: [3, 2, 4], origin: [0, -1, 1], mode: 'nearest' }));
    await agree(gaussianFilter1d(xg, 1.3, { axis: 1, order: 3, radius: 2 }), gaussianFilter1d(x, 1.3, { axis: 1, order: 3, radius: 2 }));
    const after = memoryInfo();
    expect(after.liveArrays).toBe(before.liveArrays);
    expect(after.bytesInUse).toBe(before.bytesInUse);
    // the input is untouched
    const back = (await xg.toHost()) as NDArray;
    expect(Array.from(back.toTypedArray() as Float32Array)).toEqual(Array.from(x.toTypedArray() as Float32Array));
    xg.dispose();
  });

  it('sobel, prewitt and laplace on 3-D data with per-axis modes and axes', async () => {
    const x = hostFloat32([4, 5, 3], 7);
    const xg = toDevice(x);
    const modes = ['wrap', 'constant', 'mirror'] as const;
    for (const axis of [0, 1, 2]) {
      await agree(sobel(xg, { axis, mode: [...modes], cval: 1.5 }), sobel(x, { axis, mode: [...modes], cval: 1.5 }));
      await agree(prewitt(xg, { axis, mode: 'nearest' }), prewitt(x, { axis, mode: 'nearest' }));
    }
    await agree(laplace(xg, { axes: [2, 0], mode: ['reflect', 'constant'], cval: -1 }), laplace(x, { axes: [2, 0], mode: ['reflect', 'constant'], cval: -1 }));
    await agree(laplace(xg, { axes: [] }), laplace(x, { axes: [] }));
    xg.dispose();
  });

  it('correlate and convolve with dense weights over axes, origins and every mode', async () => {
    const x = hostFloat32([5, 4, 6], 8);
    const xg = toDevice(x);
    const w = asarray(Float64Array.of(0.5, -1, 0, 2, 0.25, 1.5), { shape: [2, 3] });
    for (const mode of ['reflect', 'constant', 'nearest', 'mirror', 'wrap'] as const) {
      await agree(correlate(xg, w, { axes: [2, 0], origin: [0, -1], mode, cval: 3 }), correlate(x, w, { axes: [2, 0], origin: [0, -1], mode, cval: 3 }));
      await agree(convolve(xg, w, { axes: [0, 1], mode }), convolve(x, w, { axes: [0, 1], mode }));
    }
    xg.dispose();
  });

  it('refuses complex64 input after checking the options, naming input', () => {
    const zg = toDevice(asarray(Float32Array.of(1, 2, 3, 4), { dtype: 'complex64', shape: [2] }));
    expect(() => correlate1d(zg, [1, 2, 1])).toThrow(expect.objectContaining({ name: NotSupportedError.name, argument: 'input' }));
    expect(() => correlate1d(zg, [1, 2, 1], { mode: 'reflekt' })).toThrow(expect.objectContaining({ argument: 'mode' }));
    zg.dispose();
  });

  it('withBackend coerce uploads float32 host input; float64 host input is declined with the precision reason', async () => {
    const x = hostFloat32([9], 3);
    const y = withBackend('webgpu', () => gaussianFilter1d(x, 1.5), { coerce: true });
    await agree(y, gaussianFilter1d(x, 1.5));
    const x64 = asarray(Float64Array.from(randomValues(9, 4)), { shape: [9] });
    const record = withBackend('webgpu', () => explain(gaussianFilter1d, x64, 1.5), { coerce: true });
    const webgpu = record.candidates.find((c) => c.backend === 'webgpu');
    expect(webgpu?.verdict).toBe('declined');
    expect(webgpu?.reason).toMatch(/no f64/);
  });

  it('declines GPU arrays that are not float32, and does not claim the functions not written in WGSL', () => {
    const ig = toDevice(asarray(Int32Array.of(1, 2, 3, 4), { shape: [4] }));
    expect(() => correlate1d(ig, [1, 2, 1])).toThrow(BackendNotImplementedError);
    expect(() => correlate1d(ig, [1, 2, 1])).toThrow(/correlate1d on the GPU takes float32/);
    ig.dispose();
    const xg = toDevice(hostFloat32([4, 4], 5));
    // geometricTransform calls a JavaScript mapping per output element: not written in WGSL
    const identity = (c: number[]) => c;
    expect(() => geometricTransform(xg, identity)).toThrow(BackendNotImplementedError);
    expect(() => geometricTransform(xg, identity)).toThrow(/does not implement sciport\.ndimage\.geometricTransform/);
    expect(() => geometricTransform(xg, identity)).toThrow(/never reads device memory silently/);
    xg.dispose();
  });

  it("declines output forms other than 'float32' (and 'complex64' for complex weights), naming 'output'", async () => {
    const x = hostFloat32([3, 4], 6);
    const xg = toDevice(x);
    const declined = expect.objectContaining({ name: NotSupportedError.name, argument: 'output' });
    expect(() => uniformFilter(xg, { output: 'float64' })).toThrow(declined);
    expect(() => uniformFilter(xg, { output: x })).toThrow(declined);
    expect(() => correlate1d(xg, asarray(Float64Array.of(1, 2, 0.5, -1), { dtype: 'complex128', shape: [2] }), { output: 'complex128' })).toThrow(declined);
    const w = asarray(Float64Array.of(1, 2, 0.5, -1, 0, 3), { dtype: 'complex128', shape: [3] });
    const host = correlate1d(x, w, { output: 'complex64' });
    const gpu = (await (correlate1d(xg, w) as unknown as GPUArray).toHost()) as NDArray;
    expect(gpu.dtype).toBe('complex64');
    const a = gpu.toTypedArray() as Float32Array;
    const b = host.toTypedArray() as Float32Array;
    for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1e-6 * 8);
    xg.dispose();
  });
});
