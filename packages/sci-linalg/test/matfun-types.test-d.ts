import type { NDArray } from '@sciport/array-api';
import { describe, expectTypeOf, it } from 'vitest';
import { expm, expmFrechet, fractionalMatrixPower, funm, logm, solveContinuousAre, solveDiscreteLyapunov, sqrtm } from '../src/index.js';

describe('@sciport/linalg matrix function types', () => {
  it('results follow disp and computeExpm', () => {
    expectTypeOf(expm([[1]])).toEqualTypeOf<NDArray>();
    expectTypeOf(expmFrechet([[1]], [[1]])).toEqualTypeOf<[NDArray, NDArray]>();
    expectTypeOf(expmFrechet([[1]], [[1]], { computeExpm: false })).toEqualTypeOf<NDArray>();
    expectTypeOf(sqrtm([[1]])).toEqualTypeOf<NDArray>();
    expectTypeOf(sqrtm([[1]], { disp: false })).toEqualTypeOf<[NDArray, NDArray]>();
    expectTypeOf(logm([[1]], { disp: false })).toEqualTypeOf<[NDArray, NDArray]>();
    expectTypeOf(funm([[1]], (x) => x)).toEqualTypeOf<NDArray>();
    expectTypeOf(fractionalMatrixPower([[1]], 0.5)).toEqualTypeOf<NDArray>();
    expectTypeOf(solveContinuousAre([[1]], [[1]], [[1]], [[1]], { e: [[1]] })).toEqualTypeOf<NDArray>();
  });
  it('options are checked', () => {
    // @ts-expect-error SciPy's methods only
    expmFrechet([[1]], [[1]], { method: 'pade' });
    // @ts-expect-error 'direct' or 'bilinear'
    solveDiscreteLyapunov([[1]], [[1]], { method: 'schur' });
    // @ts-expect-error t is a number
    fractionalMatrixPower([[1]], '0.5');
  });
});
