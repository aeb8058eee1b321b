import type { WorkerSpawner } from '../executor/port-executor.js';
import { sharedMemoryAvailable } from '../protocol/chunk-data.js';

/**
 * Web Workers for browsers (and Deno). Chunks are shared through SharedArrayBuffer when the
 * page is cross-origin isolated, otherwise copied in and transferred back.
 *
 * `workerUrl` is where the page can load the worker entry (`@sciport/backend-cluster/web-worker`,
 * built by the application's bundler); without it the entry next to this module is used.
 */
export function webWorkerSpawner(workerUrl?: string | URL): WorkerSpawner {
  return {
    sharedMemory: sharedMemoryAvailable(),
    spawn(events) {
      const worker = workerUrl === undefined ? startPackagedWorker() : new Worker(workerUrl, { type: 'module' });
      let dead = false;
      worker.onmessage = (event: MessageEvent) => events.message(event.data);
      // An uncaught error ends a Web Worker's usefulness: the task runtime catches task errors,
      // so reaching here means the worker itself broke. Replace it.
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        if (dead) return;
        dead = true;
        worker.terminate();
        events.exit(`web worker died (${event.message || 'it could not be loaded: is workerUrl right?'})`);
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

/**
 * The worker entry shipped next to this module. The call is spelled out exactly as
 * `new Worker(new URL('…', import.meta.url), { type: 'module' })` because that is the form
 * Vite and webpack recognise: they then bundle the entry, with everything it imports, as a
 * worker script of its own. (A URL built elsewhere and passed in is copied as a plain asset,
 * whose imports cannot load.)
 */
function startPackagedWorker(): Worker {
  return new Worker(new URL('./web-worker-entry.js', import.meta.url), { type: 'module' });
}
