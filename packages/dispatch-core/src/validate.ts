import { InvalidArgumentError } from './errors.js';

/**
 * Argument checks for the public dispatch API. Each throws an InvalidArgumentError that
 * names the argument (or the manifest/option field, e.g. `'functions[2].load'`), so a bad
 * call fails where it is made instead of deep inside a later dispatch.
 */

/** A short description of a value for error messages (never its whole contents). */
export function describeInput(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return value.length <= 40 ? JSON.stringify(value) : 'a long string';
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'undefined':
      return String(value);
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      return 'an object';
  }
}

/**
 * An object literal (or `Object.create(null)`): not an array, class instance or function.
 * Any realm's Object.prototype counts, so objects from a worker or another frame pass.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  // Object.prototype of any realm is the one prototype whose own prototype is null; the tag
  // test leaves out objects such as Math or a module namespace that share that prototype.
  return proto === null || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]');
}

function fail(argument: string, expected: string, value: unknown, hint?: string): never {
  throw new InvalidArgumentError(`${argument} must be ${expected}, got ${describeInput(value)}.`, {
    argument,
    hint,
  });
}

export function expectFunction(value: unknown, argument: string, hint?: string): void {
  if (typeof value !== 'function') fail(argument, 'a function', value, hint);
}

export function expectNonEmptyString(value: unknown, argument: string, hint?: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) fail(argument, 'a non-empty string', value, hint);
}

export function expectBoolean(value: unknown, argument: string): void {
  if (typeof value !== 'boolean') fail(argument, 'true or false', value);
}

/** An array whose items are non-empty strings. */
export function expectNameList(value: unknown, argument: string, hint?: string): asserts value is readonly string[] {
  if (!Array.isArray(value)) fail(argument, 'an array of strings', value, hint);
  for (let i = 0; i < value.length; i++) expectNonEmptyString(value[i], `${argument}[${i}]`, hint);
}

/** A plain object whose keys are all in `known`. */
export function expectOptions(
  value: unknown,
  argument: string,
  known: readonly string[],
): asserts value is Record<string, unknown> {
  if (!isPlainObject(value)) fail(argument, `an options object ({ ${known.join(', ')} })`, value);
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new InvalidArgumentError(`${argument} has an unknown option '${key}'.`, {
        argument: `${argument}.${key}`,
        hint: `Known options: ${known.join(', ')}.`,
      });
    }
  }
}

/** Each listed key of a plain object is a boolean when present. */
export function expectBooleanOptions(options: Record<string, unknown>, argument: string, keys: readonly string[]): void {
  for (const key of keys) if (options[key] !== undefined) expectBoolean(options[key], `${argument}.${key}`);
}
