/** A count given by the user (repeats, a number of differences): a non-negative integer. */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { describe } from './describe.js';

export function checkCount(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidArgumentError(`'${argument}' must be a non-negative integer, got ${describe(value)}.`, {
      argument,
      hint: 'Use a whole number ≥ 0.',
    });
  }
  return value;
}
