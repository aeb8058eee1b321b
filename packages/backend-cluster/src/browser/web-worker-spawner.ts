import type { WorkerSpawner } from '../executor/port-executor.js';
import { sharedMemoryAvailable } from '../protocol/chunk-data.js';

/**
 * Web Workers for browsers (and Deno). Chunks are shared through SharedArrayBuffer when the
 * page is cross-origin isolated, otherwise copied in and transferred back.
 */
export function webWorkerSpawner(entry: URL = new URL('./web-worker-entry.js', import.meta.url)): WorkerSpawner {
  return {
    sharedMemory: sharedMemoryAvailable(),
    spawn(events) {
      const worker = new Worker(entry, { type: 'module' });
      let dead = false;
      worker.onmessage = (event: MessageEvent) => events.message(event.data);
      // An uncaught error ends a Web Worker's usefulness: the task runtime catches task errors,
      // so reaching here means the worker itself broke. Replace it.
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        if (dead) return;
        dead = true;
        worker.terminate();
        events.exit(`web worker died (${event.message})`);
      };
      return {
        postMessage: (message, transfer) => worker.postMessage(message, transfer ?? []),
        terminate: () => {
          dead = true;
          worker.terminate();
        },
      };
    },
  };
}
