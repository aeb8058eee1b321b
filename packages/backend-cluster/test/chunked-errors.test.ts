/**
 * The chunked namespace refuses bad arguments exactly as the host namespace does: the same
 * error class, the same argument and the same message, checked before any task is planned.
 */
import { type Cluster, chunked, cluster } from '@sciport/backend-cluster';
import { arrayNamespace, asarray, hostNamespace, type NDArray } from '@sciport/array-api';
import { DtypeError, SciportError, ShapeError } from '@sciport/dispatch-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let c: Cluster;
beforeAll(async () => {
  c = await cluster.local({ workers: 2 });
});
afterAll(async () => {
  await c.close();
});

function ramp(shape: number[], dtype: 'float64' | 'int32' | 'bool' = 'float64'): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: n }, (_, i) => (dtype === 'bool' ? i % 2 === 0 : i - 2));
  return asarray(values, { dtype, shape });
}

function thrown(call: () => unknown): SciportError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(SciportError);
    return error as SciportError;
  }
  throw new Error('the call returned instead of throwing');
}

type Namespace = Record<string, (...args: unknown[]) => unknown>;

/** Bad calls, each given the namespace and the arrays of its kind (made from the same host arrays). */
const CASES: Record<string, (xp: Namespace, a: (h: NDArray) => unknown) => unknown> = {
  'tensordot with too many axes': (xp, a) => xp.tensordot(a(ramp([2, 3])), a(ramp([3, 2])), { axes: 3 }),
  'tensordot with axes lists of two lengths': (xp, a) => xp.tensordot(a(ramp([2, 3])), a(ramp([3, 2])), { axes: [[1], [0, 1]] }),
  'tensordot with unequal contracted axes': (xp, a) => xp.tensordot(a(ramp([2, 3])), a(ramp([2, 3])), { axes: [[0], [1]] }),
  'tensordot with an axis out of bounds': (xp, a) => xp.tensordot(a(ramp([2, 3])), a(ramp([3, 2])), { axes: [[2], [0]] }),
  'matmul of misaligned matrices': (xp, a) => xp.matmul(a(ramp([2, 3])), a(ramp([2, 3]))),
  'matmul of a 0-d array': (xp, a) => xp.matmul(a(ramp([])), a(ramp([2, 3]))),
  'matmul of bool arrays': (xp, a) => xp.matmul(a(ramp([2, 2], 'bool')), a(ramp([3, 2]))),
  'concat of an empty list': (xp) => xp.concat([]),
  'concat of mismatched shapes': (xp, a) => xp.concat([a(ramp([2, 3])), a(ramp([2, 4]))]),
  'concat of 0-d arrays': (xp, a) => xp.concat([a(ramp([])), a(ramp([]))]),
  'stack of mismatched shapes': (xp, a) => xp.stack([a(ramp([2, 3])), a(ramp([3, 2]))]),
  'stack on an axis out of bounds': (xp, a) => xp.stack([a(ramp([2, 3])), a(ramp([2, 3]))], { axis: 3 }),
  'reshape with a -1 that does not divide': (xp, a) => xp.reshape(a(ramp([2, 3])), [4, -1]),
  'reshape to another size': (xp, a) => xp.reshape(a(ramp([2, 3])), [5]),
  'reshape with two -1': (xp, a) => xp.reshape(a(ramp([2, 3])), [-1, -1]),
  'reshape with a fraction': (xp, a) => xp.reshape(a(ramp([2, 3])), [1.5, 4]),
  'squeeze of an axis longer than 1': (xp, a) => xp.squeeze(a(ramp([2, 1])), 0),
  'expandDims at an axis out of bounds': (xp, a) => xp.expandDims(a(ramp([2, 3])), 5),
  'moveaxis with lists of two lengths': (xp, a) => xp.moveaxis(a(ramp([2, 3])), [0, 1], [1]),
  'moveaxis with a repeated axis': (xp, a) => xp.moveaxis(a(ramp([2, 3])), [0, 0], [0, 1]),
  'permuteDims with a repeated axis': (xp, a) => xp.permuteDims(a(ramp([2, 3])), [0, 0]),
  'permuteDims with too few axes': (xp, a) => xp.permuteDims(a(ramp([2, 3])), [0]),
  'tile with a negative repetition': (xp, a) => xp.tile(a(ramp([2, 3])), [2, -1]),
  'repeat with a negative count': (xp, a) => xp.repeat(a(ramp([2, 3])), -2, { axis: 0 }),
  'roll with shifts and axes of two lengths': (xp, a) => xp.roll(a(ramp([2, 3])), [1, 2], { axis: 0 }),
  'roll with a fractional shift': (xp, a) => xp.roll(a(ramp([2, 3])), 1.5, { axis: 0 }),
  'roll without axis and with a list of shifts': (xp, a) => xp.roll(a(ramp([2, 3])), [1, 2]),
  'roll without axis and with a fractional shift': (xp, a) => xp.roll(a(ramp([2, 3])), 1.5),
  'tile with a fractional count': (xp, a) => xp.tile(a(ramp([2, 3])), 1.5),
  'permuteDims with axes that are not a list': (xp, a) => xp.permuteDims(a(ramp([2, 3])), 1),
  'matrixTranspose of a 1-D array': (xp, a) => xp.matrixTranspose(a(ramp([3]))),
  'diff of a 0-d array': (xp, a) => xp.diff(a(ramp([]))),
  'meshgrid of a 2-D array': (xp, a) => xp.meshgrid(a(ramp([3])), a(ramp([2, 2]))),
  'takeAlongAxis with indices of another rank': (xp, a) => xp.takeAlongAxis(a(ramp([2, 3])), a(ramp([3], 'int32')), { axis: 1 }),
  'searchsorted in a 2-D array': (xp, a) => xp.searchsorted(a(ramp([2, 3])), a(ramp([2]))),
  'isdtype with an unknown kind after a match': (xp) => xp.isdtype('float64', ['float64', 'junk']),
  'vecdot along an axis out of bounds': (xp, a) => xp.vecdot(a(ramp([2, 3])), a(ramp([2, 3])), { axis: 2 }),
  'take without axis on a 2-D array': (xp, a) => xp.take(a(ramp([2, 3])), a(ramp([2], 'int32'))),
  'cumulativeSum without axis on a 2-D array': (xp, a) => xp.cumulativeSum(a(ramp([2, 3]))),
  'sort of a 0-d array': (xp, a) => xp.sort(a(ramp([]))),
  'sum over a repeated axis': (xp, a) => xp.sum(a(ramp([2, 3])), { axis: [0, 0] }),
  'max with a non-boolean keepdims': (xp, a) => xp.max(a(ramp([2, 3])), { keepdims: 1 }),
  'flip along an axis out of bounds': (xp, a) => xp.flip(a(ramp([2, 3])), { axis: -3 }),
  'where on a float condition': (xp, a) => xp.where(a(ramp([3])), 1, 2),
  'tril of a 1-D array': (xp, a) => xp.tril(a(ramp([3]))),
  'triu with a fractional k': (xp, a) => xp.triu(a(ramp([3, 3])), { k: 0.5 }),
  'diff of order -1': (xp, a) => xp.diff(a(ramp([3])), { n: -1 }),
  'meshgrid with an unknown indexing': (xp, a) => xp.meshgrid(a(ramp([3])), a(ramp([2])), { indexing: 'zz' }),
  'zeros with a negative length': (xp) => xp.zeros([2, -1]),
  'zeros of an unknown dtype': (xp) => xp.zeros([2], { dtype: 'float13' }),
  'full with a string fill': (xp) => xp.full([2], 'one'),
  'unstack of a 0-d array': (xp, a) => xp.unstack(a(ramp([]))),
  'broadcastTo a smaller rank': (xp, a) => xp.broadcastTo(a(ramp([2, 3])), [3]),
  'broadcastTo a mismatched shape': (xp, a) => xp.broadcastTo(a(ramp([2, 3])), [2, 4]),
  'vecdot of unequal axes': (xp, a) => xp.vecdot(a(ramp([2, 3])), a(ramp([2, 4]))),
  'sum with a misspelt option': (xp, a) => xp.sum(a(ramp([2, 3])), { axs: 0 }),
  'tensordot with options that are a Map': (xp, a) => xp.tensordot(a(ramp([2, 3])), a(ramp([3, 2])), new Map()),
  'abs of a string': (xp) => xp.abs('text'),
  'abs of nothing': (xp) => xp.abs(),
};

