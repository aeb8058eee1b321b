import { dispatchCall } from './dispatch.js';
import { InvalidArgumentError } from './errors.js';
import { registry } from './registry.js';
import type { Multimethod, MultimethodInternal, MultimethodSpec } from './multimethod-types.js';
import { describeInput, expectFunction, expectNameList, expectNonEmptyString, isPlainObject } from './validate.js';

function validateSpec(spec: unknown): asserts spec is MultimethodSpec<(...args: any[]) => any> {
  if (!isPlainObject(spec)) {
    throw new InvalidArgumentError(`multimethod() takes a spec object, got ${describeInput(spec)}.`, {
      argument: 'spec',
      hint: 'multimethod({ domain, name, dispatch: [0], default: hostImpl }).',
    });
  }
  expectNonEmptyString(spec.domain, 'spec.domain', "e.g. 'sciport.fft'.");
  expectNonEmptyString(spec.name, 'spec.name', "e.g. 'fft'.");
  const dispatch = spec.dispatch;
  const isIndex = (i: unknown) => Number.isSafeInteger(i) && (i as number) >= 0;
  if (!Array.isArray(dispatch) || !dispatch.every(isIndex) || new Set(dispatch).size !== dispatch.length) {
    throw new InvalidArgumentError(
      `spec.dispatch must be an array of distinct non-negative integers, got ${describeInput(dispatch)}.`,
      { argument: 'spec.dispatch', hint: 'List the positions of the array arguments, e.g. [0].' },
    );
  }
  expectFunction(spec.default, 'spec.default', 'Pass the host implementation.');
  if (spec.options !== undefined) expectNameList(spec.options, 'spec.options');
}

/**
 * Declare a multimethod: the public function of an interface package. Calls go through
 * dispatch (per-call backend, scopes, global choice, registered owners of the arrays'
 * kinds, then the default; see the package README) to a backend implementation or the default.
 */
export function multimethod<F extends (...args: any[]) => any>(spec: MultimethodSpec<F>): Multimethod<F> {
  validateSpec(spec);
  const id = `${spec.domain}.${spec.name}`;
  // Two copies of one package in a bundle declare the same ids: they share the first
  // declaration, so backends registered against either copy serve both.
  const existing = registry.publicFunctions.get(id);
  if (existing !== undefined) return existing as Multimethod<F>;
  const info: MultimethodInternal = Object.freeze({
    id,
    domain: spec.domain,
    name: spec.name,
    dispatch: Object.freeze([...spec.dispatch]),
    options: spec.options === undefined ? undefined : Object.freeze([...spec.options]),
    defaultImpl: spec.default,
  });
  // A named function expression keeps stack traces readable.
  const callable = function sciportMultimethod(...args: unknown[]) {
    return dispatchCall(info, args);
  };
  Object.defineProperty(callable, 'name', { value: spec.name });
  const extras = {
    id,
    domain: spec.domain,
    dispatch: info.dispatch,
    options: info.options,
    default: spec.default,
    async async(...args: unknown[]) {
      const result: any = dispatchCall(info, args);
      return result !== null && typeof result === 'object' && typeof result.toHost === 'function'
        ? await result.toHost()
        : result;
    },
  };
  for (const [key, value] of Object.entries(extras)) {
    Object.defineProperty(callable, key, { value, enumerable: true });
  }
  registry.multimethods.set(id, info);
  registry.publicFunctions.set(id, callable);
  return callable as unknown as Multimethod<F>;
}

/** Look a multimethod up by its stable id (how cluster workers address functions). */
export function getMultimethod(id: string): Multimethod<(...args: any[]) => any> | undefined {
  expectNonEmptyString(id, 'id', "Pass a multimethod's id, e.g. 'sciport.fft.fft'.");
  return registry.publicFunctions.get(id) as Multimethod<(...args: any[]) => any> | undefined;
}

/** Every declared multimethod id, for capability tables and workers. */
export function listMultimethods(): string[] {
  return [...registry.multimethods.keys()];
}

export type { DispatchOptions, Multimethod, MultimethodInfo, MultimethodInternal, MultimethodSpec } from './multimethod-types.js';
