import { asarray, type NDArray } from '@sciport/array-api';
import { NotSupportedError } from '@sciport/dispatch-core';
import {
  binaryClosing,
  binaryDilation,
  binaryErosion,
  binaryFillHoles,
  binaryHitOrMiss,
  binaryOpening,
  binaryPropagation,
} from '@sciport/ndimage';
import { describe, expect, it } from 'vitest';
import { GPUArray, memoryInfo, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';
import { randomValues } from './reference.js';

await useGPU();

/** A random bool host array with about `density` of its elements true. */
function hostBool(shape: number[], seed: number, density = 0.6): NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  return asarray(
    randomValues(size, seed).map((r) => (r + 1) / 2 < density),
    { shape, dtype: 'bool' },
  );
}

/** The GPU result equals the host's bool result exactly. */
async function same(gpu: unknown, host: NDArray): Promise<void> {
  expect(gpu).toBeInstanceOf(GPUArray);
  const g = gpu as GPUArray;
  const back = (await g.toHost()) as NDArray;
  g.dispose();
  expect(back.dtype).toBe('bool');
  expect(back.shape).toEqual(host.shape);
  expect(Array.from(back.toTypedArray() as ArrayLike<number>)).toEqual(Array.from(host.toTypedArray() as ArrayLike<number>));
}

const cross = [
  [0, 1, 0],
  [1, 1, 1],
  [0, 1, 0],
];
const uncentred = [
  [1, 0],
  [0, 1],
];

describe('binary morphology on GPU arrays', () => {
  it('erosion and dilation with structures, origins, axes, border values, masks and iterations, as the host', async () => {
    const x = hostBool([9, 8, 3], 31);
    const mask = hostBool([9, 8, 3], 32, 0.7);
    const xg = toDevice(x);
    const maskg = toDevice(mask);
    const before = memoryInfo();
    for (const fn of [binaryErosion, binaryDilation]) {
      for (const iterations of [1, 2, 5, 100, 0, -1]) {
        await same(fn(xg, { iterations, axes: [0, 1], structure: cross }), fn(x, { iterations, axes: [0, 1], structure: cross }));
        await same(fn(xg, { iterations, mask: maskg, borderValue: 1 }), fn(x, { iterations, mask, borderValue: 1 }));
        // a host mask is uploaded
        await same(fn(xg, { iterations, mask, origin: [0, 1, -1] }), fn(x, { iterations, mask, origin: [0, 1, -1] }));
      }
      await same(fn(xg, { structure: uncentred, axes: [2, 0], origin: [0, -1], iterations: 3 }), fn(x, { structure: uncentred, axes: [2, 0], origin: [0, -1], iterations: 3 }));
    }
    const after = memoryInfo();
    expect(after.liveArrays).toBe(before.liveArrays);
    expect(after.bytesInUse).toBe(before.bytesInUse);
    xg.dispose();
    maskg.dispose();
  });

  it('propagation and hole filling converge on the device over a long serpentine path', async () => {
    // a corridor that winds through the whole image: reaching its end takes one pass per cell
    const rows = 17;
    const cols = 15;
    const corridor = Array.from({ length: rows * cols }, (_, k) => {
      const r = Math.floor(k / cols);
      const c = k % cols;
      if (r % 2 === 0) return true;
      return Math.floor(r / 2) % 2 === 0 ? c === cols - 1 : c === 0;
    });
    const mask = asarray(corridor, { shape: [rows, cols], dtype: 'bool' });
    const seed = asarray(
      Array.from({ length: rows * cols }, (_, k) => k === 0),
      { shape: [rows, cols], dtype: 'bool' },
    );
    await same(binaryPropagation(toDevice(seed), { mask: toDevice(mask) }), binaryPropagation(seed, { mask }));
    // a counted dilation along the corridor that stops part way (more passes than run in parallel)
    for (const iterations of [40, 90]) {
      await same(binaryDilation(toDevice(seed), { mask: toDevice(mask), iterations }), binaryDilation(seed, { mask, iterations }));
    }
    const rings = hostBool([12, 13], 41, 0.5);
    await same(binaryFillHoles(toDevice(rings)), binaryFillHoles(rings));
    await same(binaryFillHoles(toDevice(rings), { structure: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] }), binaryFillHoles(rings, { structure: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] }));
  });

  it('opening, closing and hit-or-miss on float32 input (nonzero = true), as the host', async () => {
    const x = asarray(
      randomValues(10 * 9, 51).map((r) => (r > -0.2 ? r : 0)),
      { shape: [10, 9], dtype: 'float32' },
    );
    const xg = toDevice(x);
    const before = memoryInfo();
    await same(binaryOpening(xg, { iterations: 2 }), binaryOpening(x, { iterations: 2 }));
    await same(binaryClosing(xg, { structure: cross, borderValue: 1 }), binaryClosing(x, { structure: cross, borderValue: 1 }));
    await same(binaryHitOrMiss(xg), binaryHitOrMiss(x));
    await same(binaryHitOrMiss(xg, { structure1: uncentred, origin1: [0, -1] }), binaryHitOrMiss(x, { structure1: uncentred, origin1: [0, -1] }));
    expect(memoryInfo().liveArrays).toBe(before.liveArrays);
    xg.dispose();
  });

  it('declines an output array to fill, and huge repetition counts of a structure without its centre', () => {
    const xg = toDevice(hostBool([4, 4], 1));
    expect(() => binaryErosion(xg, { output: hostBool([4, 4], 2) })).toThrow(NotSupportedError);
    try {
      binaryDilation(xg, { structure: [[1, 0, 0], [0, 0, 0], [0, 0, 1]], iterations: 2 ** 20 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NotSupportedError);
      expect((error as NotSupportedError).argument).toBe('iterations');
    }
    xg.dispose();
  });
});
