/**
 * SciPy's `LinAlgError`: the computation failed because of the matrix's values (exactly
 * singular, not positive definite), not because of how the call was made.
 */
import { SciportError } from '@sciport/dispatch-core';

export class LinAlgError extends SciportError {
  override name = 'LinAlgError';
}
