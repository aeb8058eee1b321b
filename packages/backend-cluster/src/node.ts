/** Node entry: local clusters on worker threads, many machines through Redis. */
import './chunked/array-methods.js';
import { availableParallelism } from 'node:os';
import { NotSupportedError } from '@sciport/dispatch-core';
import { setPlatform } from './cluster.js';
import { PortExecutor } from './executor/port-executor.js';
import { threadSpawner } from './node/thread-spawner.js';

setPlatform({
  async local(options) {
    if (options.workerUrl !== undefined) {
      throw new NotSupportedError('workerUrl names a Web Worker script; in Node the cluster starts its own worker threads.', {
        argument: 'workerUrl',
        hint: 'Leave workerUrl out in Node (pass it only in the browser build).',
      });
    }
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
