/**
 * `@sciport/backend-cluster/worker`: what a module loaded into workers needs to add its own
 * chunk tasks. Safe in browsers; no side effects beyond the registry.
 *
 * @packageDocumentation
 */
export { registerTask, getTask, listTasks, type TaskFunction } from './runtime/task-registry.js';
export type { ChunkData } from './protocol/chunk-data.js';
export { chunkToNDArray, ndarrayToChunk } from './runtime/ndarray-bridge.js';
