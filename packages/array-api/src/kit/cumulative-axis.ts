/**
 * The axis of cumulativeSum and cumulativeProd: required for arrays of more than one
 * dimension (the standard's rule); a 0-d array is scanned as a 1-D array of one element.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { normalizeAxis } from '../layout.js';

export function cumulativeAxis(ndim: number, axis: unknown, fn: 'cumulativeSum' | 'cumulativeProd'): number {
  if (axis === undefined && ndim > 1) {
    throw new InvalidArgumentError(`${fn} needs 'axis' for a ${ndim}-D array.`, {
      argument: 'axis',
      hint: 'Pass { axis } or reshape(x, [-1]) first.',
    });
  }
  return normalizeAxis(axis ?? 0, Math.max(ndim, 1));
}
