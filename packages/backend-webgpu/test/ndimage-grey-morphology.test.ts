import { asarray, type NDArray } from '@sciport/array-api';
import { NotSupportedError } from '@sciport/dispatch-core';
import { blackTophat, greyDilation, greyErosion, greyOpening, morphologicalGradient, morphologicalLaplace, whiteTophat } from '@sciport/ndimage';
import { describe, expect, it } from 'vitest';
import { GPUArray, memoryInfo, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';
import { randomValues } from './reference.js';

await useGPU();

function hostArray(shape: number[], seed: number, dtype: 'float32' | 'int32' | 'uint32' | 'bool'): NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  const v = randomValues(size, seed).map((r) => (dtype === 'float32' ? r * 10 : Math.floor(Math.abs(r) * 97) % (dtype === 'bool' ? 2 : 40)));
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

const structure = asarray([0.5, -1.25, 2, 0.75, 3, -0.5], { shape: [2, 3] });
const footprint = [
  [1, 0, 1],
  [1, 1, 0],
];

describe('grey morphology on GPU arrays', () => {
  it('flat and non-flat windows, every mode, origins and axes, as the host computes them', async () => {
    for (const dtype of ['float32', 'int32'] as const) {
      const x = hostArray([6, 5, 4], 4, dtype);
      const xg = toDevice(x);
      const before = memoryInfo();
      for (const fn of [greyErosion, greyDilation]) {
        for (const mode of ['reflect', 'constant', 'nearest', 'mirror', 'wrap'] as const) {
          const o = { structure, axes: [2, 0], origin: [-1, 0], mode, cval: 2.5 };
          await same(fn(xg, o), fn(x, o));
          await same(fn(xg, { ...o, footprint }), fn(x, { ...o, footprint }));
          await same(fn(xg, { footprint, axes: [0, 1], origin: [0, -1], mode }), fn(x, { footprint, axes: [0, 1], origin: [0, -1], mode }));
        }
        await same(fn(xg, { size: [2, 3, 2], mode: ['wrap', 'constant', 'nearest'] }), fn(x, { size: [2, 3, 2], mode: ['wrap', 'constant', 'nearest'] }));
      }
      for (const fn of [greyOpening, morphologicalGradient, morphologicalLaplace, whiteTophat, blackTophat]) {
        await same(fn(xg, { size: [3, 2, 2] }), fn(x, { size: [3, 2, 2] }));
        await same(fn(xg, { structure, axes: [1, 2] }), fn(x, { structure, axes: [1, 2] }));
      }
      const after = memoryInfo();
      expect(after.liveArrays).toBe(before.liveArrays);
      expect(after.bytesInUse).toBe(before.bytesInUse);
      xg.dispose();
    }
  });

  it('reads an int64 structure (bigints) as the host does', async () => {
    // found by the bad-input fuzz: a bigint structure used to throw a TypeError on the GPU path
    const x = asarray([[1.5, -2, 4]], { dtype: 'float32' });
    const s = asarray([[-3n, 2n]], { dtype: 'int64' });
    await same(greyErosion(toDevice(x), { structure: s }), greyErosion(x, { structure: s }) as NDArray);
    await same(greyErosion(toDevice(asarray(0, { dtype: 'float32' })), { structure: -3n }), greyErosion(asarray(0, { dtype: 'float32' }), { structure: -3n }) as NDArray);
  });

  it('bool and uint32 arrays with flat windows; a non-flat structure there is declined', async () => {
    for (const dtype of ['bool', 'uint32'] as const) {
      const x = hostArray([5, 6], 8, dtype);
      const xg = toDevice(x);
      await same(greyDilation(xg, { footprint, mode: 'constant' }), greyDilation(x, { footprint, mode: 'constant' }));
      await same(whiteTophat(xg, { size: 3 }), whiteTophat(x, { size: 3 }));
      expect(() => greyErosion(xg, { structure })).toThrow(NotSupportedError);
      xg.dispose();
    }
  });
});
