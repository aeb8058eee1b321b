/**
 * tile's repetitions: non-negative integers; the shorter of the array's shape and the
 * repetitions is padded with leading 1s.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { checkAllocatable } from '../layout.js';
import { readIntegerList } from './integer-list.js';
import type { SizeRule } from './size-rule.js';

export function tileShape(
  shape: readonly number[],
  repetitions: unknown,
  checkSize: SizeRule = checkAllocatable,
): { shape: number[]; reps: number[]; out: number[] } {
  const reps = readIntegerList(repetitions, 'repetitions');
  for (const r of reps) {
    if (r < 0) {
      throw new InvalidArgumentError(`'repetitions' must be non-negative integers, got ${r}.`, {
        argument: 'repetitions',
        hint: 'E.g. [2, 3].',
      });
    }
  }
  const nd = Math.max(shape.length, reps.length);
  const padded = [...new Array<number>(nd - shape.length).fill(1), ...shape];
  const r = [...new Array<number>(nd - reps.length).fill(1), ...reps];
  const out = padded.map((s, i) => s * r[i]);
  checkSize(out, 'repetitions');
  return { shape: padded, reps: r, out };
}
