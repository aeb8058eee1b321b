/** The shapes of dispatch state (the global choice, the serialized state a cluster carries), apart from the code that reads and writes it. */

/** The user's global choice (`setGlobalBackend`). */
export interface GlobalChoice {
  readonly backend: string;
  readonly only: boolean;
  readonly coerce: boolean;
  readonly tryLast: boolean;
}

/** Dispatch state as plain JSON, so a worker can make the same decisions. */
export interface SerializedDispatchState {
  readonly global: GlobalChoice | null;
  readonly disabled: string[];
  readonly priority: string[];
  /** Scopes from outermost to innermost. */
  readonly scopes: { type: 'set' | 'skip'; backend: string; only: boolean; coerce: boolean }[];
}
