import {
  type ArrayNamespace,
  canCast as hostCanCast,
  type DType,
  type DTypeKindName,
  finfo as hostFinfo,
  iinfo as hostIinfo,
  isdtype as hostIsdtype,
  type NamespaceInfo,
} from '@sciport/array-api';
import { checkBoolean, checkCount, diffAxis, isScalarInput, readOptions, STANDARD_CONSTANTS } from '@sciport/array-api/kit';
import { InvalidArgumentError, NotSupportedError } from '@sciport/dispatch-core';
import { requireContext } from '../device/provider.js';
import { checkGPUDType, GPU_DTYPES, type GPUDType, isGPUDType, promoteTypes } from '../dtypes.js';
import { type GPUArray, isGPUArray } from '../gpu-array.js';
import { toDevice } from '../host-interop.js';
import { astypeGPU, copyAs } from './convert.js';
import { checkArray, type ScalarInput } from './core.js';
import * as creation from './creation.js';
import { binary, clip, unary, where } from './elementwise.js';
import { matmul, tensordot, vecdot } from './linalg.js';
import * as manip from './manipulation.js';
import * as red from './reductions.js';

/**
 * The Array API namespace on GPU arrays (`arrayNamespace(x)` for a GPUArray). Functions
 * whose result shape depends on the data (nonzero, unique…) and sorting/scans are not
 * on the GPU: they throw NotSupportedError saying to read the data back first.
 */

/** asarray's upload of host data. */
function upload(x: unknown, dtype?: GPUDType): GPUArray {
  return toDevice(x as never, dtype === undefined ? {} : { dtype });
}

/**
 * A function of the namespace that GPU arrays do not have. Its options are still checked
 * (a misspelt key is reported as such); the error names the array it cannot take.
 */
function notOnGPU(name: string, keys: readonly string[], optionsAt: number) {
  return (...args: unknown[]): never => {
    checkArray(args[0]);
    readOptions(args[optionsAt] as object | undefined, keys, name);
    throw new NotSupportedError(`${name} is not available on GPU arrays (its result shape or algorithm depends on the data).`, {
      argument: 'x',
      hint: `Read the data back with \`await x.toHost()\` and use the host namespace, or upload the result again with toDevice().`,
    });
  };
}

function dtypeOf(v: unknown): string {
  return isGPUArray(v) ? v.dtype : (v as string);
}

const FLOAT16_FINFO = { bits: 16, eps: 2 ** -10, max: 65504, min: -65504, smallestNormal: 2 ** -14, dtype: 'float16' as DType };

const info: NamespaceInfo = {
  capabilities: () => ({ 'boolean indexing': false, 'data-dependent shapes': false, 'max dimensions': null }),
  defaultDevice: () => 'webgpu',
  defaultDtypes: (options) => {
    readOptions(options, ['device'], 'defaultDtypes');
    return { 'real floating': 'float32', 'complex floating': 'complex64', integral: 'int32', indexing: 'int32' };
  },
  devices: () => ['webgpu'],
  dtypes: (options) => {
    options = readOptions(options, ['device', 'kind'], 'dtypes');
    const kinds = options?.kind === undefined ? undefined : Array.isArray(options.kind) ? options.kind : [options.kind];
    let f16 = false;
    try {
      f16 = requireContext().info.shaderF16;
    } catch {
      f16 = false;
    }
    const out: Record<string, DType> = {};
    for (const d of GPU_DTYPES) {
      if (d === 'float16' && !f16) continue;
      const hostName = (d === 'float16' ? 'float32' : d) as DType;
      if (kinds === undefined || hostIsdtype(hostName, kinds as DTypeKindName[])) out[d] = d as DType;
    }
    return out;
  },
};

