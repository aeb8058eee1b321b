import { asarray, type NDArray } from '@sciport/array-api';
import { BackendNotImplementedError, explain, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { inv, LinAlgError, solve } from '@sciport/linalg';
import { describe, expect, it } from 'vitest';
import { GPUArray, memoryInfo, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';
import { randomValues } from './reference.js';

await useGPU();

const EPS32 = 2 ** -23;

function hostFloat32(shape: number[], seed: number, diagonal = 0): NDArray {
  const values = Float32Array.from(randomValues(shape.reduce((a, b) => a * b, 1), seed));
  const n = shape[shape.length - 1]!;
  if (diagonal !== 0) for (let p = 0; p < values.length; p++) if (Math.floor(p / n) % n === p % n) values[p] += diagonal;
  return asarray(values, { shape });
}

async function read(x: unknown): Promise<Float32Array> {
  expect(x).toBeInstanceOf(GPUArray);
  const host = (await (x as GPUArray).toHost()) as NDArray;
  (x as GPUArray).dispose();
  return host.toTypedArray() as Float32Array;
}

/**
 * max over the batch of ‖A x − B‖∞ / (‖A‖∞ ‖x‖∞ + ‖B‖∞), in float64: the normwise backward
 * error of a computed solution, which a stable LU keeps within a small multiple of n·ε.
 */
function backwardError(a: Float32Array, x: Float32Array, b: Float32Array, n: number, k: number, batches: number): number {
  let worst = 0;
  for (let m = 0; m < batches; m++) {
    let normA = 0;
    let normX = 0;
    let normB = 0;
    let residual = 0;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let j = 0; j < n; j++) row += Math.abs(a[m * n * n + i * n + j]!);
      normA = Math.max(normA, row);
      for (let c = 0; c < k; c++) {
        let sum = -b[m * n * k + i * k + c]!;
        for (let j = 0; j < n; j++) sum += a[m * n * n + i * n + j]! * x[m * n * k + j * k + c]!;
        residual = Math.max(residual, Math.abs(sum));
        normX = Math.max(normX, Math.abs(x[m * n * k + i * k + c]!));
        normB = Math.max(normB, Math.abs(b[m * n * k + i * k + c]!));
      }
    }
    worst = Math.max(worst, residual / (normA * normX + normB));
  }
  return worst;
}

