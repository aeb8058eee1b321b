/**
 * `asarray`: the interchange entry point. Accepts NDArray (also from another copy of
 * this package), nested JS arrays, TypedArrays (+ `shape`; complex interleaved), scijs
 * `ndarray` and `@stdlib/ndarray` objects, and JS scalars.
 */
import {
  arrayKind,
  DtypeError,
  InvalidArgumentError,
  NamespaceMismatchError,
  ShapeError,
} from '@sciport/dispatch-core';
import { toBigInt, castCopy } from './cast.js';
import {
  allocate,
  checkDType,
  type DType,
  dtypeInfo,
  dtypeOfTypedArray,
  isComplexDtype,
  isIntegerDtype,
  type TypedArray,
} from './dtypes.js';
import { checkIntegerFits } from './integer-range.js';
import { checkShape, cStrides, describe, MAX_NDIM, shapeSize, shapeToString } from './layout.js';
import { checkArrayParts, checkOffset, checkReach, checkStrides } from './layout-check.js';
import { NDArray, trustedArray } from './ndarray.js';
import { checkBoolean, readOptions } from './options.js';
import { isTypedArray, ownRealmView, typedArrayTag } from './typed-arrays.js';

/** A complex scalar as an object (accepted in nested input alongside [re, im] pairs). */
export interface ComplexLike {
  re: number;
  im: number;
}

/** Anything `asarray` takes. */
export type ArrayInput =
  | NDArray
  | TypedArray
  | readonly unknown[]
  | number
  | bigint
  | boolean
  | ComplexLike
  | { data: unknown; shape: readonly number[]; stride: readonly number[]; offset: number }
  | { data: unknown; shape: readonly number[]; strides: readonly number[]; offset: number };

export interface AsarrayOptions {
  /** Result dtype; inferred from the input when omitted. */
  dtype?: DType;
  /** Shape for flat input (TypedArray or flat JS array); must match its element count. */
  shape?: readonly number[] | number;
  /** `true` always copies; `false` never copies (error if it must); default copies only when needed. */
  copy?: boolean;
  /** Accepted for API compatibility; host arrays live on the one device 'cpu'. */
  device?: unknown;
}

const ASARRAY_KEYS = ['dtype', 'shape', 'copy', 'device'];

/** Is `v` a host NDArray (possibly from another copy of this package)? */
export function isNDArray(v: unknown): v is NDArray {
  return v instanceof NDArray || (arrayKind(v) === 'host' && typeof (v as NDArray).dtype === 'string');
}

function finish(x: NDArray, options: AsarrayOptions, mayAlias: boolean): NDArray {
  const dtype = options.dtype === undefined ? x.dtype : checkDType(options.dtype);
  if (options.copy === false && (dtype !== x.dtype || !mayAlias)) {
    throw new InvalidArgumentError(`asarray(..., { copy: false }) cannot avoid a copy here (${x.dtype} → ${dtype}).`, {
      argument: 'copy',
      hint: 'Leave copy unset to allow a copy.',
    });
  }
  if (dtype !== x.dtype || options.copy === true) return castCopy(x, dtype);
  return x;
}

function reshapeFlat(x: NDArray, shape: readonly number[] | number | undefined): NDArray {
  if (shape === undefined) return x;
  const s = checkShape(shape, 'shape');
  if (shapeSize(s) !== x.size) {
    throw new ShapeError(`'shape' ${shapeToString(s)} holds ${shapeSize(s)} elements but the data has ${x.size}.`, {
      argument: 'shape',
      hint: 'Give a shape whose product equals the number of elements.',
    });
  }
  return trustedArray(x.data, s, x.dtype, cStrides(s), x.offset);
}

export function asarray(values: unknown, options?: AsarrayOptions): NDArray {
  return convert(values, readAsarrayOptions(options));
}

function readAsarrayOptions(raw: AsarrayOptions | undefined): AsarrayOptions {
  const options = readOptions(raw, ASARRAY_KEYS, 'asarray');
  if (options.dtype !== undefined) checkDType(options.dtype);
  // The standard's copy=None is the default.
  if ((options.copy as unknown) !== null) checkBoolean(options.copy, 'copy', false);
  return options;
}

