/** The types of backend manifests, in a file of their own so the registry and dispatch can import them without a circle. */
import type { ArrayKind } from './brand.js';
import type { MultimethodInfo } from './multimethod-types.js';

/** What an implementation must look like for multimethod signature F. Backends return
 * arrays of their own kind, so only the parameters are checked. */
export type Implementation<F extends (...args: any[]) => any> = (...args: Parameters<F>) => unknown;

/** One function a backend implements, keyed by the multimethod's stable id. */
export interface FunctionEntry {
  readonly id: string;
  /** Loads the implementation the first time it is needed (lazy). */
  readonly load: () => (...args: any[]) => unknown;
  /**
   * The option keys (of the call's trailing options object) this implementation
   * understands. A call passing any other key skips this backend for the next candidate.
   * Absent: the entry is taken to understand every key (see the README on declaring them).
   */
  readonly options?: readonly string[];
}

/** What `implement` / `implementLazy` take besides the function. */
export interface ImplementOptions {
  /** The option keys the implementation understands (`backend` is always understood). */
  readonly options?: readonly string[];
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
