/**
 * repeat's counts along an axis of size n: one count for every element, or one per
 * element (a list of length 1 or n), all non-negative integers. Returns the counts, one
 * per element, and the result's shape, checked to be allocatable.
 */
import { ShapeError } from '@sciport/dispatch-core';
import { checkAllocatable } from '../layout.js';
import { checkCount } from './count.js';

export function repeatShape(shape: readonly number[], axis: number, repeats: number | readonly number[]): { counts: number[]; shape: number[] } {
  const n = shape[axis];
  let counts: number[];
  if (typeof repeats === 'number') counts = new Array<number>(n).fill(checkCount(repeats, 'repeats'));
  else {
    counts = repeats.length === 1 ? new Array<number>(n).fill(repeats[0]) : [...repeats];
    if (counts.length !== n || counts.some((c) => !Number.isInteger(c) || c < 0)) {
      throw new ShapeError(`'repeats' must have length 1 or ${n} with non-negative integer entries.`, {
        argument: 'repeats',
        hint: 'Give one count per element along the axis.',
      });
    }
  }
  const out = shape.slice();
  out[axis] = counts.reduce((s, c) => s + c, 0);
  checkAllocatable(out, 'repeats');
  return { counts, shape: out };
}
