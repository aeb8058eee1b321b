import { DTYPE_INFO, type GPUDType } from './dtypes.js';
import { numberToFloat16Bits } from './float16.js';
import { GPUArray, shapeSize } from './gpu-array.js';
import { type Runtime, runtime } from './runtime.js';

/** Numbers in C order, ready for a GPU dtype (complex interleaved). */
export type UploadData = ArrayLike<number>;

/**
 * Upload C-ordered values into a new GPUArray of `dtype` (synchronous: the queue copies
 * them before any later command). The caller has already checked the dtype policy.
 */
export function uploadData(data: UploadData, shape: readonly number[], dtype: GPUDType, rt: Runtime = runtime()): GPUArray {
  const n = shapeSize(shape);
  const out = GPUArray.empty(shape, dtype, rt);
  if (n === 0) return out;
  const words = encode(data, n, dtype);
  rt.device.queue.writeBuffer(out.buffer, 0, words.buffer, words.byteOffset, words.byteLength);
  return out;
}

function encode(data: UploadData, n: number, dtype: GPUDType): Uint8Array {
  const bytes = Math.ceil((n * DTYPE_INFO[dtype].bytes) / 4) * 4;
  switch (dtype) {
    case 'float32':
      return asBytes(data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>));
    case 'complex64':
      return asBytes(data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>));
    case 'int32':
      return asBytes(data instanceof Int32Array ? data : Int32Array.from(data as ArrayLike<number>));
    case 'uint32':
      return asBytes(data instanceof Uint32Array ? data : Uint32Array.from(data as ArrayLike<number>));
    case 'bool': {
      const out = new Uint32Array(n);
      for (let k = 0; k < n; k++) out[k] = data[k] ? 1 : 0;
      return asBytes(out);
    }
    case 'float16': {
      const out = new Uint16Array(bytes / 2);
      for (let k = 0; k < n; k++) out[k] = numberToFloat16Bits(data[k]);
      return asBytes(out);
    }
  }
}

function asBytes(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
