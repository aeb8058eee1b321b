// 8-bit integer images take the sliding-histogram path of the rank filters; the same
// values as float64 take Hoare's selection. Integers make the rank-th element unique, so
// both paths must agree for every footprint, rank, mode, origin and shape.
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_MODES, medianFilter, rankFilter } from '../src/index.js';

const dtypeArb = fc.constantFrom<'uint8' | 'int8'>('uint8', 'int8');
const shapeArb = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 });

function image(shape: number[], dtype: 'uint8' | 'int8', values: number[]): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const Data = dtype === 'uint8' ? Uint8Array : Int8Array;
  return new NDArray(Data.from({ length: n }, (_, i) => values[i % values.length]), shape, dtype);
}

function asFloat64(x: NDArray): NDArray {
  return new NDArray(Float64Array.from(x.data as Uint8Array), x.shape, 'float64');
}

describe('rank filters of 8-bit images', () => {
  it('equal the selection on the same values as float64', () => {
    fc.assert(
      fc.property(
        shapeArb,
        dtypeArb,
        fc.array(fc.integer({ min: -128, max: 255 }), { minLength: 1, maxLength: 50 }),
        fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
        fc.constantFrom(...BOUNDARY_MODES),
        fc.integer({ min: -300, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (shape, dtype, values, sides, bits, mode, cval, where) => {
          const x = image(shape, dtype, values);
          const fshape = sides.slice(0, shape.length);
          const size = fshape.reduce((a, b) => a * b, 1);
          const mask = bits.slice(0, size);
          if (!mask.includes(true)) mask[0] = true;
          const footprint = new NDArray(Uint8Array.from(mask, Number), fshape, 'bool');
          const count = mask.filter(Boolean).length;
          // the smallest and largest ranks are the min/max filters, not a selection
          fc.pre(count >= 3);
          const rank = 1 + Math.min(count - 3, Math.floor(where * (count - 2)));
          // the selection stores the fill value in the input's dtype first, as SciPy does
          const wrapped = dtype === 'uint8' ? Uint8Array.of(cval)[0] : Int8Array.of(cval)[0];
          const expected = rankFilter(asFloat64(x), rank, { footprint, mode, cval: wrapped }).toArray();
          const result = rankFilter(x, rank, { footprint, mode, cval });
          expect(result.dtype).toBe(dtype);
          expect(result.toArray()).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('give the median of a box as the float64 path does', () => {
    const x = image([9, 11], 'uint8', [3, 250, 17, 17, 0, 99, 128, 64, 5]);
    for (const size of [1, 2, 3, 5]) {
      expect(medianFilter(x, { size }).toArray()).toEqual(medianFilter(asFloat64(x), { size }).toArray());
    }
  });
});
