/** The axis of sort and argsort (default the last); a 0-d array has nothing to sort along. */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { normalizeAxis } from '../layout.js';

export function sortAxis(ndim: number, axis: unknown): number {
  if (ndim === 0) {
    throw new InvalidArgumentError('sort needs at least 1 dimension.', { argument: 'x', hint: 'Reshape to 1-D first.' });
  }
  return normalizeAxis(axis ?? -1, ndim);
}
