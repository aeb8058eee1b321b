/**
 * The generalized eigenvalue problem A v = λ B v for `eig` and `eigvals`.
 */
import type { NDArray } from '@sciport/array-api';
import { NotSupportedError } from '@sciport/dispatch-core';

export interface GeneralizedRequest {
  left: boolean;
  right: boolean;
  homogeneous: boolean;
  checkFinite: boolean;
}

export function generalizedEig(fn: string, _a: unknown, _b: unknown, _request: GeneralizedRequest): NDArray | NDArray[] {
  throw new NotSupportedError(`${fn}: the generalized problem (b) is not implemented yet.`, {
    argument: 'b',
    hint: 'Solve the standard problem for solve(b, a) when b is well conditioned.',
  });
}