describe('linalg on GPU arrays', () => {
  // First, before other tests leave garbage whose collection would move the live count.
  it('gives every buffer back to the pool', async () => {
    const before = memoryInfo().liveArrays;
    for (let t = 0; t < 20; t++) {
      const ag = toDevice(hostFloat32([2, 8, 8], t, 2));
      const bg = toDevice(hostFloat32([8], t));
      await read(solve(ag, bg));
      await read(inv(ag));
      ag.dispose();
      bg.dispose();
    }
    expect(memoryInfo().liveArrays).toBe(before);
  });

  for (const [n, batches, k] of [
    [1, 1, 1],
    [5, 3, 2],
    [70, 2, 3],
    [130, 1, 1],
  ] as const) {
    it(`solve: a stack of ${batches} ${n}×${n} systems with ${k} right-hand sides, backward stable in float32`, async () => {
      const a = hostFloat32([batches, n, n], n + batches);
      const b = hostFloat32([batches, n, k], 7 * n);
      const ag = toDevice(a);
      const bg = toDevice(b);
      expect(explain(solve, ag, bg).chosen).toBe('webgpu');
      const x = await read(solve(ag, bg));
      expect(backwardError(a.toTypedArray() as Float32Array, x, b.toTypedArray() as Float32Array, n, k, batches)).toBeLessThan(10 * n * EPS32);
      // the inputs are not modified
      expect(await read(ag)).toEqual(a.toTypedArray());
      expect(await read(bg)).toEqual(b.toTypedArray());
    });
  }

  it('solve: a vector b broadcast over a stack of matrices gives a stack of vectors', async () => {
    const a = hostFloat32([4, 6, 6], 3, 4);
    const b = hostFloat32([6], 5);
    const x = solve(toDevice(a), toDevice(b)) as unknown as GPUArray;
    expect(x.shape).toEqual([4, 6]);
    const values = await read(x);
    const host = solve(a, b);
    const want = host.toTypedArray() as Float32Array;
    for (let i = 0; i < want.length; i++) expect(Math.abs(values[i]! - want[i]!)).toBeLessThan(1e-5 * Math.max(1, Math.abs(want[i]!)));
  });

  it('solve: a singular slice is reported when the result is read, naming the slice', async () => {
    const a = hostFloat32([3, 4, 4], 11, 3);
    const values = a.toTypedArray() as Float32Array;
    for (let j = 0; j < 4; j++) values[16 + 4 + j] = 2 * values[16 + j]!; // slice 1: row 1 = 2 · row 0
    const x = solve(toDevice(asarray(values, { shape: [3, 4, 4] })), toDevice(hostFloat32([3, 4, 1], 2)));
    expect(x).toBeInstanceOf(GPUArray);
    const read = (x as unknown as GPUArray).toHost();
    await expect(read).rejects.toThrow(LinAlgError);
    await expect(read).rejects.toThrow('slice(s) [1]');
  });

  it("solve: assumeA 'pos' reports a matrix that is not positive definite", async () => {
    const a = asarray(Float32Array.from([1, 2, 2, 1]), { shape: [2, 2] }); // eigenvalues 3 and −1
    const x = solve(toDevice(a), toDevice(hostFloat32([2], 1)), { assumeA: 'pos' }) as unknown as GPUArray;
    await expect(x.toHost()).rejects.toThrow(LinAlgError);
    const y = solve(toDevice(a), toDevice(hostFloat32([2], 1)), { assumeA: 'sym' }) as unknown as GPUArray;
    await expect(y.toHost()).resolves.toBeDefined();
  });

  it('solve: non-finite input is an error on read unless checkFinite is false', async () => {
    const a = hostFloat32([3, 3], 4, 3);
    const b = asarray(Float32Array.from([1, Number.NaN, 2]));
    const checked = solve(toDevice(a), toDevice(b)) as unknown as GPUArray;
    await expect(checked.toHost()).rejects.toThrow(InvalidArgumentError);
    await expect(checked.toHost()).rejects.toThrow("'b' must not contain infs or NaNs");
    const unchecked = await read(solve(toDevice(a), toDevice(b), { checkFinite: false }));
    expect(unchecked.some(Number.isNaN)).toBe(true);
  });

  it('solve: wrong shapes and dtypes fail at the call with the argument named', () => {
    const square = toDevice(hostFloat32([3, 3], 1));
    expect(() => solve(toDevice(hostFloat32([3, 4], 1)), toDevice(hostFloat32([3], 1)))).toThrow(ShapeError);
    expect(() => solve(square, toDevice(hostFloat32([4], 1)))).toThrow(/b has 4 rows/);
    expect(() => solve(square, toDevice(hostFloat32([3], 1)), { assumeA: 'banana' as never })).toThrow(InvalidArgumentError);
    const ints = toDevice(asarray(Int32Array.from([1, 0, 0, 1]), { shape: [2, 2] }));
    expect(() => solve(ints, toDevice(hostFloat32([2], 1)))).toThrow(BackendNotImplementedError);
    expect(() => solve(ints, toDevice(hostFloat32([2], 1)))).toThrow(/linalg on the GPU takes float32/);
  });

  it('inv(a) · a is the identity to float32 accuracy, for a stack', async () => {
    const n = 12;
    const a = hostFloat32([2, n, n], 9, 3);
    const x = await read(inv(toDevice(a)));
    const av = a.toTypedArray() as Float32Array;
    for (let m = 0; m < 2; m++) {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let sum = 0;
          for (let l = 0; l < n; l++) sum += x[m * n * n + i * n + l]! * av[m * n * n + l * n + j]!;
          expect(Math.abs(sum - (i === j ? 1 : 0))).toBeLessThan(20 * n * EPS32);
        }
      }
    }
  });

});
