/**
 * The multi-machine executor against a real redis-server on loopback and real
 * `sciport-worker` processes (the package's bin), as CI runs it.
 */
import { type Cluster, ClusterUnavailableError, RemoteTaskError, cluster } from '@sciport/backend-cluster';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type RedisServer, startRedis, startWorker, type WorkerProcess } from './helpers/redis.js';

const WORKER_FLAGS = ['--lock-duration', '1000', '--stalled-interval', '300'];

function chunk(values: number[]) {
  return { dtype: 'float64', shape: [values.length], data: Float64Array.from(values) } as const;
}

describe('redis executor with three sciport-worker processes', () => {
  let server: RedisServer;
  let workers: WorkerProcess[] = [];
  let c: Cluster;
  let raw: Redis;

  beforeAll(async () => {
    server = await startRedis();
    workers = await Promise.all([0, 1, 2].map(() => startWorker(server.url, WORKER_FLAGS)));
    c = await cluster.redis({ url: server.url, minWorkers: 3 });
    raw = new Redis(server.url);
  });

  afterAll(async () => {
    await c?.close();
    raw?.disconnect();
    await Promise.all(workers.map((w) => w.kill()));
    server?.stop();
  });

  it('runs registered tasks and stores chunks as raw binary values', async () => {
    expect(c.kind).toBe('redis');
    expect(c.parallelism).toBe(3);
    const ref = c.put(chunk([1.5, -2, 3])) as unknown as { key: string; ready: Promise<void> };
    await ref.ready;
    const bytes = await raw.getBuffer(ref.key);
    expect(bytes).not.toBeNull();
    expect(Array.from(new Float64Array(new Uint8Array(bytes!).buffer))).toEqual([1.5, -2, 3]);
    const [out] = await c.run({ fn: 'test.scale', inputs: [ref as never], params: { factor: 2 } });
    expect(Array.from((await c.get(out)).data as Float64Array)).toEqual([3, -4, 6]);
  });

  it('keeps NaN, infinities and bigints in task parameters', async () => {
    const [out] = await c.run({ fn: 'test.params', inputs: [], params: { values: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2n ** 60n] } });
    expect(Array.from((await c.get(out)).data as Float64Array)).toEqual([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 60]);
  });

  it('reports task errors as typed errors without retrying them', async () => {
    const err = await c.run({ fn: 'test.throwShape', inputs: [] }).catch((e) => e);
    expect(err).toBeInstanceOf(ShapeError);
    expect(err.argument).toBe('x');
    const plain = await c.run({ fn: 'test.throwPlain', inputs: [] }).catch((e) => e);
    expect(plain).toBeInstanceOf(RemoteTaskError);
    const unknown = await c.run({ fn: 'evil.eval', inputs: [] }).catch((e) => e);
    expect(unknown).toBeInstanceOf(InvalidArgumentError);
    expect(unknown.message).toContain("no task named 'evil.eval'");
  });

  it('kill one of three workers mid-job, 10 times: every result right, nothing lost', async () => {
    let right = 0;
    for (let round = 0; round < 10; round++) {
      const victim = workers[round % 3];
      const startsBefore = victim.lines.filter((l) => l.startsWith('start ')).length;
      const inputs = Array.from({ length: 6 }, (_, i) => c.put(chunk([round, i, round * i])));
      const results = inputs.map((ref, i) => c.run({ fn: 'test.slowScale', inputs: [ref], params: { factor: i + 1, ms: 150 } }));
      // Wait until the victim holds a job, then SIGKILL it mid-job.
      await new Promise<void>((resolve, reject) => {
        const deadline = Date.now() + 10_000;
        const poll = () => {
          if (victim.lines.filter((l) => l.startsWith('start ')).length > startsBefore) return resolve();
          if (Date.now() > deadline) return reject(new Error(`worker never started a job in round ${round}`));
          setTimeout(poll, 5);
        };
        poll();
      });
      await victim.kill('SIGKILL');
      const outs = await Promise.all(results);
      const got = await Promise.all(outs.map(([o]) => c.get(o)));
      const ok = got.every((g, i) => {
        const v = Array.from(g.data as Float64Array);
        return v[0] === round * (i + 1) && v[1] === i * (i + 1) && v[2] === round * i * (i + 1);
      });
      if (ok) right++;
      // Replace the dead worker so the next round has three again.
      workers[round % 3] = await startWorker(server.url, WORKER_FLAGS);
    }
    expect(right).toBe(10);
    // Nothing failed for good and nothing is still waiting.
    const queue = (c.executor as unknown as { queue: import('bullmq').Queue }).queue;
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed');
    expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0 });
    const failed = (await queue.getFailed()).filter((job) => job.name === 'test.slowScale');
    expect(failed).toEqual([]);
  }, 90_000);

  it('close() deletes its chunks and leaves no connection behind', async () => {
    const clients = async () => (await raw.client('LIST')).toString().trim().split('\n').length;
    const before = await clients();
    const d = await cluster.redis({ url: server.url });
    expect(await clients()).toBeGreaterThan(before);
    const ref = d.put(chunk([1, 2])) as unknown as { key: string; ready: Promise<void> };
    await ref.ready;
    const [out] = await d.run({ fn: 'test.scale', inputs: [ref as never], params: { factor: 3 } });
    const outKey = (out as unknown as { key: string }).key;
    expect(await raw.exists(ref.key, outKey)).toBe(2);
    await d.close();
    expect(await raw.exists(ref.key, outKey)).toBe(0);
    // Connections close asynchronously on the server side; give it a moment.
    for (let i = 0; i < 50 && (await clients()) > before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await clients()).toBe(before);
  });
});

