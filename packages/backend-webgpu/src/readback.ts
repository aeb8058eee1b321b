import { DeviceError } from '@sciport/dispatch-core';
import { DTYPE_INFO, type GPUDType } from './dtypes.js';
import { float16BitsToNumber } from './float16.js';
import type { Runtime } from './runtime.js';

export type HostData = Float32Array | Int32Array | Uint32Array | Uint8Array;

const MAP_READ_COPY_DST = 0x01 | 0x08;
const MAP_MODE_READ = 0x01;

/** Raise validation errors the device reported since the last check (they arrive asynchronously). */
export function raisePendingErrors(rt: Runtime): void {
  const errors = rt.ctx.pendingErrors;
  if (errors.length === 0) return;
  const messages = errors.splice(0, errors.length);
  throw new DeviceError(`WebGPU reported an error: ${messages.join(' | ')}`, {
    hint: 'This is a bug in @sciport/backend-webgpu or an adapter limit; please report it with the message.',
  });
}

/**
 * Copy `bytes` bytes at `byteOffset` of `buffer` to the host. The read is registered with
 * its device, which destroyWebGPU() destroys only after the read settled.
 */
export function readBytes(rt: Runtime, buffer: GPUBuffer, byteOffset: number, bytes: number): Promise<ArrayBuffer> {
  const read = mapAndCopy(rt, buffer, byteOffset, bytes);
  const reads = rt.ctx.pendingReads;
  reads.add(read);
  const forget = () => reads.delete(read);
  read.then(forget, forget);
  return read;
}

/** A read in flight when destroyWebGPU() (or a device loss) ended its device rejects with the reason. */
function throwIfEnded(rt: Runtime): void {
  const reason = rt.ctx.endReason;
  if (reason === undefined) return;
  throw new DeviceError(`A GPU read did not finish: ${reason}`, {
    hint: 'Await toHost() before calling destroyWebGPU(); after `await initWebGPU()`, upload the data again.',
  });
}

async function mapAndCopy(rt: Runtime, buffer: GPUBuffer, byteOffset: number, bytes: number): Promise<ArrayBuffer> {
  const start = Math.floor(byteOffset / 4) * 4;
  const end = Math.ceil((byteOffset + bytes) / 4) * 4;
  const length = Math.max(4, end - start);
  const staging = rt.device.createBuffer({ size: length, usage: MAP_READ_COPY_DST });
  try {
    const encoder = rt.device.createCommandEncoder();
    if (end > start) encoder.copyBufferToBuffer(buffer, start, staging, 0, end - start);
    rt.device.queue.submit([encoder.finish()]);
    try {
      await staging.mapAsync(MAP_MODE_READ);
    } catch (error) {
      throwIfEnded(rt);
      raisePendingErrors(rt);
      throw new DeviceError('Reading a GPU buffer failed (the device may have been lost).', {
        hint: 'Call `await initWebGPU()` and try again.',
        cause: error,
      });
    }
    throwIfEnded(rt);
    const copy = staging.getMappedRange().slice(byteOffset - start, byteOffset - start + bytes);
    staging.unmap();
    raisePendingErrors(rt);
    return copy;
  } finally {
    staging.destroy();
  }
}

/** What a read needs of a C-contiguous GPU array (a GPUArray is one); no import of the class, which imports this. */
export interface ContiguousBuffer {
  readonly dtype: GPUDType;
  readonly buffer: GPUBuffer;
  /** Offset and size in elements. */
  readonly offset: number;
  readonly size: number;
}

/** Read a C-contiguous array (any offset) into a host typed array of its host dtype. */
export async function readContiguous(rt: Runtime, x: ContiguousBuffer): Promise<HostData> {
  const info = DTYPE_INFO[x.dtype];
  const raw = await readBytes(rt, x.buffer, x.offset * info.bytes, x.size * info.bytes);
  switch (x.dtype) {
    case 'float32':
    case 'complex64':
      return new Float32Array(raw);
    case 'int32':
      return new Int32Array(raw);
    case 'uint32':
      return new Uint32Array(raw);
    case 'bool':
      return Uint8Array.from(new Uint32Array(raw), (v) => (v !== 0 ? 1 : 0));
    case 'float16':
      return Float32Array.from(new Uint16Array(raw), float16BitsToNumber);
  }
}
