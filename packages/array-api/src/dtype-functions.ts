/** Data type functions of the Array API standard: astype, canCast, finfo, iinfo, isdtype, resultType. */
import { DtypeError } from '@sciport/dispatch-core';
import { castCopy } from './cast.js';
import { checkDType, type DType, dtypeInfo, isDType } from './dtypes.js';
import { toNDArray } from './kernels.js';
import { isScalarInput } from './kit/scalar-or-array.js';
import { describe } from './layout.js';
import type { AstypeOptions, DTypeKindName, FInfo, IInfo, ScalarInput } from './namespace-types.js';
import { NDArray } from './ndarray.js';
import { canCastSafely, resultDtype, scalarResultType } from './promotion.js';
import { checkBoolean, readOptions } from './options.js';
import { checkDtypeKinds } from './kit/dtype-kinds.js';

export function astype(x: NDArray, dtype: DType, options?: AstypeOptions): NDArray {
  options = readOptions(options, ['copy', 'device'], 'astype');
  const a = toNDArray(x);
  const d = checkDType(dtype);
  const copy = checkBoolean(options.copy, 'copy', true);
  if (d === a.dtype && !copy) return a;
  return castCopy(a, d);
}

function dtypeOfArg(v: unknown, argument: string): DType {
  if (isDType(v)) return v;
  if (v instanceof NDArray) return v.dtype;
  if (v !== null && typeof v === 'object' && isDType((v as { dtype?: unknown }).dtype)) return (v as { dtype: DType }).dtype;
  throw new DtypeError(`'${argument}' must be a dtype name or an array, got ${describe(v)}.`, {
    argument,
    hint: "E.g. 'float64'.",
  });
}

export function canCast(from: DType | NDArray, to: DType): boolean {
  return canCastSafely(dtypeOfArg(from, 'from'), checkDType(to, 'to'));
}

const F32_EPS = 2 ** -23;
export function finfo(type: DType | NDArray): FInfo {
  const d = dtypeOfArg(type, 'type');
  const k = dtypeInfo(d).kind;
  if (k !== 'real floating' && k !== 'complex floating') {
    throw new DtypeError(`finfo needs a floating dtype, got ${d}.`, { argument: 'type', hint: 'Use iinfo for integer dtypes.' });
  }
  const single = d === 'float32' || d === 'complex64';
  return single
    ? { bits: 32, eps: F32_EPS, max: 3.4028234663852886e38, min: -3.4028234663852886e38, smallestNormal: 2 ** -126, dtype: 'float32' }
    : {
        bits: 64,
        eps: Number.EPSILON,
        max: Number.MAX_VALUE,
        min: -Number.MAX_VALUE,
        smallestNormal: 2 ** -1022,
        dtype: 'float64',
      };
}

export function iinfo(type: DType | NDArray): IInfo {
  const d = dtypeOfArg(type, 'type');
  const info = dtypeInfo(d);
  if (info.kind !== 'signed integer' && info.kind !== 'unsigned integer') {
    throw new DtypeError(`iinfo needs an integer dtype, got ${d}.`, { argument: 'type', hint: 'Use finfo for floating dtypes.' });
  }
  const bits = info.itemsize * 8;
  if (info.isBigInt) {
    return info.kind === 'signed integer'
      ? { bits, min: -(2n ** 63n), max: 2n ** 63n - 1n, dtype: d }
      : { bits, min: 0n, max: 2n ** 64n - 1n, dtype: d };
  }
  return info.kind === 'signed integer'
    ? { bits, min: -(2 ** (bits - 1)), max: 2 ** (bits - 1) - 1, dtype: d }
    : { bits, min: 0, max: 2 ** bits - 1, dtype: d };
}

export function isdtype(dtype: DType, kind: DType | DTypeKindName | readonly (DType | DTypeKindName)[]): boolean {
  const d = checkDType(dtype);
  const kinds = checkDtypeKinds(kind);
  const k = dtypeInfo(d).kind;
  for (const want of kinds) {
    if (isDType(want)) {
      if (want === d) return true;
      continue;
    }
    if (want === k) return true;
    if (want === 'integral' && (k === 'signed integer' || k === 'unsigned integer')) return true;
    if (want === 'numeric' && k !== 'bool') return true;
  }
  return false;
}

export function resultType(...arraysAndDtypes: (NDArray | DType | ScalarInput)[]): DType {
  const dtypes: DType[] = [];
  const scalars: ScalarInput[] = [];
  arraysAndDtypes.forEach((v, i) => {
    if (isScalarInput(v)) scalars.push(v);
    else dtypes.push(dtypeOfArg(v, `arraysAndDtypes[${i}]`));
  });
  if (dtypes.length === 0) {
    throw new DtypeError('resultType needs at least one array or dtype (scalars alone carry no dtype).', {
      argument: 'arraysAndDtypes',
      hint: 'Add an array or a dtype name.',
    });
  }
  let d = resultDtype(dtypes);
  for (const s of scalars) d = scalarResultType(d, s);
  return d;
}
