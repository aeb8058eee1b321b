import { describe, expect, it } from 'vitest';
import { c2cAlongAxis } from '../src/fft/axis-transform.js';
import { uploadData } from '../src/upload.js';
import { useGPU } from './gpu-setup.js';
import { randomValues, referenceDFT, relativeError } from './reference.js';

await useGPU();

async function check(shape: number[], axis: number, inverse: boolean, seed = 3) {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = randomValues(2 * size, seed);
  const x = uploadData(Float32Array.from(data), shape, 'complex64');
  const y = c2cAlongAxis(x, { axis, n: shape[axis], inverse, scale: 1 });
  const got = await y.toTypedArray();
  x.dispose();
  y.dispose();
  const expected = referenceDFT(Float32Array.from(data), shape, axis, inverse ? -1 : 1);
  return relativeError(got, expected);
}

describe('WGSL Stockham c2c', () => {
  for (const n of [1, 2, 3, 4, 5, 7, 8, 12, 16, 30, 64, 105, 128, 243, 256, 1000]) {
    it(`length ${n} along the last axis`, async () => {
      expect(await check([3, n], 1, false)).toBeLessThan(2e-6 * Math.max(1, Math.log2(n)));
    });
  }
  for (const n of [11, 13, 17, 97, 257]) {
    it(`length ${n} (Bluestein)`, async () => {
      expect(await check([2, n], 1, false)).toBeLessThan(5e-6 * Math.log2(n));
    });
  }
  it('along a middle axis, inverse', async () => {
    expect(await check([2, 12, 5], 1, true)).toBeLessThan(1e-5);
    expect(await check([6, 4, 3], 0, false)).toBeLessThan(1e-5);
  });
  it('multi-pass lengths', async () => {
    expect(await check([1, 4096], 1, false)).toBeLessThan(1e-5);
    expect(await check([1, 6144], 1, true)).toBeLessThan(1e-5);
  });
});
