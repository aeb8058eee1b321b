import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type ChunkData,
  type Cluster,
  ClusterClosedError,
  ClusterError,
  RemoteTaskError,
  WorkerLostError,
  cluster,
} from '@sciport/backend-cluster';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_TASKS } from './helpers/redis.js';

const modules = [pathToFileURL(FIXTURE_TASKS).href];

/** OS threads of this process (Linux). */
function osThreads(): number {
  return Number(/Threads:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
}

function chunk(values: number[]): ChunkData {
  return { dtype: 'float64', shape: [values.length], data: Float64Array.from(values) };
}

async function values(c: Cluster, ref: Parameters<Cluster['get']>[0]): Promise<number[]> {
  return Array.from((await c.get(ref)).data as Float64Array);
}

describe('local executor (worker threads)', () => {
  let c: Cluster;
  let dir: string;
  beforeAll(async () => {
    c = await cluster.local({ workers: 2, modules });
    dir = mkdtempSync(join(tmpdir(), 'sciport-local-'));
  });
  afterAll(async () => {
    await c.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs registered tasks on worker threads', async () => {
    const ref = c.put(chunk([1, 2, 3]));
    const [out] = await c.run({ fn: 'test.scale', inputs: [ref], params: { factor: 10 } });
    expect(await values(c, out)).toEqual([10, 20, 30]);
  });

  it('shares chunk memory with the workers (SharedArrayBuffer, no copy)', async () => {
    const ref = c.put(chunk([1, 2]));
    const [flag] = await c.run({ fn: 'test.isShared', inputs: [ref] });
    expect(Array.from((await c.get(flag)).data as Uint8Array)).toEqual([1]);
    const [out] = await c.run({ fn: 'test.scale', inputs: [ref], params: { factor: 2 } });
    expect((await c.get(out)).data.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('runs many tasks in parallel and keeps each result with its task', async () => {
    const refs = Array.from({ length: 40 }, (_, i) => c.put(chunk([i, i + 1])));
    const outs = await Promise.all(refs.map((r, i) => c.run({ fn: 'test.scale', inputs: [r], params: { factor: i } })));
    const got = await Promise.all(outs.map(([o]) => values(c, o)));
    expect(got).toEqual(refs.map((_, i) => [i * i, (i + 1) * i]));
  });

  it("rebuilds sciport's typed errors thrown on a worker", async () => {
    const err = await c.run({ fn: 'test.throwShape', inputs: [] }).catch((e) => e);
    expect(err).toBeInstanceOf(ShapeError);
    expect(err.argument).toBe('x');
    expect(err.message).toBe('blocks do not line up Rechunk first.');
    const plain = await c.run({ fn: 'test.throwPlain', inputs: [] }).catch((e) => e);
    expect(plain).toBeInstanceOf(RemoteTaskError);
    expect(plain.remoteName).toBe('RangeError');
    expect(plain.message).toContain('plain failure');
  });

  it('refuses task names no module registered', async () => {
    const err = await c.run({ fn: 'evil.eval', inputs: [], params: { code: 'process.exit()' } }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(err.message).toContain("no task named 'evil.eval'");
  });

  it('reruns the task of a worker thread that crashed, on a fresh thread', async () => {
    const marker = join(dir, 'crash-once');
    const ref = c.put(chunk([4, 5]));
    const [out] = await c.run({ fn: 'test.crashOnce', inputs: [ref], params: { marker, factor: 3 } });
    expect(await values(c, out)).toEqual([12, 15]);
    // The pool is back to full strength and still works.
    const [again] = await c.run({ fn: 'test.scale', inputs: [ref], params: { factor: 1 } });
    expect(await values(c, again)).toEqual([4, 5]);
    expect((c.executor as unknown as { workerCount: number }).workerCount).toBe(2);
  });

  it('loses nothing when a worker dies with several tasks queued on it', async () => {
    const marker = join(dir, 'crash-in-batch');
    const runs = Array.from({ length: 12 }, (_, i) => {
      const ref = c.put(chunk([i, 2 * i]));
      return i === 5
        ? c.run({ fn: 'test.crashOnce', inputs: [ref], params: { marker, factor: 10 } })
        : c.run({ fn: 'test.slowScale', inputs: [ref], params: { factor: 10, ms: 15 } });
    });
    const outs = await Promise.all(runs);
    expect(await Promise.all(outs.map(([o]) => values(c, o)))).toEqual(Array.from({ length: 12 }, (_, i) => [10 * i, 20 * i]));
    expect((c.executor as unknown as { workerCount: number }).workerCount).toBe(2);
  });

  it('gives up with WorkerLostError on a task that kills every worker it runs on', async () => {
    const err = await c.run({ fn: 'test.crashAlways', inputs: [] }).catch((e) => e);
    expect(err).toBeInstanceOf(WorkerLostError);
    expect(err.message).toContain('lost with its worker 3 times');
    const [out] = await c.run({ fn: 'test.scale', inputs: [c.put(chunk([1]))], params: { factor: 7 } });
    expect(await values(c, out)).toEqual([7]);
  });
});

describe('local cluster lifecycle', () => {
  it('validates workers', async () => {
    await expect(cluster.local({ workers: 0 })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(cluster.local({ workers: 1.5 })).rejects.toThrow(/positive integer/);
  });

  it('fails to start with a ClusterError naming a module that cannot load', async () => {
    const err = await cluster.local({ workers: 1, modules: ['@sciport/no-such-package'] }).catch((e) => e);
    expect(err).toBeInstanceOf(ClusterError);
    expect(err.message).toMatch(/could not start.*no-such-package/s);
  });

  it('close() rejects pending tasks and leaves no thread behind', async () => {
    const c = await cluster.local({ workers: 2, modules });
    const during = osThreads();
    const pending = Array.from({ length: 6 }, () =>
      c.run({ fn: 'test.slowScale', inputs: [c.put(chunk([1]))], params: { factor: 1, ms: 200 } }).catch((e) => e),
    );
    await new Promise((r) => setTimeout(r, 50));
    await c.close();
    const results = await Promise.all(pending);
    expect(results.every((r) => r instanceof ClusterClosedError)).toBe(true);
    expect((c.executor as unknown as { workerCount: number }).workerCount).toBe(0);
    // Each worker thread is an OS thread of this process: all of them are gone.
    expect(osThreads()).toBeLessThanOrEqual(during - 2);
    await expect(c.run({ fn: 'test.scale', inputs: [] })).rejects.toBeInstanceOf(ClusterClosedError);
  });
});
