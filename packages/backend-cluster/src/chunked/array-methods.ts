/**
 * Installs the ChunkedArray members that need the namespace or the task planner onto its
 * prototype, the way TensorFlow.js installs chained ops onto Tensor.prototype: the class stays
 * at the bottom of the package (the planner and the ops import it), and this file, at the top,
 * imports both. Every entry point that can create a ChunkedArray imports it for its effect.
 */
import { checkTransposeRank } from '@sciport/array-api/kit';
import { NAMESPACE_KEY } from '@sciport/dispatch-core';
import type { ArrayNamespace, NDArray } from '@sciport/array-api';
import { ChunkedArray, type ChunkedArrayMethods } from './chunked-array.js';
import { gatherToHost, rechunkArray } from './core.js';
import { type ChunksInput, normalizeChunks } from './grid.js';
import { chunkedNamespace } from './namespace.js';
import { itemsize } from './probe.js';

const methods: ChunkedArrayMethods & ThisType<ChunkedArray> = {
  get T(): ChunkedArray {
    checkTransposeRank(this.ndim);
    return this[NAMESPACE_KEY]().permuteDims(this, [1, 0]);
  },

  get mT(): ChunkedArray {
    return this[NAMESPACE_KEY]().matrixTranspose(this);
  },

  [NAMESPACE_KEY](): ArrayNamespace<ChunkedArray> {
    return chunkedNamespace(this.cluster);
  },

  rechunk(chunks: ChunksInput): ChunkedArray {
    return rechunkArray(this, normalizeChunks(chunks, this.shape, itemsize(this.dtype)));
  },

  toHost(): Promise<NDArray> {
    return gatherToHost(this);
  },
};

// Non-enumerable, like members declared in a class body.
for (const key of Reflect.ownKeys(methods)) {
  Object.defineProperty(ChunkedArray.prototype, key, { ...Object.getOwnPropertyDescriptor(methods, key), enumerable: false });
}
