import { asarray, type NDArray } from '@sciport/array-api';
import { DtypeError, InvalidArgumentError, NotSupportedError, ShapeError } from '@sciport/dispatch-core';
import { LinAlgError, solve } from '@sciport/linalg';
import { describe, expect, it } from 'vitest';
import { memoryInfo, solveRefined, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';
import { randomValues } from './reference.js';

await useGPU();

function system(n: number, k: number, seed: number, diagonal: number): { a: NDArray; b: NDArray } {
  const a = randomValues(n * n, seed);
  for (let i = 0; i < n; i++) a[i * n + i] += diagonal;
  return { a: asarray(a, { shape: [n, n] }), b: asarray(randomValues(n * k, seed + 1), { shape: k === 1 ? [n] : [n, k] }) };
}

function maxRelativeDifference(x: NDArray, y: NDArray): number {
  const p = x.toTypedArray() as Float64Array;
  const q = y.toTypedArray() as Float64Array;
  let scale = 0;
  let diff = 0;
  for (let i = 0; i < q.length; i++) {
    scale = Math.max(scale, Math.abs(q[i]!));
    diff = Math.max(diff, Math.abs(p[i]! - q[i]!));
  }
  return diff / scale;
}

describe('solveRefined: float32 LU on the GPU, float64 accuracy by refinement', () => {
  for (const [n, k] of [
    [1, 1],
    [40, 1],
    [150, 3],
  ] as const) {
    it(`reaches float64 accuracy on a well-conditioned ${n}×${n} system with ${k} right-hand side(s)`, async () => {
      const { a, b } = system(n, k, n, 8);
      const refined = await solveRefined(a, b);
      const host = solve(a, b) as NDArray;
      expect(refined.fellBack).toBe(false);
      expect(refined.x.dtype).toBe('float64');
      expect(refined.x.shape).toEqual(host.shape);
      expect(refined.backwardError).toBeLessThanOrEqual(2 ** -53 * Math.sqrt(n));
      // κ(a) is small here, so float64 accuracy means agreeing with the host's float64 solve
      expect(maxRelativeDifference(refined.x, host)).toBeLessThan(1e-13);
      expect(refined.plan.join('\n')).toMatch(/float32 on the GPU[\s\S]*refinement step/);
    });
  }

  it('is about ten million times more accurate than the float32 solve alone', async () => {
    const { a, b } = system(60, 1, 3, 6);
    const host = solve(a, b) as NDArray;
    const single = (await (solve(toDevice(a, { dtype: 'float32' }), toDevice(b, { dtype: 'float32' })) as unknown as { toHost(): Promise<NDArray> }).toHost()) as NDArray;
    const refined = await solveRefined(a, b);
    expect(refined.iterations).toBeGreaterThan(0);
    expect(maxRelativeDifference(single, host)).toBeGreaterThan(1e7 * maxRelativeDifference(refined.x, host));
  });

  it('falls back to the host in float64 when κ(a)·ε₃₂ ≥ 1 (Hilbert 12), and says so', async () => {
    const n = 12;
    const hilbert = asarray(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => 1 / (i + j + 1))));
    const b = asarray(randomValues(n, 5));
    const refined = await solveRefined(hilbert, b, { maxIterations: 10 });
    expect(refined.fellBack).toBe(true);
    expect(refined.plan.at(-1)).toMatch(/solved on the host in float64/);
    expect(refined.x.toTypedArray()).toEqual((solve(hilbert, b) as NDArray).toTypedArray());
  });

  it('a singular matrix ends in the host solve, which raises LinAlgError', async () => {
    const a = asarray([
      [1, 2],
      [2, 4],
    ]);
    await expect(solveRefined(a, asarray([1, 1]))).rejects.toThrow(LinAlgError);
  });

  it('refuses bad input with the argument named', async () => {
    const { a, b } = system(4, 1, 1, 4);
    await expect(solveRefined(toDevice(a, { dtype: 'float32' }), b)).rejects.toThrow(DtypeError);
    await expect(solveRefined(asarray([[1, 2, 3]]), b)).rejects.toThrow(ShapeError);
    await expect(solveRefined(a, asarray([1, 2, 3]))).rejects.toThrow(/'b' must be \[4\]/);
    await expect(solveRefined(asarray([[1, 0], [0, Number.NaN]]), asarray([1, 1]))).rejects.toThrow(InvalidArgumentError);
    await expect(solveRefined(a, b, { maxIterations: -1 })).rejects.toThrow(/maxIterations/);
    await expect(solveRefined(a, b, { refine: true } as never)).rejects.toThrow(InvalidArgumentError);
    await expect(solveRefined(asarray([[1, 0], [0, 1]], { dtype: 'complex128' }), asarray([1, 1]))).rejects.toThrow(NotSupportedError);
  });

  it('gives every GPU buffer back', async () => {
    const before = memoryInfo().liveArrays;
    for (let t = 0; t < 5; t++) {
      const { a, b } = system(20, 2, t, 5);
      await solveRefined(a, b);
    }
    expect(memoryInfo().liveArrays).toBe(before);
  });
});