function convert(values: unknown, options: AsarrayOptions): NDArray {
  if (values instanceof NDArray) {
    if (options.shape !== undefined) {
      throw new InvalidArgumentError("'shape' applies only to flat input (TypedArray or flat JS array).", {
        argument: 'shape',
        hint: 'Use reshape(x, shape) for an existing array.',
      });
    }
    return finish(values, options, true);
  }
  const kind = arrayKind(values);
  if (kind !== undefined && kind !== 'host') {
    throw new NamespaceMismatchError(`asarray got a '${kind}' array; host arrays cannot read device data synchronously.`, {
      argument: 'values',
      hint: "Use `await x.toHost()` (or the array's own namespace via arrayNamespace(x)).",
    });
  }
  if (kind === 'host') return finish(fromForeignHost(values as NDArray), options, true);
  if (isTypedArray(values)) return fromTypedArray(values, options);
  if (values !== null && typeof values === 'object' && !Array.isArray(values) && 'data' in values && 'shape' in values) {
    const x = fromDuckNdarray(values as Record<string, unknown>);
    return finish(x, options, true);
  }
  return fromNested(values, options);
}

/** An NDArray of another copy of this package: checked like any array from outside. */
function fromForeignHost(v: NDArray): NDArray {
  const p = checkArrayParts(v, 'values');
  return trustedArray(p.data, p.shape, p.dtype, p.stride, p.offset);
}

function fromTypedArray(values: TypedArray, options: AsarrayOptions): NDArray {
  const data = ownRealmView(values, 'values');
  const natural = dtypeOfTypedArray(data) as DType;
  const dtype = options.dtype ?? natural;
  if (isComplexDtype(dtype) && (natural === 'float64' || natural === 'float32')) {
    // Interleaved (re, im) storage of a complex array.
    if (data.length % 2 !== 0) {
      throw new ShapeError(`Interleaved complex data must have an even length, got ${data.length}.`, {
        argument: 'values',
        hint: 'Store each element as re, im.',
      });
    }
    const x = reshapeFlat(trustedArray(data, [data.length / 2], natural === 'float64' ? 'complex128' : 'complex64'), options.shape);
    return finish(x, { ...options, dtype }, true);
  }
  checkShape([data.length], 'values');
  // A Uint8Array for dtype 'bool' is copied so that every byte is normalised to 0/1.
  const x = reshapeFlat(trustedArray(data, [data.length], natural), options.shape);
  return finish(x, { ...options, dtype }, true);
}

/**
 * scijs ndarray (`stride`) or @stdlib/ndarray (`strides`) duck types: checked once here
 * (integer offset and strides, every reachable element inside the data), then wrapped
 * without a copy (TypedArray storage) or gathered into float64/bool (JS array storage).
 */
function fromDuckNdarray(v: Record<string, unknown>): NDArray {
  const shape = checkShape(v.shape, 'values.shape');
  const stride = checkStrides(v.stride ?? v.strides, shape.length, 'values.stride');
  // scijs and stdlib always set `offset`; a hand-made object may leave it out.
  const offset = v.offset === undefined ? 0 : checkOffset(v.offset, 'values.offset');
  const data = v.data;
  const declared = typeof v.dtype === 'string' ? v.dtype : String(v.dtype ?? '');
  if ((declared === 'complex128' || declared === 'complex64') && !isTypedArray(data)) {
    // stdlib Complex128Array/Complex64Array: reinterpret the interleaved buffer.
    const storage = complexStorage(data, declared);
    const p = checkArrayParts({ data: storage, shape, stride, offset, dtype: declared }, 'values');
    return trustedArray(p.data, p.shape, p.dtype, p.stride, p.offset);
  }
  if (isTypedArray(data)) {
    let dtype = dtypeOfTypedArray(data) as DType;
    if (declared === 'bool' && typedArrayTag(data) === 'Uint8Array') dtype = 'bool';
    const p = checkArrayParts({ data, shape, stride, offset, dtype }, 'values');
    return trustedArray(p.data, p.shape, p.dtype, p.stride, p.offset);
  }
  if (Array.isArray(data)) return gatherGeneric(data, shape, stride, offset);
  throw new DtypeError(`ndarray-like input has unsupported storage ${describe(data)}.`, {
    argument: 'values.data',
    hint: 'Use TypedArray-backed ndarrays.',
  });
}

