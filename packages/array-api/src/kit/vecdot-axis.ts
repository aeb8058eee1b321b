/**
 * vecdot's axis: an axis of the shapes aligned on the right, with the same size in both
 * arrays (no broadcasting along it). Returned counted from the end (−1 is the last), so
 * it holds for the broadcast shape too.
 */
import { ShapeError } from '@sciport/dispatch-core';
import { normalizeAxis } from '../layout.js';

export function vecdotAxis(shape1: readonly number[], shape2: readonly number[], axis: unknown = -1): number {
  const nd = Math.max(shape1.length, shape2.length);
  const ax = normalizeAxis(axis, nd) - nd;
  const n1 = shape1[shape1.length + ax] ?? 1;
  const n2 = shape2[shape2.length + ax] ?? 1;
  if (n1 !== n2) {
    throw new ShapeError(`vecdot: x1 and x2 differ along axis ${ax} (${n1} vs ${n2}).`, {
      argument: 'x2',
      hint: 'The contracted axis must have the same size in both arrays.',
    });
  }
  return ax;
}
