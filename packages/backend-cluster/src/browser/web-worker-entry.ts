/**
 * Entry of each Web Worker (`@sciport/backend-cluster/web-worker`): the shared task runtime
 * over the worker's global scope. Importing this module is all a worker script needs; bundlers
 * build it as an entry of its own (see the README's recipes), and `cluster.local({ workerUrl })`
 * points the page at the result.
 */
import '../fft/worker.js';
import '../ndimage/worker.js';
import '../linalg/worker.js';
import '../runtime/builtin-tasks.js';
import { serve } from '../runtime/serve.js';

const scope = globalThis as unknown as {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};
serve({
  post: (message, transfer) => scope.postMessage(message, transfer ?? []),
  onMessage: (listener) => scope.addEventListener('message', (event) => listener(event.data)),
  importModule: (specifier) => import(/* @vite-ignore */ /* webpackIgnore: true */ specifier),
});
