/**
 * The host array: a strided view over a TypedArray, laid out like scijs `ndarray`
 * (`data`, `shape`, `stride`, `offset`, plus the `dtype`/`order` getters ndarray-ops
 * reads), so scijs modules run on it directly for real dtypes.
 *
 * This module sits at the bottom of the package: it imports only leaf modules (dtypes,
 * layout, the brand from dispatch-core). The methods that need the namespace or the
 * kernels (`slice`, `assign`, the namespace getter) are declared here and installed on
 * the prototype by `ndarray-methods.ts`, which the package entry imports.
 */
import { ARRAY_BRAND, InvalidArgumentError, type NAMESPACE_KEY } from '@sciport/dispatch-core';
import { type DType, dtypeInfo, type TypedArray } from './dtypes.js';
import { checkPermutation, checkShape, cStrides, isCContiguous, shapeSize, stridedOffsets } from './layout.js';
import { checkArrayParts } from './layout-check.js';
import type { ArrayNamespace } from './namespace-types.js';
import type { IndexSpec } from './slice-spec.js';
import { checkMatrixRank } from './kit/matrix-rank.js';
import { checkTransposeRank } from './kit/transpose-rank.js';

/** One element as JS sees it: number, bigint (int64/uint64), boolean, or [re, im]. */
export type Scalar = number | bigint | boolean | [number, number];

/** Nested JS arrays of scalars, as `toArray()` returns them. */
export type NestedArray = Scalar | NestedArray[];

/** Set only while `trustedArray` constructs: skips the boundary check. */
let trustedConstruction = false;

/**
 * An NDArray from parts the package itself made and knows valid (fresh storage of the
 * right size, views of checked arrays): no boundary check. Never for parts from outside.
 */
export function trustedArray(
  data: TypedArray,
  shape: readonly number[],
  dtype: DType,
  stride?: readonly number[],
  offset = 0,
): NDArray {
  trustedConstruction = true;
  try {
    return new NDArray(data, shape, dtype, stride, offset);
  } finally {
    trustedConstruction = false;
  }
}

/** Methods installed by `ndarray-methods.ts` (declaration merging keeps them typed). */
export interface NDArray {
  /** The array's namespace (the standard's `__array_namespace__`): the host namespace. */
  [NAMESPACE_KEY](): ArrayNamespace<NDArray>;
  /**
   * A view selected by index specs: integers (drop the axis), `'start:stop:step'`
   * strings or `slice(start, stop, step)` objects, `'...'` (ellipsis), `null` (new axis).
   */
  slice(...specs: IndexSpec[]): NDArray;
  /**
   * Writes `value` (array, nested JS array or scalar; broadcast to this view's shape and
   * converted to its dtype) into the elements of this view: the standard's `x[idx] = v`
   * is `x.slice(...idx).assign(v)`.
   */
  assign(value: unknown): this;
}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: ndarray-methods.ts installs the interface's methods on the prototype.
export class NDArray {
  /** Storage; for complex dtypes interleaved (re, im). */
  readonly data: TypedArray;
  readonly shape: readonly number[];
  /** Strides in elements (a complex element counts once). */
  readonly stride: readonly number[];
  /** Offset of element [0, …, 0] in elements. */
  readonly offset: number;
  readonly dtype: DType;
  readonly [ARRAY_BRAND] = 'host' as const;

  /**
   * Wraps storage as a strided array, checking it: integer `offset` and `stride`, storage
   * of the dtype's class, and every element the view reaches inside `data` (a ShapeError
   * or DtypeError naming the field otherwise). From user code, `asarray`/`zeros`/… are
   * usually simpler.
   */
  constructor(data: TypedArray, shape: readonly number[], dtype: DType, stride?: readonly number[], offset = 0) {
    if (trustedConstruction) {
      this.data = data;
      this.shape = shape;
      this.dtype = dtype;
      this.stride = stride ?? cStrides(shape);
      this.offset = offset;
      return;
    }
    const shapeChecked = checkShape(shape, 'shape');
    const parts = checkArrayParts({ data, shape: shapeChecked, stride: stride ?? cStrides(shapeChecked), offset, dtype }, '');
    this.data = parts.data;
    this.shape = parts.shape;
    this.dtype = parts.dtype;
    this.stride = parts.stride;
    this.offset = parts.offset;
  }

