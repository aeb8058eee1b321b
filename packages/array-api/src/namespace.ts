/**
 * The host `ArrayNamespace` (CPU, NDArray) and `arrayNamespace(...xs)`, the namespace
 * protocol: each array kind exposes `[Symbol.for('sciport.namespace')]()`; inputs
 * without a brand (nested arrays, TypedArrays, scijs/stdlib ndarrays) are host arrays.
 */
import { arrayKind, InvalidArgumentError, NAMESPACE_KEY, NamespaceMismatchError } from '@sciport/dispatch-core';
import { asarray } from './asarray.js';
import * as creation from './creation.js';
import { astype, canCast, finfo, iinfo, isdtype, resultType } from './dtype-functions.js';
import { DEFAULT_COMPLEX, DEFAULT_FLOAT, DEFAULT_INDEX, DEFAULT_INT, DTYPES, type DType, dtypeInfo } from './dtypes.js';
import * as ew from './elementwise.js';
import type { ArrayOf } from './kinds.js';
import { matmul, tensordot, vecdot } from './linalg.js';
import { MAX_NDIM } from './layout.js';
import * as manip from './manipulation.js';
import type { ArrayNamespace, DTypeKindName, NamespaceInfo } from './namespace-types.js';
import type { NDArray } from './ndarray.js';
import { readOptions } from './options.js';
import * as red from './reductions.js';
import { nonzero, searchsorted, where } from './searching.js';
import { uniqueAll, uniqueCounts, uniqueInverse, uniqueValues } from './sets.js';
import { argsort, sort } from './sorting.js';
import { clip, diff } from './utility.js';
import { STANDARD_CONSTANTS } from './kit/constants.js';

const info: NamespaceInfo = {
  capabilities: () => ({ 'boolean indexing': false, 'data-dependent shapes': true, 'max dimensions': MAX_NDIM }),
  defaultDevice: () => 'cpu',
  defaultDtypes: (options) => {
    readOptions(options, ['device'], 'defaultDtypes');
    return {
    'real floating': DEFAULT_FLOAT,
    'complex floating': DEFAULT_COMPLEX,
    integral: DEFAULT_INT,
    indexing: DEFAULT_INDEX,
    };
  },
  devices: () => ['cpu'],
  dtypes: (options) => {
    options = readOptions(options, ['device', 'kind'], 'dtypes');
    const out: Record<string, DType> = {};
    const kinds = options?.kind === undefined ? undefined : Array.isArray(options.kind) ? options.kind : [options.kind];
    for (const d of DTYPES) {
      if (kinds === undefined || isdtype(d, kinds as DTypeKindName[])) out[d] = d;
    }
    return out;
  },
};

