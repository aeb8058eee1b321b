import { checkAssumeA } from '@sciport/linalg/backend-kit';
import type { PreparedStructure } from './lu-factor.js';

/**
 * assume_a as the GPU's LU runs it: symmetric structures are mirrored from the referenced
 * triangle; positive definite ones are factored without pivoting, checking every pivot.
 */
export function preparedStructure(assumeA: unknown, lower: boolean): PreparedStructure {
  const structure = checkAssumeA(assumeA);
  switch (structure) {
    case null:
    case 'general':
      return 'general';
    case 'sym':
    case 'her': // real float32 only: hermitian is symmetric
      return lower ? 'sym lower' : 'sym upper';
    case 'pos':
      return lower ? 'pos lower' : 'pos upper';
    default:
      return structure;
  }
}

