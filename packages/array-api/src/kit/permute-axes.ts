/** permuteDims' `axes`: a list holding each axis of the array once (negative axes count from the end). */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { checkPermutation } from '../layout.js';
import { describe } from './describe.js';

export function permuteAxes(ndim: number, axes: unknown): number[] {
  if (!Array.isArray(axes)) {
    throw new InvalidArgumentError(`'axes' must list each of the ${ndim} axes once, got ${describe(axes)}.`, {
      argument: 'axes',
      hint: `E.g. [${Array.from({ length: ndim }, (_, i) => ndim - 1 - i).join(', ')}] reverses them.`,
    });
  }
  return checkPermutation(axes, ndim, 'axes');
}
