import { InvalidArgumentError } from '@sciport/dispatch-core';

/** Throws InvalidArgumentError naming `n` unless n is an integer >= min. */
export function checkLength(n: number, min = 1, what = 'transform length'): void {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min) {
    throw new InvalidArgumentError(`Invalid ${what} n = ${String(n)}: expected an integer >= ${min}.`, {
      argument: 'n',
      hint: `Pass n as a whole number of points, at least ${min}.`,
    });
  }
}
