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
  type TypedArray,
} from './dtypes.js';
import { checkShape, checkSize, cStrides, describe, shapeSize, shapeToString } from './layout.js';
import { NDArray } from './ndarray.js';

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
}

function isTypedArray(v: unknown): v is TypedArray {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

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
  return new NDArray(x.data, s, x.dtype, cStrides(s), x.offset);
}

export function asarray(values: unknown, options: AsarrayOptions = {}): NDArray {
  if (options.dtype !== undefined) checkDType(options.dtype);
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

function fromForeignHost(v: NDArray): NDArray {
  return new NDArray(v.data, [...v.shape], v.dtype, [...v.stride], v.offset);
}

function fromTypedArray(data: TypedArray, options: AsarrayOptions): NDArray {
  const natural = dtypeOfTypedArray(data);
  if (natural === undefined) {
    throw new DtypeError(`Unsupported TypedArray ${describe(data)}.`, {
      argument: 'values',
      hint: 'Use a Float64Array, Float32Array, Int32Array, … (one of the dtypes listed in DType).',
    });
  }
  const dtype = options.dtype ?? natural;
  const complex = isComplexDtype(dtype);
  if (complex && (data instanceof Float64Array || data instanceof Float32Array)) {
    // Interleaved (re, im) storage of a complex array.
    if (data.length % 2 !== 0) {
      throw new ShapeError(`Interleaved complex data must have an even length, got ${data.length}.`, {
        argument: 'values',
        hint: 'Store each element as re, im.',
      });
    }
    const x = reshapeFlat(new NDArray(data, [data.length / 2], data instanceof Float64Array ? 'complex128' : 'complex64'), options.shape);
    return finish(x, { ...options, dtype }, true);
  }
  checkSize(data.length, 'values');
  // A Uint8Array for dtype 'bool' is copied so that every byte is normalised to 0/1.
  const x = reshapeFlat(new NDArray(data, [data.length], natural), options.shape);
  return finish(x, { ...options, dtype }, true);
}

/** scijs ndarray (`stride`) or @stdlib/ndarray (`strides`) duck types. */
function fromDuckNdarray(v: Record<string, unknown>): NDArray {
  const shape = checkShape(v.shape, 'values.shape');
  const strideRaw = (v.stride ?? v.strides) as unknown;
  if (!Array.isArray(strideRaw) || strideRaw.length !== shape.length) {
    throw new ShapeError('ndarray-like input needs a `stride` (scijs) or `strides` (stdlib) array, one per dimension.', {
      argument: 'values',
      hint: 'Pass a scijs ndarray, a @stdlib/ndarray, or a TypedArray with { shape }.',
    });
  }
  const stride = strideRaw as number[];
  const offset = typeof v.offset === 'number' ? v.offset : 0;
  let data = v.data as unknown;
  const declared = typeof v.dtype === 'string' ? v.dtype : String(v.dtype ?? '');
  if ((declared === 'complex128' || declared === 'complex64') && data !== null && typeof data === 'object') {
    // stdlib Complex128Array/Complex64Array: reinterpret the interleaved buffer.
    const c = data as { buffer: ArrayBuffer; byteOffset: number; length: number };
    const Ctor = declared === 'complex128' ? Float64Array : Float32Array;
    return new NDArray(new Ctor(c.buffer, c.byteOffset, 2 * c.length), shape, declared, stride, offset);
  }
  if (isTypedArray(data)) {
    let dtype = dtypeOfTypedArray(data)!;
    if (declared === 'bool' && data instanceof Uint8Array) dtype = 'bool';
    return new NDArray(data, shape, dtype, stride, offset);
  }
  if (Array.isArray(data)) {
    // 'generic'/'array' storage: gather into float64 (or bool) in C order.
    const size = shapeSize(shape);
    const isBool = size > 0 && typeof data[offset] === 'boolean';
    data = data as unknown[];
    const out = new Float64Array(size);
    const strides = stride;
    const idx = new Array<number>(shape.length).fill(0);
    for (let k = 0; k < size; k++) {
      let p = offset;
      for (let d = 0; d < shape.length; d++) p += idx[d] * strides[d];
      out[k] = Number((data as unknown[])[p]);
      for (let d = shape.length - 1; d >= 0; d--) {
        if (++idx[d] < shape[d]) break;
        idx[d] = 0;
      }
    }
    const x = new NDArray(out, shape, 'float64');
    return isBool ? castCopy(x, 'bool') : x;
  }
  throw new DtypeError(`ndarray-like input has unsupported storage ${describe(data)}.`, {
    argument: 'values',
    hint: 'Use TypedArray-backed ndarrays.',
  });
}

// ---------------------------------------------------------------- nested JS arrays

type Leaf = 'number' | 'bigint' | 'boolean' | 'complex';

function isComplexLike(v: unknown): v is ComplexLike {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as ComplexLike).re === 'number';
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
  // Infer the nested shape from the first element at each depth.
  const shape: number[] = [];
  let probe: unknown = values;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    checkSize(shapeSize(shape), 'values');
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
      if (kind === 'number') re[k] = v as number;
      else if (kind === 'boolean') re[k] = v ? 1 : 0;
      else if (kind === 'bigint') {
        big ??= new Array<bigint>(size).fill(0n);
        big[k] = v as bigint;
        re[k] = Number(v);
      } else {
        im ??= new Float64Array(size);
        re[k] = (v as ComplexLike).re;
        im[k] = (v as ComplexLike).im ?? 0;
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
  const dtype = options.dtype ?? inferred;
  if (!isComplexDtype(dtype) && im !== null) {
    throw new DtypeError(`Complex input cannot be stored as ${dtype}.`, {
      argument: 'dtype',
      hint: "Use dtype 'complex128' or 'complex64'.",
    });
  }
  const info = dtypeInfo(dtype);
  const data = allocate(dtype, size);
  if (info.lanes === 2) {
    const d = data as Float64Array;
    for (let i = 0; i < size; i++) {
      d[2 * i] = re[i];
      d[2 * i + 1] = im === null ? 0 : (im as Float64Array)[i];
    }
  } else if (info.isBigInt) {
    const d = data as BigInt64Array;
    for (let i = 0; i < size; i++) d[i] = big !== null && (big as bigint[])[i] !== 0n ? (big as bigint[])[i] : toBigInt(re[i]);
  } else if (dtype === 'bool') {
    for (let i = 0; i < size; i++) data[i] = re[i] !== 0 ? 1 : 0;
  } else {
    (data as Float64Array).set(re);
  }
  const x = new NDArray(data, shape, dtype);
  if (options.shape !== undefined) {
    const target = checkShape(options.shape, 'shape');
    if (target.length !== shape.length || target.some((n, i) => n !== shape[i])) return reshapeFlat(x, target);
  }
  return x;
}

