/**
 * The data types (docs/architecture.md) and their storage. Complex dtypes are stored interleaved
 * (re, im) in a Float32Array/Float64Array; bool in a Uint8Array; 64-bit integers in
 * BigInt64Array/BigUint64Array.
 */
import { describe } from './kit/describe.js';
import { DtypeError } from '@sciport/dispatch-core';
import { type TypedArray, typedArrayTag } from './typed-arrays.js';

export type { BigIntTypedArray, FloatTypedArray, NumberTypedArray, TypedArray } from './typed-arrays.js';

export type DType =
  | 'bool'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'float32'
  | 'float64'
  | 'complex64'
  | 'complex128';

/** Every dtype sciport arrays hold on the host. */
export const DTYPES: readonly DType[] = [
  'bool',
  'int8',
  'int16',
  'int32',
  'int64',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'float32',
  'float64',
  'complex64',
  'complex128',
];

/** Kinds as the Array API standard groups dtypes (`isdtype` names). */
export type DTypeKind = 'bool' | 'signed integer' | 'unsigned integer' | 'real floating' | 'complex floating';

export interface DTypeInfo {
  readonly name: DType;
  readonly kind: DTypeKind;
  /** Bytes per element (a complex element counts both parts). */
  readonly itemsize: number;
  /** Storage constructor; for complex dtypes the interleaved float array. */
  readonly storage:
    | Uint8ArrayConstructor
    | Int8ArrayConstructor
    | Int16ArrayConstructor
    | Int32ArrayConstructor
    | Uint16ArrayConstructor
    | Uint32ArrayConstructor
    | Float32ArrayConstructor
    | Float64ArrayConstructor
    | BigInt64ArrayConstructor
    | BigUint64ArrayConstructor;
  /** Storage slots per element: 2 for complex, 1 otherwise. */
  readonly lanes: 1 | 2;
  /** Storage holds bigint values (int64/uint64). */
  readonly isBigInt: boolean;
}

const INFO: Record<DType, DTypeInfo> = {
  bool: { name: 'bool', kind: 'bool', itemsize: 1, storage: Uint8Array, lanes: 1, isBigInt: false },
  int8: { name: 'int8', kind: 'signed integer', itemsize: 1, storage: Int8Array, lanes: 1, isBigInt: false },
  int16: { name: 'int16', kind: 'signed integer', itemsize: 2, storage: Int16Array, lanes: 1, isBigInt: false },
  int32: { name: 'int32', kind: 'signed integer', itemsize: 4, storage: Int32Array, lanes: 1, isBigInt: false },
  int64: { name: 'int64', kind: 'signed integer', itemsize: 8, storage: BigInt64Array, lanes: 1, isBigInt: true },
  uint8: { name: 'uint8', kind: 'unsigned integer', itemsize: 1, storage: Uint8Array, lanes: 1, isBigInt: false },
  uint16: { name: 'uint16', kind: 'unsigned integer', itemsize: 2, storage: Uint16Array, lanes: 1, isBigInt: false },
  uint32: { name: 'uint32', kind: 'unsigned integer', itemsize: 4, storage: Uint32Array, lanes: 1, isBigInt: false },
  uint64: { name: 'uint64', kind: 'unsigned integer', itemsize: 8, storage: BigUint64Array, lanes: 1, isBigInt: true },
  float32: { name: 'float32', kind: 'real floating', itemsize: 4, storage: Float32Array, lanes: 1, isBigInt: false },
  float64: { name: 'float64', kind: 'real floating', itemsize: 8, storage: Float64Array, lanes: 1, isBigInt: false },
  complex64: { name: 'complex64', kind: 'complex floating', itemsize: 8, storage: Float32Array, lanes: 2, isBigInt: false },
  complex128: {
    name: 'complex128',
    kind: 'complex floating',
    itemsize: 16,
    storage: Float64Array,
    lanes: 2,
    isBigInt: false,
  },
};

/** Whether `value` is the name of a dtype. */
export function isDType(value: unknown): value is DType {
  return typeof value === 'string' && Object.hasOwn(INFO, value);
}