/**
 * The interleaved (re, im) floats of a stdlib Complex128Array/Complex64Array (its
 * `buffer`, `byteOffset` and `length` in complex elements), as a view of its memory.
 */
function complexStorage(data: unknown, dtype: 'complex128' | 'complex64'): TypedArray {
  const c = data as { buffer?: unknown; byteOffset?: unknown; length?: unknown } | null;
  const Ctor = dtype === 'complex128' ? Float64Array : Float32Array;
  const bytes = Ctor.BYTES_PER_ELEMENT;
  const tag = Object.prototype.toString.call(c?.buffer);
  if (
    c === null ||
    typeof c !== 'object' ||
    (tag !== '[object ArrayBuffer]' && tag !== '[object SharedArrayBuffer]') ||
    !Number.isSafeInteger(c.byteOffset) ||
    (c.byteOffset as number) % bytes !== 0 ||
    !Number.isSafeInteger(c.length)
  ) {
    throw new DtypeError(`ndarray-like input of dtype ${dtype} has unsupported storage ${describe(data)}.`, {
      argument: 'values.data',
      hint: 'Use a stdlib Complex128Array/Complex64Array, or a TypedArray-backed ndarray.',
    });
  }
  const buffer = c.buffer as ArrayBuffer;
  const whole = ownRealmView(new Ctor(buffer, 0, Math.floor(buffer.byteLength / bytes)), 'values.data');
  const start = (c.byteOffset as number) / bytes;
  // subarray clamps to the buffer: the reach check then sees only real memory.
  return whole.subarray(start, start + 2 * (c.length as number));
}

/**
 * 'generic'/'array' storage: the reachable elements gathered in C order into float64, or
 * bool when every one is a boolean. Anything but numbers and booleans is refused.
 */
function gatherGeneric(data: unknown[], shape: number[], stride: number[], offset: number): NDArray {
  checkReach(shape, stride, offset, data.length, 'values');
  const size = shapeSize(shape);
  const out = new Float64Array(size);
  let allBool = size > 0;
  const idx = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < size; k++) {
    let p = offset;
    for (let d = 0; d < shape.length; d++) p += idx[d] * stride[d];
    const value = data[p];
    if (typeof value === 'number') allBool = false;
    else if (typeof value !== 'boolean') {
      throw new DtypeError(`ndarray-like input has ${describe(value)} at data[${p}]; elements must be numbers or booleans.`, {
        argument: 'values.data',
        hint: 'Convert the values to numbers first.',
      });
    }
    out[k] = Number(value);
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  const x = trustedArray(out, shape, 'float64');
  return allBool ? castCopy(x, 'bool') : x;
}

// ---------------------------------------------------------------- nested JS arrays

type Leaf = 'number' | 'bigint' | 'boolean' | 'complex';

function isComplexLike(v: unknown): v is ComplexLike {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as ComplexLike).re === 'number' &&
    typeof (v as ComplexLike).im === 'number'
  );
}

function leafKind(v: unknown, path: string): Leaf {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'bigint') return 'bigint';
  if (isComplexLike(v)) return 'complex';
  throw new DtypeError(`asarray found ${describe(v)} at ${path}; elements must be numbers, bigints, booleans or {re, im}.`, {
    argument: 'values',
    hint: 'Convert the values to numbers first.',
  });
}

