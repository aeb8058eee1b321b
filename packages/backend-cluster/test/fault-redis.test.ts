/**
 * Faults on Redis with real operations: one of three `sciport-worker` processes is killed
 * (SIGKILL) in the middle of a chunk task, ten times in a row for each of a gaussian filter
 * (halo exchange), a label (per-block labels, border pairs, relabel) and an FFT along the rows
 * (the package has no chunked Cholesky; the FFT stands for the transforms). The dead worker's
 * job is taken up again by the live ones once its lock expires (BullMQ's stalled-job check) and
 * every result must be the host's: 30 of 30.
 *
 * The tasks are slowed down (test-slow: 200 ms before the host function) so that the victim is
 * surely inside one when it dies: the test waits until it has started a task of the operation.
 */
import { NDArray } from '@sciport/array-api';
import { type ChunkedArray, type Cluster, chunked, cluster } from '@sciport/backend-cluster';
import { withBackend } from '@sciport/dispatch-core';
import { fft } from '@sciport/fft';
import { gaussianFilter, label } from '@sciport/ndimage';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedis, startWorker, type WorkerProcess } from './helpers/redis.js';

const SLOW = new URL('./fixtures/slow-backend.mjs', import.meta.url);
const WORKER_FLAGS = ['--lock-duration', '1000', '--stalled-interval', '300', '--import', fileURLToPath(SLOW)];

let server: RedisServer;
let workers: WorkerProcess[] = [];
let c: Cluster;

beforeAll(async () => {
  await import(SLOW.href);
  server = await startRedis();
  workers = await Promise.all([0, 1, 2].map(() => startWorker(server.url, WORKER_FLAGS)));
  c = await cluster.redis({ url: server.url, minWorkers: 3 });
});

afterAll(async () => {
  await c?.close();
  await Promise.all(workers.map((w) => w.kill()));
  server?.stop();
});

interface Case {
  readonly name: string;
  /** The task name the operation's slow tasks run under (the worker logs `start <job> <task>`). */
  readonly task: RegExp;
  run(round: number): { result: Promise<NDArray>; expected: NDArray };
}

function image(round: number, shape: number[], dtype: 'float64' | 'complex128' = 'float64'): NDArray {
  const lanes = dtype === 'complex128' ? 2 : 1;
  const n = shape.reduce((a, b) => a * b, 1) * lanes;
  return new NDArray(
    Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + round) * 3),
    shape,
    dtype,
  );
}

const CASES: Case[] = [
  {
    name: 'gaussianFilter',
    task: /^start \S+ sciport\.halo$/,
    run(round) {
      const x = image(round, [12, 12]);
      const xc = chunked(x, { chunks: 4, cluster: c });
      const y = withBackend('test-slow', () => gaussianFilter(xc, 1.5, { mode: 'mirror' }));
      return { result: y.toHost(), expected: gaussianFilter(x, 1.5, { mode: 'mirror' }) };
    },
  },
  {
    name: 'label',
    task: /^start \S+ sciport\.ndimage\.labelBlock$/,
    run(round) {
      const values = image(round, [12, 12]);
      const x = new NDArray(Uint8Array.from(values.data as Float64Array, (v) => (v > 0.5 ? 1 : 0)), [12, 12], 'bool');
      const structure = [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ];
      const [labels] = withBackend('test-slow', () => label(chunked(x, { chunks: 4, cluster: c }), { structure })) as unknown as [ChunkedArray];
      const [expected] = label(x, { structure }) as [NDArray, number];
      return { result: labels.toHost(), expected };
    },
  },
  {
    name: 'fft',
    task: /^start \S+ sciport\.call$/,
    run(round) {
      const x = image(round, [12, 16], 'complex128');
      const y = withBackend('test-slow', () => fft(chunked(x, { chunks: [1, 16], cluster: c })));
      return { result: y.toHost(), expected: fft(x) as NDArray };
    },
  },
];

const starts = (w: WorkerProcess, task: RegExp) => w.lines.filter((l) => task.test(l)).length;

describe('kill one of three sciport-worker processes mid-task, 10 times per operation', () => {
  for (const op of CASES) {
    it(`${op.name}: 10 of 10 results are the host's`, async () => {
      let right = 0;
      let rerun = 0;
      for (let round = 0; round < 10; round++) {
        const slot = round % 3;
        const victim = workers[slot];
        const before = starts(victim, op.task);
        const { result, expected } = op.run(round);
        // wait until the victim is inside one of the operation's tasks, then SIGKILL it
        const deadline = Date.now() + 10_000;
        while (starts(victim, op.task) === before) {
          if (Date.now() > deadline) throw new Error(`worker never started a ${op.name} task in round ${round}`);
          await new Promise((r) => setTimeout(r, 5));
        }
        await victim.kill('SIGKILL');
        const killedJob = victim.lines.filter((l) => op.task.test(l)).at(-1)?.split(' ')[1];
        const got = await result;
        // the job the victim died in ran again on a live worker
        if (workers.some((w) => w !== victim && w.lines.some((l) => l.startsWith(`start ${killedJob} `)))) rerun++;
        if (
          got.dtype === expected.dtype &&
          got.shape.join() === expected.shape.join() &&
          Array.from(got.toTypedArray() as Float64Array).every((v, i) => Object.is(v, (expected.toTypedArray() as Float64Array)[i]))
        ) {
          right++;
        }
        workers[slot] = await startWorker(server.url, WORKER_FLAGS);
      }
      expect(right).toBe(10);
      expect(rerun).toBe(10);
      // nothing failed for good and nothing is still waiting
      const queue = (c.executor as unknown as { queue: import('bullmq').Queue }).queue;
      expect(await queue.getJobCounts('waiting', 'active', 'delayed')).toEqual({ waiting: 0, active: 0, delayed: 0 });
      expect(await queue.getFailed()).toEqual([]);
    }, 120_000);
  }
});
