/** The interchange contract: asarray inputs, toArray/toTypedArray, get/set, brands, scijs layout. */
import stdlibArray from '@stdlib/ndarray/array';
import stdlibCtor from '@stdlib/ndarray/ctor';
import stdlibZeros from '@stdlib/ndarray/zeros';
import { ARRAY_BRAND, NAMESPACE_KEY, ShapeError } from '@sciport/dispatch-core';
import ndarray from 'ndarray';
import ops from 'ndarray-ops';
import { describe, expect, it } from 'vitest';
// The package entry: it also installs NDArray's slice/assign/namespace getter (ndarray-methods.ts).
import { asarray, NDArray, hostNamespace as xp } from '../src/index.js';

describe('asarray', () => {
  it('infers dtype and shape from nested arrays', () => {
    const x = asarray([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(x.dtype).toBe('float64');
    expect(x.shape).toEqual([2, 3]);
    expect(x.ndim).toBe(2);
    expect(x.size).toBe(6);
    expect(asarray([true, false]).dtype).toBe('bool');
    expect(asarray([1n, 2n]).dtype).toBe('int64');
    expect(asarray([{ re: 1, im: 2 }]).dtype).toBe('complex128');
    expect(asarray(3).shape).toEqual([]);
    expect(asarray(3).toArray()).toBe(3);
  });

  it('reads complex [re, im] pairs when the dtype is complex, as toArray writes them', () => {
    const z = asarray(
      [
        [1, 2],
        [3, -4],
      ],
      { dtype: 'complex128' },
    );
    expect(z.shape).toEqual([2]);
    expect(z.toArray()).toEqual([
      [1, 2],
      [3, -4],
    ]);
    expect(asarray(z.toArray(), { dtype: 'complex64' }).toArray()).toEqual(z.toArray());
    // `shape` disambiguates real rows of length 2.
    const r = asarray(
      [
        [1, 2],
        [3, 4],
      ],
      { dtype: 'complex128', shape: [2, 2] },
    );
    expect(r.shape).toEqual([2, 2]);
    expect(r.get(0, 1)).toEqual([2, 0]);
  });

  it('wraps TypedArrays with a shape without copying, complex interleaved', () => {
    const data = new Float64Array([1, 2, 3, 4, 5, 6]);
    const x = asarray(data, { shape: [2, 3] });
    expect(x.data).toBe(data);
    expect(x.get(1, 2)).toBe(6);
    const z = asarray(new Float32Array([1, 2, 3, 4]), { dtype: 'complex64' });
    expect(z.dtype).toBe('complex64');
    expect(z.shape).toEqual([2]);
    expect(z.get(1)).toEqual([3, 4]);
    expect(asarray(new Int16Array([1, 2])).dtype).toBe('int16');
    expect(asarray(new BigUint64Array([1n])).dtype).toBe('uint64');
    const y = asarray(data, { dtype: 'float32' });
    expect(y.dtype).toBe('float32');
    expect(y.data).not.toBe(data);
  });

  it('honours copy: true and refuses copy: false when a copy is needed', () => {
    const x = asarray([1, 2, 3]);
    const c = asarray(x, { copy: true });
    expect(c.data).not.toBe(x.data);
    expect(asarray(x, { copy: false })).toBe(x);
    expect(() => asarray(x, { dtype: 'float32', copy: false })).toThrow(/copy/);
  });

  it('takes scijs ndarray views (stride, offset) and NDArray from another package copy', () => {
    const base = ndarray(new Float64Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), [3, 4]);
    const view = base.hi(3, 3).lo(1, 1).step(1, -1); // rows 1..2, cols 2..1
    const x = asarray(view);
    expect(x.toArray()).toEqual([
      [6, 5],
      [10, 9],
    ]);
    const foreign = { [ARRAY_BRAND]: 'host', data: new Int32Array([7, 8]), shape: [2], stride: [1], offset: 0, dtype: 'int32' };
    const y = asarray(foreign);
    expect(y).toBeInstanceOf(NDArray);
    expect(y.toArray()).toEqual([7, 8]);
  });

  it('takes @stdlib/ndarray objects, real and complex, with strides and offset', () => {
    const s = new stdlibCtor('float64', new Float64Array([1, 2, 3, 4, 5, 6]), [2, 2], [-2, 1], 4, 'row-major');
    expect(asarray(s).toArray()).toEqual([
      [5, 6],
      [3, 4],
    ]);
    const c = stdlibZeros([2], { dtype: 'complex128' });
    const buf = new Float64Array(c.data.buffer);
    buf.set([1, -1, 2, -2]);
    const z = asarray(c);
    expect(z.dtype).toBe('complex128');
    expect(z.toArray()).toEqual([
      [1, -1],
      [2, -2],
    ]);
    const g = stdlibArray([[1, 2], [3, 4]], { dtype: 'generic' });
    expect(asarray(g).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('refuses device arrays with a pointer to toHost()', () => {
    const fake = { [ARRAY_BRAND]: 'gpu', shape: [2], dtype: 'float32' };
    expect(() => asarray(fake)).toThrow(/toHost/);
  });
});

describe('NDArray', () => {
  it('toTypedArray returns a C-contiguous copy (complex interleaved)', () => {
    const x = asarray([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const t = x.mT.toTypedArray();
    expect(Array.from(t)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(t).not.toBe(x.data);
    const z = asarray([{ re: 1, im: 2 }, { re: 3, im: 4 }]);
    expect(Array.from(xp.flip(z).toTypedArray())).toEqual([3, 4, 1, 2]);
  });

  it('is branded host and answers the namespace protocol', () => {
    const x = asarray([1]);
    expect(x[ARRAY_BRAND]).toBe('host');
    expect(x[NAMESPACE_KEY]()).toBe(xp);
  });

  it('get/set address elements with negative indices and check bounds', () => {
    const x = xp.zeros([2, 3]);
    x.set(1, -1, 5);
    expect(x.get(1, 2)).toBe(5);
    expect(x.get(-1, -1)).toBe(5);
    expect(() => x.get(2, 0)).toThrow(/out of bounds/);
    const b = xp.zeros([2], { dtype: 'bool' });
    b.set(0, true);
    expect(b.get(0)).toBe(true);
    const i = xp.zeros([1], { dtype: 'int64' });
    i.set(0, 2n ** 62n);
    expect(i.get(0)).toBe(2n ** 62n);
  });

  it('slices into views that share data (strings, slice(), ellipsis, newaxis, negative steps)', () => {
    const x = xp.reshape(xp.arange(24), [2, 3, 4]);
    const v = x.slice(1, '::2', '1:3');
    expect(v.shape).toEqual([2, 2]);
    expect(v.data).toBe(x.data);
    expect(v.toArray()).toEqual([
      [13, 14],
      [21, 22],
    ]);
    expect(x.slice('...', -1).toArray()).toEqual([
      [3, 7, 11],
      [15, 19, 23],
    ]);
    expect(x.slice(0, 0, '::-1').toArray()).toEqual([3, 2, 1, 0]);
    expect(x.slice(null, 0).shape).toEqual([1, 3, 4]);
    expect(x.slice(0, '5:').shape).toEqual([0, 4]);
    v.set(0, 0, -1);
    expect(x.get(1, 0, 1)).toBe(-1);
    expect(() => x.slice('a:b')).toThrow(/slice/);
    expect(() => x.slice(0, 0, 0, 0)).toThrow(/Too many indices/);
  });
});

describe('scijs layout compatibility', () => {
  it('ndarray-ops runs directly on NDArray, including strided views', () => {
    const a = xp.reshape(xp.arange(12), [3, 4]);
    const b = xp.ones([4, 3]);
    const out = xp.zeros([3, 4]);
    ops.add(out, a, b.mT);
    expect(out.toArray()).toEqual(xp.add(a, 1).toArray());
    expect(ops.sum(a.slice(':', '::-2'))).toBe(xp.sum(a.slice(':', '::-2')).toArray());
    const f32 = xp.astype(a, 'float32');
    ops.mulseq(f32, 2);
    expect(f32.get(2, 3)).toBe(22);
  });

  it('scijs ndarray views of NDArray storage see the same elements', () => {
    const x = xp.reshape(xp.arange(6), [2, 3]).mT;
    const s = ndarray(x.data as Float64Array, [...x.shape], [...x.stride], x.offset);
    expect(s.get(2, 1)).toBe(x.get(2, 1));
  });
});

describe('bad nested input', () => {
  it('ragged arrays give ShapeError naming the path', () => {
    expect(() => asarray([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => asarray([[1, 2], [3]])).toThrow(/values\[1\]/);
    expect(() => asarray([1, [2]])).toThrow(ShapeError);
  });
});

describe('assignment through views', () => {
  it('assign broadcasts, converts dtype and handles overlap', () => {
    const x = xp.zeros([3, 4], { dtype: 'int32' });
    x.slice(':', '1::2').assign([1.7, 2]);
    x.slice(0).assign(9);
    expect(x.toArray()).toEqual([
      [9, 9, 9, 9],
      [0, 1, 0, 2],
      [0, 1, 0, 2],
    ]);
    const y = xp.arange(5);
    y.slice('1:').assign(y.slice(':-1'));
    expect(y.toArray()).toEqual([0, 0, 1, 2, 3]);
    const t = xp.reshape(xp.arange(6), [2, 3]).mT;
    t.slice(0).assign(-1);
    expect(t.toArray()).toEqual([
      [-1, -1],
      [1, 4],
      [2, 5],
    ]);
    expect(() => xp.zeros([2]).assign(asarray([{ re: 1, im: 1 }]))).toThrow(/complex/);
    expect(() => xp.zeros([2]).assign([1, 2, 3])).toThrow(/broadcast/);
  });
});
