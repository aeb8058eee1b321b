import { ShapeError } from '@sciport/dispatch-core';

/**
 * Buffer pool with exact accounting. Every storage buffer this package creates comes
 * from here and goes back here; nothing else calls createBuffer for array data.
 *
 * Sizes are rounded up to size classes (4 per octave, so at most 25% slack) so a freed
 * buffer fits the next request of about the same size. Reusing a buffer right after
 * the commands that used it were submitted is safe: the WebGPU queue runs submissions
 * and writeBuffer calls in order.
 */

/** GPUBufferUsage.STORAGE | COPY_SRC | COPY_DST (numeric so Node needs no globals). */
export const STORAGE_USAGE = 0x80 | 0x04 | 0x08;

/** What an allocation is for; `array` bytes are what users hold. */
export type AllocationKind = 'array' | 'temporary' | 'cache';

export interface PooledBuffer {
  readonly buffer: GPUBuffer;
  /** Size class actually allocated (bytes). */
  readonly size: number;
  kind: AllocationKind;
  inUse: boolean;
}

export interface MemoryInfo {
  /** Bytes held by live GPUArrays (size classes, i.e. real device memory). */
  readonly bytesInUse: number;
  /** Bytes held by internal scratch buffers right now (0 between operations). */
  readonly bytesTemporary: number;
  /** Bytes held by cached plans (FFT twiddle and chirp tables). */
  readonly bytesCached: number;
  /** Bytes of free buffers kept for reuse. */
  readonly bytesPooled: number;
  /** Highest bytesInUse + bytesTemporary since the device opened or `resetPeak()`. */
  readonly peakBytes: number;
  readonly buffersInUse: number;
  readonly buffersPooled: number;
  /** GPUBuffers created / destroyed since the device opened. */
  readonly buffersCreated: number;
  readonly buffersDestroyed: number;
  /** Live GPUArray objects (views count separately from the storage they share). */
  readonly liveArrays: number;
}

const MIN_CLASS = 256;

/** Round up to the next size class: multiples of a quarter of the enclosing power of two. */
export function sizeClass(bytes: number): number {
  if (bytes <= MIN_CLASS) return MIN_CLASS;
  const octave = 2 ** Math.floor(Math.log2(bytes));
  const step = octave / 4;
  return Math.ceil(bytes / step) * step;
}

export class BufferPool {
  private readonly free = new Map<number, PooledBuffer[]>();
  /** Free buffers in release order, oldest first, for trimming. */
  private readonly freeOrder: PooledBuffer[] = [];
  private readonly bytes: Record<AllocationKind, number> = { array: 0, temporary: 0, cache: 0 };
  private pooledBytes = 0;
  private inUseCount = 0;
  private peak = 0;
  private created = 0;
  private destroyed = 0;
  liveArrays = 0;
  /** Free bytes kept beyond this are destroyed, oldest first. */
  maxPooledBytes: number;

  constructor(
    private readonly device: GPUDevice,
    private readonly maxBufferSize: number,
    maxPooledBytes = 256 * 1024 * 1024,
  ) {
    this.maxPooledBytes = maxPooledBytes;
  }

  acquire(requestedBytes: number, kind: AllocationKind): PooledBuffer {
    if (!(requestedBytes <= this.maxBufferSize)) {
      throw new ShapeError(`An array of ${requestedBytes} bytes does not fit this device's GPU buffers (at most ${this.maxBufferSize} bytes).`, {
        argument: 'shape',
        hint: 'Use smaller arrays (split the work) or compute on the host.',
      });
    }
    let size = sizeClass(Math.max(4, requestedBytes));
    if (size > this.maxBufferSize) size = Math.ceil(requestedBytes / 4) * 4;
    let entry = this.free.get(size)?.pop();
    if (entry) {
      this.pooledBytes -= size;
      this.freeOrder.splice(this.freeOrder.indexOf(entry), 1);
    } else {
      const buffer = this.device.createBuffer({ size, usage: STORAGE_USAGE });
      this.created += 1;
      entry = { buffer, size, kind, inUse: false };
    }
    entry.kind = kind;
    entry.inUse = true;
    this.bytes[kind] += size;
    this.inUseCount += 1;
    const active = this.bytes.array + this.bytes.temporary;
    if (active > this.peak) this.peak = active;
    return entry;
  }

  release(entry: PooledBuffer): void {
    if (!entry.inUse) return;
    entry.inUse = false;
    this.bytes[entry.kind] -= entry.size;
    this.inUseCount -= 1;
    let list = this.free.get(entry.size);
    if (!list) this.free.set(entry.size, (list = []));
    list.push(entry);
    this.freeOrder.push(entry);
    this.pooledBytes += entry.size;
    if (this.pooledBytes > this.maxPooledBytes) this.trim(this.maxPooledBytes);
  }

  /** Destroy free buffers (oldest first) until at most `keepBytes` stay pooled. */
  trim(keepBytes = 0): void {
    while (this.pooledBytes > keepBytes && this.freeOrder.length > 0) {
      const entry = this.freeOrder.shift()!;
      const list = this.free.get(entry.size)!;
      list.splice(list.indexOf(entry), 1);
      this.pooledBytes -= entry.size;
      entry.buffer.destroy();
      this.destroyed += 1;
    }
  }

  resetPeak(): void {
    this.peak = this.bytes.array + this.bytes.temporary;
  }

  info(): MemoryInfo {
    return {
      bytesInUse: this.bytes.array,
      bytesTemporary: this.bytes.temporary,
      bytesCached: this.bytes.cache,
      bytesPooled: this.pooledBytes,
      peakBytes: this.peak,
      buffersInUse: this.inUseCount,
      buffersPooled: this.freeOrder.length,
      buffersCreated: this.created,
      buffersDestroyed: this.destroyed,
      liveArrays: this.liveArrays,
    };
  }
}
