import type { NDArray } from '@sciport/array-api';
import { ARRAY_BRAND } from '@sciport/dispatch-core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type BoundaryMode,
  correlate,
  convolve1d,
  gaussianFilter,
  gaussianFilter1d,
  type GaussianFilterOptions,
  gaussianGradientMagnitude,
  genericLaplace,
  laplace,
  maximumFilter1d,
  medianFilter,
  minimumFilter,
  percentileFilter,
  rankFilter,
  sobel,
  uniformFilter,
} from '../src/index.js';

describe('@sciport/ndimage types', () => {
  it('host input gives NDArray', () => {
    expectTypeOf(correlate([[1, 2], [3, 4]], [[1, 0], [0, 1]], { mode: 'wrap' })).toEqualTypeOf<NDArray>();
    expectTypeOf(convolve1d(new Float32Array(8), [1, 2, 1], { axis: 0, origin: -1 })).toEqualTypeOf<NDArray>();
    expectTypeOf(gaussianFilter([1, 2, 3], [1.5], { order: [1], radius: [2] })).toEqualTypeOf<NDArray>();
    expectTypeOf(gaussianFilter1d([1, 2, 3], 2, { truncate: 3 })).toEqualTypeOf<NDArray>();
    expectTypeOf(uniformFilter([1, 2, 3], { size: 3, mode: ['nearest'] })).toEqualTypeOf<NDArray>();
    expectTypeOf(minimumFilter([[1, 2]], { footprint: [[true, false]], cval: 0 })).toEqualTypeOf<NDArray>();
    expectTypeOf(maximumFilter1d([1, 2, 3], 2, { output: 'uint8' })).toEqualTypeOf<NDArray>();
    expectTypeOf(sobel([[1, 2]], { axis: 0, mode: ['wrap', 'nearest'] })).toEqualTypeOf<NDArray>();
    expectTypeOf(laplace([[1, 2]], { axes: [1] })).toEqualTypeOf<NDArray>();
    expectTypeOf(gaussianGradientMagnitude([[1, 2]], [1, 2], { radius: 3 })).toEqualTypeOf<NDArray>();
    expectTypeOf(genericLaplace([1, 2, 3], (x, axis, output, mode, cval) => [x, axis, output, mode, cval], { extraArguments: [] })).toEqualTypeOf<NDArray>();
    expectTypeOf(rankFilter([1, 2, 3], -1, { size: 2 })).toEqualTypeOf<NDArray>();
    expectTypeOf(medianFilter([[1, 2]], { footprint: [[1, 1]] })).toEqualTypeOf<NDArray>();
    expectTypeOf(percentileFilter([1, 2, 3], 50, { size: 3 })).toEqualTypeOf<NDArray>();
  });
  it('options are checked', () => {
    expectTypeOf<GaussianFilterOptions['mode']>().toEqualTypeOf<BoundaryMode | readonly BoundaryMode[] | undefined>();
    // @ts-expect-error not a boundary mode
    uniformFilter([1, 2], { mode: 'periodic' });
    // @ts-expect-error correlate takes one mode for all axes
    correlate([1, 2], [1], { mode: ['wrap'] });
    // @ts-expect-error not an option of the 1-D filters
    convolve1d([1, 2], [1], { axes: [0] });
    // @ts-expect-error sobel differentiates along one axis
    sobel([1, 2], { axes: [0] });
    // @ts-expect-error the rank is a number
    rankFilter([1, 2], '1', { size: 2 });
  });
  it('an array of an unregistered kind maps to NDArray (backends augment ArrayKindMap)', () => {
    const other = { [ARRAY_BRAND]: 'other' as const };
    expectTypeOf(gaussianFilter(other, 1)).toEqualTypeOf<NDArray>();
  });
});
