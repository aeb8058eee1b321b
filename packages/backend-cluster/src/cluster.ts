import { InvalidArgumentError, NotSupportedError } from '@sciport/dispatch-core';
import type { ChunkRef, Executor } from './executor/executor.js';
import type { ChunkData } from './protocol/chunk-data.js';
import type { TaskSpec } from './protocol/messages.js';

export interface LocalClusterOptions {
  /** Worker threads (Node) or Web Workers (browser). Default: the number of CPU cores. */
  readonly workers?: number;
  /**
   * Extra modules each worker imports before taking tasks: packages whose multimethods run
   * on chunks, or modules that call `registerTask`. Node resolves
   * bare names from @sciport/backend-cluster's location; pass absolute `file:`/`https:`
   * URLs for your own modules. `@sciport/fft` and `@sciport/ndimage` are always loaded.
   */
  readonly modules?: readonly string[];
  /** Times a task may be lost with a crashing worker before it fails. Default 3. */
  readonly maxAttempts?: number;
  /**
   * Browsers only: where the page loads the Web Worker script, built from the entry
   * `@sciport/backend-cluster/web-worker` (a bundler that does not follow
   * `new Worker(new URL(…, import.meta.url))`, such as esbuild, needs this). Default: the
   * entry next to the package's module, which Vite and webpack bundle by themselves.
   */
  readonly workerUrl?: string | URL;
}

export interface RedisClusterOptions {
  /** `redis://[user:password@]host:port[/db]`, or `rediss://` for TLS. Default redis://127.0.0.1:6379. */
  readonly url?: string;
  /** Passed through to ioredis (password, username, tls: { ca, cert, key, … }, db …). */
  readonly connection?: Record<string, unknown>;
  /** BullMQ queue name; workers must use the same (`sciport-worker --queue`). Default 'sciport'. */
  readonly queue?: string;
  /** BullMQ key prefix. Default 'bull'. */
  readonly prefix?: string;
  /** How long to try to reach Redis before throwing ClusterUnavailableError. Default 5000 ms. */
  readonly connectTimeout?: number;
  /** Attempts per task before it fails (engine retries: stalled and errored jobs). Default 3. */
  readonly attempts?: number;
  /** Seconds chunk payloads live in Redis if nobody deletes them (a safety net). Default 3600. */
  readonly chunkTtl?: number;
  /** Wait until this many `sciport-worker` processes are connected. Default 0 (don't wait). */
  readonly minWorkers?: number;
  /** How long to wait for `minWorkers`. Default 30000 ms. */
  readonly workerTimeout?: number;
}

/** Platform hooks: the Node and browser entry points plug their executors in here. */
export interface Platform {
  local(options: LocalClusterOptions): Promise<Executor>;
  redis?(options: RedisClusterOptions): Promise<Executor>;
}

let platform: Platform | undefined;

/** @internal set by the package's entry points. */
export function setPlatform(p: Platform): void {
  platform = p;
}

/**
 * A set of workers that run chunk tasks. Close it when done: `await c.close()` (or
 * `await using c = …`) leaves no thread or connection behind.
 */
export class Cluster {
  constructor(readonly executor: Executor) {}

  /** 'local' or 'redis'. */
  get kind(): string {
    return this.executor.kind;
  }

  /** Parallel task slots, used to pick default chunk sizes. */
  get parallelism(): number {
    return this.executor.parallelism;
  }

  /** Run one registered task on chunks the cluster holds (the low-level API under ChunkedArray). */
  run(task: TaskSpec<ChunkRef>): Promise<ChunkRef[]> {
    return this.executor.run(task);
  }

  put(chunk: ChunkData): ChunkRef {
    return this.executor.put(chunk);
  }

  get(ref: ChunkRef): Promise<ChunkData> {
    return this.executor.get(ref);
  }

  close(): Promise<void> {
    return this.executor.close();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

function checkWorkers(workers: number | undefined): void {
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) {
    throw new InvalidArgumentError(`workers must be a positive integer, got ${workers}.`, {
      argument: 'workers',
      hint: 'Pass e.g. { workers: 4 }, or leave it out for one per CPU core.',
    });
  }
}

function checkWorkerUrl(workerUrl: unknown): void {
  if (workerUrl !== undefined && typeof workerUrl !== 'string' && !(workerUrl instanceof URL)) {
    throw new InvalidArgumentError(`workerUrl must be a string or a URL, got ${typeof workerUrl}.`, {
      argument: 'workerUrl',
      hint: "Pass where the page serves the worker script, e.g. { workerUrl: new URL('./sciport-worker.js', import.meta.url) }.",
    });
  }
}

export const cluster = {
  /** Workers on this machine: worker threads in Node, Web Workers in browsers. */
  async local(options: LocalClusterOptions = {}): Promise<Cluster> {
    checkWorkers(options.workers);
    checkWorkerUrl(options.workerUrl);
    if (platform === undefined) throw new NotSupportedError('No cluster platform is loaded.');
    return new Cluster(await platform.local(options));
  },

  /**
   * Many machines through BullMQ on Redis: each machine runs `sciport-worker --redis <url>`.
   * Node only. Throws ClusterUnavailableError when Redis cannot be reached.
   */
  async redis(options: RedisClusterOptions = {}): Promise<Cluster> {
    if (platform?.redis === undefined) {
      throw new NotSupportedError('cluster.redis() needs Node (it speaks to Redis over TCP).', {
        hint: 'In a browser, use cluster.local() with Web Workers.',
      });
    }
    return new Cluster(await platform.redis(options));
  },
};
