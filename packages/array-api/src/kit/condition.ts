/** where's `condition`: a bool array (no truthiness of numbers, as in the standard). */
import { DtypeError } from '@sciport/dispatch-core';

export function checkCondition(dtype: string): void {
  if (dtype !== 'bool') {
    throw new DtypeError(`'condition' must be a bool array, got ${dtype}.`, {
      argument: 'condition',
      hint: 'Build it with a comparison, e.g. greater(x, 0).',
    });
  }
}
