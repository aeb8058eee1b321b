/** Bad inputs give typed errors that name the argument and say what to do. */
import { DtypeError, InvalidArgumentError, NamespaceMismatchError, ShapeError } from '@sciport/dispatch-core';
import { describe, expect, it } from 'vitest';
import { expectError } from './expect-error.js';
import { asarray } from '../src/asarray.js';
import { checkAllocatable } from '../src/layout.js';
import { arrayNamespace, hostNamespace as xp } from '../src/namespace.js';

describe('ragged nested arrays', () => {
  it('ShapeError naming the offending path', () => {
    expectError(() => asarray([[1, 2], [3]]), ShapeError, 'values', /Ragged.*values\[1\]/);
    expectError(() => asarray([[[1], [2]], [[3], 4]]), ShapeError, 'values', /Ragged.*values\[1\]\[1\]/);
    expectError(() => asarray([1, 'two']), DtypeError, 'values', /"two".*values\[1\]/);
  });
});

describe('wrong dtypes', () => {
  it('unknown dtype names', () => {
    expectError(() => xp.zeros([2], { dtype: 'float16' as never }), DtypeError, 'dtype', /Unknown dtype "float16"/);
    expectError(() => asarray([1], { dtype: 'double' as never }), DtypeError, 'dtype', /Unknown dtype/);
  });
  it('functions refuse dtypes outside their domain', () => {
    const f = xp.ones([2]);
    expectError(() => xp.bitwiseAnd(f, f), DtypeError, 'x1', /bitwiseAnd does not accept float64/);
    expectError(() => xp.logicalAnd(f, f), DtypeError, 'x1', /logicalAnd/);
    expectError(() => xp.take(f, f), DtypeError, 'indices', /integer dtype/);
    expectError(() => xp.where(f, f, f), DtypeError, 'condition', /bool/);
    expectError(() => xp.max(xp.ones([2], { dtype: 'complex128' })), DtypeError, 'x', /complex/);
    expectError(() => xp.astype(xp.ones([2], { dtype: 'complex64' }), 'float32'), DtypeError, 'x', /imaginary/);
    expectError(() => xp.matmul(xp.ones([2, 2], { dtype: 'bool' }), f), DtypeError, 'x1', /bool/);
  });
});

describe('shape mismatches', () => {
  it('broadcasting, matmul, concat, reshape, stack', () => {
    expectError(() => xp.add(xp.ones([2, 3]), xp.ones([4])), ShapeError, 'shapes', /cannot be broadcast/);
    expectError(() => xp.matmul(xp.ones([2, 3]), xp.ones([2, 3])), ShapeError, 'x2', /do not align/);
    expectError(() => xp.concat([xp.ones([2, 3]), xp.ones([2, 4])]), ShapeError, 'arrays[1]', /incompatible/);
    expectError(() => xp.reshape(xp.ones([6]), [4, 2]), ShapeError, 'shape', /size 6/);
    expectError(() => xp.stack([xp.ones([2]), xp.ones([3])]), ShapeError, 'arrays[1]', /same shape/);
    expectError(() => xp.broadcastTo(xp.ones([3]), [2, 2]), ShapeError, 'x', /Cannot broadcast/);
    expectError(() => xp.squeeze(xp.ones([2, 3]), 0), ShapeError, 'axis', /size 2/);
    expectError(() => asarray(new Float64Array(6), { shape: [4, 2] }), ShapeError, 'shape', /6/);
  });
  it('axes out of range', () => {
    expectError(() => xp.sum(xp.ones([2, 3]), { axis: 2 }), InvalidArgumentError, 'axis', /out of bounds/);
    expectError(() => xp.take(xp.ones([3]), asarray([3], { dtype: 'int32' })), InvalidArgumentError, 'indices', /out of bounds/);
  });
});