describe('redis with a password', () => {
  it('passes credentials through to the workers and the submitter', async () => {
    const server = await startRedis(['--requirepass', 's3cret']);
    const worker = await startWorker(server.url, ['--password', 's3cret'], false);
    try {
      const wrong = await cluster.redis({ url: server.url.replace('redis://', 'redis://:nope@'), connectTimeout: 1500 }).catch((e) => e);
      expect(wrong).toBeInstanceOf(ClusterUnavailableError);
      const c = await cluster.redis({ url: server.url, connection: { password: 's3cret' }, minWorkers: 1 });
      const [out] = await c.run({ fn: 'test.scale', inputs: [c.put(chunk([2, 4]))], params: { factor: 0.5 } });
      expect(Array.from((await c.get(out)).data as Float64Array)).toEqual([1, 2]);
      await c.close();
    } finally {
      await worker.kill();
      server.stop();
    }
  });
});

describe('redis unavailable', () => {
  it('throws ClusterUnavailableError quickly when nothing listens', async () => {
    const port = await freePort();
    const t0 = Date.now();
    const err = await cluster.redis({ url: `redis://127.0.0.1:${port}`, connectTimeout: 1000 }).catch((e) => e);
    expect(err).toBeInstanceOf(ClusterUnavailableError);
    expect(err.message).toContain(`127.0.0.1:${port}`);
    expect(err.message).toContain('apt-get install redis-server');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('fails pending tasks with ClusterUnavailableError when Redis goes away, instead of hanging', async () => {
    const server = await startRedis();
    const c = await cluster.redis({ url: server.url });
    const pending = c.run({ fn: 'test.scale', inputs: [c.put(chunk([1]))], params: { factor: 1 } }).catch((e) => e);
    await new Promise((r) => setTimeout(r, 100));
    server.stop();
    const err = await pending;
    expect(err).toBeInstanceOf(ClusterUnavailableError);
    await expect(c.run({ fn: 'test.scale', inputs: [] })).rejects.toBeInstanceOf(ClusterUnavailableError);
    await c.close();
  }, 20_000);
});
