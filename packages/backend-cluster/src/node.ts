/** Node entry: local clusters on worker threads, many machines through Redis. */
import './chunked/array-methods.js';
import { availableParallelism } from 'node:os';
import { setPlatform } from './cluster.js';
import { PortExecutor } from './executor/port-executor.js';
import { threadSpawner } from './node/thread-spawner.js';

setPlatform({
  async local(options) {
    const workers = options.workers ?? availableParallelism();
    const executor = new PortExecutor(threadSpawner, { workers, modules: options.modules ?? [], maxAttempts: options.maxAttempts });
    try {
      await executor.ready();
    } catch (error) {
      await executor.close();
      throw error;
    }
    return executor;
  },
  async redis(options) {
    // Loaded on first use so importing the package does not pull in BullMQ.
    const { connectRedisExecutor } = await import('./node/redis-executor.js');
    return connectRedisExecutor(options);
  },
});

export * from './common.js';
