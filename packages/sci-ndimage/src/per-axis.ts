/**
 * SciPy's per-axis parameters (`size`, `sigma`, `origin`, `mode`, `order`, `radius`): a
 * scalar applies to every filtered axis, an array gives one value per axis.
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';

/** `value` as one entry per filtered axis, each checked by `check`. */
export function perAxis<T>(value: unknown, count: number, argument: string, check: (v: unknown, argument: string) => T): T[] {
  if (!Array.isArray(value)) {
    const one = check(value, argument);
    return Array.from({ length: count }, () => one);
  }
  if (value.length !== count) {
    throw new InvalidArgumentError(`'${argument}' has ${value.length} entries for ${count} filtered axes.`, {
      argument,
      hint: `Give one value, or one per filtered axis (${count}).`,
    });
  }
  return value.map((v) => check(v, argument));
}
