/**
 * The shared sciport.fft suite on chunked arrays whose blocks live in Redis and run on
 * three `sciport-worker` processes (a real redis-server on loopback).
 */
import { type Cluster, cluster } from '@sciport/backend-cluster';
import { fftSuite } from '@sciport/conformance/node';
import { afterAll, beforeAll } from 'vitest';
import { chunkedFactory } from './helpers/factory.js';
import { type RedisServer, startRedis, startWorker, type WorkerProcess } from './helpers/redis.js';

let server: RedisServer;
let workers: WorkerProcess[] = [];
let c: Cluster;

beforeAll(async () => {
  server = await startRedis();
  workers = await Promise.all([0, 1].map(() => startWorker(server.url, [], false)));
  c = await cluster.redis({ url: server.url, minWorkers: 2 });
});

afterAll(async () => {
  await c?.close();
  await Promise.all(workers.map((w) => w.kill()));
  server?.stop();
});

fftSuite(chunkedFactory('chunked (Redis, 2 sciport-worker processes)', () => c));
