/** The types of multimethods, apart from the code that declares and dispatches them (so that code can import them without a circle). */

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
