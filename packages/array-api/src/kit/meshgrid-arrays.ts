/** meshgrid's arrays: each 1-D (the standard's rule; NumPy would flatten them silently). */
import { InvalidArgumentError } from '@sciport/dispatch-core';

export function checkMeshgridArrays(ndims: readonly number[]): void {
  ndims.forEach((ndim, i) => {
    if (ndim !== 1) {
      throw new InvalidArgumentError(`meshgrid needs 1-D arrays; arrays[${i}] has ${ndim} dimensions.`, {
        argument: `arrays[${i}]`,
        hint: 'Flatten it with reshape(x, [-1]).',
      });
    }
  });
}
