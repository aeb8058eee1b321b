/** var/std's `correction` (NumPy's ddof): a non-negative number, default 0. */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { describe } from './describe.js';

export function checkCorrection(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !(value >= 0)) {
    throw new InvalidArgumentError(`'correction' must be a non-negative number, got ${describe(value)}.`, {
      argument: 'correction',
      hint: 'Use 0 for the population variance, 1 for the sample variance.',
    });
  }
  return value;
}
