import type { SerializedDispatchState } from '@sciport/dispatch-core';

/** JSON-like task parameters (structured-clone safe; the Redis path also encodes NaN/±Inf/bigint). */
export type Params = unknown;

/**
 * What a chunk task is: a registered task name, its chunk inputs and plain parameters.
 * Workers look the name up in their task registry; no code ever travels with a task.
 */
export interface TaskSpec<Ref> {
  readonly fn: string;
  readonly inputs: readonly Ref[];
  readonly params?: Params;
  /** Dispatch state of the submitting scope, re-entered on the worker. */
  readonly state?: SerializedDispatchState;
}

/** A chunk on the wire between threads: the buffer is shared (SAB) or transferred. */
export interface WireChunk {
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly buffer: ArrayBufferLike;
  readonly byteOffset: number;
}

/** A serialized error: enough to rebuild sciport's typed errors on the host. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly argument?: string;
  readonly hint?: string;
  readonly stack?: string;
}

export type HostToWorker =
  | { readonly type: 'init'; readonly modules: readonly string[]; readonly sharedMemory: boolean }
  | {
      readonly type: 'task';
      readonly id: number;
      readonly fn: string;
      readonly inputs: readonly WireChunk[];
      readonly params: Params;
      readonly state: SerializedDispatchState | undefined;
    };

export type WorkerToHost =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly error: WireError }
  | { readonly type: 'done'; readonly id: number; readonly outputs: readonly WireChunk[] }
  | { readonly type: 'error'; readonly id: number; readonly error: WireError };
