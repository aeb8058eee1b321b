import type { Backend, FunctionEntry, Implementation, ImplementOptions } from './backend-types.js';
import type { Multimethod } from './multimethod-types.js';
import { registry } from './registry.js';
import { InvalidArgumentError } from './errors.js';
import { validateManifest } from './manifest.js';
import { describeInput, expectFunction, expectNameList, expectOptions } from './validate.js';

/** Returned by `Backend.convert` when it cannot take a value. */
export const NOT_CONVERTIBLE: unique symbol = Symbol.for('sciport.notConvertible') as any;
export type NotConvertible = typeof NOT_CONVERTIBLE;

/**
 * Type-checks a manifest literal and validates it (the same checks as `registerBackend`),
 * so a bad manifest fails where it is written.
 */
export function defineBackend<B extends Backend>(backend: B): B {
  validateManifest(backend);
  return backend;
}

function entryOptions(multimethod: unknown, implementation: unknown, argument: string, extra: unknown) {
  const id = (multimethod as { id?: unknown } | null | undefined)?.id;
  if (typeof id !== 'string' || !registry.multimethods.has(id)) {
    throw new InvalidArgumentError(`multimethod must be a function declared with multimethod(), got ${describeInput(multimethod)}.`, {
      argument: 'multimethod',
      hint: 'Pass the public function itself, e.g. implement(fft, gpuFft).',
    });
  }
  expectFunction(implementation, argument);
  if (extra === undefined) return { id, options: undefined };
  expectOptions(extra, 'options', ['options']);
  if (extra.options === undefined) return { id, options: undefined };
  expectNameList(extra.options, 'options.options', "List the option keys the implementation understands, e.g. ['n', 'axis'].");
  return { id, options: Object.freeze([...extra.options]) };
}

/**
 * Pair a multimethod with its implementation; a wrong signature is a compile error.
 * `{ options }` lists the option keys the implementation understands (see README).
 */
export function implement<F extends (...args: any[]) => any>(
  multimethod: Multimethod<F>,
  implementation: Implementation<F>,
  declaration?: ImplementOptions,
): FunctionEntry {
  const { id, options } = entryOptions(multimethod, implementation, 'implementation', declaration);
  return options === undefined ? { id, load: () => implementation } : { id, load: () => implementation, options };
}

/** Like `implement`, but the implementation is produced on first use. */
export function implementLazy<F extends (...args: any[]) => any>(
  multimethod: Multimethod<F>,
  load: () => Implementation<F>,
  declaration?: ImplementOptions,
): FunctionEntry {
  const { id, options } = entryOptions(multimethod, load, 'load', declaration);
  let cached: Implementation<F> | undefined;
  const loadOnce = () => (cached ??= load());
  return options === undefined ? { id, load: loadOnce } : { id, load: loadOnce, options };
}

export type { Backend, BackendCapabilities, FunctionEntry, Implementation, ImplementOptions, Verdict } from './backend-types.js';
