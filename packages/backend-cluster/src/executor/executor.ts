import type { ChunkData } from '../protocol/chunk-data.js';
import type { TaskSpec } from '../protocol/messages.js';

/** A chunk held by an executor: in shared memory (local) or as a Redis key (many machines). */
export interface ChunkRef {
  readonly dtype: string;
  readonly shape: readonly number[];
}

/**
 * Runs chunk tasks somewhere. ChunkedArray only talks to this interface, so the same
 * strategies run on worker threads, Web Workers and machines behind Redis.
 */
export interface Executor {
  /** 'local' (threads / Web Workers) or 'redis'. */
  readonly kind: string;
  /** Parallel task slots (workers × concurrency), a hint for chunk sizes. */
  readonly parallelism: number;
  /** Take a host chunk in (a copy into shared memory, or an upload). */
  put(chunk: ChunkData): ChunkRef;
  /** Writable memory for a chunk that will be `put` (saves the copy into shared memory). */
  allocate?(dtype: string, shape: readonly number[]): ChunkData;
  /** Run a task; resolves to its output chunks, still held by the executor. */
  run(task: TaskSpec<ChunkRef>): Promise<ChunkRef[]>;
  /** Bring a chunk back to the host. */
  get(ref: ChunkRef): Promise<ChunkData>;
  /** The chunk is no longer needed (frees Redis keys; a no-op for shared memory). */
  release(ref: ChunkRef): void;
  /** Reject pending work with ClusterClosedError and leave no thread or connection behind. */
  close(): Promise<void>;
}
