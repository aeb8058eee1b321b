import { byteLengthOf, layoutOf, sizeOf, type TypedArray } from './dtypes.js';
import type { WireChunk } from './messages.js';

/**
 * The unit every executor moves: one C-contiguous chunk. `data` holds exactly the
 * chunk's elements (complex interleaved), nothing before or after.
 */
export interface ChunkData {
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly data: TypedArray;
}

/** SharedArrayBuffer exists and may be used (Node; browsers only when cross-origin isolated). */
export function sharedMemoryAvailable(): boolean {
  if (typeof SharedArrayBuffer !== 'function') return false;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  // Node has no crossOriginIsolated flag; browsers expose SAB only when isolated anyway.
  return isolated === undefined || isolated === true;
}

/** A fresh zeroed chunk, in shared memory when asked and possible. */
export function allocateChunk(dtype: string, shape: readonly number[], shared: boolean): ChunkData {
  const { ctor, lanes } = layoutOf(dtype);
  const length = sizeOf(shape) * lanes;
  const buffer =
    shared && sharedMemoryAvailable()
      ? new SharedArrayBuffer(length * ctor.BYTES_PER_ELEMENT)
      : new ArrayBuffer(length * ctor.BYTES_PER_ELEMENT);
  return { dtype, shape: [...shape], data: new ctor(buffer, 0, length) };
}

/** View raw bytes as a chunk; copies only when the bytes are misaligned for the dtype. */
export function chunkFromBytes(
  dtype: string,
  shape: readonly number[],
  buffer: ArrayBufferLike,
  byteOffset = 0,
): ChunkData {
  const { ctor, lanes } = layoutOf(dtype);
  const length = sizeOf(shape) * lanes;
  const bytes = byteLengthOf(dtype, shape);
  if (byteOffset + bytes > buffer.byteLength) {
    throw new RangeError(`Chunk payload has ${buffer.byteLength - byteOffset} bytes, expected ${bytes}.`);
  }
  if (byteOffset % ctor.BYTES_PER_ELEMENT === 0) {
    return { dtype, shape: [...shape], data: new ctor(buffer, byteOffset, length) };
  }
  const copy = new Uint8Array(bytes);
  copy.set(new Uint8Array(buffer, byteOffset, bytes));
  return { dtype, shape: [...shape], data: new ctor(copy.buffer, 0, length) };
}

export function isSharedBuffer(buffer: ArrayBufferLike): boolean {
  return typeof SharedArrayBuffer === 'function' && buffer instanceof SharedArrayBuffer;
}

/** A copy of a chunk in new memory (shared when asked and possible). */
export function copyChunk(chunk: ChunkData, shared: boolean): ChunkData {
  const out = allocateChunk(chunk.dtype, chunk.shape, shared);
  (out.data as any).set(chunk.data);
  return out;
}

/** Copy a chunk into shared memory unless it already lives there. */
export function toSharedChunk(chunk: ChunkData): ChunkData {
  return !sharedMemoryAvailable() || isSharedBuffer(chunk.data.buffer) ? chunk : copyChunk(chunk, true);
}

/** The two views cover the same bytes (a result written in place is its output chunk). */
export function sameView(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return a.buffer === b.buffer && a.byteOffset === b.byteOffset && a.byteLength === b.byteLength;
}

/** A chunk as it crosses a message port (its buffer shared or transferred). */
export function toWire(chunk: ChunkData): WireChunk {
  return { dtype: chunk.dtype, shape: chunk.shape, buffer: chunk.data.buffer, byteOffset: chunk.data.byteOffset };
}

/** The chunk has this dtype and shape (it can hold such a result). */
export function chunkFits(chunk: ChunkData | undefined, dtype: string, shape: readonly number[]): chunk is ChunkData {
  return chunk !== undefined && chunk.dtype === dtype && chunk.shape.length === shape.length && chunk.shape.every((v, d) => v === shape[d]);
}

/** The chunk's memory as doubles (float64, complex128 interleaved), else undefined. */
export function doubleMemory(chunk: ChunkData): Float64Array | undefined {
  return chunk.dtype === 'float64' || chunk.dtype === 'complex128' ? (chunk.data as Float64Array) : undefined;
}

/** Bytes of a chunk as a Uint8Array view (no copy). */
export function chunkBytes(chunk: ChunkData): Uint8Array {
  return new Uint8Array(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength);
}
