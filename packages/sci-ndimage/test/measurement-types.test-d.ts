import type { NDArray } from '@sciport/array-api';
import { describe, expectTypeOf, it } from 'vitest';
import {
  centerOfMass,
  extrema,
  findObjects,
  histogram,
  label,
  labeledComprehension,
  maximumPosition,
  mean,
  sum,
  valueIndices,
  watershedIft,
} from '../src/index.js';

const image = [
  [1, 0],
  [0, 1],
];

describe('@sciport/ndimage measurement types', () => {
  it('follow SciPy’s result forms', () => {
    expectTypeOf(label(image)).toEqualTypeOf<[NDArray, number]>();
    expectTypeOf(label(image, { output: {} as NDArray })).toEqualTypeOf<number>();
    expectTypeOf(findObjects(image)).toEqualTypeOf<([number, number][] | null)[]>();
    expectTypeOf(sum(image)).toEqualTypeOf<number>();
    expectTypeOf(mean(image, image, 1)).toEqualTypeOf<number>();
    expectTypeOf(sum(image, image, [1, 2])).toEqualTypeOf<NDArray>();
    expectTypeOf(maximumPosition(image, image)).toEqualTypeOf<number[]>();
    expectTypeOf(centerOfMass(image, image, [1, 2])).toEqualTypeOf<number[][]>();
    expectTypeOf(extrema(image)).toEqualTypeOf<[number, number, number[], number[]]>();
    expectTypeOf(histogram(image, 0, 1, 4)).toEqualTypeOf<NDArray | null>();
    expectTypeOf(histogram(image, 0, 1, 4, image, [1, 2])).toEqualTypeOf<(NDArray | null)[]>();
    expectTypeOf(labeledComprehension(image, image, null, (v) => v.size > 1, 'float64', 0)).toEqualTypeOf<boolean>();
    expectTypeOf(labeledComprehension(image, image, 1, (v) => v.size, 'float64', 0)).toEqualTypeOf<number>();
    expectTypeOf(valueIndices(image)).toEqualTypeOf<Map<number, NDArray[]>>();
    expectTypeOf(watershedIft(image, image)).toEqualTypeOf<NDArray>();
  });
  it('options are checked', () => {
    // @ts-expect-error watershedIft's output is a preallocated array
    watershedIft(image, image, { output: 'int32' });
    // @ts-expect-error not an option of label
    label(image, { axes: [0] });
  });
});
