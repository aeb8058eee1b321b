// Windows whose buffers cannot be allocated are refused at once, with a ShapeError naming
// the argument that asked for them; windows longer than the input still work, as in SciPy.
import { NDArray } from '@sciport/array-api';
import { setMaxBufferBytesForTesting } from '@sciport/array-api/kit';
import { afterEach, describe, expect, it } from 'vitest';
import {
  correlate1d,
  gaussianFilter,
  gaussianFilter1d,
  gaussianLaplace,
  maximumFilter,
  maximumFilter1d,
  medianFilter,
  minimumFilter1d,
  percentileFilter,
  rankFilter,
  uniformFilter,
  uniformFilter1d,
} from '../src/index.js';
import { checkWindow } from '../src/window-limit.js';

const x = new NDArray(Float64Array.from({ length: 12 }, (_, i) => Math.sin(i)), [3, 4], 'float64');
const refused = (argument: string) => expect.objectContaining({ name: 'ShapeError', argument });

describe('window sizes past what can be allocated', () => {
  afterEach(() => setMaxBufferBytesForTesting(undefined));

  it('refuses huge sizes on every size-taking filter, naming size', () => {
    for (const size of [1e9, 2 ** 31 - 1, 2 ** 40, 2 ** 53]) {
      expect(() => uniformFilter1d(x, size), String(size)).toThrow(refused('size'));
      expect(() => minimumFilter1d(x, size)).toThrow(refused('size'));
      expect(() => maximumFilter1d(x, size, { axis: 0 })).toThrow(refused('size'));
      expect(() => uniformFilter(x, { size: [3, size] })).toThrow(refused('size'));
      expect(() => maximumFilter(x, { size })).toThrow(refused('size'));
      expect(() => medianFilter(x, { size })).toThrow(refused('size'));
      expect(() => rankFilter(x, 1, { size })).toThrow(refused('size'));
      expect(() => percentileFilter(x, 50, { size: [size, 1] })).toThrow(refused('size'));
    }
  });

  it('refuses windows whose element count cannot be held where the window is gathered whole', () => {
    // 50 000² elements: each axis fits, their product does not
    expect(() => medianFilter(x, { size: 50_000 })).toThrow(refused('size'));
    expect(() => rankFilter(x, 2, { size: [50_000, 50_000] })).toThrow(refused('size'));
  });

  it('refuses a Gaussian kernel from a huge sigma, truncate or radius, and a huge order', () => {
    expect(() => gaussianFilter1d(x, 1e12)).toThrow(refused('sigma'));
    expect(() => gaussianFilter(x, [1, 1e12])).toThrow(refused('sigma'));
    expect(() => gaussianFilter(x, 1, { truncate: 1e300 })).toThrow(refused('sigma'));
    expect(() => gaussianFilter1d(x, 1, { radius: 2 ** 40 })).toThrow(refused('radius'));
    expect(() => gaussianLaplace(x, 1e15)).toThrow(refused('sigma'));
    expect(() => gaussianFilter1d(x, 1, { order: 2 ** 40 })).toThrow(refused('order'));
  });

  it("follows the engine's buffer limit (probed), not only the 2^31 - 1 element limit", () => {
    setMaxBufferBytesForTesting(1024);
    expect(() => uniformFilter1d(x, 200)).toThrow(refused('size'));
    expect(() => correlate1d(x, new Float64Array(200))).toThrow(refused('weights'));
    expect(() => maximumFilter(x, { footprint: [[1, 0, 1, 1]] })).not.toThrow();
    setMaxBufferBytesForTesting(64);
    // padded input 3 × (4 + 3) = 21 values > 8
    expect(() => maximumFilter(x, { footprint: [[1, 0, 1, 1]] })).toThrow(refused('footprint'));
  });

  it('still computes windows longer than the input (SciPy does)', () => {
    const line = new NDArray(Float64Array.of(1, 2, 3), [3], 'float64');
    // SciPy 1.17: uniform_filter1d([1., 2., 3.], 7) and maximum_filter1d([1., 2., 3.], 9, mode='constant', cval=5)
    expect(Array.from(uniformFilter1d(line, 7).toTypedArray() as Float64Array)).toEqual([2.142857142857143, 2, 1.8571428571428572]);
    expect(Array.from(maximumFilter1d(line, 9, { mode: 'constant', cval: 5 }).toTypedArray() as Float64Array)).toEqual([5, 5, 5]);
  });
});

describe('checkWindow', () => {
  it('checks each axis, the line extended by the window, and (dense) the element and padded counts', () => {
    expect(() => checkWindow([3, 3], [4, 5], 'size', { dense: true })).not.toThrow();
    expect(() => checkWindow([2 ** 31], [1], 'size')).toThrow(refused('size'));
    expect(() => checkWindow([2 ** 31 - 2], [5], 'weights')).toThrow(refused('weights'));
    expect(() => checkWindow([60_000, 60_000], [1, 1], 'footprint')).not.toThrow();
    expect(() => checkWindow([60_000, 60_000], [1, 1], 'footprint', { dense: true })).toThrow(refused('footprint'));
    expect(() => checkWindow([Number.NaN], [1], 'size')).toThrow(refused('size'));
  });
});
