import { asarray, hostNamespace as hx, type NDArray } from '@sciport/array-api';
import { BackendNotImplementedError, DtypeError, explain, withBackend } from '@sciport/dispatch-core';
import { dct, fft, fft2, fftn, ifft, irfft, irfftn, rfft, rfft2, rfftn } from '@sciport/fft';
import { describe, expect, it } from 'vitest';
import { GPUArray, gpuNamespace as gx, setFloat64Policy, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';
import { randomValues, relativeError } from './reference.js';

await useGPU();

function hostComplex(shape: number[], seed: number): NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  return asarray(Float64Array.from(randomValues(2 * size, seed)), { dtype: 'complex128', shape });
}

function hostReal(shape: number[], seed: number): NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  return asarray(Float64Array.from(randomValues(size, seed)), { shape });
}

/** Compare a GPU result with the host (float64) result of the same call. */
async function agree(gpu: unknown, host: NDArray, tol = 1e-5) {
  expect(gpu).toBeInstanceOf(GPUArray);
  const g = gpu as GPUArray;
  const back = (await g.toHost()) as NDArray;
  g.dispose();
  expect(back.shape).toEqual(host.shape);
  expect(relativeError(back.toTypedArray() as Float32Array, host.toTypedArray() as Float64Array)).toBeLessThan(tol);
}

describe('fft functions on GPU arrays (dispatch)', () => {
  it('fft / ifft with n, axis and every norm', async () => {
    const x = hostComplex([3, 20], 1);
    const xg = toDevice(x, { dtype: 'complex64' });
    for (const norm of ['backward', 'ortho', 'forward'] as const) {
      await agree(fft(xg, { norm }), fft(x, { norm }));
      await agree(ifft(xg, { norm }), ifft(x, { norm }));
      await agree(fft(xg, { n: 17, axis: 1, norm }), fft(x, { n: 17, axis: 1, norm }));
      await agree(fft(xg, { n: 5, axis: 0, norm }), fft(x, { n: 5, axis: 0, norm }));
    }
    xg.dispose();
  });

  it('real transforms and n-D', async () => {
    const r = hostReal([6, 10], 2);
    const rg = toDevice(r, { dtype: 'float32' });
    await agree(rfft(rg), rfft(r));
    await agree(rfft(rg, { n: 7, axis: 0 }), rfft(r, { n: 7, axis: 0 }));
    await agree(fft(rg), fft(r));
    await agree(rfft2(rg), rfft2(r));
    await agree(rfftn(rg, { s: [5, 8] }), rfftn(r, { s: [5, 8] }));
    const c = hostComplex([6, 6], 3);
    const cg = toDevice(c, { dtype: 'complex64' });
    await agree(irfft(cg), irfft(c));
    await agree(irfft(cg, { n: 11 }), irfft(c, { n: 11 }));
    await agree(irfftn(cg, { s: [6, 9] }), irfftn(c, { s: [6, 9] }));
    await agree(fft2(cg, { norm: 'ortho' }), fft2(c, { norm: 'ortho' }));
    await agree(fftn(cg, { axes: [0] }), fftn(c, { axes: [0] }));
    rg.dispose();
    cg.dispose();
  });

  it('transforms strided views and integer arrays (converted to float32 first)', async () => {
    const c = hostComplex([5, 8], 9);
    const cg = toDevice(c, { dtype: 'complex64' });
    const t = gx.matrixTranspose(cg);
    await agree(fft(t, { axis: 0 }), fft(hx.matrixTranspose(c), { axis: 0 }));
    const i = asarray(Int32Array.from({ length: 12 }, (_, k) => (k * 7) % 5 - 2), { shape: [12] });
    await agree(rfft(toDevice(i)), rfft(i));
    for (const a of [cg, t]) a.dispose();
  });

  it('withBackend coerce uploads host float32 input and returns a GPUArray', async () => {
    const x = asarray(Float32Array.from(randomValues(16, 4)), { shape: [16] });
    const y = withBackend('webgpu', () => fft(x), { coerce: true });
    await agree(y, fft(x));
  });

  it('declines float64 host input with the reason', () => {
    const x = hostReal([8], 5);
    const record = withBackend('webgpu', () => explain(fft, x), { coerce: true });
    const webgpu = record.candidates.find((c) => c.backend === 'webgpu');
    expect(webgpu?.verdict).toBe('declined');
    expect(webgpu?.reason).toMatch(/no f64/);
    expect(() => toDevice(x)).toThrow(DtypeError);
  });

  it('uploads float64 host input when the downcast is explicit (float64 policy)', async () => {
    const x = hostReal([12], 8);
    setFloat64Policy('downcast');
    try {
      const y = withBackend('webgpu', () => fft(x), { coerce: true });
      expect((y as unknown as GPUArray).dtype).toBe('complex64');
      await agree(y, fft(x));
    } finally {
      setFloat64Policy('error');
    }
  });

  it('a function the backend lacks throws the dispatch error with the fix', () => {
    const xg = toDevice(hostReal([8], 6), { dtype: 'float32' });
    expect(() => dct(xg)).toThrow(BackendNotImplementedError);
    expect(() => dct(xg)).toThrow(/toHost/);
    xg.dispose();
  });

  it('complex input to rfft is a DtypeError', () => {
    const cg = toDevice(hostComplex([4], 7), { dtype: 'complex64' });
    expect(() => rfft(cg)).toThrow(DtypeError);
    cg.dispose();
  });
});
