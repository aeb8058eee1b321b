// What the generic filters hand their callbacks, and the Fourier filters' dtype rules.
// Expected values and shapes are SciPy 1.17's (printed from the same calls in SciPy).
import { NDArray } from '@sciport/array-api';
import { describe, expect, it } from 'vitest';
import { fourierEllipsoid, fourierGaussian, fourierShift, fourierUniform, genericFilter, genericFilter1d, vectorizedFilter } from '../src/index.js';

const int4 = new NDArray(Int32Array.of(0, 1, 2, 3), [4], 'int32');
const grid = new NDArray(Float64Array.from({ length: 30 }, (_, i) => i), [5, 6], 'float64');

describe('genericFilter', () => {
  it('passes each window as a Float64Array, cval as given (not converted to the input dtype)', () => {
    const seen: number[][] = [];
    const out = genericFilter(int4, (v) => {
      seen.push(Array.from(v));
      return v.length;
    }, { size: 3, mode: 'constant', cval: 1.5 });
    // SciPy: generic_filter(np.arange(4, dtype=np.int32), f, size=3, mode='constant', cval=1.5)
    expect(seen).toEqual([
      [1.5, 0, 1],
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 1.5],
    ]);
    expect(out.dtype).toBe('int32');
  });

  it('passes extraArguments, then extraKeywords as one last object', () => {
    const calls: unknown[][] = [];
    genericFilter(int4, (_v, ...extra) => {
      calls.push(extra);
      return 0;
    }, { size: 1, extraArguments: [2, 'a'], extraKeywords: { b: 1 } });
    expect(calls[0]).toEqual([2, 'a', { b: 1 }]);
  });

  it('filters 0-d input with a window of no axes (SciPy: generic_filter(np.float64(3), np.sum, size=2) is 3.0)', () => {
    const r = genericFilter(new NDArray(Float64Array.of(3), [], 'float64'), (v) => v.reduce((a, b) => a + b, 0), { size: 2 });
    expect(r.shape).toEqual([]);
    expect(r.toArray()).toBe(3);
  });
});

describe('genericFilter1d', () => {
  it('passes the extended input line and an output line of the input’s length', () => {
    const seen: [number[], number][] = [];
    genericFilter1d(int4, (lineIn, lineOut) => seen.push([Array.from(lineIn), lineOut.length]), 3, { mode: 'constant', cval: 1.5 });
    // SciPy: generic_filter1d(np.arange(4, dtype=np.int32), f, 3, mode='constant', cval=1.5)
    expect(seen).toEqual([[[1.5, 0, 1, 2, 3, 1.5], 4]]);
  });
});

describe('vectorizedFilter', () => {
  const max = (w: NDArray, o: { axis: readonly number[] }) => {
    const lead = w.shape.slice(0, w.ndim - o.axis.length);
    const groups = lead.reduce((a, b) => a * b, 1);
    const per = w.size / groups;
    const data = w.toTypedArray() as Float64Array;
    return new NDArray(
      new Float64Array(groups).map((_, g) => Math.max(...data.subarray(g * per, (g + 1) * per))),
      lead,
      'float64',
    );
  };

  it('calls the function with stacked windows, in batches of at most batchMemory bytes', () => {
    const calls: [number[], readonly number[]][] = [];
    vectorizedFilter(grid, (w, o) => {
      calls.push([[...w.shape], o.axis]);
      return max(w, o);
    }, { size: 3, batchMemory: 6 * 9 * 8 * 2 });
    // SciPy: vectorized_filter(x (5×6), f, size=3, batch_memory=6*9*8*2): shapes (2,6,3,3), (2,6,3,3), (1,6,3,3), axis (-2, -1)
    expect(calls).toEqual([
      [[2, 6, 3, 3], [-2, -1]],
      [[2, 6, 3, 3], [-2, -1]],
      [[1, 6, 3, 3], [-2, -1]],
    ]);
  });

  it('stacks a footprint’s selected values on one last axis, and moves the filtered axes to the end in the order given', () => {
    const shapes: [number[], readonly number[]][] = [];
    const spy = (w: NDArray, o: { axis: readonly number[] }) => {
      shapes.push([[...w.shape], o.axis]);
      return max(w, o);
    };
    vectorizedFilter(grid, spy, { footprint: [[1, 0], [1, 1]] });
    const x3 = new NDArray(Float64Array.from({ length: 24 }, (_, i) => i), [2, 3, 4], 'float64');
    const r = vectorizedFilter(x3, spy, { size: [2, 3], axes: [2, 0] });
    // SciPy: shapes (5, 6, 3) with axis -1; (3, 4, 2, 2, 3) with axis (-2, -1); the result keeps the input's shape
    expect(shapes).toEqual([
      [[5, 6, 3], [-1]],
      [[3, 4, 2, 2, 3], [-2, -1]],
    ]);
    expect(r.shape).toEqual([2, 3, 4]);
  });

  it('returns 0-d input through the function (SciPy: 6.0 for doubling 3.0) and empty input as it is', () => {
    const doubled = vectorizedFilter(new NDArray(Float64Array.of(3), [], 'float64'), (w) => new NDArray(Float64Array.of((w.toArray() as number) * 2), [], 'float64'), { size: 2 });
    expect(doubled.toArray()).toBe(6);
    const empty = new NDArray(new Float32Array(0), [0, 3], 'float32');
    const r = vectorizedFilter(empty, () => 1, { size: 2 });
    expect([r.shape, r.dtype]).toEqual([[0, 3], 'float32']);
  });
});

describe('Fourier filters: output dtypes as SciPy', () => {
  const of = (dtype: 'float64' | 'float32' | 'int32' | 'uint8' | 'complex64' | 'complex128') => {
    const lanes = dtype.startsWith('complex') ? 2 : 1;
    const Storage = { float64: Float64Array, float32: Float32Array, int32: Int32Array, uint8: Uint8Array, complex64: Float32Array, complex128: Float64Array }[dtype];
    return new NDArray(new Storage(20 * lanes).fill(1), [4, 5], dtype);
  };
  it('fourierGaussian/Uniform/Ellipsoid keep float32, complex64 and complex128, give float64 otherwise; fourierShift gives complex', () => {
    // SciPy 1.17: fourier_gaussian(np.ones((4, 5), dtype), 1.0).dtype and fourier_shift(...).dtype
    const expected = {
      float64: ['float64', 'complex128'],
      float32: ['float32', 'complex128'],
      int32: ['float64', 'complex128'],
      uint8: ['float64', 'complex128'],
      complex64: ['complex64', 'complex64'],
      complex128: ['complex128', 'complex128'],
    } as const;
    for (const [dtype, [real, shifted]] of Object.entries(expected)) {
      const x = of(dtype as keyof typeof expected);
      for (const f of [fourierGaussian, fourierUniform, fourierEllipsoid]) expect(f(x, 1).dtype, `${f.name} ${dtype}`).toBe(real);
      expect(fourierShift(x, 1).dtype, dtype).toBe(shifted);
    }
  });

  it('writes a given output array, and takes complex outputs for real input', () => {
    const out = new NDArray(new Float32Array(40), [4, 5], 'complex64');
    expect(fourierGaussian(of('float64'), 1, { output: out })).toBe(out);
    expect(fourierUniform(of('float64'), 1, { output: 'complex128' }).dtype).toBe('complex128');
  });
});
