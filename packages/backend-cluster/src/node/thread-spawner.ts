import { Worker } from 'node:worker_threads';
import type { WorkerSpawner } from '../executor/port-executor.js';

/** Compiled worker entry next to this file in dist/ (worker threads cannot load TypeScript). */
const ENTRY = new URL('./thread-entry.js', import.meta.url);

/** Worker threads for Node; chunks are shared through SharedArrayBuffer. */
export const threadSpawner: WorkerSpawner = {
  sharedMemory: true,
  spawn(events) {
    const worker = new Worker(ENTRY);
    let lastError: unknown;
    worker.on('message', (message) => events.message(message));
    worker.on('error', (error) => {
      lastError = error;
    });
    worker.on('exit', (code) => {
      const detail = lastError instanceof Error ? `${lastError.name}: ${lastError.message}` : `exit code ${code}`;
      events.exit(`worker thread ${worker.threadId} died (${detail})`);
    });
    return {
      postMessage: (message, transfer) => worker.postMessage(message, transfer as any),
      terminate: () => worker.terminate(),
      // An idle pool does not keep the process alive; a busy one does.
      setBusy: (busy) => (busy ? worker.ref() : worker.unref()),
    };
  },
};
