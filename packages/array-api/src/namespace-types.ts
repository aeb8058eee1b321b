/**
 * The `ArrayNamespace` interface: the Array API standard (2024.12) in camelCase,
 * generic over the namespace's array type so GPU and chunked namespaces implement the
 * same interface (`ArrayNamespace<GPUArray>`, …).
 *
 * Argument convention: the standard's positional (and positional-or-keyword) parameters
 * are positional here; its keyword-only parameters go in one trailing options object.
 * E.g. `sum(x, /, *, axis, dtype, keepdims)` → `sum(x, { axis, dtype, keepdims })`,
 * `roll(x, /, shift, *, axis)` → `roll(x, shift, { axis })`.
 */
import type { DType } from './dtypes.js';

/** A JS scalar usable where the standard accepts a Python scalar. */
export type ScalarInput = number | bigint | boolean;
export type ShapeInput = readonly number[] | number;
/** `dtype` kinds of `isdtype`. */
export type DTypeKindName = 'bool' | 'signed integer' | 'unsigned integer' | 'integral' | 'real floating' | 'complex floating' | 'numeric';

export interface CreationOptions {
  dtype?: DType;
  /** Accepted for API compatibility; the host namespace has the one device 'cpu'. */
  device?: unknown;
}
export interface AsarrayNamespaceOptions extends CreationOptions {
  copy?: boolean;
  /** Shape for flat input (TypedArray or flat JS array). */
  shape?: ShapeInput;
}
export interface LinspaceOptions extends CreationOptions {
  endpoint?: boolean;
}
export interface EyeOptions extends CreationOptions {
  k?: number;
}
export interface MeshgridOptions {
  indexing?: 'xy' | 'ij';
}
export interface AstypeOptions {
  copy?: boolean;
  device?: unknown;
}
export type AxisInput = number | readonly number[] | null;
export interface ReduceOptions {
  axis?: AxisInput;
  keepdims?: boolean;
}
export interface SumOptions extends ReduceOptions {
  dtype?: DType;
}
export interface VarOptions extends ReduceOptions {
  /** Degrees-of-freedom correction (NumPy's `ddof`); default 0. */
  correction?: number;
}
export interface CumulativeOptions {
  axis?: number;
  dtype?: DType;
  includeInitial?: boolean;
}
export interface ArgReduceOptions {
  axis?: number | null;
  keepdims?: boolean;
}
export interface SortOptions {
  axis?: number;
  descending?: boolean;
  stable?: boolean;
}
export interface SearchsortedOptions<A> {
  side?: 'left' | 'right';
  sorter?: A;
}
export interface DiffOptions<A> {
  axis?: number;
  n?: number;
  prepend?: A | ScalarInput;
  append?: A | ScalarInput;
}
export interface FInfo {
  readonly bits: number;
  readonly eps: number;
  readonly max: number;
  readonly min: number;
  readonly smallestNormal: number;
  readonly dtype: DType;
}
export interface IInfo {
  readonly bits: number;
  readonly max: number | bigint;
  readonly min: number | bigint;
  readonly dtype: DType;
}
export interface UniqueAll<A> {
  values: A;
  indices: A;
  inverseIndices: A;
  counts: A;
}
export interface UniqueCounts<A> {
  values: A;
  counts: A;
}
export interface UniqueInverse<A> {
  values: A;
  inverseIndices: A;
}
export interface NamespaceInfo {
  capabilities(): { 'boolean indexing': boolean; 'data-dependent shapes': boolean; 'max dimensions': number | null };
  defaultDevice(): unknown;
  defaultDtypes(options?: { device?: unknown }): {
    'real floating': DType;
    'complex floating': DType;
    integral: DType;
    indexing: DType;
  };
  devices(): unknown[];
  dtypes(options?: { device?: unknown; kind?: DTypeKindName | readonly DTypeKindName[] }): Record<string, DType>;
}

type Unary<A> = (x: A) => A;
type Binary<A> = (x1: A | ScalarInput, x2: A | ScalarInput) => A;

export interface ArrayNamespace<A = unknown> {
  /** The kind of array this namespace computes on ('host', 'gpu', 'chunked', …). */
  readonly kind: string;
  readonly e: number;
  readonly pi: number;
  readonly inf: number;
  readonly nan: number;
  readonly newaxis: null;

  // ----- creation
  asarray(obj: unknown, options?: AsarrayNamespaceOptions): A;
  arange(start: number, stop?: number | null, step?: number, options?: CreationOptions): A;
  empty(shape: ShapeInput, options?: CreationOptions): A;
  emptyLike(x: A, options?: CreationOptions): A;
  eye(nRows: number, nCols?: number | null, options?: EyeOptions): A;
  full(shape: ShapeInput, fillValue: ScalarInput, options?: CreationOptions): A;
  fullLike(x: A, fillValue: ScalarInput, options?: CreationOptions): A;
  linspace(start: number, stop: number, num: number, options?: LinspaceOptions): A;
  meshgrid(...arrays: A[]): A[];
  meshgrid(...args: [...A[], MeshgridOptions]): A[];
  ones(shape: ShapeInput, options?: CreationOptions): A;
  onesLike(x: A, options?: CreationOptions): A;
  tril(x: A, options?: { k?: number }): A;
  triu(x: A, options?: { k?: number }): A;
  zeros(shape: ShapeInput, options?: CreationOptions): A;
  zerosLike(x: A, options?: CreationOptions): A;

