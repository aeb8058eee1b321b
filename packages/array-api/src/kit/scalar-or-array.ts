/**
 * Operands that may be an array or a JS scalar (elementwise functions, where, clip): a
 * scalar takes its dtype from the array beside it, so two scalars carry no dtype at all.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';

import type { ScalarInput } from '../namespace-types.js';

export function isScalarInput(value: unknown): value is ScalarInput {
  return typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean';
}

/** Throws when both operands of `fn` are scalars. */
export function checkScalarOrArray(x1: unknown, x2: unknown, fn: string): void {
  if (isScalarInput(x1) && isScalarInput(x2)) {
    throw new InvalidArgumentError(`${fn} needs at least one array argument; got two scalars.`, {
      argument: 'x1',
      hint: 'Wrap one operand with asarray().',
    });
  }
}
