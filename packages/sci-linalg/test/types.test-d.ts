import type { NDArray } from '@sciport/array-api';
import { describe, expectTypeOf, it } from 'vitest';
import { choFactor, det, type LuOptions, lu, luFactor, norm, qr, type SolveOptions, solve, svd, svdvals, toeplitz } from '../src/index.js';

describe('@sciport/linalg types', () => {
  it('host input gives NDArray; pairs are tuples', () => {
    expectTypeOf(solve([[1]], [1])).toEqualTypeOf<NDArray>();
    expectTypeOf(det([[1]])).toEqualTypeOf<NDArray>();
    expectTypeOf(norm([1, 2], { ord: Number.POSITIVE_INFINITY })).toEqualTypeOf<NDArray>();
    expectTypeOf(luFactor([[1]])).toEqualTypeOf<[NDArray, NDArray]>();
    expectTypeOf(choFactor([[1]])).toEqualTypeOf<[NDArray, boolean | NDArray]>();
    expectTypeOf(lu([[1]])).toEqualTypeOf<NDArray[]>();
    expectTypeOf(toeplitz([1, 2], { r: [1, 3] })).toEqualTypeOf<NDArray>();
    expectTypeOf(qr([[1]])).toEqualTypeOf<NDArray[]>();
    expectTypeOf(qr([[1]], { mode: 'economic', pivoting: true })).toEqualTypeOf<NDArray[]>();
    expectTypeOf(qr([[1]], { mode: 'raw' })).toEqualTypeOf<[[NDArray, NDArray], ...NDArray[]]>();
    expectTypeOf(qr([[1]], { mode: 'r' })).toEqualTypeOf<NDArray[] | NDArray>();
    expectTypeOf(svd([[1]])).toEqualTypeOf<[NDArray, NDArray, NDArray]>();
    expectTypeOf(svd([[1]], { computeUv: false })).toEqualTypeOf<NDArray>();
    expectTypeOf(svdvals([[1]])).toEqualTypeOf<NDArray>();
  });
  it('options are checked', () => {
    expectTypeOf<LuOptions['permuteL']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<SolveOptions['transposed']>().toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error not a structure SciPy knows
    solve([[1]], [1], { assumeA: 'upper' });
    // @ts-expect-error trans is 0/1/2 or 'N'/'T'/'C'
    solve([[1]], [1], { trans: 1 });
    // @ts-expect-error SciPy's modes only
    qr([[1]], { mode: 'thin' });
    // @ts-expect-error SciPy's drivers only
    svd([[1]], { lapackDriver: 'gesvj' });
  });
});
