import { InvalidArgumentError } from '@sciport/dispatch-core';

/** SciPy's check_finite error: "array must not contain infs or NaNs", naming the argument. */
export function nonFiniteError(fn: string, argument: string): InvalidArgumentError {
  return new InvalidArgumentError(`${fn}: '${argument}' must not contain infs or NaNs.`, {
    argument,
    hint: 'Remove the non-finite values, or pass { checkFinite: false } to skip this check.',
  });
}
