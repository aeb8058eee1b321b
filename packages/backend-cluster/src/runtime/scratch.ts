import type { ChunkData } from '../protocol/chunk-data.js';
import { layoutOf, sizeOf } from '../protocol/dtypes.js';

/** Scratch larger than this is not kept between tasks (a rare huge block should not pin memory). */
const MAX_KEPT_BYTES = 64 * 2 ** 20;

/**
 * Worker memory reused from slab to slab and task to task, for temporaries that never leave
 * the task (an assembled input slab, a result on its way into the output chunk). A fresh
 * megabyte-sized array per slab costs page faults, because the allocator maps and unmaps
 * blocks that large, and the kernel serializes page faults against those mapping changes
 * across the threads of one process: two workers ran fft batches no faster than one
 * (measured: 1.5 M page faults, 2.7 s system time for 16 384 FFTs of length 1024).
 * Contents are whatever the last user left; callers overwrite what they read.
 */
export class Scratch {
  private buffer = new ArrayBuffer(0);

  /** A chunk of `dtype` and `shape` on this scratch memory (valid until the next call). */
  chunk(dtype: string, shape: readonly number[]): ChunkData {
    const { ctor, lanes } = layoutOf(dtype);
    const length = sizeOf(shape) * lanes;
    const bytes = length * ctor.BYTES_PER_ELEMENT;
    if (bytes > this.buffer.byteLength) {
      const fresh = new ArrayBuffer(Math.max(bytes, Math.min(2 * this.buffer.byteLength, MAX_KEPT_BYTES)));
      if (fresh.byteLength > MAX_KEPT_BYTES) return { dtype, shape: [...shape], data: new ctor(fresh, 0, length) };
      this.buffer = fresh;
    }
    return { dtype, shape: [...shape], data: new ctor(this.buffer, 0, length) };
  }
}
