/** Progress of a chunked array: blocks computed out of all its blocks. */
export interface Progress {
  readonly done: number;
  readonly total: number;
}

export interface ChunkedEvents {
  progress: (progress: Progress) => void;
  /** The first block that failed (the same error `toHost()` rejects with). */
  error: (error: unknown) => void;
}

/** A minimal typed emitter (no Node `events` on the browser path). */
export class Emitter<E extends { [K in keyof E]: (...args: any[]) => void }> {
  private readonly listeners = new Map<keyof E, Set<E[keyof E]>>();

  on<K extends keyof E>(event: K, listener: E[K]): this {
    let set = this.listeners.get(event);
    if (set === undefined) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return this;
  }

  off<K extends keyof E>(event: K, listener: E[K]): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  protected emit<K extends keyof E>(event: K, ...args: Parameters<E[K]>): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
}
