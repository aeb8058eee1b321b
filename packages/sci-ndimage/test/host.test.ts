// Host-specific behaviour of the filters: SciPy's `output=` array, in-place filtering,
// strided views, dtype conversion of results. Expected values are SciPy 1.17's.
import { asarray, NDArray, zeros } from '@sciport/array-api';
import { describe, expect, it } from 'vitest';
import {
  BOUNDARY_MODES,
  correlate,
  correlate1d,
  gaussianFilter,
  gaussianKernel1d,
  maximumFilter,
  minimumFilter1d,
  uniformFilter,
  uniformFilter1d,
} from '../src/index.js';

function grid(rows: number, cols: number): NDArray {
  return new NDArray(Float64Array.from({ length: rows * cols }, (_, i) => Math.sin(3 * i + 1)), [rows, cols], 'float64');
}

describe('output', () => {
  it('fills a preallocated output and returns that same array', () => {
    const x = grid(4, 5);
    const out = zeros([4, 5], { dtype: 'float64' });
    const result = gaussianFilter(x, 1.2, { output: out });
    expect(result).toBe(out);
    expect(out.toArray()).toEqual(gaussianFilter(x, 1.2).toArray());
  });

  it('filters in place when output is the input, and otherwise never writes the input', () => {
    const x = grid(4, 5);
    const before = x.toArray();
    const expected = correlate(x, [[1, 2], [3, 4]], { mode: 'wrap' }).toArray();
    expect(x.toArray()).toEqual(before);
    const copy = asarray(before);
    expect(correlate(copy, [[1, 2], [3, 4]], { mode: 'wrap', output: copy }).toArray()).toEqual(expected);
  });

  it('writes strided (transposed) outputs and reads strided inputs', () => {
    const x = grid(3, 6);
    const expected = uniformFilter(x, { size: [2, 3] }).toArray();
    const storage = zeros([6, 3], { dtype: 'float64' });
    uniformFilter(x, { size: [2, 3], output: storage.T });
    expect(storage.T.toArray()).toEqual(expected);
    const transposedInput = asarray(x.T.toArray());
    expect(uniformFilter(transposedInput.T, { size: [2, 3] }).toArray()).toEqual(expected);
  });

  it('converts as SciPy: a dtype name gives that dtype, integers truncate toward zero (and wrap for uint8)', () => {
    const u8 = asarray([[1, 2], [3, 4]], { dtype: 'uint8' });
    const f32 = uniformFilter(u8, { size: 2, output: 'float32' });
    expect(f32.dtype).toBe('float32');
    expect(f32.toArray()).toEqual([[1, 1.5], [2, 2.5]]);
    const w = [-0.3, -0.3, -0.4];
    expect(correlate1d(asarray([1, 2, 3, 4], { dtype: 'int32' }), w).toArray()).toEqual([-1, -2, -3, -3]);
    expect(correlate1d(asarray([1, 2, 3, 4], { dtype: 'uint8' }), w).toArray()).toEqual([255, 254, 253, 253]);
  });

  it('takes a complex cval as [re, im] for complex input', () => {
    const z = new NDArray(Float64Array.from([1, 1, 2, 0, 0, 3]), [3], 'complex128');
    const r = correlate1d(z, [1, 1, 1], { mode: 'constant', cval: [2, 3] });
    expect(r.dtype).toBe('complex128');
    expect(r.toArray()).toEqual([[5, 4], [3, 4], [4, 6]]);
  });
});

describe('shapes', () => {
  it('returns empty results for empty inputs in every mode', () => {
    for (const mode of BOUNDARY_MODES) {
      const e = zeros([3, 0], { dtype: 'float32' });
      expect(maximumFilter(e, { size: 3, mode }).shape).toEqual([3, 0]);
      expect(uniformFilter1d(e, 4, { axis: 0, mode }).dtype).toBe('float32');
    }
  });

  it('takes nested JS arrays as input', () => {
    expect(minimumFilter1d([3, 1, 2], 2).toArray()).toEqual([3, 1, 1]);
  });
});

describe('the Gaussian kernel', () => {
  it('sums to one and is symmetric (order 0), antisymmetric (order 1)', () => {
    const k0 = gaussianKernel1d(1.3, 0, 6);
    expect(Math.abs(k0.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-15);
    const k1 = gaussianKernel1d(1.3, 1, 6);
    for (let i = 0; i < 13; i++) {
      expect(k0[i]).toBe(k0[12 - i]);
      expect(k1[i] + k1[12 - i]).toBe(0);
    }
  });
});
