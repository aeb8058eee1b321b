/**
 * Reading an argument that is one integer or a list of them (`axis`, `source`, `shift`,
 * `repetitions`…): a number, an array or any other iterable except a string.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { describe } from './describe.js';

export function readIntegerList(value: unknown, argument: string): number[] {
  let items: unknown[];
  if (typeof value === 'number') items = [value];
  else if (Array.isArray(value)) items = value;
  else if (value !== null && typeof value === 'object' && Symbol.iterator in value) items = Array.from(value as Iterable<unknown>);
  else {
    throw new InvalidArgumentError(`'${argument}' must be an integer or a list of integers, got ${describe(value)}.`, {
      argument,
      hint: 'Pass e.g. 0 or [0, 1].',
    });
  }
  return items.map((item, i) => {
    if (typeof item !== 'number' || !Number.isInteger(item)) {
      throw new InvalidArgumentError(`'${argument}' has ${describe(item)} at position ${i}; every entry must be an integer.`, {
        argument,
        hint: 'Use whole numbers, e.g. Math.trunc(n).',
      });
    }
    return item;
  });
}
