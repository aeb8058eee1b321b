/** unstack's axis (default 0) of an array with at least one dimension. */
import { ShapeError } from '@sciport/dispatch-core';
import { normalizeAxis } from '../layout.js';

export function unstackAxis(ndim: number, axis: unknown = 0): number {
  if (ndim === 0) {
    throw new ShapeError('unstack needs at least 1 dimension.', { argument: 'x', hint: 'Pass an array with ndim ≥ 1.' });
  }
  return normalizeAxis(axis, ndim);
}
