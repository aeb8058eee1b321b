/** The `arrays` argument of concat and stack: a non-empty list. */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { describe } from './describe.js';

export function checkArrayList(arrays: unknown, fn: string): readonly unknown[] {
  if (!Array.isArray(arrays) || arrays.length === 0) {
    throw new InvalidArgumentError(`${fn} needs a non-empty list of arrays, got ${describe(arrays)}.`, {
      argument: 'arrays',
      hint: 'Pass [a, b, ...].',
    });
  }
  return arrays;
}
