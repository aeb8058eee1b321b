import { hostname } from 'node:os';
import { packedMap } from '@sciport/array-api';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import '../fft/worker.js';
import '../ndimage/worker.js';
import '../linalg/worker.js';
import '../runtime/builtin-tasks.js';
import { chunkBytes, chunkFromBytes } from '../protocol/chunk-data.js';
import { byteLengthOf } from '../protocol/dtypes.js';
import { decodeJson } from '../protocol/json-codec.js';
import { serializeError } from '../protocol/wire-error.js';
import { runTask } from '../runtime/run-task.js';
import { getTask } from '../runtime/task-registry.js';
import { type ChunkJobData, type ChunkJobResult, DEFAULT_QUEUE, ERROR_MARKER } from './redis-job.js';
import { redisOptionsFrom } from './redis-options.js';

export interface RedisWorkerOptions {
  readonly url: string;
  /** Passed through to ioredis (password, username, tls, db …). */
  readonly connection?: Record<string, unknown>;
  readonly queue?: string;
  readonly prefix?: string;
  /** Jobs this process runs at once. Default 1 (run one process per core). */
  readonly concurrency?: number;
  /** Modules to import first: they register multimethods or tasks. */
  readonly modules?: readonly string[];
  /** Lock on an active job; a dead worker's jobs are recovered this long after it died. */
  readonly lockDuration?: number;
  /** How often live workers look for jobs of dead ones. Default lockDuration / 2. */
  readonly stalledInterval?: number;
  /** Called on each job start/end (the CLI's --verbose). */
  readonly log?: (line: string) => void;
  /** Called on connection trouble (at most every 10 s while it lasts). */
  readonly warn?: (line: string) => void;
}

/**
 * Serve chunk tasks from a BullMQ queue. Only tasks registered in this process run (built-ins,
 * multimethods of loaded packages, modules given here); the queue carries names and data,
 * never code.
 */
export async function startRedisWorker(options: RedisWorkerOptions): Promise<Worker> {
  for (const specifier of options.modules ?? []) await import(specifier);
  const base = redisOptionsFrom(options.url, options.connection);
  // The data connection survives Redis restarts: a long-running worker waits, it does not exit.
  const redis = new Redis({ ...base, maxRetriesPerRequest: null, enableAutoPipelining: true });
  const log = options.log;
  const lockDuration = options.lockDuration ?? 10_000;

  const processor = async (job: Job<ChunkJobData>): Promise<ChunkJobResult> => {
    const data = job.data;
    log?.(`start ${job.id} ${data.fn}`);
    if (data.v !== 1 || getTask(data.fn) === undefined) {
      throw new UnrecoverableError(
        ERROR_MARKER +
          JSON.stringify({
            name: 'InvalidArgumentError',
            message: `This worker has no task named '${data.fn}'.`,
            argument: 'fn',
            hint: 'Start sciport-worker with --import <module that registers it>.',
          }),
      );
    }
    const buffers = data.inputs.length === 0 ? [] : await redis.mgetBuffer(...packedMap(data.inputs, (i) => i.key));
    const inputs = packedMap(data.inputs, (meta, i) => {
      const buffer = buffers[i];
      if (buffer === null || buffer === undefined || buffer.byteLength !== byteLengthOf(meta.dtype, meta.shape)) {
        throw new UnrecoverableError(
          ERROR_MARKER +
            JSON.stringify({ name: 'ClusterError', message: `Input chunk ${meta.key} is missing or truncated in Redis.` }),
        );
      }
      return chunkFromBytes(meta.dtype, meta.shape, buffer.buffer, buffer.byteOffset);
    });
    let outputs: Awaited<ReturnType<typeof runTask>>;
    try {
      outputs = await runTask(data.fn, inputs, decodeJson(data.params), data.state ?? undefined);
    } catch (error) {
      // The task's own error is deterministic: retrying cannot help, report it at once.
      throw new UnrecoverableError(ERROR_MARKER + JSON.stringify(serializeError(error)));
    }
    const stored = packedMap(outputs, (chunk, i) => ({ key: `${data.out}:${i}`, dtype: chunk.dtype, shape: [...chunk.shape] }));
    const pipeline = redis.pipeline();
    outputs.forEach((chunk, i) => {
      const bytes = chunkBytes(chunk);
      pipeline.set(stored[i].key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'EX', data.ttl);
    });
    const results = await pipeline.exec();
    for (const [error] of results ?? []) if (error) throw error;
    log?.(`done ${job.id}`);
    return { outputs: stored };
  };

  const worker = new Worker<ChunkJobData, ChunkJobResult>(options.queue ?? DEFAULT_QUEUE, processor, {
    connection: base,
    prefix: options.prefix ?? 'bull',
    concurrency: options.concurrency ?? 1,
    lockDuration,
    stalledInterval: options.stalledInterval ?? Math.max(250, Math.floor(lockDuration / 2)),
    // Stalls come from dead workers (or a long chunk blocking lock renewal); re-running is
    // safe because tasks are idempotent, so allow many before giving up on a job.
    maxStalledCount: 10,
    name: `${hostname()}:${process.pid}`,
    drainDelay: 1,
  });
  let lastWarning = 0;
  const warnOf = (error: Error) => {
    if (Date.now() - lastWarning < 10_000) return;
    lastWarning = Date.now();
    options.warn?.(`Redis trouble (${error.message}); retrying.`);
  };
  worker.on('error', (error) => {
    log?.(`error ${error.message}`);
    warnOf(error);
  });
  redis.on('error', warnOf);
  worker.on('closed', () => {
    redis.disconnect();
  });
  await worker.waitUntilReady();
  return worker;
}
