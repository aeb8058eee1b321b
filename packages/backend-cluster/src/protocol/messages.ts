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
  /**
   * The outputs the submitter expects, when it knows them. The local executor allocates them
   * in the host's shared memory up front: memory the host allocates is memory its garbage
   * collector accounts for (buffers created by workers are not, and pile up).
   */
  readonly outputs?: readonly { readonly dtype: string; readonly shape: readonly number[] }[];
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
      /** Host-allocated shared chunks to write the outputs into (see TaskSpec.outputs). */
      readonly outputs?: readonly WireChunk[];
    };

export type WorkerToHost =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly error: WireError }
  /** Each output is a chunk, or the index of the host-allocated output it was written into. */
  | { readonly type: 'done'; readonly id: number; readonly outputs: readonly (WireChunk | number)[] }
  | { readonly type: 'error'; readonly id: number; readonly error: WireError };
