// The 3×3 median of inputs without NaN or −0 runs on sorted columns; it must equal
// Hoare's selection over the same nine elements (forced here by a 3×4 footprint whose
// last column is off, shifted by its origin onto the same window).
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_MODES, medianFilter, rankFilter } from '../src/index.js';

const footprint34 = new NDArray(Uint8Array.from({ length: 12 }, (_, k) => (k % 4 === 3 ? 0 : 1)), [3, 4], 'bool');

describe('3×3 median by sorted columns', () => {
  it('equals the selection over the same window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 3 }),
        fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(...BOUNDARY_MODES),
        fc.integer({ min: -5, max: 5 }),
        (shape, values, mode, cval) => {
          const size = shape.reduce((a, b) => a * b, 1);
          // small integers and halves: many ties, zeros but no −0
          const data = Float64Array.from({ length: size }, (_, i) => values[i % values.length] / 2);
          const x = new NDArray(data, shape, 'float64');
          const axes = shape.length === 3 ? [1, 2] : [0, 1];
          const result = medianFilter(x, { size: 3, axes, mode, cval });
          const expected = rankFilter(x, 4, { footprint: footprint34, axes, origin: [0, -1], mode, cval });
          expect(result.toArray()).toEqual(expected.toArray());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves NaN and −0 to the selection', () => {
    const x = new NDArray(Float64Array.of(-0, 0, 0, 1, Number.NaN, 2, -0, 3, 0), [3, 3], 'float64');
    const expected = rankFilter(x, 4, { footprint: footprint34, origin: [0, -1] });
    expect(medianFilter(x, { size: 3 }).toArray()).toEqual(expected.toArray());
  });
});
