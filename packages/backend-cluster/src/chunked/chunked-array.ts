import { ARRAY_BRAND, InvalidArgumentError, NAMESPACE_KEY } from '@sciport/dispatch-core';
import { ClusterError } from '../errors.js';
import { type ArrayNamespace, type DType, type NDArray, packedMap } from '@sciport/array-api';
import type { Cluster } from '../cluster.js';
import { type Block, blockFinalizer } from './block.js';
import { type ChunkedEvents, Emitter, type Progress } from './events.js';
import { type Chunks, type ChunksInput, normalizeChunks, numBlocks } from './grid.js';
import { gatherToHost, rechunkArray } from './core.js';
import { chunkedNamespace } from './namespace.js';
import { itemsize } from './probe.js';

/**
 * An array split into a grid of blocks that live on a cluster (array kind 'chunked').
 * Operations return new ChunkedArrays at once and submit their chunk tasks immediately;
 * `await x.toHost()` gathers the result. Like dask.array, `chunks` lists block lengths per axis.
 */
export class ChunkedArray extends Emitter<ChunkedEvents> {
  readonly [ARRAY_BRAND] = 'chunked' as const;
  readonly dtype: DType;
  readonly shape: readonly number[];
  /** Block lengths per axis, e.g. [[1024, 1024], [512, 512, 512]]. */
  readonly chunks: Chunks;
  readonly cluster: Cluster;
  private readonly grid: readonly Block[];
  private disposed = false;
  private done = 0;
  private failed = false;

  /** @internal use `chunked(x, { chunks, cluster })` or namespace functions. */
  constructor(cluster: Cluster, dtype: DType, shape: readonly number[], chunks: Chunks, blocks: readonly Block[]) {
    super();
    this.cluster = cluster;
    this.dtype = dtype;
    this.shape = Object.freeze([...shape]);
    this.chunks = Object.freeze(packedMap(chunks, (c) => Object.freeze([...c])));
    this.grid = Object.freeze([...blocks]);
    for (const b of blocks) b.retain();
    blockFinalizer.register(this, this.grid, this);
    for (const b of blocks) {
      b.ref.then(
        () => {
          this.done++;
          this.emit('progress', this.progress);
        },
        (error) => {
          if (this.failed) return;
          this.failed = true;
          this.emit('error', error);
        },
      );
    }
  }

  /** @internal blocks in C order over the block grid. */
  get blocks(): readonly Block[] {
    if (this.disposed) {
      throw new ClusterError('This chunked array was disposed; its blocks are gone.', {
        argument: 'x',
        hint: 'Dispose an array only after its last use (or keep it, and let the garbage collector free it).',
      });
    }
    return this.grid;
  }

  /**
   * Free the blocks now instead of when the array is garbage-collected: their memory (shared
   * memory on a local cluster, Redis keys) is reused as soon as the tasks already reading
   * them finish. Using the array afterwards throws. `using y = fft(x)` disposes at scope end.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    blockFinalizer.unregister(this);
    for (const b of this.grid) b.release();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  get ndim(): number {
    return this.shape.length;
  }

  get size(): number {
    return this.shape.reduce((a, b) => a * b, 1);
  }

  /** Blocks per axis. */
  get numblocks(): number[] {
    return numBlocks(this.chunks);
  }

  /** The standard's `device` attribute: the cluster holding the blocks. */
  get device(): Cluster {
    return this.cluster;
  }

  /** Blocks computed so far out of all blocks. */
  get progress(): Progress {
    return { done: this.done, total: this.grid.length };
  }

  get T(): ChunkedArray {
    if (this.ndim !== 2) {
      throw new InvalidArgumentError(`.T needs a 2-D array, got ${this.ndim}-D.`, {
        argument: 'x',
        hint: 'Use permuteDims(x, axes) or .mT for stacks of matrices.',
      });
    }
    return this[NAMESPACE_KEY]().permuteDims(this, [1, 0]);
  }

  get mT(): ChunkedArray {
    return this[NAMESPACE_KEY]().matrixTranspose(this);
  }

  [NAMESPACE_KEY](): ArrayNamespace<ChunkedArray> {
    return chunkedNamespace(this.cluster);
  }

  /** The same values with other block lengths (tasks copy the overlapping parts). */
  rechunk(chunks: ChunksInput): ChunkedArray {
    return rechunkArray(this, normalizeChunks(chunks, this.shape, itemsize(this.dtype)));
  }

  /** Waits until every block is computed (they stay on the cluster); rejects with the first failure. */
  async persist(): Promise<this> {
    await Promise.all(packedMap(this.blocks, (b) => b.ref));
    return this;
  }

  /** Gather every block into one host NDArray. */
  toHost(): Promise<NDArray> {
    return gatherToHost(this);
  }

  override toString(): string {
    const chunks = packedMap(this.chunks, (c) => `[${c.join(', ')}]`).join(', ');
    return `ChunkedArray(shape=[${this.shape.join(', ')}], dtype=${this.dtype}, chunks=[${chunks}], cluster=${this.cluster.kind})`;
  }

  get [Symbol.toStringTag](): string {
    return 'ChunkedArray';
  }
}

export function isChunked(value: unknown): value is ChunkedArray {
  return value !== null && typeof value === 'object' && (value as { [ARRAY_BRAND]?: unknown })[ARRAY_BRAND] === 'chunked';
}
