import { asarray, type NDArray } from '@sciport/array-api';
import { NotSupportedError } from '@sciport/dispatch-core';
import { maximumFilter, maximumFilter1d, medianFilter, minimumFilter, minimumFilter1d, percentileFilter, rankFilter } from '@sciport/ndimage';
import { describe, expect, it } from 'vitest';
import { GPUArray, gpuNamespace as gx, memoryInfo, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';
import { randomValues } from './reference.js';

await useGPU();

/** A host array of `dtype` with small random integers (exact in every dtype). */
function hostInts(shape: number[], seed: number, dtype: 'float32' | 'int32' | 'uint32' | 'bool'): NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  const v = randomValues(size, seed).map((r) => Math.floor(Math.abs(r) * 97) % (dtype === 'bool' ? 2 : 50));
  return asarray(dtype === 'bool' ? v.map((e) => e === 1) : v, { shape, dtype });
}

/** The GPU result equals the host's result exactly, in the same dtype. */
async function same(gpu: unknown, host: NDArray): Promise<void> {
  expect(gpu).toBeInstanceOf(GPUArray);
  const g = gpu as GPUArray;
  const back = (await g.toHost()) as NDArray;
  g.dispose();
  expect(back.dtype).toBe(host.dtype);
  expect(back.shape).toEqual(host.shape);
  expect(Array.from(back.toTypedArray() as ArrayLike<number>)).toEqual(Array.from(host.toTypedArray() as ArrayLike<number>));
}

describe('minimum/maximum filters on GPU arrays', () => {
  it('float32, int32, uint32 and bool arrays, box and footprint windows, per-axis modes, origins and axes', async () => {
    const footprint = [
      [1, 0, 1],
      [0, 1, 1],
    ];
    for (const dtype of ['float32', 'int32', 'uint32', 'bool'] as const) {
      const x = hostInts([5, 4, 6], 3, dtype);
      const xg = toDevice(x);
      const before = memoryInfo();
      for (const [gpuFn, hostFn] of [
        [minimumFilter, minimumFilter],
        [maximumFilter, maximumFilter],
      ] as const) {
        await same(gpuFn(xg, { size: [3, 2, 4], origin: [0, -1, 1], mode: ['nearest', 'wrap', 'constant'], cval: 1 }), hostFn(x, { size: [3, 2, 4], origin: [0, -1, 1], mode: ['nearest', 'wrap', 'constant'], cval: 1 }));
        for (const mode of ['reflect', 'constant', 'mirror', 'wrap'] as const) {
          await same(gpuFn(xg, { footprint, axes: [2, 0], origin: [1, 0], mode, cval: 0 }), hostFn(x, { footprint, axes: [2, 0], origin: [1, 0], mode, cval: 0 }));
        }
      }
      await same(minimumFilter1d(xg, 4, { axis: 1, origin: -2, mode: 'mirror' }), minimumFilter1d(x, 4, { axis: 1, origin: -2, mode: 'mirror' }));
      await same(maximumFilter1d(xg, 5, { axis: 0, mode: 'constant', cval: 1 }), maximumFilter1d(x, 5, { axis: 0, mode: 'constant', cval: 1 }));
      const after = memoryInfo();
      expect(after.liveArrays).toBe(before.liveArrays);
      expect(after.bytesInUse).toBe(before.bytesInUse);
      xg.dispose();
    }
  });

  it('a strided view, as the host filters its values', async () => {
    const x = hostInts([4, 5, 3], 9, 'int32');
    const xg = toDevice(x);
    const tg = gx.permuteDims(xg, [2, 0, 1]);
    const t = (await tg.toHost()) as NDArray;
    await same(maximumFilter(tg, { size: [2, 3, 1], mode: 'reflect' }), maximumFilter(t, { size: [2, 3, 1], mode: 'reflect' }));
    tg.dispose();
    xg.dispose();
  });

  it('float32 values move bit for bit: −0, subnormals, infinities', async () => {
    const x = asarray(Float32Array.of(0, -0, 1e-45, -1e-45, Number.POSITIVE_INFINITY, 3, Number.NEGATIVE_INFINITY, 2e-40), { shape: [8] });
    const xg = toDevice(x);
    for (const size of [1, 2, 3]) {
      for (const filter of [minimumFilter1d, maximumFilter1d]) {
        const back = (await (filter(xg, size) as GPUArray).toHost()) as NDArray;
        const host = filter(x, size);
        expect(Array.from(back.toTypedArray() as Float32Array).map((v) => Object.is(v, -0) ? '-0' : v)).toEqual(
          Array.from(host.toTypedArray() as Float32Array).map((v) => Object.is(v, -0) ? '-0' : v),
        );
      }
    }
    xg.dispose();
  });

  it('declines what the GPU does not produce, with the reason', () => {
    const xg = toDevice(hostInts([4, 4], 1, 'uint32'));
    // SciPy would store its C cast of -1 into uint32
    expect(() => minimumFilter(xg, { size: 3, mode: 'constant', cval: -1 })).toThrow(NotSupportedError);
    expect(() => minimumFilter(xg, { size: 3, output: 'float32' })).toThrow(NotSupportedError);
    try {
      minimumFilter1d(xg, 3, { mode: 'constant', cval: Number.NaN });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NotSupportedError);
      expect((error as NotSupportedError).argument).toBe('cval');
    }
    xg.dispose();
  });
});

