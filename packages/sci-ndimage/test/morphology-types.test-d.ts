import type { NDArray } from '@sciport/array-api';
import { describe, expectTypeOf, it } from 'vitest';
import {
  binaryErosion,
  binaryHitOrMiss,
  distanceTransformCdt,
  distanceTransformEdt,
  generateBinaryStructure,
  greyOpening,
  iterateStructure,
} from '../src/index.js';

describe('@sciport/ndimage morphology types', () => {
  it('gives NDArray for host input, a tuple or undefined for the distance transforms', () => {
    expectTypeOf(generateBinaryStructure(2, 1)).toEqualTypeOf<NDArray>();
    expectTypeOf(iterateStructure([[1, 1]], 2, { origin: 0 })).toEqualTypeOf<NDArray | [NDArray, number[]]>();
    expectTypeOf(binaryErosion([[1, 0]], { iterations: 0, borderValue: 1, bruteForce: true })).toEqualTypeOf<NDArray>();
    expectTypeOf(binaryHitOrMiss([[1, 0]], { structure1: [[1, 1]], origin2: null })).toEqualTypeOf<NDArray>();
    expectTypeOf(greyOpening([[1, 2]], { size: [1, 2], mode: 'wrap' })).toEqualTypeOf<NDArray>();
    expectTypeOf(distanceTransformEdt([[1, 0]], { sampling: [1, 2] })).toEqualTypeOf<NDArray | [NDArray, NDArray] | undefined>();
  });
  it('checks option names and values', () => {
    // @ts-expect-error not a binary option
    binaryErosion([1, 0], { mode: 'wrap' });
    // @ts-expect-error not a grey boundary mode
    greyOpening([1, 2], { size: 2, mode: 'periodic' });
    // @ts-expect-error the EDT takes no metric
    distanceTransformEdt([1, 0], { metric: 'taxicab' });
    // @ts-expect-error the iterations are a number
    iterateStructure([1, 1], '2');
    distanceTransformCdt([1, 0], { metric: 'chessboard' });
  });
});