  get ndim(): number {
    return this.shape.length;
  }
  get size(): number {
    return shapeSize(this.shape);
  }
  /** scijs name for `ndim`. */
  get dimension(): number {
    return this.shape.length;
  }
  /** The standard's `device` attribute: host arrays live on the CPU. */
  get device(): 'cpu' {
    return 'cpu';
  }
  /** scijs `order`: axes sorted by increasing |stride| (ndarray-ops/cwise read it). */
  get order(): number[] {
    const axes = this.shape.map((_, i) => i);
    return axes.sort((a, b) => Math.abs(this.stride[a]) - Math.abs(this.stride[b]));
  }
  /** Transpose of a 2-D array (the standard's `.T`). */
  get T(): NDArray {
    checkTransposeRank(this.ndim);
    return this.transpose(1, 0);
  }
  /** Transpose of the last two axes (the standard's `.mT`). */
  get mT(): NDArray {
    checkMatrixRank(this.ndim, 'matrixTranspose');
    const axes = this.shape.map((_, i) => i);
    axes[this.ndim - 1] = this.ndim - 2;
    axes[this.ndim - 2] = this.ndim - 1;
    return this.transpose(...axes);
  }

  /**
   * A view with permuted axes (no copy). `axes` must be a permutation of 0..ndim−1
   * (negative axes count from the end); none reverses the axes, as in NumPy.
   */
  transpose(...axes: number[]): NDArray {
    const perm =
      axes.length === 0 ? this.shape.map((_, i) => this.ndim - 1 - i) : checkPermutation(axes, this.ndim, 'axes');
    return trustedArray(
      this.data,
      perm.map((a) => this.shape[a]),
      this.dtype,
      perm.map((a) => this.stride[a]),
      this.offset,
    );
  }

  /** True when the elements are in C order with unit stride. */
  get isContiguous(): boolean {
    return isCContiguous(this.shape, this.stride);
  }

  /** Storage index (element units) of an index tuple; checks bounds, allows negative indices. */
  index(...idx: number[]): number {
    if (idx.length !== this.shape.length) {
      throw new InvalidArgumentError(`Expected ${this.shape.length} indices, got ${idx.length}.`, {
        argument: 'idx',
        hint: 'Give one integer per dimension.',
      });
    }
    let p = this.offset;
    for (let d = 0; d < idx.length; d++) {
      let i = idx[d];
      const n = this.shape[d];
      if (!Number.isInteger(i) || i < -n || i >= n) {
        throw new InvalidArgumentError(`Index ${i} is out of bounds for axis ${d} with size ${n}.`, {
          argument: 'idx',
          hint: `Use an integer in [${-n}, ${n - 1}].`,
        });
      }
      if (i < 0) i += n;
      p += i * this.stride[d];
    }
    return p;
  }

  /** Element at an index tuple: number, bigint, boolean, or [re, im] for complex. */
  get(...idx: number[]): Scalar {
    return readScalar(this.data, this.dtype, this.index(...idx));
  }

  /** Sets the element at an index tuple: `x.set(i, j, value)`. */
  set(...args: [...number[], Scalar]): void {
    const value = args[args.length - 1] as Scalar;
    const idx = args.slice(0, -1) as number[];
    writeScalar(this.data, this.dtype, this.index(...idx), value);
  }

  /** The standard's `to_device`: host arrays live on 'cpu' only. */
  toDevice(device: unknown): NDArray {
    if (device !== 'cpu') {
      throw new InvalidArgumentError(`Host arrays live on 'cpu'; cannot move to ${String(device)}.`, {
        argument: 'device',
        hint: "Use the target backend's namespace asarray (e.g. the GPU namespace) to upload.",
      });
    }
    return this;
  }

