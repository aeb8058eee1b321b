/** Browser (and any non-Node) entry: local clusters run on Web Workers. */
import './chunked/array-methods.js';
import { webWorkerSpawner } from './browser/web-worker-spawner.js';
import { setPlatform } from './cluster.js';
import { PortExecutor } from './executor/port-executor.js';

setPlatform({
  async local(options) {
    const workers = options.workers ?? (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 2;
    const executor = new PortExecutor(webWorkerSpawner(options.workerUrl), { workers, modules: options.modules ?? [], maxAttempts: options.maxAttempts });
    await executor.ready();
    return executor;
  },
});

export * from './common.js';