function fromNested(values: unknown, options: AsarrayOptions): NDArray {
  const wantComplex = options.dtype !== undefined && isComplexDtype(options.dtype);
  // An explicit integer dtype: scalars must fit it (complex leaves are refused below).
  const dtype = options.dtype;
  const checkInts = dtype !== undefined && isIntegerDtype(dtype);
  // Infer the nested shape from the first element at each depth.
  const shape: number[] = [];
  let probe: unknown = values;
  while (Array.isArray(probe)) {
    // The cap also ends self-containing arrays (a[0] = a) and keeps the walk's recursion shallow.
    if (shape.length === MAX_NDIM) {
      throw new ShapeError(`asarray input nests deeper than ${MAX_NDIM} levels.`, {
        argument: 'values',
        hint: `Arrays have at most ${MAX_NDIM} dimensions; check for an array that contains itself.`,
      });
    }
    shape.push(probe.length);
    checkShape(shape, 'values');
    if (probe.length === 0) break;
    probe = probe[0];
  }
  // With a complex dtype, innermost pairs [re, im] are complex elements (what toArray() returns),
  // unless `shape` says the pairs are real rows.
  let pairs = false;
  if (wantComplex && shape.length > 0 && shape[shape.length - 1] === 2 && typeof probe === 'number') {
    const target = options.shape === undefined ? undefined : checkShape(options.shape, 'shape');
    pairs = target === undefined || shapeSize(target) * 2 === shapeSize(shape);
    if (pairs) shape.pop();
  }
  const size = shapeSize(shape);
  const re = new Float64Array(size);
  let im: Float64Array | null = null;
  let big: bigint[] | null = null;
  const kinds = new Set<Leaf>();
  let k = 0;
  const walk = (v: unknown, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (pairs) {
        if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'number' || typeof v[1] !== 'number') {
          throw new ShapeError(`Ragged nested array: expected an [re, im] pair at ${path}, got ${describe(v)}.`, {
            argument: 'values',
            hint: 'Every innermost entry of complex input must be [re, im].',
          });
        }
        im ??= new Float64Array(size);
        re[k] = v[0];
        im[k] = v[1];
        kinds.add('complex');
        k++;
        return;
      }
      if (Array.isArray(v)) {
        throw new ShapeError(`Ragged nested array: ${path} is an array but its siblings are scalars.`, {
          argument: 'values',
          hint: 'All rows must have the same length and depth.',
        });
      }
      const kind = leafKind(v, path);
      kinds.add(kind);
      if (checkInts && kind !== 'complex') checkIntegerFits(v as number | bigint | boolean, dtype as DType, 'values', path);
      if (kind === 'number') re[k] = v as number;
      else if (kind === 'boolean') re[k] = v ? 1 : 0;
      else if (kind === 'bigint') {
        big ??= new Array<bigint>(size).fill(0n);
        big[k] = v as bigint;
        re[k] = Number(v);
      } else {
        im ??= new Float64Array(size);
        re[k] = (v as ComplexLike).re;
        im[k] = (v as ComplexLike).im;
      }
      k++;
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) {
      throw new ShapeError(
        `Ragged nested array: ${path} has ${Array.isArray(v) ? `length ${v.length}` : describe(v)}, expected length ${shape[depth]}.`,
        { argument: 'values', hint: 'All rows must have the same length and depth (pad or use separate arrays).' },
      );
    }
    for (let i = 0; i < v.length; i++) walk(v[i], depth + 1, `${path}[${i}]`);
  };
  walk(values, 0, 'values');

  let inferred: DType;
  if (kinds.has('complex')) inferred = 'complex128';
  else if (kinds.has('number')) inferred = 'float64';
  else if (kinds.has('bigint')) inferred = 'int64';
  else if (kinds.has('boolean')) inferred = 'bool';
  else inferred = 'float64';
  const outDtype = options.dtype ?? inferred;
  if (!isComplexDtype(outDtype) && im !== null) {
    throw new DtypeError(`Complex input cannot be stored as ${outDtype}.`, {
      argument: 'dtype',
      hint: "Use dtype 'complex128' or 'complex64'.",
    });
  }
  const info = dtypeInfo(outDtype);
  const data = allocate(outDtype, size);
  if (info.lanes === 2) {
    const d = data as Float64Array;
    for (let i = 0; i < size; i++) {
      d[2 * i] = re[i];
      d[2 * i + 1] = im === null ? 0 : (im as Float64Array)[i];
    }
  } else if (info.isBigInt) {
    const d = data as BigInt64Array;
    for (let i = 0; i < size; i++) d[i] = big !== null && (big as bigint[])[i] !== 0n ? (big as bigint[])[i] : toBigInt(re[i]);
  } else if (outDtype === 'bool') {
    for (let i = 0; i < size; i++) data[i] = re[i] !== 0 ? 1 : 0;
  } else {
    (data as Float64Array).set(re);
  }
  const x = trustedArray(data, shape, outDtype);
  if (options.shape !== undefined) {
    const target = checkShape(options.shape, 'shape');
    if (target.length !== shape.length || target.some((n, i) => n !== shape[i])) return reshapeFlat(x, target);
  }
  return x;
}

