/**
 * The Array API reference suite (NumPy fixtures) on GPU arrays: every case whose inputs and
 * results are float32/complex64/int32/uint32/bool, at the default single-precision tolerance,
 * special values (NaN, ±inf, ±0) and signed-zero branch cuts included.
 */
import type { NDArray } from '@sciport/array-api';
import { type ArrayFactory, arrayApiSuite } from '@sciport/conformance/node';
import { isGPUArray, NOT_ON_GPU, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';

await useGPU();

const webgpuFactory: ArrayFactory = {
  name: 'webgpu',
  make: (host: NDArray) => toDevice(host),
  read: async (result: unknown) => (isGPUArray(result) ? ((await result.toHost()) as NDArray) : (result as NDArray)),
  dtypes: ['float32', 'complex64', 'int32', 'uint32', 'bool'],
};

arrayApiSuite(webgpuFactory, {
  exclude: [
    // Not on the GPU by design: data-dependent shapes, sorting and scans (NotSupportedError),
    ...NOT_ON_GPU,
    // basic indexing (GPUArray has no slice method), per-element repeat counts (data-dependent
    // shape), complex inverse trigonometric functions and bool + bool (DtypeError; the standard's
    // add takes numeric dtypes only).
    'slice',
    'repeat[per-element]',
    ...['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh'].map((fn) => `${fn}:complex64`),
    'add:bool',
  ],
});
