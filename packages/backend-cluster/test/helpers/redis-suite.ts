/**
 * The setup every Redis suite shares: a redis-server on loopback and `sciport-worker`
 * processes started before the file's tests, a cluster connected to them, and all of it
 * stopped after. Returns a getter for the cluster (it exists only once beforeAll has run).
 */
import { type Cluster, cluster } from '@sciport/backend-cluster';
import { afterAll, beforeAll } from 'vitest';
import { type RedisServer, startRedis, startWorker, type WorkerProcess } from './redis.js';

export function redisClusterForSuite(workerCount = 2): () => Cluster {
  let server: RedisServer | undefined;
  let workers: WorkerProcess[] = [];
  let c: Cluster | undefined;
  beforeAll(async () => {
    server = await startRedis();
    const url = server.url;
    workers = await Promise.all(Array.from({ length: workerCount }, () => startWorker(url, [], false)));
    c = await cluster.redis({ url, minWorkers: workerCount });
  });
  afterAll(async () => {
    await c?.close();
    await Promise.all(workers.map((w) => w.kill()));
    server?.stop();
  });
  return () => {
    if (c === undefined) throw new Error('the Redis cluster is not started yet (use it inside a test)');
    return c;
  };
}
