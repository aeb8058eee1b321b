import { type ArrayInput, astype, asarray, type DType, isNDArray, type NDArray } from '@sciport/array-api';
import { DtypeError } from '@sciport/dispatch-core';
import { getFloat64Policy } from './device/provider.js';
import { checkGPUDType, type GPUDType, isGPUDType } from './dtypes.js';
import { type GPUArray, isGPUArray } from './gpu-array.js';
import { astypeGPU } from './namespace/convert.js';
import { uploadData } from './upload.js';

declare module '@sciport/array-api' {
  interface ArrayKindMap {
    gpu: GPUArray;
  }
}

export interface ToDeviceOptions {
  /** GPU dtype to store (converting on the host first). Naming float32 for float64 input is an explicit downcast. */
  dtype?: GPUDType;
  /** Convert float64/complex128 input to float32/complex64 instead of refusing it. */
  downcast?: boolean;
}

/** Host dtypes that widen to a GPU dtype without losing anything. */
const WIDEN: Partial<Record<DType, GPUDType>> = {
  int8: 'int32',
  int16: 'int32',
  uint8: 'uint32',
  uint16: 'uint32',
};

/**
 * The GPU dtype a host dtype is stored as, or a DtypeError that says why not and what to
 * pass instead. float64/complex128 need an explicit downcast (WGSL has no f64).
 */
export function deviceDtypeFor(host: DType, options: ToDeviceOptions = {}): GPUDType {
  if (options.dtype !== undefined) return checkGPUDType(options.dtype);
  if (isGPUDType(host)) return host;
  const widened = WIDEN[host];
  if (widened) return widened;
  if (host === 'float64' || host === 'complex128') {
    const target = host === 'float64' ? 'float32' : 'complex64';
    if (options.downcast || getFloat64Policy() === 'downcast') return target;
    throw new DtypeError(`WebGPU cannot hold ${host}: WGSL has no 64-bit floats, and sciport never downcasts silently.`, {
      argument: 'x',
      hint:
        `Pass { dtype: '${target}' } (or { downcast: true }) to toDevice, convert on the host with astype(x, '${target}'), ` +
        "or opt in for every upload with initWebGPU({ float64: 'downcast' }).",
    });
  }
  throw new DtypeError(`WebGPU cannot hold ${host} (WGSL has no 64-bit integers).`, {
    argument: 'x',
    hint: "Pass { dtype: 'int32' } (values must fit) or convert on the host first.",
  });
}

/**
 * Upload host data (NDArray, TypedArray + shape via asarray, nested arrays, scijs/stdlib
 * ndarrays) to a new GPUArray. Synchronous once `initWebGPU()` has resolved. A GPUArray
 * is returned as is (or converted when `dtype` differs).
 */
export function toDevice(x: ArrayInput | GPUArray, options: ToDeviceOptions = {}): GPUArray {
  if (isGPUArray(x)) {
    return options.dtype !== undefined && options.dtype !== x.dtype ? astypeGPU(x, checkGPUDType(options.dtype)) : x;
  }
  const host = isNDArray(x) ? x : asarray(x as ArrayInput);
  const dtype = deviceDtypeFor(host.dtype, options);
  // Values in a host dtype the encoder takes directly (complex stays interleaved).
  const hostTarget: DType =
    dtype === 'complex64' ? 'complex64' : dtype === 'float16' ? 'float32' : dtype === 'bool' ? 'bool' : (dtype as DType);
  const converted = host.dtype === hostTarget ? host : astype(host, hostTarget);
  const data = converted.toTypedArray() as ArrayLike<number>;
  return uploadData(data, host.shape, dtype);
}

/** Download a GPUArray as a host NDArray (`await toHost(x)`); host arrays pass through. */
export async function toHost(x: unknown): Promise<NDArray> {
  if (isGPUArray(x)) return (await x.toHost()) as NDArray;
  return isNDArray(x) ? x : asarray(x as ArrayInput);
}
