import { randomUUID } from 'node:crypto';
import { packedMap } from '@sciport/array-api';
import { getDispatchState } from '@sciport/dispatch-core';
import { type JobsOptions, Queue, QueueEvents } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { RedisClusterOptions } from '../cluster.js';
import { ClusterClosedError, ClusterError, ClusterUnavailableError } from '../errors.js';
import type { ChunkRef, Executor } from '../executor/executor.js';
import { portableState } from '../executor/portable-state.js';
import { type ChunkData, chunkBytes, chunkFromBytes } from '../protocol/chunk-data.js';
import { byteLengthOf } from '../protocol/dtypes.js';
import { encodeJson } from '../protocol/json-codec.js';
import type { TaskSpec } from '../protocol/messages.js';
import { deserializeError } from '../protocol/wire-error.js';
import { type ChunkJobData, type ChunkJobResult, DEFAULT_QUEUE, ERROR_MARKER } from './redis-job.js';
import { redactUrl, redisOptionsFrom } from './redis-options.js';

/** A chunk held in Redis under `key`; `ready` settles when its upload finished. */
export class RedisChunk implements ChunkRef {
  constructor(
    readonly key: string,
    readonly dtype: string,
    readonly shape: readonly number[],
    readonly ready: Promise<void>,
  ) {
    // A failed upload is reported to whoever uses the chunk, never as an unhandled rejection.
    ready.catch(() => {});
  }
}

interface Waiter {
  readonly fn: string;
  readonly resolve: (refs: ChunkRef[]) => void;
  readonly reject: (error: unknown) => void;
}

interface QueuedJob {
  readonly name: string;
  readonly data: ChunkJobData;
  readonly opts: JobsOptions;
}

function unavailable(url: string, cause: unknown): ClusterUnavailableError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ClusterUnavailableError(`Cannot reach Redis at ${redactUrl(url)} (${reason}).`, {
    argument: 'url',
    hint: 'Start redis-server (apt-get install redis-server) or check the url, password and TLS options.',
    cause,
  });
}

/** Retry a lost connection a few times, then give up so callers get an error instead of a hang. */
function boundedRetry(times: number): number | null {
  return times > 5 ? null : Math.min(100 * 2 ** times, 1000);
}

/**
 * Runs chunk tasks as BullMQ jobs; any number of `sciport-worker` processes on any machines
 * take them. Chunk bytes live in Redis as binary values; jobs carry only keys and metadata.
 */
export class RedisExecutor implements Executor {
  readonly kind = 'redis';
  parallelism = 1;
  private readonly session = randomUUID().slice(0, 12);
  private counter = 0;
  private readonly waiters = new Map<string, Waiter>();
  private readonly keys = new Set<string>();
  private batch: QueuedJob[] = [];
  private flushScheduled = false;
  private closed = false;
  private failure: Error | undefined;

  private constructor(
    private readonly url: string,
    private readonly redis: Redis,
    private readonly queue: Queue,
    private readonly events: QueueEvents,
    private readonly options: RedisClusterOptions,
    private readonly keyPrefix: string,
  ) {
    events.on('completed', ({ jobId, returnvalue }) => this.onCompleted(jobId, returnvalue as unknown));
    events.on('failed', ({ jobId, failedReason }) => this.onFailed(jobId, failedReason));
    // A connection that gave up for good: fail everything pending with a typed error.
    redis.on('end', () => this.fail(unavailable(url, new Error('connection lost'))));
    // ioredis and BullMQ emit 'error' on each failed reconnect; the 'end' above is the verdict.
    redis.on('error', () => {});
    queue.on('error', () => {});
    events.on('error', () => {});
  }