  /** Nested JS arrays (complex elements as [re, im], int64 as bigint, bool as boolean). */
  toArray(): NestedArray {
    const { data, dtype, shape, stride } = this;
    const nd = shape.length;
    if (nd === 0) return readScalar(data, dtype, this.offset);
    const build = (d: number, base: number): NestedArray[] => {
      const n = shape[d];
      const out = new Array<NestedArray>(n);
      const s = stride[d];
      if (d === nd - 1) {
        for (let i = 0; i < n; i++) out[i] = readScalar(data, dtype, base + i * s);
      } else {
        for (let i = 0; i < n; i++) out[i] = build(d + 1, base + i * s);
      }
      return out;
    };
    return build(0, this.offset);
  }

  /** A C-contiguous copy of the elements (complex interleaved). */
  toTypedArray(): TypedArray {
    return contiguousData(this, true);
  }

  /** For symmetry with device arrays: host data is already here. */
  toHost(): Promise<NDArray> {
    return Promise.resolve(this);
  }

  toString(): string {
    return `NDArray(${JSON.stringify(this.toArray(), (_k, v) => (typeof v === 'bigint' ? `${v}` : v))}, dtype=${this.dtype})`;
  }

  get [Symbol.toStringTag](): string {
    return 'NDArray';
  }
}

export function readScalar(data: TypedArray, dtype: DType, p: number): Scalar {
  const info = dtypeInfo(dtype);
  if (info.lanes === 2) return [data[2 * p] as number, data[2 * p + 1] as number];
  if (dtype === 'bool') return data[p] !== 0;
  return data[p];
}

export function writeScalar(data: TypedArray, dtype: DType, p: number, value: Scalar): void {
  const info = dtypeInfo(dtype);
  if (info.lanes === 2) {
    if (Array.isArray(value)) {
      data[2 * p] = value[0];
      data[2 * p + 1] = value[1];
    } else {
      data[2 * p] = Number(value);
      data[2 * p + 1] = 0;
    }
    return;
  }
  if (Array.isArray(value)) {
    throw new InvalidArgumentError(`Cannot store a complex value in a ${dtype} array.`, {
      argument: 'value',
      hint: 'Use astype(x, "complex128") first, or store the real part.',
    });
  }
  if (info.isBigInt) {
    (data as BigInt64Array)[p] = typeof value === 'bigint' ? value : BigInt(Math.trunc(Number(value)));
  } else if (dtype === 'bool') {
    (data as Uint8Array)[p] = value ? 1 : 0;
  } else {
    (data as Float64Array)[p] = Number(value);
  }
}

/**
 * The elements in C order as a TypedArray of the array's storage type. Returns the
 * storage itself (no copy) when the view is already the whole contiguous buffer and
 * `copy` is false.
 */
export function contiguousData(x: NDArray, copy: boolean): TypedArray {
  const lanes = dtypeInfo(x.dtype).lanes;
  const size = x.size;
  if (isCContiguous(x.shape, x.stride)) {
    const start = x.offset * lanes;
    const end = start + size * lanes;
    if (!copy && start === 0 && end === x.data.length) return x.data;
    return copy ? x.data.slice(start, end) : x.data.subarray(start, end);
  }
  const out = new (x.data.constructor as new (n: number) => TypedArray)(size * lanes);
  const offs = stridedOffsets(x.shape, x.stride, x.offset);
  const src = x.data as Float64Array;
  const dst = out as Float64Array;
  if (lanes === 2) {
    for (let i = 0; i < size; i++) {
      const p = 2 * offs[i];
      dst[2 * i] = src[p];
      dst[2 * i + 1] = src[p + 1];
    }
  } else {
    for (let i = 0; i < size; i++) dst[i] = src[offs[i]];
  }
  return out;
}

/** The same elements as a C-contiguous array (returns `x` itself when it already is). */
export function ascontiguous(x: NDArray): NDArray {
  if (isCContiguous(x.shape, x.stride)) {
    if (x.stride.every((s, i) => s === cStrides(x.shape)[i])) return x;
    return trustedArray(contiguousData(x, false), x.shape, x.dtype);
  }
  return trustedArray(contiguousData(x, false), x.shape, x.dtype);
}
