import fc from 'fast-check';
// Host-specific behaviour of labelling and the measurements: preallocated outputs, strided
// views, inputs left unchanged, the JS result forms. Expected values are SciPy 1.17's.
import { asarray, NDArray, zeros } from '@sciport/array-api';
import { describe, expect, it } from 'vitest';
import {
  centerOfMass,
  findObjects,
  label,
  labeledComprehension,
  maximumPosition,
  mean,
  minimum,
  ndimageFunction,
  sum,
  valueIndices,
  watershedIft,
} from '../src/index.js';

// SciPy: ndimage.label(IMAGE) → labels LABELS, 3 components
const IMAGE = [
  [1, 1, 0, 0],
  [0, 0, 0, 1],
  [1, 0, 1, 1],
];
const LABELS = [
  [1, 1, 0, 0],
  [0, 0, 0, 2],
  [3, 0, 2, 2],
];
const VALUES = new NDArray(Float64Array.from({ length: 12 }, (_, i) => i), [3, 4], 'float64');

describe('the table rows of the measurements', () => {
  it('are measurements without axes that dispatch on their array arguments', () => {
    expect(ndimageFunction('sum')).toMatchObject({ kind: 'measurement', axes: 'none', args: ['labels', 'index'], dispatch: [0, 1] });
    expect(ndimageFunction('histogram')).toMatchObject({ args: ['min', 'max', 'bins', 'labels', 'index'], dispatch: [0, 4] });
    expect(ndimageFunction('watershedIft')).toMatchObject({ args: ['markers'], dispatch: [0, 1], options: ['structure', 'output', 'backend'] });
    expect(ndimageFunction('label').options).toEqual(['structure', 'output', 'backend']);
  });
});

describe('label', () => {
  it('returns [labels (int32), count] and leaves the input as it was', () => {
    const x = asarray(IMAGE, { dtype: 'uint8' });
    const [labels, count] = label(x);
    expect(labels.dtype).toBe('int32');
    expect(labels.toArray()).toEqual(LABELS);
    expect(count).toBe(3);
    expect(x.toArray()).toEqual(IMAGE);
  });

  it('fills a preallocated output (any strides) and returns only the count, as SciPy', () => {
    const storage = zeros([4, 3], { dtype: 'int16' });
    expect(label(IMAGE, { output: storage.T })).toBe(3);
    expect(storage.T.toArray()).toEqual(LABELS);
  });

  it('labels a strided (transposed) view as the array it shows', () => {
    // SciPy: label(IMAGE.T) numbers the components in the C order of the transposed image
    const [labels] = label(asarray(IMAGE).T);
    expect(labels.toArray()).toEqual([
      [1, 0, 2],
      [1, 0, 0],
      [0, 0, 3],
      [0, 3, 3],
    ]);
  });

  it('labels a 0-d array as one component when it is not zero', () => {
    const [labels, count] = label(asarray(5));
    expect([labels.shape, labels.toArray(), count]).toEqual([[], 1, 1]);
  });
});

