import type { ChunkData } from '../protocol/chunk-data.js';
import { layoutOf, sizeOf } from '../protocol/dtypes.js';

/** Memory for a chunk from the pool; `fresh` when it had to be allocated (nothing free fitted). */
export interface PoolChunk {
  readonly chunk: ChunkData;
  readonly fresh: boolean;
}

/**
 * Recycles the shared memory of dead chunks. A fresh SharedArrayBuffer costs a page fault per
 * 4 KiB on first touch, and page faults from several threads of one process serialize in the
 * kernel; reused memory costs nothing. A chunk comes back when its block is released (no array
 * and no pending task holds it any more, see Block), or else when its one host-side view is
 * garbage-collected: workers only touch chunk memory while a task that holds the view runs.
 */
export class SharedPool {
  private readonly free = new Map<number, SharedArrayBuffer[]>();
  private freeBytes = 0;
  private readonly registry = new FinalizationRegistry<SharedArrayBuffer>((buffer) => this.give(buffer));

  constructor(private readonly maxFreeBytes: number) {}

  private give(buffer: SharedArrayBuffer): void {
    if (this.freeBytes + buffer.byteLength > this.maxFreeBytes) return;
    let list = this.free.get(buffer.byteLength);
    if (list === undefined) this.free.set(buffer.byteLength, (list = []));
    list.push(buffer);
    this.freeBytes += buffer.byteLength;
  }

  /** A shared chunk whose contents are undefined: the caller overwrites all of it. */
  take(dtype: string, shape: readonly number[]): PoolChunk {
    const { ctor, lanes } = layoutOf(dtype);
    const length = sizeOf(shape) * lanes;
    const bytes = length * ctor.BYTES_PER_ELEMENT;
    let buffer = this.free.get(bytes)?.pop();
    const fresh = buffer === undefined;
    if (buffer !== undefined) this.freeBytes -= bytes;
    else buffer = new SharedArrayBuffer(bytes);
    const data = new ctor(buffer, 0, length);
    if (bytes > 0) this.registry.register(data, buffer, data);
    return { chunk: { dtype, shape: [...shape], data }, fresh };
  }

  /**
   * Take back a chunk from `take` now. The caller guarantees nobody reads or writes it any
   * more (the chunk's block was released), and returns each chunk once.
   */
  recycle(chunk: ChunkData): void {
    if (!this.registry.unregister(chunk.data)) return; // not ours, or already back
    this.give(chunk.data.buffer as SharedArrayBuffer);
  }

  /** Free buffers held for reuse (for tests and diagnostics). */
  get bytesFree(): number {
    return this.freeBytes;
  }

  clear(): void {
    this.free.clear();
    this.freeBytes = 0;
  }
}
