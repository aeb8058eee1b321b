import { DtypeError } from '@sciport/dispatch-core';
import { type GPUDType, isComplex } from '../dtypes.js';
import type { GPUArray } from '../gpu-array.js';
import { runMap } from '../kernels/map.js';

/** Copy `src` into `dst` (same shape, any strides), casting to dst's dtype. */
export function copyInto(src: GPUArray, dst: GPUArray): void {
  runMap({ op: 'copy', compute: [src.dtype], result: src.dtype, expr: (a) => a[0] }, [src], dst.shape, dst.dtype, dst);
}

/** A new C-contiguous array with x's values, cast to `dtype`. */
export function copyAs(x: GPUArray, dtype: GPUDType = x.dtype): GPUArray {
  return runMap({ op: 'copy', compute: [x.dtype], result: x.dtype, expr: (a) => a[0] }, [x], x.shape, dtype);
}

/**
 * astype on the GPU: NumPy's casting (floats to ints truncate toward zero, saturating).
 * Complex to real is refused, as the Array API leaves it undefined: take real() first.
 */
export function astypeGPU(x: GPUArray, dtype: GPUDType): GPUArray {
  if (isComplex(x.dtype) && !isComplex(dtype) && dtype !== 'bool') {
    throw new DtypeError(`Cannot cast complex64 to ${dtype}: it would drop the imaginary part.`, {
      argument: 'dtype',
      hint: 'Use real(x) (or abs(x)) first.',
    });
  }
  return copyAs(x, dtype);
}
