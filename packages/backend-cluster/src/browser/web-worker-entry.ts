/** Entry of each Web Worker: the shared task runtime over the worker's global scope. */
import '../fft/worker.js';
import '../ndimage/worker.js';
import '../runtime/builtin-tasks.js';
import { serve } from '../runtime/serve.js';

const scope = globalThis as unknown as {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};
serve({
  post: (message, transfer) => scope.postMessage(message, transfer ?? []),
  onMessage: (listener) => scope.addEventListener('message', (event) => listener(event.data)),
  importModule: (specifier) => import(/* @vite-ignore */ specifier),
});
