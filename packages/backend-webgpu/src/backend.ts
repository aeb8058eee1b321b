import { isNDArray } from '@sciport/array-api';
import { defineBackend, implement, type MultimethodInfo, NOT_CONVERTIBLE, registerBackend } from '@sciport/dispatch-core';
import { FFT_FUNCTIONS, FFT_MULTIMETHODS } from '@sciport/fft';
import { LINALG_DOMAIN, LINALG_FUNCTIONS, LINALG_MULTIMETHODS } from '@sciport/linalg';
import { NDIMAGE_DOMAIN, NDIMAGE_FUNCTIONS, NDIMAGE_MULTIMETHODS } from '@sciport/ndimage';
import { getFloat64Policy, isWebGPUReady } from './device/provider.js';
import { GPU_DTYPES } from './dtypes.js';
import { gpuImplements, gpuTransform, markTransient } from './fft/functions.js';
import { isGPUArray } from './gpu-array.js';
import { toDevice } from './host-interop.js';
import { GPU_LINALG } from './linalg/functions.js';
import { GPU_NDIMAGE, gpuNdimageDtypes } from './ndimage/functions.js';

/**
 * The `webgpu` backend manifest: owns 'gpu' arrays, implements the sciport.fft transforms
 * it passes the fft suites for and the ndimage functions of GPU_NDIMAGE (each on the GPU dtypes GPU_NDIMAGE_DTYPES lists), and uploads host input when the caller allows it
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
      // complex64 passes, so its bad options meet the host's errors; the filters then refuse it
      if (fn.domain === NDIMAGE_DOMAIN && !gpuNdimageDtypes(fn.name).includes(value.dtype)) {
        const real = gpuNdimageDtypes(fn.name).filter((d) => d !== 'complex64');
        return `argument ${i} is ${value.dtype}; ${fn.name} on the GPU takes ${real.join(', ')} (convert with astype, or read it: await x.toHost())`;
      }
      if (fn.domain === LINALG_DOMAIN && value.dtype !== 'float32') {
        return `argument ${i} is ${value.dtype}; linalg on the GPU takes float32 (convert with astype, or read it: await x.toHost())`;
      }
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

/**
 * The fft options the GPU transforms act on. Pinned here, not read from the fft table: an option
 * added to the table later is not understood until the GPU code handles it, so dispatch passes
 * calls that use it to the next candidate instead of the GPU silently ignoring it.
 */
const GPU_FFT_OPTIONS: ReadonlySet<string> = new Set(['n', 'axis', 's', 'axes', 'norm', 'overwriteX', 'workers', 'plan']);

/**
 * The ndimage rows the GPU runs (GPU_NDIMAGE), each with every option of its row: the GPU code
 * reads them all. Other ndimage functions are not claimed, so dispatch says the backend does not
 * implement them and to read the data back first; nothing is computed on the host behind the
 * caller's back.
 */
const ndimageRows = NDIMAGE_FUNCTIONS.flatMap((f) => {
  const impl = GPU_NDIMAGE[f.name];
  return impl === undefined ? [] : [implement(NDIMAGE_MULTIMETHODS[f.name], impl as (...args: unknown[]) => unknown, { options: f.options })];
});

/** The linalg rows the GPU runs (GPU_LINALG), each with every option of its row. */
const linalgRows = LINALG_FUNCTIONS.flatMap((f) => {
  const impl = GPU_LINALG[f.name];
  return impl === undefined ? [] : [implement(LINALG_MULTIMETHODS[f.name], impl as (...args: unknown[]) => unknown, { options: f.options })];
});

export const webgpuBackend = defineBackend({
  name: 'webgpu',
  kinds: ['gpu'],
  functions: [
    ...FFT_FUNCTIONS.filter(gpuImplements).map((f) =>
      implement(FFT_MULTIMETHODS[f.name], gpuTransform(f), { options: f.options.filter((k) => GPU_FFT_OPTIONS.has(k)) }),
    ),
    ...ndimageRows,
    ...linalgRows,
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
