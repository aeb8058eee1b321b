// distanceTransformEdt with distances alone and unit spacing takes the squared-distance
// envelopes; the distances must be those of the feature transform (the path that also
// returns indices), bit for bit, in every rank and density.
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceTransformEdt } from '../src/index.js';

describe('EDT by squared-distance envelopes', () => {
  it('equals the distances of the feature transform', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer(),
        fc.constantFrom<'bool' | 'uint8' | 'float64'>('bool', 'uint8', 'float64'),
        (shape, density, seed, dtype) => {
          const size = shape.reduce((a, b) => a * b, 1);
          let s = seed | 1;
          const values = Array.from({ length: size }, () => {
            s ^= s << 13;
            s ^= s >>> 17;
            s ^= s << 5;
            // foreground values other than 1 too: any nonzero value is foreground
            return (s >>> 0) % 10 < density ? 1 + ((s >>> 8) % 3) : 0;
          });
          const data = dtype === 'float64' ? Float64Array.from(values) : Uint8Array.from(values, (v) => (dtype === 'bool' ? Math.min(v, 1) : v));
          const x = new NDArray(data, shape, dtype);
          const fast = distanceTransformEdt(x) as NDArray;
          const [reference] = distanceTransformEdt(x, { returnIndices: true }) as [NDArray, NDArray];
          expect(fast.toArray()).toEqual(reference.toArray());
          expect(fast.toArray()).toEqual((distanceTransformEdt(x, { sampling: 1 }) as NDArray).toArray());
        },
      ),
      { numRuns: 300 },
    );
  });
});
