import { isNDArray } from '@sciport/array-api';
import { defineBackend, implement, type MultimethodInfo, NOT_CONVERTIBLE, registerBackend } from '@sciport/dispatch-core';
import {
  fft,
  fft2,
  fftn,
  hfft,
  hfft2,
  hfftn,
  ifft,
  ifft2,
  ifftn,
  ihfft,
  ihfft2,
  ihfftn,
  irfft,
  irfft2,
  irfftn,
  rfft,
  rfft2,
  rfftn,
} from '@sciport/fft';
import { getFloat64Policy, isWebGPUReady } from './device/provider.js';
import { GPU_DTYPES } from './dtypes.js';
import {
  gpuFft,
  gpuFft2,
  gpuFftn,
  gpuHfft,
  gpuHfft2,
  gpuHfftn,
  gpuIfft,
  gpuIfft2,
  gpuIfftn,
  gpuIhfft,
  gpuIhfft2,
  gpuIhfftn,
  gpuIrfft,
  gpuIrfft2,
  gpuIrfftn,
  gpuRfft,
  gpuRfft2,
  gpuRfftn,
  markTransient,
} from './fft/functions.js';
import { isGPUArray } from './gpu-array.js';
import { toDevice } from './host-interop.js';

/**
 * The `webgpu` backend manifest: owns 'gpu' arrays, implements the sciport.fft transforms
 * it passes the fft suites for, and uploads host input when the caller allows it
 * (`withBackend('webgpu', …, { coerce: true })`). float64 host input is declined with the
 * reason unless the float64 policy is 'downcast'.
 */

/** The dtype of a host value as asarray would see it, without converting it. */
function hostDtype(value: unknown): string | undefined {
  if (isNDArray(value)) return value.dtype;
  if (value instanceof Float64Array) return 'float64';
  if (value instanceof BigInt64Array) return 'int64';
  if (value instanceof BigUint64Array) return 'uint64';
  if (ArrayBuffer.isView(value)) return undefined;
  if (Array.isArray(value) || typeof value === 'number') return 'float64';
  const dtype = (value as { dtype?: unknown } | null)?.dtype;
  return typeof dtype === 'string' ? dtype : undefined;
}

function canRun(fn: MultimethodInfo, args: readonly unknown[]): true | string {
  if (!isWebGPUReady()) return 'WebGPU is not initialized: call `await initWebGPU()` first';
  for (const i of fn.dispatch) {
    const value = args[i];
    if (value === undefined || value === null) continue;
    if (isGPUArray(value)) {
      if (value.disposed) return `argument ${i} is a disposed GPUArray`;
      if (!value.storage.runtime.alive) return `argument ${i} lives on a WebGPU device that is gone; upload it again`;
      continue;
    }
    const dtype = hostDtype(value);
    if ((dtype === 'float64' || dtype === 'complex128') && getFloat64Policy() !== 'downcast') {
      const target = dtype === 'float64' ? 'float32' : 'complex64';
      return (
        `argument ${i} is ${dtype} and WGSL has no f64; downcast explicitly: toDevice(x, { dtype: '${target}' }), ` +
        `astype(x, '${target}') on the host, or initWebGPU({ float64: 'downcast' })`
      );
    }
    if (dtype === 'int64' || dtype === 'uint64') return `argument ${i} is ${dtype}; WGSL has no 64-bit integers`;
  }
  return true;
}

export const webgpuBackend = defineBackend({
  name: 'webgpu',
  kinds: ['gpu'],
  functions: [
    implement(fft, gpuFft),
    implement(ifft, gpuIfft),
    implement(fft2, gpuFft2),
    implement(ifft2, gpuIfft2),
    implement(fftn, gpuFftn),
    implement(ifftn, gpuIfftn),
    implement(rfft, gpuRfft),
    implement(irfft, gpuIrfft),
    implement(rfft2, gpuRfft2),
    implement(irfft2, gpuIrfft2),
    implement(rfftn, gpuRfftn),
    implement(irfftn, gpuIrfftn),
    implement(hfft, gpuHfft),
    implement(ihfft, gpuIhfft),
    implement(hfft2, gpuHfft2),
    implement(ihfft2, gpuIhfft2),
    implement(hfftn, gpuHfftn),
    implement(ihfftn, gpuIhfftn),
  ],
  capabilities: { dtypes: [...GPU_DTYPES], syncReadback: false },
  canRun,
  convert(value: unknown, coerce: boolean): unknown {
    if (!coerce || !isWebGPUReady()) return NOT_CONVERTIBLE;
    try {
      return markTransient(toDevice(value as never));
    } catch {
      return NOT_CONVERTIBLE;
    }
  },
});

registerBackend(webgpuBackend);
