/**
 * linalg on chunked stacks of matrices over worker threads: the shared sciport.linalg suite
 * (SciPy fixtures) for the functions the cluster claims, in blocks of 1 along the stack axes
 * and of 2 along the matrix axes (so every call first makes its matrices whole), and the
 * stack strategy's own behaviour.
 */
import { asarray, type NDArray } from '@sciport/array-api';
import { type Cluster, chunked, cluster, clusterBackend } from '@sciport/backend-cluster';
import { claimedFunctions, linalgSuite } from '@sciport/conformance/node';
import { BackendNotImplementedError, explain, ShapeError } from '@sciport/dispatch-core';
import { cholesky, expm, inv, LINALG_DOMAIN, LinAlgError, pinv, solve } from '@sciport/linalg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkedFactory } from './helpers/factory.js';

let c: Cluster;
beforeAll(async () => {
  c = await cluster.local({ workers: 2 });
});
afterAll(async () => {
  await c.close();
});

const stackSplit = (shape: readonly number[]) => shape.map((n, d) => (d < shape.length - 2 ? 1 : Math.max(1, Math.ceil(n / 2))));

// SciPy's pinv/pinvh fixtures all ask for returnRank, a tuple the cluster declines (tested
// below); their stack results are compared with the host's below, bit for bit.
linalgSuite(chunkedFactory('chunked stacks (worker threads)', () => c, stackSplit), {
  include: claimedFunctions(clusterBackend, LINALG_DOMAIN),
  exclude: ['pinv', 'pinvh'],
});

/** A stack of `count` symmetric positive definite n×n matrices, deterministic. */
function spdStack(count: number, n: number): NDArray {
  const values = new Float64Array(count * n * n);
  for (let m = 0; m < count; m++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) values[m * n * n + i * n + j] = (i === j ? n + m : 0) + Math.cos(i + j + m) / 4;
    }
  }
  return asarray(values, { shape: [count, n, n] });
}

describe('linalg on chunked stacks', () => {
  /** `fn` on `host` chunked in `chunks`, called as `call` does (default: fn(x)), read back. */
  const run = async (fn: (...args: never[]) => unknown, host: NDArray, chunks: number[], call = (x: unknown) => fn(x as never)) => {
    const x = chunked(host, { chunks, cluster: c });
    expect(explain(fn as never, x).chosen).toBe('cluster');
    return (await (call(x) as { toHost(): Promise<NDArray> }).toHost()) as NDArray;
  };

  it('gives every matrix the host result, to the bit, for stack blocks of any size', async () => {
    const a = spdStack(7, 5);
    for (const chunks of [
      [1, 5, 5],
      [3, 2, 5],
      [7, 5, 5],
    ]) {
      for (const fn of [inv, cholesky, expm] as const) {
        const got = await run(fn as never, a, chunks);
        expect(got.toTypedArray()).toEqual((fn(a) as NDArray).toTypedArray());
      }
    }
  });

  it('passes options, and lets the matrix shape change (pinv)', async () => {
    const wide = asarray(Float64Array.from({ length: 4 * 2 * 5 }, (_, i) => Math.sin(i)), { shape: [4, 2, 5] });
    const p = await run(pinv, wide, [2, 2, 5], (x) => pinv(x as never, { atol: 1e-12 }));
    expect(p.shape).toEqual([4, 5, 2]);
    expect(p.toTypedArray()).toEqual((pinv(wide, { atol: 1e-12 }) as NDArray).toTypedArray());
    const lower = await run(cholesky, spdStack(3, 4), [1, 4, 4], (x) => cholesky(x as never, { lower: true }));
    expect(lower.toTypedArray()).toEqual((cholesky(spdStack(3, 4), { lower: true }) as NDArray).toTypedArray());
  });

  it("reports a worker's LinAlgError (a matrix of the stack is not positive definite)", async () => {
    const values = Float64Array.from(spdStack(4, 3).toTypedArray() as Float64Array);
    values[2 * 9] = -50; // matrix 2: a negative leading entry
    const a = asarray(values, { shape: [4, 3, 3] });
    expect(() => cholesky(a)).toThrow(LinAlgError);
    const y = cholesky(chunked(a, { chunks: [1, 3, 3], cluster: c }) as never) as unknown as { toHost(): Promise<NDArray> };
    await expect(y.toHost()).rejects.toThrow(LinAlgError);
  });

  it('refuses what it cannot run, with the reason', () => {
    expect(() => inv(chunked(asarray([1, 2, 3]), { chunks: [2], cluster: c }) as never)).toThrow(ShapeError);
    const a = chunked(spdStack(2, 3), { chunks: [1, 3, 3], cluster: c });
    expect(() => solve(a as never, chunked(asarray([1, 2, 3]), { chunks: [3], cluster: c }) as never)).toThrow(BackendNotImplementedError);
    expect(() => pinv(a as never, { returnRank: true })).toThrow(/returnRank gives a tuple/);
  });
});
