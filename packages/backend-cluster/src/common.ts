/** Everything that is the same in Node and in browsers. */
export { Cluster, cluster, type LocalClusterOptions, type RedisClusterOptions } from './cluster.js';
export type { ChunkRef, Executor } from './executor/executor.js';
export {
  ClusterClosedError,
  ClusterError,
  ClusterUnavailableError,
  RemoteTaskError,
  WorkerLostError,
} from './errors.js';
export type { ChunkData } from './protocol/chunk-data.js';
export type { TaskSpec } from './protocol/messages.js';
export { registerTask, type TaskFunction } from './runtime/task-registry.js';
export { ChunkedArray, isChunked } from './chunked/chunked-array.js';
export { chunked, type ChunkedOptions } from './chunked/core.js';
export type { Chunks, ChunksInput } from './chunked/grid.js';
export type { Progress } from './chunked/events.js';
export { chunkedNamespace } from './chunked/namespace.js';
export { clusterBackend } from './backend.js';