describe('measurement result forms', () => {
  it('a number for one group, a float64 array for a sequence index', () => {
    expect(mean(VALUES, LABELS)).toBeCloseTo(6.166666666666667, 15);
    const sums = sum(VALUES, LABELS, [1, 2, 3]);
    expect(sums.dtype).toBe('float64');
    expect(sums.toArray()).toEqual([1, 28, 8]);
  });

  it('takes a sequence index of 200 000 labels (one pass, no argument spreading)', () => {
    const n = 200_000;
    const labels = new NDArray(Int32Array.from({ length: n }, (_, i) => i + 1), [n], 'int32');
    const values = new NDArray(new Float64Array(n).fill(2), [n], 'float64');
    const index = Array.from({ length: n }, (_, i) => n - i);
    const sums = sum(values, labels, index);
    expect([sums.shape, sums.toArray().every((v: number) => v === 2)]).toEqual([[n], true]);
  });

  it('an empty index gives empty results, as SciPy', () => {
    const x = asarray([0, 1, 2, 3]);
    const labels = [1, 1, 2, 0];
    expect([sum(x, labels, []).shape, minimum(x, labels, []).dtype]).toEqual([[0], 'float64']);
    expect([centerOfMass(x, labels, []), maximumPosition(x, labels, [])]).toEqual([[], []]);
  });

  it('findObjects reports no objects when no positive label is present, whatever maxLabel below 1 says', () => {
    // SciPy: find_objects([-1, -2, 0]) == [] and find_objects([1, 2], max_label=-3) finds both labels
    expect(findObjects(asarray([-1, -2, 0], { dtype: 'int32' }))).toEqual([]);
    expect(findObjects(asarray([], { dtype: 'int32' }), { maxLabel: -3 })).toEqual([]);
    expect(findObjects(asarray([1, 2], { dtype: 'int32' }), { maxLabel: -3 })).toEqual([[[0, 1]], [[1, 2]]]);
  });

  it('findObjects gives [start, stop] per axis, null for a missing label', () => {
    expect(findObjects(asarray(LABELS, { dtype: 'int32' }), { maxLabel: 4 })).toEqual([[[0, 1], [0, 2]], [[1, 3], [2, 4]], [[2, 3], [0, 1]], null]);
  });

  it('labeledComprehension passes the values and their flat positions as host arrays', () => {
    const seen: NDArray[] = [];
    const result = labeledComprehension(
      VALUES,
      LABELS,
      [1, 2, 3],
      (values, positions) => {
        seen.push(values);
        return (positions as NDArray).toArray().reduce((a: number, b: number) => a + b, 0);
      },
      'float64',
      0,
      { passPositions: true },
    );
    expect(result.toArray()).toEqual([1, 28, 8]);
    expect(seen.map((v) => v.toArray())).toEqual([[0, 1], [7, 10, 11], [8]]);
  });

  it('valueIndices gives a Map from value (ascending) to int32 index arrays', () => {
    const indices = valueIndices(asarray(LABELS, { dtype: 'int32' }), { ignoreValue: 0 });
    expect([...indices.keys()]).toEqual([1, 2, 3]);
    expect(indices.get(2)?.map((a) => [a.dtype, a.toArray()])).toEqual([
      ['int32', [1, 2, 2]],
      ['int32', [3, 2, 3]],
    ]);
  });

  it('valueIndices groups every value of dense and sparse ranges as a plain scan does (property)', () => {
    // the naive definition: each value's flat positions in C order, unravelled per axis
    const naive = (flat: number[], shape: number[], ignore: number | null) => {
      const groups = new Map<number, number[]>();
      flat.forEach((v, i) => {
        if (v !== ignore) groups.set(v, [...(groups.get(v) ?? []), i]);
      });
      return [...groups.keys()]
        .sort((a, b) => a - b)
        .map((k) => [k, shape.map((n, d) => (groups.get(k) as number[]).map((i) => Math.floor(i / shape.slice(d + 1).reduce((a, b) => a * b, 1)) % n))]);
    };
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 })),
        // small ranges go through counting, a spread of ±3·2^28 through sorting
        fc.constantFrom(3, 2 ** 28),
        fc.option(fc.integer({ min: -3, max: 3 })),
        fc.infiniteStream(fc.integer({ min: -3, max: 3 })),
        ([rows, cols], spread, ignore, stream) => {
          const flat = [...stream.take(rows * cols)].map((v) => (spread === 3 ? v : v * spread));
          const got = valueIndices(new NDArray(Int32Array.from(flat), [rows, cols], "int32"), { ignoreValue: ignore });
          expect([...got].map(([k, arrays]) => [k, arrays.map((a) => a.toArray())])).toEqual(naive(flat, [rows, cols], ignore));
        },
      ),
    );
  });

  it('sum by a sequence index groups labels as a plain scan does, with compact and spread index values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -2, max: 6 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: -2, max: 7 }), { maxLength: 6 }),
        // 1: compact values (a table), 2^40: values far apart (a Map); 0.5: non-integers
        fc.constantFrom(1, 2 ** 40, 0.5),
        (raw, rawIndex, scale) => {
          const labels = raw.map((v) => v * scale);
          const index = rawIndex.map((v) => v * scale);
          const values = labels.map((_, i) => i + 1);
          const naive = index.map((k) => values.reduce((acc, v, i) => (labels[i] === k ? acc + v : acc), 0));
          const got = sum(new NDArray(Float64Array.from(values), [values.length], 'float64'), new NDArray(Float64Array.from(labels), [labels.length], 'float64'), index);
          expect((got as NDArray).toArray()).toEqual(naive);
        },
      ),
    );
  });

  it('watershedIft fills a preallocated output and returns it', () => {
    const image = asarray([[0, 9, 0]], { dtype: 'uint8' });
    const markers = asarray([[1, 0, 2]], { dtype: 'int32' });
    const out = zeros([1, 3], { dtype: 'int16' });
    expect(watershedIft(image, markers, { output: out })).toBe(out);
    expect(out.toArray()).toEqual([[1, 2, 2]]); // SciPy's watershed_ift
  });
});