describe('chunked namespace errors are the host namespace errors', () => {
  for (const [name, call] of Object.entries(CASES)) {
    it(name, () => {
      const xp = arrayNamespace(chunked(ramp([2]), { cluster: c })) as unknown as Namespace;
      const expected = thrown(() => call(hostNamespace as unknown as Namespace, (h) => h));
      const actual = thrown(() => call(xp, (h) => chunked(h, { chunks: h.shape.map((n) => Math.max(1, Math.ceil(n / 2))), cluster: c })));
      expect(actual.argument, `${actual}`).toBe(expected.argument);
      expect(actual.name).toBe(expected.name);
      expect(actual.message).toBe(expected.message);
    });
  }
});

describe('chunked namespace errors the host namespace cannot raise', () => {
  const x = () => chunked(ramp([2, 3]), { chunks: [1, 2], cluster: c });
  const xp = () => arrayNamespace(x()) as unknown as Namespace;

  it('a dtype that is a bigint is a DtypeError naming it', () => {
    const error = thrown(() => xp().isdtype(1n, 'bool'));
    expect(error).toBeInstanceOf(DtypeError);
    expect(error.argument).toBe('dtype');
  });

  it('repeat refuses blocks past the block limit, naming repeats', () => {
    const error = thrown(() => xp().repeat(x(), 2 ** 31 - 1, { axis: 1 }));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.argument).toBe('repeats');
  });

  it('tile refuses grids past the block-count limit, naming repetitions', () => {
    const error = thrown(() => xp().tile(x(), [2 ** 20, 1]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.argument).toBe('repetitions');
  });

  it('a chunked shape may pass 2^31 − 1 elements, but no dimension may', () => {
    const error = thrown(() => xp().zeros([2 ** 31, 1]));
    expect(error).toBeInstanceOf(ShapeError);
    expect(error.argument).toBe('shape');
  });

  it('broadcastTo splits a stretched axis into blocks of the automatic size', async () => {
    const wide = xp().broadcastTo(chunked(ramp([1]), { cluster: c }), [2 ** 21]) as { chunks: number[][]; toHost(): Promise<NDArray> };
    expect(wide.chunks).toEqual([[2 ** 20, 2 ** 20]]);
    const values = (await wide.toHost()).toTypedArray() as Float64Array;
    expect(values.length).toBe(2 ** 21);
    expect(values.every((v) => v === -2)).toBe(true);
  });

  it('repeat is computed per block: the values are NumPy-s', async () => {
    // np.repeat(np.arange(6).reshape(2, 3) - 2, 2, axis=1)
    const r = xp().repeat(x(), 2, { axis: 1 }) as { toHost(): Promise<NDArray>; chunks: number[][] };
    expect(r.chunks).toEqual([[1, 1], [4, 2]]);
    expect(Array.from((await r.toHost()).toTypedArray() as Float64Array)).toEqual([-2, -2, -1, -1, 0, 0, 1, 1, 2, 2, 3, 3]);
  });
});
