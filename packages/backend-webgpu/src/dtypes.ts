import { DtypeError } from '@sciport/dispatch-core';

/**
 * Dtypes a GPUArray can hold. WGSL has no f64 and no 8/16/64-bit integers in storage,
 * so float64/complex128 are declined (or explicitly downcast), small integers are widened
 * losslessly on upload, and 64-bit integers are declined.
 */
export type GPUDType = 'bool' | 'int32' | 'uint32' | 'float16' | 'float32' | 'complex64';

export const GPU_DTYPES: readonly GPUDType[] = ['bool', 'int32', 'uint32', 'float16', 'float32', 'complex64'];

export interface GPUDTypeInfo {
  /** Element type in a storage array. */
  readonly storage: string;
  /** Type of a value in expressions (bool is stored as u32). */
  readonly value: string;
  /** Bytes per element in a GPU buffer. */
  readonly bytes: number;
  readonly kind: 'bool' | 'int' | 'uint' | 'float' | 'complex';
  /** The host dtype `toHost()` returns. */
  readonly host: 'bool' | 'int32' | 'uint32' | 'float32' | 'complex64';
}

export const DTYPE_INFO: Readonly<Record<GPUDType, GPUDTypeInfo>> = {
  bool: { storage: 'u32', value: 'bool', bytes: 4, kind: 'bool', host: 'bool' },
  int32: { storage: 'i32', value: 'i32', bytes: 4, kind: 'int', host: 'int32' },
  uint32: { storage: 'u32', value: 'u32', bytes: 4, kind: 'uint', host: 'uint32' },
  float16: { storage: 'f16', value: 'f16', bytes: 2, kind: 'float', host: 'float32' },
  float32: { storage: 'f32', value: 'f32', bytes: 4, kind: 'float', host: 'float32' },
  complex64: { storage: 'vec2<f32>', value: 'vec2<f32>', bytes: 8, kind: 'complex', host: 'complex64' },
};

export function isGPUDType(value: unknown): value is GPUDType {
  return typeof value === 'string' && (GPU_DTYPES as readonly string[]).includes(value);
}

export function checkGPUDType(dtype: unknown, argument = 'dtype'): GPUDType {
  if (isGPUDType(dtype)) return dtype;
  if (dtype === 'float64' || dtype === 'complex128') {
    throw new DtypeError(`GPU arrays cannot hold ${dtype}: WGSL has no 64-bit floats.`, {
      argument,
      hint: `Use ${dtype === 'float64' ? 'float32' : 'complex64'} explicitly.`,
    });
  }
  throw new DtypeError(`GPU arrays cannot hold dtype '${String(dtype)}'.`, {
    argument,
    hint: `Use one of ${GPU_DTYPES.join(', ')}.`,
  });
}

export const isComplex = (d: GPUDType): boolean => d === 'complex64';
export const isFloating = (d: GPUDType): boolean => d === 'float32' || d === 'float16' || d === 'complex64';
export const isIntegral = (d: GPUDType): boolean => d === 'int32' || d === 'uint32';
export const isNumeric = (d: GPUDType): boolean => d !== 'bool';

const RANK: Record<GPUDType, number> = { bool: 0, uint32: 1, int32: 1, float16: 2, float32: 3, complex64: 4 };

/**
 * Result dtype of combining two GPU dtypes (Array API promotion, restricted to what
 * the GPU holds). int32 with uint32 would need int64 and is refused; mixing integers
 * with floats gives the float (the Array API leaves it to the implementation; NumPy
 * would give float64, which the GPU cannot hold). `argument` names the operand with dtype `b`
 * in the error.
 */
export function promoteTypes(a: GPUDType, b: GPUDType, argument = 'x2'): GPUDType {
  if (a === b) return a;
  if ((a === 'int32' && b === 'uint32') || (a === 'uint32' && b === 'int32')) {
    throw new DtypeError('Cannot combine int32 with uint32 on the GPU: the common type would be int64.', {
      argument,
      hint: 'Convert one of them with astype() first.',
    });
  }
  if (a === 'bool' || b === 'bool') {
    return a === 'bool' ? b : a;
  }
  return RANK[a] >= RANK[b] ? a : b;
}

/** The real dtype matching a complex one (and itself for real dtypes). */
export function realDtypeOf(d: GPUDType): GPUDType {
  return d === 'complex64' ? 'float32' : d;
}