  // ----- data types
  astype(x: A, dtype: DType, options?: AstypeOptions): A;
  canCast(from: DType | A, to: DType): boolean;
  finfo(type: DType | A): FInfo;
  iinfo(type: DType | A): IInfo;
  isdtype(dtype: DType, kind: DType | DTypeKindName | readonly (DType | DTypeKindName)[]): boolean;
  resultType(...arraysAndDtypes: (A | DType | ScalarInput)[]): DType;

  // ----- elementwise
  abs: Unary<A>;
  acos: Unary<A>;
  acosh: Unary<A>;
  add: Binary<A>;
  asin: Unary<A>;
  asinh: Unary<A>;
  atan: Unary<A>;
  atan2: Binary<A>;
  atanh: Unary<A>;
  bitwiseAnd: Binary<A>;
  bitwiseLeftShift: Binary<A>;
  bitwiseInvert: Unary<A>;
  bitwiseOr: Binary<A>;
  bitwiseRightShift: Binary<A>;
  bitwiseXor: Binary<A>;
  ceil: Unary<A>;
  clip(x: A, min?: A | ScalarInput | null, max?: A | ScalarInput | null): A;
  conj: Unary<A>;
  copysign: Binary<A>;
  cos: Unary<A>;
  cosh: Unary<A>;
  divide: Binary<A>;
  equal: Binary<A>;
  exp: Unary<A>;
  expm1: Unary<A>;
  floor: Unary<A>;
  floorDivide: Binary<A>;
  greater: Binary<A>;
  greaterEqual: Binary<A>;
  hypot: Binary<A>;
  imag: Unary<A>;
  isfinite: Unary<A>;
  isinf: Unary<A>;
  isnan: Unary<A>;
  less: Binary<A>;
  lessEqual: Binary<A>;
  log: Unary<A>;
  log1p: Unary<A>;
  log2: Unary<A>;
  log10: Unary<A>;
  logaddexp: Binary<A>;
  logicalAnd: Binary<A>;
  logicalNot: Unary<A>;
  logicalOr: Binary<A>;
  logicalXor: Binary<A>;
  maximum: Binary<A>;
  minimum: Binary<A>;
  multiply: Binary<A>;
  negative: Unary<A>;
  nextafter: Binary<A>;
  notEqual: Binary<A>;
  positive: Unary<A>;
  pow: Binary<A>;
  real: Unary<A>;
  reciprocal: Unary<A>;
  remainder: Binary<A>;
  round: Unary<A>;
  sign: Unary<A>;
  signbit: Unary<A>;
  sin: Unary<A>;
  sinh: Unary<A>;
  square: Unary<A>;
  sqrt: Unary<A>;
  subtract: Binary<A>;
  tan: Unary<A>;
  tanh: Unary<A>;
  trunc: Unary<A>;

  // ----- indexing
  take(x: A, indices: A, options?: { axis?: number }): A;
  takeAlongAxis(x: A, indices: A, options?: { axis?: number }): A;

  // ----- inspection
  arrayNamespaceInfo(): NamespaceInfo;

  // ----- linear algebra
  matmul(x1: A, x2: A): A;
  matrixTranspose(x: A): A;
  tensordot(x1: A, x2: A, options?: { axes?: number | readonly [readonly number[], readonly number[]] }): A;
  vecdot(x1: A, x2: A, options?: { axis?: number }): A;

  // ----- manipulation
  broadcastArrays(...arrays: A[]): A[];
  broadcastTo(x: A, shape: ShapeInput): A;
  concat(arrays: readonly A[], options?: { axis?: number | null }): A;
  expandDims(x: A, axis?: number | readonly number[]): A;
  flip(x: A, options?: { axis?: AxisInput }): A;
  moveaxis(x: A, source: number | readonly number[], destination: number | readonly number[]): A;
  permuteDims(x: A, axes: readonly number[]): A;
  repeat(x: A, repeats: number | A, options?: { axis?: number | null }): A;
  reshape(x: A, shape: ShapeInput, options?: { copy?: boolean }): A;
  roll(x: A, shift: number | readonly number[], options?: { axis?: AxisInput }): A;
  squeeze(x: A, axis: number | readonly number[]): A;
  stack(arrays: readonly A[], options?: { axis?: number }): A;
  tile(x: A, repetitions: readonly number[]): A;
  unstack(x: A, options?: { axis?: number }): A[];

  // ----- searching
  argmax(x: A, options?: ArgReduceOptions): A;
  argmin(x: A, options?: ArgReduceOptions): A;
  countNonzero(x: A, options?: ReduceOptions): A;
  nonzero(x: A): A[];
  searchsorted(x1: A, x2: A | ScalarInput, options?: SearchsortedOptions<A>): A;
  where(condition: A, x1: A | ScalarInput, x2: A | ScalarInput): A;

  // ----- sets
  uniqueAll(x: A): UniqueAll<A>;
  uniqueCounts(x: A): UniqueCounts<A>;
  uniqueInverse(x: A): UniqueInverse<A>;
  uniqueValues(x: A): A;

  // ----- sorting
  argsort(x: A, options?: SortOptions): A;
  sort(x: A, options?: SortOptions): A;

  // ----- statistical
  cumulativeProd(x: A, options?: CumulativeOptions): A;
  cumulativeSum(x: A, options?: CumulativeOptions): A;
  max(x: A, options?: ReduceOptions): A;
  mean(x: A, options?: ReduceOptions): A;
  min(x: A, options?: ReduceOptions): A;
  prod(x: A, options?: SumOptions): A;
  std(x: A, options?: VarOptions): A;
  sum(x: A, options?: SumOptions): A;
  var(x: A, options?: VarOptions): A;

  // ----- utility
  all(x: A, options?: ReduceOptions): A;
  any(x: A, options?: ReduceOptions): A;
  diff(x: A, options?: DiffOptions<A>): A;
}