describe('negative, non-integer and huge sizes', () => {
  it('negative or fractional shapes', () => {
    expectError(() => xp.zeros([-1]), ShapeError, 'shape', /non-negative integer/);
    expectError(() => xp.ones([2, 2.5]), ShapeError, 'shape', /2\.5.*position 1/);
    expectError(() => xp.empty(Number.NaN), ShapeError, 'shape', /NaN/);
    expectError(() => xp.linspace(0, 1, -3), InvalidArgumentError, 'num', /non-negative integer/);
    expectError(() => xp.linspace(0, 1, 2.5), InvalidArgumentError, 'num', /non-negative integer/);
    expectError(() => xp.arange(0, 5, 0), InvalidArgumentError, 'step', /zero/);
    expectError(() => xp.eye(-2), ShapeError, 'nRows', /non-negative/);
    expectError(() => xp.repeat(xp.ones([2]), -1), InvalidArgumentError, 'repeats', /non-negative/);
  });
  it('shapes that cannot be allocated are ShapeErrors before any allocation', () => {
    expectError(() => xp.zeros([2 ** 31, 2 ** 31]), ShapeError, 'shape', /at most 2\^31-1/);
    expectError(() => xp.empty([1e300]), ShapeError, 'shape', /1e\+300/);
    // Like NumPy ("Maximum allowed dimension exceeded"), even when another dimension is 0.
    expectError(() => xp.zeros([0, 1e300]), ShapeError, 'shape', /at most 2\^31-1/);
    expectError(() => xp.ones([Number.POSITIVE_INFINITY]), ShapeError, 'shape', /Infinity/);
    expectError(() => xp.zeros([2 ** 31 - 1, 2], { dtype: 'complex128' }), ShapeError, 'shape', /at most 2\^31-1/);
    expectError(() => checkAllocatable([2 ** 20, 2 ** 20], 'n'), ShapeError, 'n', /at most 2\^31-1/);
    expect(() => checkAllocatable([2 ** 31 - 1, 1, 0], 's')).not.toThrow();
    expect(xp.zeros([0, 2 ** 31 - 1]).size).toBe(0);
  });
  it('more than 2^31 − 1 elements', () => {
    expectError(() => xp.zeros([2 ** 16, 2 ** 16]), ShapeError, 'shape', /at most 2\^31-1/);
    expectError(() => xp.arange(0, 3e9), ShapeError, 'stop', /at most 2\^31-1/);
    expectError(() => xp.linspace(0, 1, 2 ** 31), ShapeError, 'num', /at most 2\^31-1/);
    expectError(() => xp.full([2 ** 20, 2 ** 12], 1), ShapeError, 'shape', /2\^31/);
  });
});

describe('transpose axes', () => {
  it('must be a permutation of 0..ndim-1 (negative axes allowed)', () => {
    const x = xp.reshape(xp.arange(6), [1, 2, 3]);
    expectError(() => x.transpose(0, 0, 1), InvalidArgumentError, 'axes', /repeats/);
    expectError(() => xp.ones([2, 2]).transpose(0, 0), InvalidArgumentError, 'axes', /repeats/);
    expectError(() => x.transpose(0, 1), InvalidArgumentError, 'axes', /3 axes/);
    expectError(() => x.transpose(0, 1, 3), InvalidArgumentError, 'axes', /out of bounds/);
    expectError(() => x.transpose(0, 1, 1.5), InvalidArgumentError, 'axes', /integer/);
    expectError(() => xp.permuteDims(x, [2, 2, 0]), InvalidArgumentError, 'axes', /repeats/);
    expectError(() => xp.permuteDims(x, [0, 1]), InvalidArgumentError, 'axes', /3 axes/);
    // np.arange(6).reshape(1, 2, 3).transpose(-1, 0, 1).shape == (3, 1, 2); .transpose() reverses.
    expect(x.transpose(-1, 0, 1).shape).toEqual([3, 1, 2]);
    expect(x.transpose(-1, 0, 1).toArray()).toEqual([[[0, 3]], [[1, 4]], [[2, 5]]]);
    expect(x.transpose().shape).toEqual([3, 2, 1]);
  });
});

describe('mixed array kinds', () => {
  it('arrayNamespace throws NamespaceMismatchError for host + gpu', () => {
    const fakeGpu = {
      [Symbol.for('sciport.array')]: 'gpu',
      [Symbol.for('sciport.namespace')]: () => ({ kind: 'gpu' }),
    };
    expectError(() => arrayNamespace(xp.ones([1]), fakeGpu), NamespaceMismatchError, 'xs[1]', /'host'.*'gpu'/);
    expect(arrayNamespace(fakeGpu, fakeGpu).kind).toBe('gpu');
    expect(arrayNamespace([1, 2], new Float32Array(2), xp.ones([1]))).toBe(xp);
  });
});