/** Validates a dtype name coming from user code; throws a DtypeError naming `argument`. */
export function checkDType(value: unknown, argument = 'dtype'): DType {
  if (!isDType(value)) {
    throw new DtypeError(`Unknown dtype ${describe(value)} for '${argument}'.`, {
      argument,
      hint: `Use one of: ${DTYPES.join(', ')}.`,
    });
  }
  return value;
}

/** What sciport knows about a dtype: its kind, size and storage; a DtypeError for an unknown name. */
export function dtypeInfo(dtype: DType): DTypeInfo {
  const info = INFO[dtype];
  if (info === undefined) checkDType(dtype);
  return info;
}

/** complex64 or complex128. */
export function isComplexDtype(dtype: DType): dtype is 'complex64' | 'complex128' {
  return dtype === 'complex64' || dtype === 'complex128';
}
/** float32 or float64. */
export function isRealFloatingDtype(dtype: DType): dtype is 'float32' | 'float64' {
  return dtype === 'float32' || dtype === 'float64';
}
/** A real or complex floating dtype. */
export function isFloatingDtype(dtype: DType): boolean {
  return INFO[dtype].kind === 'real floating' || INFO[dtype].kind === 'complex floating';
}
/** A signed or unsigned integer dtype (not bool). */
export function isIntegerDtype(dtype: DType): boolean {
  const k = INFO[dtype].kind;
  return k === 'signed integer' || k === 'unsigned integer';
}
/** int64 or uint64, whose elements are BigInts. */
export function isBigIntDtype(dtype: DType): dtype is 'int64' | 'uint64' {
  return dtype === 'int64' || dtype === 'uint64';
}
export function isNumericDtype(dtype: DType): boolean {
  return dtype !== 'bool';
}

/** The real dtype of matching precision (complex64 → float32, complex128 → float64). */
export function realDtypeOf(dtype: DType): DType {
  if (dtype === 'complex64') return 'float32';
  if (dtype === 'complex128') return 'float64';
  return dtype;
}
/** The complex dtype of matching precision (float32 → complex64, anything else → complex128). */
export function complexDtypeOf(dtype: DType): 'complex64' | 'complex128' {
  if (dtype === 'float32' || dtype === 'complex64') return 'complex64';
  return 'complex128';
}

/** Allocates zero-filled storage for `size` elements of `dtype`. */
export function allocate(dtype: DType, size: number): TypedArray {
  const info = INFO[dtype];
  return new info.storage(size * info.lanes);
}

const DTYPE_OF_TAG: Record<string, DType> = {
  Float64Array: 'float64',
  Float32Array: 'float32',
  Int32Array: 'int32',
  Uint8Array: 'uint8',
  Uint8ClampedArray: 'uint8',
  Int8Array: 'int8',
  Int16Array: 'int16',
  Uint16Array: 'uint16',
  Uint32Array: 'uint32',
  BigInt64Array: 'int64',
  BigUint64Array: 'uint64',
};

/**
 * The dtype a TypedArray maps to by default (Uint8Array → uint8, Float64Array → float64 …),
 * read from its tag so that arrays from another realm are recognised too.
 */
export function dtypeOfTypedArray(data: unknown): DType | undefined {
  const tag = typedArrayTag(data);
  return tag === undefined ? undefined : DTYPE_OF_TAG[tag];
}

/** Whether `data` is the storage class `dtype` uses (so it can be wrapped without a copy). */
export function storageMatches(data: TypedArray, dtype: DType): boolean {
  return data.constructor === INFO[dtype].storage;
}

/** Default dtypes (the standard's `defaultDtypes()`): JS numbers are doubles, so float64. */
export const DEFAULT_FLOAT: DType = 'float64';
/** The default complex dtype: complex128. */
export const DEFAULT_COMPLEX: DType = 'complex128';
/** Default integer and index dtype. Sizes are capped below 2^31, so int32 holds any index. */
export const DEFAULT_INT: DType = 'int32';
/** The default index dtype: int32. */
export const DEFAULT_INDEX: DType = 'int32';

/** Largest number of elements one array may hold (TypedArray and int32 index limit). */
export const MAX_SIZE = 2 ** 31 - 1;
