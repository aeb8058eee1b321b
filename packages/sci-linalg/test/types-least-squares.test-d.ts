import type { NDArray } from '@sciport/array-api';
import { describe, expectTypeOf, it } from 'vitest';
import { ldl, lstsq, pinv, pinvh, qrUpdate, rq, solveBanded, solveToeplitz } from '../src/index.js';

describe('@sciport/linalg types: least squares, band, Toeplitz and QR-family functions', () => {
  it('results are typed by their options', () => {
    expectTypeOf(lstsq([[1]], [1])).toEqualTypeOf<[NDArray, NDArray, number | NDArray, NDArray | null]>();
    expectTypeOf(pinv([[1]])).toEqualTypeOf<NDArray>();
    expectTypeOf(pinv([[1]], { returnRank: true })).toEqualTypeOf<[NDArray, number | NDArray]>();
    expectTypeOf(pinvh([[1]], { returnRank: true })).toEqualTypeOf<[NDArray, number | NDArray]>();
    expectTypeOf(rq([[1]])).toEqualTypeOf<[NDArray, NDArray]>();
    expectTypeOf(rq([[1]], { mode: 'r' })).toEqualTypeOf<NDArray>();
    expectTypeOf(ldl([[1]])).toEqualTypeOf<[NDArray, NDArray, NDArray]>();
    expectTypeOf(qrUpdate([[1]], [[1]], [1], [1])).toEqualTypeOf<[NDArray, NDArray]>();
    expectTypeOf(solveBanded([0, 0], [[1]], [1])).toEqualTypeOf<NDArray>();
    expectTypeOf(solveToeplitz([[1, 2], [1, 3]], [1, 2])).toEqualTypeOf<NDArray>();
  });
  it('options are checked', () => {
    // @ts-expect-error SciPy's drivers only
    lstsq([[1]], [1], { lapackDriver: 'gelsx' });
    // @ts-expect-error SciPy's modes only
    rq([[1]], { mode: 'raw' });
  });
});
