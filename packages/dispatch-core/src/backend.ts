import type { ArrayKind } from './brand.js';
import type { Multimethod, MultimethodInfo } from './multimethod.js';

/** Returned by `Backend.convert` when it cannot take a value. */
export const NOT_CONVERTIBLE: unique symbol = Symbol.for('sciport.notConvertible') as any;
export type NotConvertible = typeof NOT_CONVERTIBLE;

/** What an implementation must look like for multimethod signature F. Backends return
 * arrays of their own kind, so only the parameters are checked. */
export type Implementation<F extends (...args: any[]) => any> = (...args: Parameters<F>) => unknown;

/** One function a backend implements, keyed by the multimethod's stable id. */
export interface FunctionEntry {
  readonly id: string;
  /** Loads the implementation the first time it is needed (lazy). */
  readonly load: () => (...args: any[]) => unknown;
}

/** Hard limits and heuristics answer `true` or the reason they decline. */
export type Verdict = true | string;

export interface BackendCapabilities {
  readonly dtypes?: readonly string[];
  readonly maxSize?: number;
  /** Whether results can be read synchronously (host) or need `await toHost()`. */
  readonly syncReadback?: boolean;
  readonly [extra: string]: unknown;
}

/** A backend's declarative manifest. */
export interface Backend {
  readonly name: string;
  /** Array kinds (brand strings) this backend owns. */
  readonly kinds: readonly ArrayKind[];
  readonly functions: readonly FunctionEntry[];
  readonly capabilities?: BackendCapabilities;
  /** Hard limits (dtype, size…): `true` or why it cannot run. */
  canRun?(fn: MultimethodInfo, args: readonly unknown[]): Verdict;
  /** Heuristics (too small to be worth it…): `true` or why it should not run. */
  shouldRun?(fn: MultimethodInfo, args: readonly unknown[]): Verdict;
  /** Backends this one must be tried before / after, when both could run. */
  readonly before?: readonly string[];
  readonly after?: readonly string[];
  /**
   * Take in a value of a kind this backend does not own. `coerce` is true when the user
   * allowed conversions (`{ coerce: true }`); return NOT_CONVERTIBLE to decline.
   */
  convert?(value: unknown, coerce: boolean): unknown;
  /**
   * Whether `convert` would take the value, without converting (used by `explain`). When
   * absent, explain assumes conversions need `coerce`.
   */
  canConvert?(value: unknown, coerce: boolean): Verdict;
}

/** Identity function that type-checks a manifest literal. */
export function defineBackend<B extends Backend>(backend: B): B {
  return backend;
}

/** Pair a multimethod with its implementation; a wrong signature is a compile error. */
export function implement<F extends (...args: any[]) => any>(
  multimethod: Multimethod<F>,
  implementation: Implementation<F>,
): FunctionEntry {
  return { id: multimethod.id, load: () => implementation };
}

/** Like `implement`, but the implementation is produced on first use. */
export function implementLazy<F extends (...args: any[]) => any>(
  multimethod: Multimethod<F>,
  load: () => Implementation<F>,
): FunctionEntry {
  let cached: Implementation<F> | undefined;
  return { id: multimethod.id, load: () => (cached ??= load()) };
}
