/**
 * A chunked array returned at once whose blocks are known only later, when an asynchronous
 * plan settles (rounds until convergence, a merge done on the submitting thread): each block
 * is a future of the settled array's block at the same grid position.
 */
import { type DType, packedMap } from '@sciport/array-api';
import type { Cluster } from '../cluster.js';
import { Block } from './block.js';
import { ChunkedArray } from './chunked-array.js';
import { blockIndices, blockShape, type Chunks, numBlocks } from './grid.js';

/**
 * The array `settled` will give, on grid `chunks` (the settled array must have it). The
 * settled array's blocks are handed over: this array's blocks own their chunks from then on.
 */
export function deferredArray(cluster: Cluster, dtype: DType, shape: readonly number[], chunks: Chunks, settled: Promise<ChunkedArray>): ChunkedArray {
  const handed = settled.then((y) => {
    const blocks = y.blocks;
    // keep the chunks alive past y: they are released once, by the deferred blocks
    for (const b of blocks) b.retain();
    y.dispose();
    return blocks;
  });
  const blocks = packedMap([...blockIndices(numBlocks(chunks))], (idx, i) => new Block(
    handed.then((bs) => bs[i].ref),
    cluster.executor,
    blockShape(chunks, idx),
  ));
  return new ChunkedArray(cluster, dtype, shape, chunks, blocks);
}