describe('median, rank and percentile filters on GPU arrays', () => {
  it('every dtype, footprints, axes, origins and modes, as the host selects', async () => {
    const footprint = [
      [1, 1, 0],
      [0, 1, 1],
      [1, 0, 1],
    ];
    for (const dtype of ['float32', 'int32', 'uint32', 'bool'] as const) {
      const x = hostInts([5, 6, 4], 5, dtype);
      const xg = toDevice(x);
      for (const mode of ['reflect', 'constant', 'nearest', 'mirror', 'wrap'] as const) {
        await same(medianFilter(xg, { size: [3, 3, 2], mode, cval: 1 }), medianFilter(x, { size: [3, 3, 2], mode, cval: 1 }));
        await same(rankFilter(xg, -3, { footprint, axes: [2, 1], origin: [1, -1], mode }), rankFilter(x, -3, { footprint, axes: [2, 1], origin: [1, -1], mode }));
        await same(percentileFilter(xg, 30, { size: 4, axes: [0], mode }), percentileFilter(x, 30, { size: 4, axes: [0], mode }));
      }
      // the smallest and largest ranks are the min/max filters, which take a mode per axis
      await same(rankFilter(xg, 0, { size: [2, 3, 1], mode: ['wrap', 'constant', 'nearest'] }), rankFilter(x, 0, { size: [2, 3, 1], mode: ['wrap', 'constant', 'nearest'] }));
      xg.dispose();
    }
  });

  it('NaN lands where Hoare’s FIND puts it, as in SciPy’s n-D rank filters', async () => {
    const v = randomValues(7 * 6, 21).map((r, i) => (i % 5 === 2 ? Number.NaN : Math.round(r * 4)));
    const x = asarray(Float32Array.from(v), { shape: [7, 6] });
    const xg = toDevice(x);
    for (const rank of [1, 4, 7]) await same(rankFilter(xg, rank, { size: 3 }), rankFilter(x, rank, { size: 3 }));
    await same(medianFilter(xg, { size: [5, 1], mode: 'mirror' }), medianFilter(x, { size: [5, 1], mode: 'mirror' }));
    xg.dispose();
  });

  it('declines windows of more than 64 elements, naming the window argument', () => {
    const xg = toDevice(hostInts([12, 12], 2, 'float32'));
    expect(() => medianFilter(xg, { size: [5, 13] })).toThrow(/at most 64/);
    try {
      percentileFilter(xg, 50, { footprint: Array.from({ length: 9 }, () => new Array(9).fill(1)) });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NotSupportedError);
      expect((error as NotSupportedError).argument).toBe('footprint');
    }
    xg.dispose();
  });
});
