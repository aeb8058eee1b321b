/**
 * isdtype's `kind`: a dtype name, one of the standard's kind names, or a list of them.
 * Every entry is checked, even after one that matches.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { type DType, isDType } from '../dtypes.js';
import type { DTypeKindName } from '../namespace-types.js';
import { describe } from './describe.js';

export const DTYPE_KIND_NAMES: readonly DTypeKindName[] = ['bool', 'signed integer', 'unsigned integer', 'integral', 'real floating', 'complex floating', 'numeric'];

export function checkDtypeKinds(kind: unknown): (DType | DTypeKindName)[] {
  const kinds: unknown[] = Array.isArray(kind) ? kind : [kind];
  for (const want of kinds) {
    if (!isDType(want) && !DTYPE_KIND_NAMES.includes(want as DTypeKindName)) {
      throw new InvalidArgumentError(`Unknown dtype kind ${describe(want)}.`, {
        argument: 'kind',
        hint: `Use a dtype name or one of: ${DTYPE_KIND_NAMES.join(', ')}.`,
      });
    }
  }
  return kinds as (DType | DTypeKindName)[];
}