function diff(x: GPUArray, options?: { axis?: number; n?: number; prepend?: GPUArray | ScalarInput; append?: GPUArray | ScalarInput }): GPUArray {
  options = readOptions(options, ['axis', 'n', 'prepend', 'append'], 'diff');
  const a = checkArray(x);
  const axis = diffAxis(a.ndim, options?.axis);
  const n = checkCount(options?.n ?? 1, 'n');
  const pieces: GPUArray[] = [];
  const temps: GPUArray[] = [];
  const asPiece = (v: GPUArray | ScalarInput, argument: string) => {
    if (!isScalarInput(v)) return checkArray(v, argument);
    const shape = [...a.shape];
    shape[axis] = 1;
    const p = creation.full(shape, v, { dtype: a.dtype });
    temps.push(p);
    return p;
  };
  if (options?.prepend !== undefined) pieces.push(asPiece(options.prepend, 'prepend'));
  pieces.push(a);
  if (options?.append !== undefined) pieces.push(asPiece(options.append, 'append'));
  let cur = pieces.length > 1 ? manip.concat(pieces, { axis }) : copyAs(a);
  for (const t of temps) t.dispose();
  const subtract = binary('subtract');
  for (let k = 0; k < n; k++) {
    const len = cur.shape[axis];
    if (len === 0) break;
    const hi = manip.sliceAxis(cur, axis, 1, len);
    const lo = manip.sliceAxis(cur, axis, 0, len - 1);
    const next = cur.dtype === 'bool' ? binary('notEqual')(hi, lo) : subtract(hi, lo);
    for (const t of [hi, lo, cur]) t.dispose();
    cur = next;
  }
  return cur;
}

