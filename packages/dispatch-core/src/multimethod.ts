import { dispatchCall } from './dispatch.js';
import { InvalidArgumentError } from './errors.js';
import { registry } from './registry.js';
import { describeInput, expectFunction, expectNameList, expectNonEmptyString, isPlainObject } from './validate.js';

/** Per-call dispatch options every multimethod accepts in its trailing options object. */
export interface DispatchOptions {
  /** Force this backend for this call; fails with the reasons if it cannot run. */
  readonly backend?: string;
}

/** What backends and records see of a multimethod. */
export interface MultimethodInfo {
  /** Stable id, `${domain}.${name}`: how backends and cluster workers address it. */
  readonly id: string;
  readonly domain: string;
  readonly name: string;
  /** Indices of the positional arguments that are dispatchable arrays. */
  readonly dispatch: readonly number[];
  /** Every option key the interface knows (as declared), or undefined when not declared. */
  readonly options: readonly string[] | undefined;
}

export interface MultimethodSpec<F extends (...args: any[]) => any> {
  readonly domain: string;
  readonly name: string;
  readonly dispatch: readonly number[];
  /** The default implementation, for host arrays. Its signature is the multimethod's. */
  readonly default: F;
  /**
   * Every key its trailing options object may have, including keys added in later
   * versions (documentation for backend authors, who declare the keys they understand).
   */
  readonly options?: readonly string[];
}

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

/** A dispatching function with the signature of its default implementation. */
export type Multimethod<F extends (...args: any[]) => any> = F &
  MultimethodInfo & {
    /** The default (host) implementation, callable directly. */
    readonly default: F;
    /** Runs the call, then awaits `toHost()` on a device result: the explicit transferring path. */
    async(...args: Parameters<F>): Promise<Awaited<ReturnType<F>>>;
  };

/** @internal the record dispatch keeps per multimethod. */
export interface MultimethodInternal extends MultimethodInfo {
  readonly defaultImpl: (...args: any[]) => unknown;
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
