import type { ChunkRef, Executor } from '../executor/executor.js';

/**
 * One block of a chunked array: a future of the chunk the executor holds, with a count of
 * who still needs it (arrays holding it, tasks about to read it). At zero the executor may
 * free it (Redis keys); shared memory just waits for the garbage collector.
 */
export class Block {
  private holders = 0;
  private released = false;
  /** The chunk, once it exists: tasks reading only existing chunks are sent at once. */
  private existing: ChunkRef | undefined;

  constructor(
    readonly ref: Promise<ChunkRef>,
    private readonly executor: Executor,
    /** Block shape, known before the chunk exists. */
    readonly shape: readonly number[],
  ) {
    // Failures surface where the block is awaited (toHost, dependent tasks), never as an
    // unhandled rejection.
    ref.then(
      (r) => {
        this.existing = r;
      },
      () => {},
    );
  }

  /** The chunk if it exists now, else undefined. */
  get chunk(): ChunkRef | undefined {
    return this.existing;
  }

  retain(): void {
    this.holders++;
  }

  release(): void {
    if (--this.holders > 0 || this.released) return;
    this.released = true;
    this.ref.then(
      (r) => this.executor.release(r),
      () => {},
    );
  }
}

/** Releases the blocks of chunked arrays the program no longer references. */
export const blockFinalizer = new FinalizationRegistry<readonly Block[]>((blocks) => {
  for (const b of blocks) b.release();
});
