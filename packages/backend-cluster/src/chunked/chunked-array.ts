import { ARRAY_BRAND, NAMESPACE_KEY } from '@sciport/dispatch-core';
import { type ArrayNamespace, type DType, type NDArray, packedMap } from '@sciport/array-api';
import type { Cluster } from '../cluster.js';
import { ClusterError } from '../errors.js';
import { type Block, blockFinalizer } from './block.js';
import { type ChunkedEvents, Emitter, type Progress } from './events.js';
import { type Chunks, type ChunksInput, numBlocks } from './grid.js';

// `fft(xc)` and every other function typed `ArrayOf<X>` returns a ChunkedArray for chunked input;
// summaries (label's count, measurements, findObjects, histogram) are gathered from the
// workers, so functions typed `SummaryOf<X, T>` return a Promise<T> for it.
declare module '@sciport/array-api' {
  interface ArrayKindMap {
    chunked: ChunkedArray;
  }
  interface DeferredKindMap {
    chunked: true;
  }
}

/**
 * The members of ChunkedArray that need the namespace or the task planner. The class below
 * imports only leaf modules, so the planner can import it without an import circle; these are
 * installed on its prototype by `./array-methods.ts`, which every entry point imports.
 */
export interface ChunkedArrayMethods {
  /** The transpose of a 2-D array. */
  readonly T: ChunkedArray;
  /** The transpose of the last two axes (a stack of matrices). */
  readonly mT: ChunkedArray;
  /** The Array API namespace of chunked arrays on this array's cluster. */
  [NAMESPACE_KEY](): ArrayNamespace<ChunkedArray>;
  /** The same values with other block lengths (tasks copy the overlapping parts). */
  rechunk(chunks: ChunksInput): ChunkedArray;
  /** Gather every block into one host NDArray (a fresh copy). */
  toHost(): Promise<NDArray>;
}

// Declaration merging: the class's type has the installed members too.
export interface ChunkedArray extends ChunkedArrayMethods {}

/**
 * An array split into a grid of blocks that live on a cluster (array kind 'chunked').
 * Operations return new ChunkedArrays at once and submit their chunk tasks immediately;
 * `await x.toHost()` gathers the result. Like dask.array, `chunks` lists block lengths per axis.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: array-methods.ts implements the merged members in an object typed ChunkedArrayMethods, so the compiler checks each one exists
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

  /** Waits until every block is computed (they stay on the cluster); rejects with the first failure. */
  async persist(): Promise<this> {
    await Promise.all(packedMap(this.blocks, (b) => b.ref));
    return this;
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
