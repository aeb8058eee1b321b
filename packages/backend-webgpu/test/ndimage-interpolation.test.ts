import { asarray, type NDArray } from '@sciport/array-api';
import { NotSupportedError } from '@sciport/dispatch-core';
import { affineTransform, type BoundaryMode, geometricTransform, mapCoordinates, rotate, shift, splineFilter, splineFilter1d, zoom } from '@sciport/ndimage';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GPUArray, memoryInfo, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';
import { randomValues } from './reference.js';

await useGPU();

const MODES: readonly BoundaryMode[] = ['constant', 'nearest', 'reflect', 'mirror', 'wrap', 'grid-constant', 'grid-mirror', 'grid-wrap'];
/** The ndimage conformance suite's float32 tolerance, relative to max|expected|. */
const FLOAT32_TOLERANCE = 1e-6;

function hostArray(shape: number[], seed: number): NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  return asarray(Array.from(randomValues(size, seed), (r) => r * 10), { shape, dtype: 'float32' });
}

async function read(gpu: unknown): Promise<NDArray> {
  expect(gpu).toBeInstanceOf(GPUArray);
  const g = gpu as GPUArray;
  const back = (await g.toHost()) as NDArray;
  g.dispose();
  return back;
}

function values(x: NDArray): number[] {
  return Array.from(x.toTypedArray() as ArrayLike<number>);
}

/** The GPU result has the host's shape and float32 values within `tol` · max|host| (exactly when tol is 0). */
async function agrees(gpu: unknown, host: NDArray, tol = FLOAT32_TOLERANCE, label = ''): Promise<void> {
  const back = await read(gpu);
  expect(back.dtype, label).toBe('float32');
  expect(back.shape, label).toEqual(host.shape);
  const a = values(back);
  const e = values(host);
  const scale = Math.max(0, ...e.filter(Number.isFinite).map(Math.abs));
  const worst = Math.max(0, ...a.map((v, i) => (Object.is(v, e[i]) ? 0 : Math.abs(v - e[i]))));
  if (tol === 0) expect(a, label).toEqual(e);
  else expect(worst, `${label}: max error ${worst} for scale ${scale}`).toBeLessThanOrEqual(tol * scale);
}

describe('interpolation on GPU arrays agrees with the host', () => {
  it('shift, every mode and order, 1-D to 3-D', async () => {
    for (const shape of [[7], [5, 6], [3, 4, 5]]) {
      const x = hostArray(shape, shape.length);
      const xg = toDevice(x);
      const before = memoryInfo();
      for (const mode of MODES) {
        for (let order = 0; order <= 5; order++) {
          const s = shape.map((_, d) => [0.3, -1.7, 2.45][d]);
          const o = { order, mode, cval: 1.5 };
          await agrees(shift(xg, s, o), shift(x, s, o), FLOAT32_TOLERANCE, `shift ${shape} ${mode} ${order}`);
        }
      }
      const after = memoryInfo();
      expect(after.liveArrays).toBe(before.liveArrays);
      xg.dispose();
    }
  });
});
