/** `.T` reverses the axes of a matrix only (the standard leaves other ranks to permuteDims and `.mT`). */
import { InvalidArgumentError } from '@sciport/dispatch-core';

export function checkTransposeRank(ndim: number): void {
  if (ndim !== 2) {
    throw new InvalidArgumentError(`.T needs a 2-D array, got ${ndim}-D.`, {
      argument: 'x',
      hint: 'Use permuteDims(x, axes) or .mT for stacks of matrices.',
    });
  }
}