/** The host namespace: the Array API standard on `NDArray`. */
export const hostNamespace: ArrayNamespace<NDArray> = {
  kind: 'host',
  ...STANDARD_CONSTANTS,

  asarray: (obj, options) => asarray(obj, options),
  arange: creation.arange,
  empty: creation.empty,
  emptyLike: creation.emptyLike,
  eye: creation.eye,
  full: creation.full,
  fullLike: creation.fullLike,
  linspace: creation.linspace,
  meshgrid: creation.meshgrid as ArrayNamespace<NDArray>['meshgrid'],
  ones: creation.ones,
  onesLike: creation.onesLike,
  tril: creation.tril,
  triu: creation.triu,
  zeros: creation.zeros,
  zerosLike: creation.zerosLike,

  astype,
  canCast,
  finfo,
  iinfo,
  isdtype,
  resultType,

  abs: ew.abs,
  acos: ew.acos,
  acosh: ew.acosh,
  add: ew.add,
  asin: ew.asin,
  asinh: ew.asinh,
  atan: ew.atan,
  atan2: ew.atan2,
  atanh: ew.atanh,
  bitwiseAnd: ew.bitwiseAnd,
  bitwiseLeftShift: ew.bitwiseLeftShift,
  bitwiseInvert: ew.bitwiseInvert,
  bitwiseOr: ew.bitwiseOr,
  bitwiseRightShift: ew.bitwiseRightShift,
  bitwiseXor: ew.bitwiseXor,
  ceil: ew.ceil,
  clip,
  conj: ew.conj,
  copysign: ew.copysign,
  cos: ew.cos,
  cosh: ew.cosh,
  divide: ew.divide,
  equal: ew.equal,
  exp: ew.exp,
  expm1: ew.expm1,
  floor: ew.floor,
  floorDivide: ew.floorDivide,
  greater: ew.greater,
  greaterEqual: ew.greaterEqual,
  hypot: ew.hypot,
  imag: ew.imag,
  isfinite: ew.isfinite,
  isinf: ew.isinf,
  isnan: ew.isnan,
  less: ew.less,
  lessEqual: ew.lessEqual,
  log: ew.log,
  log1p: ew.log1p,
  log2: ew.log2,
  log10: ew.log10,
  logaddexp: ew.logaddexp,
  logicalAnd: ew.logicalAnd,
  logicalNot: ew.logicalNot,
  logicalOr: ew.logicalOr,
  logicalXor: ew.logicalXor,
  maximum: ew.maximum,
  minimum: ew.minimum,
  multiply: ew.multiply,
  negative: ew.negative,
  nextafter: ew.nextafter,
  notEqual: ew.notEqual,
  positive: ew.positive,
  pow: ew.pow,
  real: ew.real,
  reciprocal: ew.reciprocal,
  remainder: ew.remainder,
  round: ew.round,
  sign: ew.sign,
  signbit: ew.signbit,
  sin: ew.sin,
  sinh: ew.sinh,
  square: ew.square,
  sqrt: ew.sqrt,
  subtract: ew.subtract,
  tan: ew.tan,
  tanh: ew.tanh,
  trunc: ew.trunc,

  take: manip.take,
  takeAlongAxis: manip.takeAlongAxis,

  arrayNamespaceInfo: () => info,

  matmul,
  matrixTranspose: manip.matrixTranspose,
  tensordot,
  vecdot,

  broadcastArrays: manip.broadcastArrays,
  broadcastTo: manip.broadcastTo,
  concat: manip.concat,
  expandDims: manip.expandDims,
  flip: manip.flip,
  moveaxis: manip.moveaxis,
  permuteDims: manip.permuteDims,
  repeat: manip.repeat,
  reshape: manip.reshape,
  roll: manip.roll,
  squeeze: manip.squeeze,
  stack: manip.stack,
  tile: manip.tile,
  unstack: manip.unstack,

  argmax: red.argmax,
  argmin: red.argmin,
  countNonzero: red.countNonzero,
  nonzero,
  searchsorted,
  where,

  uniqueAll,
  uniqueCounts,
  uniqueInverse,
  uniqueValues,

  argsort,
  sort,

  cumulativeProd: red.cumulativeProd,
  cumulativeSum: red.cumulativeSum,
  max: red.max,
  mean: red.mean,
  min: red.min,
  prod: red.prod,
  std: red.std,
  sum: red.sum,
  var: red.variance,

  all: red.all,
  any: red.any,
  diff,
};

/**
 * The common namespace of the given arrays (the standard's `array_namespace`). Inputs
 * without a brand belong to the host namespace; mixing kinds (e.g. host and gpu) throws
 * `NamespaceMismatchError`.
 */
export function arrayNamespace<X extends unknown[]>(...xs: X): ArrayNamespace<ArrayOf<X[number]>> {
  let found: ArrayNamespace<unknown> | undefined;
  let foundKind: string | undefined;
  let foundIndex = -1;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (x === undefined || x === null || typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') continue;
    const kind = arrayKind(x) ?? 'host';
    if (foundKind !== undefined && kind !== foundKind) {
      throw new NamespaceMismatchError(
        `Arrays of different kinds were mixed: argument ${foundIndex} is '${foundKind}', argument ${i} is '${kind}'.`,
        {
          argument: `xs[${i}]`,
          hint: kind === 'host' || foundKind === 'host'
            ? 'Move the host data to the device first (e.g. the device namespace\'s asarray), or bring the device array back with `await x.toHost()`.'
            : 'Convert every array to one kind before combining them.',
        },
      );
    }
    if (found === undefined) {
      const getter = (x as { [NAMESPACE_KEY]?: unknown })[NAMESPACE_KEY];
      if (typeof getter === 'function') found = getter.call(x) as ArrayNamespace<unknown>;
      else if (kind !== 'host') {
        throw new InvalidArgumentError(`Argument ${i} is branded '${kind}' but has no [Symbol.for('sciport.namespace')]() method.`, {
          argument: `xs[${i}]`,
          hint: 'Array kinds must implement the namespace protocol.',
        });
      }
    }
    foundKind = kind;
    if (foundIndex < 0) foundIndex = i;
  }
  return (found ?? hostNamespace) as ArrayNamespace<ArrayOf<X[number]>>;
}

/** Is `dtype` one whose storage holds bigints? (re-exported for backends) */
export function storesBigInt(dtype: DType): boolean {
  return dtypeInfo(dtype).isBigInt;
}
