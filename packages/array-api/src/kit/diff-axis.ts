/** The axis of diff (default the last); a 0-d array has nothing to difference along. */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { normalizeAxis } from '../layout.js';

export function diffAxis(ndim: number, axis: unknown): number {
  if (ndim === 0) {
    throw new InvalidArgumentError('diff needs at least 1 dimension.', { argument: 'x', hint: 'Reshape to 1-D first.' });
  }
  return normalizeAxis(axis ?? -1, ndim);
}
