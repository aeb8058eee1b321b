/**
 * @sciport/array-api — the host NDArray, dtypes, and the Array API standard namespace.
 *
 * @packageDocumentation
 */
// Installs slice/assign/the namespace getter on NDArray.prototype (see ndarray-methods.ts).
import './ndarray-methods.js';

export {
  ARRAY_BRAND,
  DtypeError,
  InvalidArgumentError,
  NAMESPACE_KEY,
  NamespaceMismatchError,
  NotSupportedError,
  SciportError,
  ShapeError,
  arrayKind,
} from '@sciport/dispatch-core';
export { type ArrayInput, type AsarrayOptions, type ComplexLike, asarray, isNDArray } from './asarray.js';
export { broadcastShapes } from './broadcasting.js';
export { broadcastArrays, broadcastTo } from './manipulation.js';
export { castCopy } from './cast.js';
export * from './creation.js';
export { astype, canCast, finfo, iinfo, isdtype, resultType } from './dtype-functions.js';
export {
  DEFAULT_COMPLEX,
  DEFAULT_FLOAT,
  DEFAULT_INDEX,
  DEFAULT_INT,
  DTYPES,
  type DType,
  type DTypeInfo,
  type DTypeKind,
  type TypedArray,
  allocate,
  complexDtypeOf,
  dtypeInfo,
  dtypeOfTypedArray,
  isBigIntDtype,
  isComplexDtype,
  isDType,
  isFloatingDtype,
  isIntegerDtype,
  isRealFloatingDtype,
  MAX_SIZE,
  realDtypeOf,
} from './dtypes.js';
export * from './elementwise.js';
export { type IndexSpec, type Slice, slice } from './slice-spec.js';
export type { ArrayKindMap, ArrayOf, DeferredKindMap, SummaryArray, SummaryOf } from './kinds.js';
export { checkAllocatable, cStrides, isCContiguous, MAX_NDIM, normalizeAxes, normalizeAxis, shapeSize } from './layout.js';
export { packedMap } from './packed-map.js';
export { matmul, tensordot, vecdot } from './linalg.js';
export {
  concat,
  expandDims,
  flip,
  matrixTranspose,
  moveaxis,
  permuteDims,
  repeat,
  reshape,
  roll,
  squeeze,
  stack,
  take,
  takeAlongAxis,
  tile,
  unstack,
} from './manipulation.js';
export { arrayNamespace, hostNamespace } from './namespace.js';
export { readOptions } from './options.js';
export type * from './namespace-types.js';
export { ascontiguous, NDArray, type NestedArray, type Scalar } from './ndarray.js';
export { promoteTypes } from './promotion.js';
export {
  all,
  any,
  argmax,
  argmin,
  countNonzero,
  cumulativeProd,
  cumulativeSum,
  max,
  mean,
  min,
  prod,
  std,
  sum,
  variance,
} from './reductions.js';
export { nonzero, searchsorted, where } from './searching.js';
export { uniqueAll, uniqueCounts, uniqueInverse, uniqueValues } from './sets.js';
export { argsort, sort } from './sorting.js';
export { clip, diff } from './utility.js';
