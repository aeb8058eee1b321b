// The 1-D passes gather lines along a non-contiguous axis in blocks and filter in place:
// a pass along axis 0 must give what the same pass gives along the contiguous last axis
// of the transposed data, and writing into the input (or a view of its memory) must not
// change results.
import { asarray, NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOUNDARY_MODES,
  correlate1d,
  gaussianFilter,
  gaussianFilter1d,
  maximumFilter,
  minimumFilter1d,
  sobel,
  uniformFilter,
  uniformFilter1d,
} from '../src/index.js';

type Pass = (x: NDArray, axis: number) => NDArray;

const shapeArb = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 40 }));
const modeArb = fc.constantFrom(...BOUNDARY_MODES);

function filled(shape: readonly number[], dtype: 'float64' | 'float32', seed: number): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const Data = dtype === 'float32' ? Float32Array : Float64Array;
  return new NDArray(Data.from({ length: n }, (_, i) => Math.sin(seed + 7.1 * i) * 10), shape, dtype);
}

/** The data transposed into a new C-ordered array. */
function transposedCopy(x: NDArray): NDArray {
  return asarray(x.T.toArray(), { dtype: x.dtype });
}

describe('blocked line passes', () => {
  it('filter along axis 0 as along the last axis of the transposed data', () => {
    fc.assert(
      fc.property(
        shapeArb,
        fc.constantFrom<'float64' | 'float32'>('float64', 'float32'),
        fc.integer({ min: 1, max: 6 }),
        modeArb,
        fc.integer({ min: 0, max: 1000 }),
        (shape, dtype, size, mode, seed) => {
          const x = filled(shape, dtype, seed);
          const weights = Array.from({ length: size }, (_, i) => Math.cos(seed + i));
          const passes: Pass[] = [
            (a, axis) => uniformFilter1d(a, size, { axis, mode }),
            (a, axis) => minimumFilter1d(a, size, { axis, mode }),
            (a, axis) => gaussianFilter1d(a, 0.4 * size, { axis, mode }),
            (a, axis) => correlate1d(a, weights, { axis, mode, cval: 1.5 }),
          ];
          for (const pass of passes) {
            expect(pass(x, 0).toArray()).toEqual(pass(transposedCopy(x), 1).T.toArray());
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('give the same results in place, into the input or a transposed view of its memory', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), modeArb, fc.integer({ min: 0, max: 1000 }), (side, mode, seed) => {
        const filters: ((x: NDArray, output?: NDArray) => NDArray)[] = [
          (x, output) => gaussianFilter(x, 1.3, { mode, output }),
          (x, output) => uniformFilter(x, { size: [3, 2], mode, output }),
          (x, output) => maximumFilter(x, { size: 3, mode, output }),
          (x, output) => correlate1d(x, [1, -2, 3], { axis: 0, mode, output }),
          (x, output) => sobel(x, { mode, output }),
        ];
        for (const filter of filters) {
          const x = filled([side, side], 'float64', seed);
          const expected = filter(x).toArray();
          const same = filled([side, side], 'float64', seed);
          expect(filter(same, same).toArray()).toEqual(expected);
          const memory = filled([side, side], 'float64', seed);
          expect(filter(memory, memory.T).toArray()).toEqual(expected);
        }
      }),
      { numRuns: 40 },
    );
  });
});
