/**
 * Type promotion. Within a kind this is the Array API standard's promotion table;
 * across kinds (integer with floating, signed with unsigned 64-bit) it follows NumPy 2
 * so that results match SciPy users' expectations and the NumPy golden data.
 */
import { DtypeError } from '@sciport/dispatch-core';
import { type DType, dtypeInfo, isDType } from './dtypes.js';

const SIGNED: readonly DType[] = ['int8', 'int16', 'int32', 'int64'];
const UNSIGNED: readonly DType[] = ['uint8', 'uint16', 'uint32', 'uint64'];

function bits(dtype: DType): number {
  return dtypeInfo(dtype).itemsize * 8;
}

/** Smallest float that holds every value of an integer dtype (NumPy's rule). */
function floatForInt(dtype: DType): DType {
  return bits(dtype) <= 16 ? 'float32' : 'float64';
}

function promotePair(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === 'bool') return b;
  if (b === 'bool') return a;
  const ka = dtypeInfo(a).kind;
  const kb = dtypeInfo(b).kind;
  const rank = (k: string) =>
    k === 'complex floating' ? 3 : k === 'real floating' ? 2 : k === 'bool' ? 0 : 1;
  // Order so that `a` has the "larger" kind.
  if (rank(ka) < rank(kb)) return promotePair(b, a);
  if (ka === 'complex floating') {
    if (kb === 'complex floating') return a === 'complex128' || b === 'complex128' ? 'complex128' : 'complex64';
    if (kb === 'real floating') return a === 'complex128' || b === 'float64' ? 'complex128' : 'complex64';
    return a === 'complex128' || floatForInt(b) === 'float64' ? 'complex128' : 'complex64';
  }
  if (ka === 'real floating') {
    if (kb === 'real floating') return a === 'float64' || b === 'float64' ? 'float64' : 'float32';
    return a === 'float64' || floatForInt(b) === 'float64' ? 'float64' : 'float32';
  }
  // Both integers.
  if (ka === kb) return bits(a) >= bits(b) ? a : b;
  const signed = ka === 'signed integer' ? a : b;
  const unsigned = ka === 'signed integer' ? b : a;
  if (bits(unsigned) < bits(signed)) return signed;
  const i = UNSIGNED.indexOf(unsigned);
  // uint64 with any signed integer has no integer home: NumPy gives float64.
  return i + 1 < SIGNED.length ? SIGNED[i + 1] : 'float64';
}

/** The result dtype of combining arrays of the given dtypes (the standard's `result_type`). */
export function promoteTypes(a: DType, b: DType): DType {
  return promotePair(a, b);
}

/**
 * `resultType(...dtypes)`: promotion over several dtypes. Scalars are handled by callers
 * through `scalarResultType`, because a JS number carries no dtype.
 */
export function resultDtype(dtypes: readonly DType[], argument = 'arrays_and_dtypes'): DType {
  if (dtypes.length === 0) {
    throw new DtypeError('resultType needs at least one array or dtype.', {
      argument,
      hint: 'Pass the arrays or dtype names to combine.',
    });
  }
  let out = dtypes[0];
  for (let i = 1; i < dtypes.length; i++) out = promotePair(out, dtypes[i]);
  return out;
}

/**
 * Result dtype of an array of `dtype` combined with a JS scalar (the standard's
 * "Mixing arrays with Python scalars"): the array's dtype wins within its kind; a
 * non-integer number with an integer/bool array gives float64, an integer number with a
 * bool array gives the default integer dtype (int32, like NumPy's default int but 32-bit).
 */
export function scalarResultType(dtype: DType, scalar: number | bigint | boolean | readonly [number, number]): DType {
  const kind = dtypeInfo(dtype).kind;
  if (typeof scalar === 'boolean') return dtype;
  if (Array.isArray(scalar)) {
    if (kind === 'complex floating') return dtype;
    if (kind === 'real floating') return dtype === 'float32' ? 'complex64' : 'complex128';
    return 'complex128';
  }
  if (typeof scalar === 'bigint') {
    if (kind === 'bool') return 'int64';
    return dtype;
  }
  if (kind === 'real floating' || kind === 'complex floating') return dtype;
  if (Number.isInteger(scalar as number) || !Number.isFinite(scalar as number)) {
    if (!Number.isFinite(scalar as number)) return 'float64';
    return kind === 'bool' ? 'int32' : dtype;
  }
  return 'float64';
}

export function canCastSafely(from: DType, to: DType): boolean {
  if (!isDType(from) || !isDType(to)) return false;
  return promotePair(from, to) === to;
}
