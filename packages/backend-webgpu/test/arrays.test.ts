import { asarray, type NDArray } from '@sciport/array-api';
import { DeviceError, DtypeError } from '@sciport/dispatch-core';
import { describe, expect, it } from 'vitest';
import { GPUArray, gpuNamespace as gx, setFloat64Policy, toDevice, toHost, webgpuInfo } from '../src/index.js';
import { useGPU } from './gpu-setup.js';

await useGPU();

const vals = (x: NDArray) => Array.from(x.toTypedArray() as ArrayLike<number>, Number);

describe('GPUArray upload and download', () => {
  it('round-trips every GPU dtype and keeps shape', async () => {
    const cases: [string, number[]][] = [
      ['float32', [1.5, -2, 3.25, 0]],
      ['int32', [1, -2, 2147483647, -2147483648]],
      ['uint32', [0, 1, 4294967295, 7]],
      ['bool', [1, 0, 0, 1]],
      ['complex64', [1, 2, -3, 4, 5, -6, 0, 0]],
    ];
    for (const [dtype, data] of cases) {
      // Complex data comes interleaved in a Float32Array.
      const h = asarray(dtype === 'complex64' ? Float32Array.from(data) : data, { dtype: dtype as never, shape: [2, 2] });
      const g = toDevice(h);
      expect(g).toBeInstanceOf(GPUArray);
      expect(g.dtype).toBe(dtype);
      expect(g.shape).toEqual([2, 2]);
      const back = await toHost(g);
      expect(back.dtype).toBe(dtype);
      expect(vals(back)).toEqual(vals(h));
      g.dispose();
    }
  });

  it('widens small integers losslessly and refuses 64-bit ones', async () => {
    const g = toDevice(asarray(Int8Array.from([-128, 5, 127]), { shape: [3] }));
    expect(g.dtype).toBe('int32');
    expect(vals(await toHost(g))).toEqual([-128, 5, 127]);
    expect(() => toDevice(asarray(BigInt64Array.from([1n]), { shape: [1] }))).toThrow(DtypeError);
  });

  it('declines float64 unless the downcast is explicit', async () => {
    const h = asarray(Float64Array.from([0.1, 0.2]), { shape: [2] });
    expect(() => toDevice(h)).toThrow(/no 64-bit floats/);
    const a = toDevice(h, { dtype: 'float32' });
    const b = toDevice(h, { downcast: true });
    setFloat64Policy('downcast');
    const c = toDevice(h);
    setFloat64Policy('error');
    for (const g of [a, b, c]) {
      expect(g.dtype).toBe('float32');
      expect(vals(await toHost(g))).toEqual([Math.fround(0.1), Math.fround(0.2)]);
    }
  });

  it('reads strided views (transposes, flips, offsets) in C order', async () => {
    const h = asarray(Float32Array.from({ length: 12 }, (_, k) => k), { shape: [3, 4] });
    const g = toDevice(h);
    const t = gx.flip(gx.matrixTranspose(g), { axis: 0 });
    const expected = [];
    for (let c = 3; c >= 0; c--) for (let r = 0; r < 3; r++) expected.push(r * 4 + c);
    expect(vals(await toHost(t))).toEqual(expected);
    const row = gx.unstack(g)[2];
    expect(vals(await toHost(row))).toEqual([8, 9, 10, 11]);
  });

  it('float16 where the adapter has shader-f16, a typed error otherwise', async () => {
    const h = asarray(Float32Array.from([0.5, 1.25, 65504]), { shape: [3] });
    if (webgpuInfo().shaderF16) {
      const g = toDevice(h, { dtype: 'float16' });
      expect(vals(await toHost(gx.add(g, g)))).toEqual([1, 2.5, Number.POSITIVE_INFINITY]);
    } else {
      const g = toDevice(h, { dtype: 'float16' });
      expect(() => gx.add(g, g)).toThrow(DeviceError);
      expect(() => gx.add(g, g)).toThrow(/shader-f16/);
    }
  });
});
