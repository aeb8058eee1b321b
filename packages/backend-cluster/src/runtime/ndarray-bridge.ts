import { NDArray } from '@sciport/array-api';
import type { ChunkData } from '../protocol/chunk-data.js';
import { layoutOf, sizeOf } from '../protocol/dtypes.js';

/** A host NDArray viewing the chunk's memory (no copy). */
export function chunkToNDArray(chunk: ChunkData): NDArray {
  return new NDArray(chunk.data as any, [...chunk.shape], chunk.dtype as any);
}

/** The array's elements as a chunk: its own memory when already C-contiguous, else a copy. */
export function ndarrayToChunk(x: NDArray): ChunkData {
  const { lanes } = layoutOf(x.dtype);
  const length = sizeOf(x.shape) * lanes;
  if (x.isContiguous) {
    const start = x.offset * lanes;
    const data = start === 0 && x.data.length === length ? x.data : (x.data as any).subarray(start, start + length);
    return { dtype: x.dtype, shape: [...x.shape], data };
  }
  return { dtype: x.dtype, shape: [...x.shape], data: x.toTypedArray() as any };
}
