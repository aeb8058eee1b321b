/** take's axis: optional for a 1-D array only (the standard's rule). */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { normalizeAxis } from '../layout.js';

export function takeAxis(ndim: number, axis: unknown): number {
  if (axis === undefined) {
    if (ndim !== 1) {
      throw new InvalidArgumentError(`take needs 'axis' for a ${ndim}-D array.`, {
        argument: 'axis',
        hint: 'Pass { axis } or reshape(x, [-1]) first.',
      });
    }
    return 0;
  }
  return normalizeAxis(axis, ndim);
}
