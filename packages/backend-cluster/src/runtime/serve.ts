import { packedMap } from '@sciport/array-api';
import { type ChunkData, chunkFits, chunkFromBytes, copyChunk, isSharedBuffer, sameView, toSharedChunk, toWire } from '../protocol/chunk-data.js';
import type { HostToWorker, WorkerToHost } from '../protocol/messages.js';
import { serializeError } from '../protocol/wire-error.js';
import { runTask } from './run-task.js';

/** The worker side of a message port, whatever the platform (worker_threads or Web Worker). */
export interface WorkerEndpoint {
  post(message: WorkerToHost, transfer?: Transferable[]): void;
  onMessage(listener: (message: HostToWorker) => void): void;
  /** Load a module that registers tasks or multimethods. */
  importModule(specifier: string): Promise<unknown>;
}

/**
 * Answer the host: load the requested modules, then run tasks one at a time. Inputs are
 * views on the host's shared memory (no copy); outputs go back in shared memory, or
 * transferred when SharedArrayBuffer is unavailable (browsers without cross-origin isolation).
 */
export function serve(endpoint: WorkerEndpoint): void {
  let sharedMemory = false;
  endpoint.onMessage(async (message) => {
    if (message.type === 'init') {
      sharedMemory = message.sharedMemory;
      try {
        for (const specifier of message.modules) await endpoint.importModule(specifier);
        endpoint.post({ type: 'ready' });
      } catch (error) {
        endpoint.post({ type: 'fatal', error: serializeError(error) });
      }
      return;
    }
    const inputs = packedMap(message.inputs, (w) => chunkFromBytes(w.dtype, w.shape, w.buffer, w.byteOffset));
    const given = sharedMemory ? packedMap(message.outputs ?? [], (w) => chunkFromBytes(w.dtype, w.shape, w.buffer, w.byteOffset)) : [];
    let outputs: ChunkData[];
    try {
      outputs = await runTask(message.fn, inputs, message.params, message.state, { outputs: given });
    } catch (error) {
      endpoint.post({ type: 'error', id: message.id, error: serializeError(error) });
      return;
    }
    if (sharedMemory) {
      const replies = packedMap(outputs, (out, i) => {
        const target = given[i];
        if (chunkFits(target, out.dtype, out.shape)) {
          // Written in place, or copied into the host's output chunk.
          if (!sameView(target.data, out.data)) (target.data as any).set(out.data);
          return i;
        }
        // A view of an input, or of an output chunk it does not fit, is memory the host holds
        // under another block (and recycles when that block is released): send a copy.
        const borrowed = [...inputs, ...given].some((chunk) => chunk.data.buffer === out.data.buffer);
        return toWire(borrowed ? copyChunk(out, true) : toSharedChunk(out));
      });
      endpoint.post({ type: 'done', id: message.id, outputs: replies });
    } else {
      const transfer = new Set<ArrayBuffer>();
      for (const chunk of outputs) if (!isSharedBuffer(chunk.data.buffer)) transfer.add(chunk.data.buffer as ArrayBuffer);
      endpoint.post({ type: 'done', id: message.id, outputs: packedMap(outputs, toWire) }, [...transfer]);
    }
  });
}
