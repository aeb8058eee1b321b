/** Entry of each worker thread: the shared task runtime over the parent port. */
import { parentPort } from 'node:worker_threads';
import '../fft/worker.js';
import '../ndimage/worker.js';
import '../linalg/worker.js';
import '../runtime/builtin-tasks.js';
import { serve } from '../runtime/serve.js';

if (parentPort === null) throw new Error('thread-entry.js must run inside a worker thread.');
const port = parentPort;
serve({
  post: (message, transfer) => port.postMessage(message, transfer as any),
  onMessage: (listener) => port.on('message', listener),
  importModule: (specifier) => import(specifier),
});
