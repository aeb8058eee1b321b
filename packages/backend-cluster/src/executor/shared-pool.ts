import type { ChunkData } from '../protocol/chunk-data.js';
import { layoutOf, sizeOf } from '../protocol/dtypes.js';

/**
 * Recycles the shared memory of dead chunks. A fresh SharedArrayBuffer costs a page fault per
 * 4 KiB on first touch, or a zeroing pass on the allocating (main) thread when the allocator
 * hands back used memory; either serializes work that should run on the workers. A chunk's
 * buffer comes back here when its one host-side view is garbage-collected: workers only touch
 * chunk memory while a task that holds the view runs.
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
  take(dtype: string, shape: readonly number[]): ChunkData {
    const { ctor, lanes } = layoutOf(dtype);
    const length = sizeOf(shape) * lanes;
    const bytes = length * ctor.BYTES_PER_ELEMENT;
    let buffer = this.free.get(bytes)?.pop();
    if (buffer !== undefined) this.freeBytes -= bytes;
    else buffer = new SharedArrayBuffer(bytes);
    const data = new ctor(buffer, 0, length);
    if (bytes > 0) this.registry.register(data, buffer);
    return { dtype, shape: [...shape], data };
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
