/** The callback of a generic filter and the extra arguments SciPy passes it, checked. */
import { describe } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';

/** A callback argument: a function, else an InvalidArgumentError naming `argument`. */
export function checkCallback<F>(fn: unknown, argument: string, signature: string): F {
  if (typeof fn !== 'function') {
    throw new InvalidArgumentError(`'${argument}' must be a function, got ${describe(fn)}.`, {
      argument,
      hint: `Pass ${signature}.`,
    });
  }
  return fn as F;
}

/** SciPy's extra_arguments: an array (default none). */
export function readExtraArguments(value: unknown): readonly unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new InvalidArgumentError(`'extraArguments' must be an array, got ${describe(value)}.`, {
      argument: 'extraArguments',
      hint: 'Pass the extra arguments of the callback as an array, e.g. [weights].',
    });
  }
  return value;
}

/**
 * SciPy's extra_keywords, which a JS callback receives as one last object argument: the
 * arguments after the callback's arrays are `extraArguments`, then this object when given.
 */
export function readExtraKeywords(value: unknown): readonly unknown[] {
  if (value === undefined) return [];
  const plain = value !== null && typeof value === 'object' && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);
  if (!plain) {
    throw new InvalidArgumentError(`'extraKeywords' must be a plain object, got ${describe(value)}.`, {
      argument: 'extraKeywords',
      hint: 'Pass e.g. { scale: 2 }; the callback gets it as its last argument.',
    });
  }
  return [value];
}