export const gpuNamespace: ArrayNamespace<GPUArray> = {
  kind: 'gpu',
  ...STANDARD_CONSTANTS,

  // creation
  asarray: (obj, options) => {
    options = readOptions(options, ['dtype', 'shape', 'copy', 'device'], 'asarray');
    if (options?.shape !== undefined && !isGPUArray(obj)) {
      throw new InvalidArgumentError('The GPU asarray takes no shape for host data.', {
        argument: 'shape',
        hint: 'Build the host array with asarray(data, { shape }) from @sciport/array-api, then toDevice() it.',
      });
    }
    return creation.asarrayGPU(obj, options, upload);
  },
  arange: creation.arange,
  empty: creation.empty,
  emptyLike: creation.emptyLike,
  eye: creation.eye,
  full: creation.full,
  fullLike: creation.fullLike,
  linspace: creation.linspace,
  meshgrid: creation.meshgrid as ArrayNamespace<GPUArray>['meshgrid'],
  ones: creation.ones,
  onesLike: creation.onesLike,
  tril: (x, options) => creation.triangle(x, false, options),
  triu: (x, options) => creation.triangle(x, true, options),
  zeros: creation.zeros,
  zerosLike: creation.zerosLike,

  // data types
  astype: (x, dtype, options) => {
    options = readOptions(options, ['copy', 'device'], 'astype');
    const a = checkArray(x);
    const d = checkGPUDType(dtype);
    if (d === a.dtype && checkBoolean(options?.copy, 'copy', true) === false) return a;
    return astypeGPU(a, d);
  },
  canCast: (from, to) => {
    const f = dtypeOf(from);
    if (f === 'float16') return to === 'float32' || to === 'complex64' || (to as string) === 'float16';
    return hostCanCast(f as DType, to);
  },
  finfo: (type) => (dtypeOf(type) === 'float16' ? FLOAT16_FINFO : hostFinfo(dtypeOf(type) as DType)),
  iinfo: (type) => hostIinfo(dtypeOf(type) as DType),
  isdtype: (dtype, kind) => hostIsdtype(((dtype as string) === 'float16' ? 'float32' : dtype) as DType, kind),
  resultType: (...items) => {
    let out: GPUDType | undefined;
    for (const item of items) {
      let d: GPUDType | undefined;
      if (isGPUArray(item)) d = item.dtype;
      else if (typeof item === 'string') d = checkGPUDType(item, 'arraysAndDtypes');
      else continue; // scalars take the arrays' dtype
      out = out === undefined ? d : promoteTypes(out, d);
    }
    if (out === undefined) {
      throw new InvalidArgumentError('resultType needs at least one array or dtype.', { argument: 'arraysAndDtypes' });
    }
    return out as DType;
  },

  // elementwise
  abs: unary('abs'),
  acos: unary('acos'),
  acosh: unary('acosh'),
  add: binary('add'),
  asin: unary('asin'),
  asinh: unary('asinh'),
  atan: unary('atan'),
  atan2: binary('atan2'),
  atanh: unary('atanh'),
  bitwiseAnd: binary('bitwiseAnd'),
  bitwiseLeftShift: binary('bitwiseLeftShift'),
  bitwiseInvert: unary('bitwiseInvert'),
  bitwiseOr: binary('bitwiseOr'),
  bitwiseRightShift: binary('bitwiseRightShift'),
  bitwiseXor: binary('bitwiseXor'),
  ceil: unary('ceil'),
  clip,
  conj: unary('conj'),
  copysign: binary('copysign'),
  cos: unary('cos'),
  cosh: unary('cosh'),
  divide: binary('divide'),
  equal: binary('equal'),
  exp: unary('exp'),
  expm1: unary('expm1'),
  floor: unary('floor'),
  floorDivide: binary('floorDivide'),
  greater: binary('greater'),
  greaterEqual: binary('greaterEqual'),
  hypot: binary('hypot'),
  imag: unary('imag'),
  isfinite: unary('isfinite'),
  isinf: unary('isinf'),
  isnan: unary('isnan'),
  less: binary('less'),
  lessEqual: binary('lessEqual'),
  log: unary('log'),
  log1p: unary('log1p'),
  log2: unary('log2'),
  log10: unary('log10'),
  logaddexp: binary('logaddexp'),
  logicalAnd: binary('logicalAnd'),
  logicalNot: unary('logicalNot'),
  logicalOr: binary('logicalOr'),
  logicalXor: binary('logicalXor'),
  maximum: binary('maximum'),
  minimum: binary('minimum'),
  multiply: binary('multiply'),
  negative: unary('negative'),
  nextafter: binary('nextafter'),
  notEqual: binary('notEqual'),
  positive: unary('positive'),
  pow: binary('pow'),
  real: unary('real'),
  reciprocal: unary('reciprocal'),
  remainder: binary('remainder'),
  round: unary('round'),
  sign: unary('sign'),
  signbit: unary('signbit'),
  sin: unary('sin'),
  sinh: unary('sinh'),
  square: unary('square'),
  sqrt: unary('sqrt'),
  subtract: binary('subtract'),
  tan: unary('tan'),
  tanh: unary('tanh'),
  trunc: unary('trunc'),

  // indexing
  take: notOnGPU('take', ['axis'], 2),
  takeAlongAxis: notOnGPU('takeAlongAxis', ['axis'], 2),

  arrayNamespaceInfo: () => info,

  // linear algebra
  matmul,
  matrixTranspose: manip.matrixTranspose,
  tensordot,
  vecdot,

  // manipulation
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

  // searching
  argmax: notOnGPU('argmax', ['axis', 'keepdims'], 1),
  argmin: notOnGPU('argmin', ['axis', 'keepdims'], 1),
  countNonzero: red.countNonzero,
  nonzero: notOnGPU('nonzero', [], 1),
  searchsorted: notOnGPU('searchsorted', ['side', 'sorter'], 2),
  where,

  // sets
  uniqueAll: notOnGPU('uniqueAll', [], 1),
  uniqueCounts: notOnGPU('uniqueCounts', [], 1),
  uniqueInverse: notOnGPU('uniqueInverse', [], 1),
  uniqueValues: notOnGPU('uniqueValues', [], 1),

  // sorting
  argsort: notOnGPU('argsort', ['axis', 'descending', 'stable'], 1),
  sort: notOnGPU('sort', ['axis', 'descending', 'stable'], 1),

  // statistical
  cumulativeProd: notOnGPU('cumulativeProd', ['axis', 'dtype', 'includeInitial'], 1),
  cumulativeSum: notOnGPU('cumulativeSum', ['axis', 'dtype', 'includeInitial'], 1),
  max: red.max,
  mean: red.mean,
  min: red.min,
  prod: red.prod,
  std: red.std,
  sum: red.sum,
  var: red.variance,

  // utility
  all: red.all,
  any: red.any,
  diff,
};

/** Functions of the namespace that throw NotSupportedError on GPU arrays. */
export const NOT_ON_GPU: readonly string[] = [
  'take',
  'takeAlongAxis',
  'argmax',
  'argmin',
  'nonzero',
  'searchsorted',
  'uniqueAll',
  'uniqueCounts',
  'uniqueInverse',
  'uniqueValues',
  'argsort',
  'sort',
  'cumulativeProd',
  'cumulativeSum',
];

export { isGPUDType };
