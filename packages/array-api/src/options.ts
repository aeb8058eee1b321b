/**
 * Reading the trailing options object of a public function: a misspelt key
 * (`{ axs: 0 }`) or a value that is not a plain object (`Map`, `Date`, `null`) is a typed
 * error naming it, never silently ignored. Also the checks of single option values.
 */
import { InvalidArgumentError, isPlainObject } from '@sciport/dispatch-core';
import { describe } from './layout.js';

/**
 * The options object of `fn` (`{}` when undefined), after checking that it is a plain
 * object whose keys are all in `known`.
 */
export function readOptions<T extends object>(options: T | undefined, known: readonly string[], fn: string): Partial<T> {
  if (options === undefined) return {};
  if (!isPlainObject(options)) {
    throw new InvalidArgumentError(`${fn}: options must be a plain object, got ${describe(options)}.`, {
      argument: 'options',
      hint: `Pass e.g. { ${known.slice(0, 2).join(', ')} }, or leave the options out.`,
    });
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new InvalidArgumentError(`${fn}: unknown option '${key}'.`, {
        argument: key,
        hint: known.length === 0 ? `${fn} takes no options.` : `Valid options: ${known.join(', ')}.`,
      });
    }
  }
  return options as Partial<T>;
}

/** An optional boolean option (`undefined` gives `fallback`). */
export function checkBoolean(value: unknown, argument: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new InvalidArgumentError(`'${argument}' must be true or false, got ${describe(value)}.`, {
      argument,
      hint: `Pass a boolean (default ${fallback}).`,
    });
  }
  return value;
}

/** A finite number. */
export function checkFiniteNumber(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`'${argument}' must be a finite number, got ${describe(value)}.`, {
      argument,
      hint: 'Pass a finite number.',
    });
  }
  return value;
}

/** An integer (e.g. a diagonal offset or a count); `undefined` gives `fallback`. */
export function checkInteger(value: unknown, argument: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new InvalidArgumentError(`'${argument}' must be an integer, got ${describe(value)}.`, {
      argument,
      hint: `Pass a whole number (default ${fallback}).`,
    });
  }
  return value;
}
