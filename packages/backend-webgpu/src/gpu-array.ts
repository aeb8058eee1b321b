import { cStrides as contiguousStrides, NDArray, shapeSize } from '@sciport/array-api';
import { ARRAY_BRAND, InvalidArgumentError, type NAMESPACE_KEY } from '@sciport/dispatch-core';
import { DTYPE_INFO, type GPUDType } from './dtypes.js';
import { settleChecks } from './memory/deferred-checks.js';
import { Storage } from './memory/storage.js';
import { type HostData, readContiguous } from './readback.js';
import { type Runtime, runtime } from './runtime.js';

// Symbol.dispose exists in Node >= 20 and current browsers; older engines get the
// registered symbol TypeScript's `using` downlevel code looks for.
(Symbol as { dispose?: symbol }).dispose ??= Symbol.for('Symbol.dispose');

/** Returns buffers of arrays that were garbage-collected without dispose(). */
const finalizer = new FinalizationRegistry<{ storage: Storage; rt: Runtime }>(({ storage, rt }) => {
  rt.pool.liveArrays -= 1;
  storage.release();
});

// C-order strides and element counts are the host's layout rules, shared with @sciport/array-api.
export { contiguousStrides, shapeSize };

/**
 * The methods that run kernels or return the namespace. The class sits at the bottom of the
 * package (it imports no kernel); gpu-array-methods.ts, loaded by the package entry, installs
 * these on its prototype.
 */
export interface GPUArray {
  /** The GPU Array API namespace (`arrayNamespace(x)`). */
  [NAMESPACE_KEY](): unknown;
  /** A C-contiguous array with the same values: this one (not a copy) if already contiguous. */
  contiguous(): GPUArray;
}

/**
 * An array on the GPU: a pooled GPUBuffer plus shape, dtype and (element) strides and
 * offset, so transposes, flips and slices are views. Operations return new GPUArrays at
 * once; read the values with `await x.toHost()`. Free the memory with `dispose()` or a
 * `using` declaration (the garbage collector returns forgotten buffers eventually).
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface's methods are installed on the prototype by gpu-array-methods.ts, which the package entry loads.
export class GPUArray {
  readonly [ARRAY_BRAND] = 'gpu' as const;
  readonly shape: readonly number[];
  /** Element strides (may be 0 for broadcasts or negative for flips). */
  readonly stride: readonly number[];
  /** Offset of element [0, …, 0] in the buffer, in elements. */
  readonly offset: number;
  readonly dtype: GPUDType;
  readonly size: number;
  /** @internal */ readonly storage: Storage;
  private alive = true;

  /** @internal use `toDevice`, the namespace's creation functions, or operations. */
  constructor(storage: Storage, shape: readonly number[], dtype: GPUDType, stride?: readonly number[], offset = 0) {
    this.storage = storage;
    this.shape = Object.freeze([...shape]);
    this.stride = Object.freeze(stride ? [...stride] : contiguousStrides(shape));
    this.offset = offset;
    this.dtype = dtype;
    this.size = shapeSize(shape);
    storage.runtime.pool.liveArrays += 1;
    finalizer.register(this, { storage, rt: storage.runtime }, this);
  }

  /** A fresh C-contiguous array of this shape and dtype (uninitialized). */
  static empty(shape: readonly number[], dtype: GPUDType, rt: Runtime = runtime()): GPUArray {
    const bytes = shapeSize(shape) * DTYPE_INFO[dtype].bytes;
    return new GPUArray(Storage.allocate(rt, bytes), shape, dtype);
  }

  /** A view sharing this array's buffer. */
  view(shape: readonly number[], stride: readonly number[], offset: number, dtype: GPUDType = this.dtype): GPUArray {
    this.check();
    this.storage.retain();
    return new GPUArray(this.storage, shape, dtype, stride, offset);
  }

  /** Alias of `stride` (NumPy's name; element units, not bytes). */
  get strides(): readonly number[] {
    return this.stride;
  }

  get ndim(): number {
    return this.shape.length;
  }

  get buffer(): GPUBuffer {
    this.check();
    return this.storage.buffer;
  }

  get device(): GPUDevice {
    return this.storage.runtime.device;
  }

  get disposed(): boolean {
    return !this.alive;
  }

  /** Bytes per element on the GPU. */
  get itemsize(): number {
    return DTYPE_INFO[this.dtype].bytes;
  }

  /** True when the elements are laid out in C order from `offset` without gaps. */
  get isContiguous(): boolean {
    let s = 1;
    for (let d = this.shape.length - 1; d >= 0; d--) {
      if (this.shape[d] !== 1 && this.stride[d] !== s) return false;
      s *= this.shape[d];
    }
    return true;
  }

  /** @internal throws if the array was disposed or its device is gone; `argument` names it in the error. */
  check(argument = 'x'): void {
    if (!this.alive) {
      throw new InvalidArgumentError('This GPUArray was disposed.', {
        argument,
        hint: 'Do not use an array after dispose() or after its `using` block ended.',
      });
    }
    if (!this.storage.runtime.alive) {
      // Re-raise the provider's reason (lost / destroyed) with its fix.
      runtime();
      throw new InvalidArgumentError('This GPUArray belongs to a WebGPU device that is gone.', {
        argument,
        hint: 'Upload the data again after `await initWebGPU()`.',
      });
    }
  }

  /** Download the values as a C-contiguous typed array (bool → Uint8Array, float16 → Float32Array). */
  async toTypedArray(): Promise<HostData> {
    this.check();
    // Only when there is something to check: an extra await would let destroyWebGPU() run
    // before the read below registers itself as in flight.
    if (this.storage.checks.length > 0) await settleChecks(this.storage);
    if (this.isContiguous) return readContiguous(this.storage.runtime, this);
    const c = this.contiguous();
    try {
      return await readContiguous(c.storage.runtime, c);
    } finally {
      c.dispose();
    }
  }

  /** Download as a host NDArray (`@sciport/array-api`). The only asynchronous step. */
  async toHost(): Promise<any> {
    const data = await this.toTypedArray();
    return new NDArray(data, [...this.shape], DTYPE_INFO[this.dtype].host);
  }

  /** Give the buffer back to the pool (views keep it alive until they are disposed too). */
  dispose(): void {
    if (!this.alive) return;
    this.alive = false;
    finalizer.unregister(this);
    this.storage.runtime.pool.liveArrays -= 1;
    this.storage.release();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  toString(): string {
    return `GPUArray(shape=[${this.shape.join(', ')}], dtype=${this.dtype}${this.alive ? '' : ', disposed'})`;
  }
}

export function isGPUArray(value: unknown): value is GPUArray {
  return value instanceof GPUArray || (value as { [ARRAY_BRAND]?: unknown } | null)?.[ARRAY_BRAND] === 'gpu';
}