  static async connect(options: RedisClusterOptions): Promise<RedisExecutor> {
    const url = options.url ?? 'redis://127.0.0.1:6379';
    const connectTimeout = options.connectTimeout ?? 5000;
    let base: RedisOptions;
    try {
      base = redisOptionsFrom(url, options.connection);
    } catch (error) {
      throw new ClusterError(error instanceof Error ? error.message : String(error), { argument: 'url' });
    }
    const queueName = options.queue ?? DEFAULT_QUEUE;
    const prefix = options.prefix ?? 'bull';
    const redis = new Redis({
      ...base,
      lazyConnect: true,
      connectTimeout,
      maxRetriesPerRequest: 2,
      enableAutoPipelining: true,
      retryStrategy: boundedRetry,
    });
    redis.on('error', () => {});
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        redis.connect(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${connectTimeout} ms`)), connectTimeout);
        }),
      ]);
    } catch (error) {
      redis.disconnect();
      throw unavailable(url, error);
    } finally {
      clearTimeout(timer);
    }
    const queue = new Queue(queueName, { connection: redis, prefix });
    const events = new QueueEvents(queueName, {
      connection: { ...base, connectTimeout, retryStrategy: boundedRetry },
      prefix,
    });
    events.on('error', () => {});
    try {
      await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    } catch (error) {
      await Promise.allSettled([events.close(), queue.close()]);
      redis.disconnect();
      throw unavailable(url, error);
    }
    const executor = new RedisExecutor(url, redis, queue, events, options, `${prefix}:${queueName}:chunk`);
    try {
      await executor.waitForWorkers(options.minWorkers ?? 0, options.workerTimeout ?? 30_000);
    } catch (error) {
      await executor.close();
      throw error;
    }
    return executor;
  }

  /** Workers currently connected to this queue (from Redis CLIENT LIST names). */
  async workerCount(): Promise<number> {
    return this.queue.getWorkersCount();
  }

  private async waitForWorkers(minimum: number, timeout: number): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const n = await this.workerCount();
      this.parallelism = Math.max(1, n);
      if (n >= minimum) return;
      if (Date.now() > deadline) {
        throw new ClusterError(`Only ${n} of ${minimum} sciport-worker processes connected within ${timeout} ms.`, {
          argument: 'minWorkers',
          hint: `Start workers with: sciport-worker --redis ${redactUrl(this.url)} --queue ${this.queue.name}`,
        });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private newId(): string {
    return `${this.session}-${++this.counter}`;
  }

  put(chunk: ChunkData): ChunkRef {
    const key = `${this.keyPrefix}:${this.newId()}:in`;
    this.keys.add(key);
    const bytes = chunkBytes(chunk);
    const ready =
      this.failure !== undefined
        ? Promise.reject(this.failure)
        : this.redis
            .set(key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'EX', this.ttl())
            .then(() => undefined, (error) => Promise.reject(unavailable(this.url, error)));
    return new RedisChunk(key, chunk.dtype, [...chunk.shape], ready);
  }

  private ttl(): number {
    return this.options.chunkTtl ?? 3600;
  }

  async run(task: TaskSpec<ChunkRef>): Promise<ChunkRef[]> {
    if (this.closed) throw new ClusterClosedError('This cluster is closed; create a new one.');
    if (this.failure !== undefined) throw this.failure;
    for (const input of task.inputs) {
      if (!(input instanceof RedisChunk)) {
        throw new ClusterError('A chunk from another cluster was passed to a Redis cluster task.', { argument: 'inputs' });
      }
    }
    const inputs = task.inputs as RedisChunk[];
    const state = task.state ?? portableState(getDispatchState());
    await Promise.all(packedMap(inputs, (r) => r.ready));
    const jobId = this.newId();
    const data: ChunkJobData = {
      v: 1,
      fn: task.fn,
      inputs: packedMap(inputs, (r) => ({ key: r.key, dtype: r.dtype, shape: r.shape })),
      params: encodeJson(task.params ?? null),
      state,
      out: `${this.keyPrefix}:${jobId}:out`,
      ttl: this.ttl(),
    };
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new ClusterClosedError('This cluster is closed; create a new one.'));
      this.waiters.set(jobId, { fn: task.fn, resolve, reject });
      this.batch.push({
        name: task.fn,
        data,
        opts: {
          jobId,
          attempts: this.options.attempts ?? 3,
          backoff: { type: 'fixed', delay: 50 },
          removeOnComplete: true,
          removeOnFail: { age: 3600 },
        },
      });
      this.scheduleFlush();
    });
  }

  /** Jobs submitted in one tick go to Redis in one addBulk round trip. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const batch = this.batch;
      this.batch = [];
      if (batch.length === 0) return;
      this.queue.addBulk(batch).catch((error) => {
        const failure = unavailable(this.url, error);
        for (const job of batch) this.settle(job.opts.jobId!)?.reject(failure);
      });
    });
  }

  private settle(jobId: string): Waiter | undefined {
    const waiter = this.waiters.get(jobId);
    if (waiter !== undefined) this.waiters.delete(jobId);
    return waiter;
  }

  private onCompleted(jobId: string, value: unknown): void {
    const waiter = this.settle(jobId);
    if (waiter === undefined) return;
    const result = (typeof value === 'string' ? JSON.parse(value) : value) as ChunkJobResult;
    const refs = packedMap(result.outputs, (o) => {
      this.keys.add(o.key);
      return new RedisChunk(o.key, o.dtype, o.shape, Promise.resolve());
    });
    waiter.resolve(refs);
  }

  private onFailed(jobId: string, reason: string): void {
    const waiter = this.settle(jobId);
    if (waiter === undefined) return;
    if (reason.startsWith(ERROR_MARKER)) {
      waiter.reject(deserializeError(JSON.parse(reason.slice(ERROR_MARKER.length)), waiter.fn));
    } else {
      waiter.reject(new ClusterError(`Chunk task '${waiter.fn}' failed after its retries: ${reason}`));
    }
  }

  async get(ref: ChunkRef): Promise<ChunkData> {
    const chunk = ref as RedisChunk;
    await chunk.ready;
    let buffer: Buffer | null;
    try {
      buffer = await this.redis.getBuffer(chunk.key);
    } catch (error) {
      throw unavailable(this.url, error);
    }
    if (buffer === null) {
      throw new ClusterError(`Chunk ${chunk.key} is gone from Redis (expired or deleted).`, {
        hint: 'Raise chunkTtl in cluster.redis({ chunkTtl }) for long computations.',
      });
    }
    const expected = byteLengthOf(chunk.dtype, chunk.shape);
    if (buffer.byteLength !== expected) {
      throw new ClusterError(`Chunk ${chunk.key} has ${buffer.byteLength} bytes, expected ${expected}.`);
    }
    return chunkFromBytes(chunk.dtype, chunk.shape, buffer.buffer, buffer.byteOffset);
  }

  release(ref: ChunkRef): void {
    const chunk = ref as RedisChunk;
    if (!this.keys.delete(chunk.key) || this.closed) return;
    this.redis.unlink(chunk.key).catch(() => {});
  }

  private fail(error: Error): void {
    if (this.failure !== undefined || this.closed) return;
    this.failure = error;
    for (const [id, waiter] of this.waiters) {
      this.waiters.delete(id);
      waiter.reject(error);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const closedError = new ClusterClosedError('The cluster was closed before this task finished.');
    const pendingJobs = [...this.waiters.keys(), ...packedMap(this.batch, (j) => j.opts.jobId!)];
    this.batch = [];
    for (const [id, waiter] of this.waiters) {
      this.waiters.delete(id);
      waiter.reject(closedError);
    }
    if (this.failure === undefined && this.redis.status === 'ready') {
      // Leave nothing behind: pending jobs of this session and every chunk it stored.
      await Promise.allSettled(packedMap(pendingJobs, (id) => this.queue.remove(id)));
      const keys = [...this.keys];
      for (let i = 0; i < keys.length; i += 500) await this.redis.unlink(...keys.slice(i, i + 500)).catch(() => {});
    }
    this.keys.clear();
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}

export function connectRedisExecutor(options: RedisClusterOptions): Promise<RedisExecutor> {
  return RedisExecutor.connect(options);
}
