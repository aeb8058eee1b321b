/**
 * Elementwise loop runners. Each has a contiguous fast path (plain indexed loop) and a
 * general path over precomputed strided offsets (covers broadcasting and views).
 * Computation domains: `number` (every dtype but 64-bit ints and complex; math in
 * double, stores round/wrap to the output dtype), `bigint` (int64/uint64) and `complex`.
 */
import { asarray } from './asarray.js';
import { broadcastShapes, broadcastView } from './broadcasting.js';
import { castCopy } from './cast.js';
import { allocate, type DType, dtypeInfo } from './dtypes.js';
import { isCContiguous, shapeSize, stridedOffsets } from './layout.js';
import { NDArray, trustedArray } from './ndarray.js';
import type { ScalarInput } from './namespace-types.js';
import { promoteTypes, scalarResultType } from './promotion.js';
import { checkScalarOrArray, isScalarInput } from './kit/scalar-or-array.js';

export type NumFn1 = (v: number) => number | boolean;
export type NumFn2 = (a: number, b: number) => number | boolean;
export type BigFn1 = (v: bigint) => bigint | number | boolean;
export type BigFn2 = (a: bigint, b: bigint) => bigint | number | boolean;
/** Complex kernels write their result to `out[0]` (and `out[1]` for complex output). */
export type CplxFn1 = (re: number, im: number, out: Float64Array) => void;
export type CplxFn2 = (ar: number, ai: number, br: number, bi: number, out: Float64Array) => void;

/** Converts an operand to NDArray (host arrays pass through; other inputs via asarray). */
export function toNDArray(v: unknown, argument = 'x'): NDArray {
  if (v instanceof NDArray) return v;
  try {
    return asarray(v);
  } catch (e) {
    // asarray names its input 'values' ('values.offset'); here it is `argument` ('x.offset').
    if (e instanceof Error && 'argument' in e) {
      const named = (e as { argument: unknown }).argument;
      (e as { argument: string }).argument =
        typeof named === 'string' && named.startsWith('values.') ? `${argument}${named.slice('values'.length)}` : argument;
    }
    throw e;
  }
}

export function scalarArray(value: ScalarInput, dtype: DType): NDArray {
  const data = allocate(dtype, 1);
  const info = dtypeInfo(dtype);
  if (info.isBigInt) {
    (data as BigInt64Array)[0] =
      typeof value === 'bigint' ? value : BigInt(Math.trunc(Number(value)));
  } else if (dtype === 'bool') (data as Uint8Array)[0] = value ? 1 : 0;
  else (data as Float64Array)[0] = Number(value);
  return trustedArray(data, [], dtype);
}

/** Resolves two operands (arrays or JS scalars) to arrays and their promoted dtype. */
export function binaryOperands(x1: unknown, x2: unknown, name: string): { a: NDArray; b: NDArray; dtype: DType } {
  checkScalarOrArray(x1, x2, name);
  const s1 = isScalarInput(x1);
  const s2 = isScalarInput(x2);
  if (s2) {
    const a = toNDArray(x1, 'x1');
    const dtype = scalarResultType(a.dtype, x2 as ScalarInput);
    return { a, b: scalarArray(x2 as ScalarInput, dtype), dtype };
  }
  if (s1) {
    const b = toNDArray(x2, 'x2');
    const dtype = scalarResultType(b.dtype, x1 as ScalarInput);
    return { a: scalarArray(x1 as ScalarInput, dtype), b, dtype };
  }
  const a = toNDArray(x1, 'x1');
  const b = toNDArray(x2, 'x2');
  return { a, b, dtype: promoteTypes(a.dtype, b.dtype) };
}

/** `x` converted to `dtype` (no copy when it already has it). */
export function castTo(x: NDArray, dtype: DType): NDArray {
  return x.dtype === dtype ? x : castCopy(x, dtype);
}

function offsetsOf(v: NDArray): Int32Array | null {
  return isCContiguous(v.shape, v.stride) ? null : stridedOffsets(v.shape, v.stride, v.offset);
}

// ------------------------------------------------------------------ number domain

/** Bool storage must hold 0/1: arithmetic on bools (e.g. add = or) is normalised. */
function boolSafe1(f: NumFn1, outDtype: DType): NumFn1 {
  return outDtype === 'bool' ? (v) => (f(v) ? 1 : 0) : f;
}
function boolSafe2(f: NumFn2, outDtype: DType): NumFn2 {
  return outDtype === 'bool' ? (a, b) => (f(a, b) ? 1 : 0) : f;
}

export function mapUnaryNumber(x: NDArray, outDtype: DType, f: NumFn1): NDArray {
  f = boolSafe1(f, outDtype);
  const size = x.size;
  const out = allocate(outDtype, size) as Float64Array;
  const src = x.data as Float64Array;
  const offs = offsetsOf(x);
  if (offs === null) {
    const base = x.offset;
    for (let i = 0; i < size; i++) out[i] = f(src[base + i]) as number;
  } else {
    for (let i = 0; i < size; i++) out[i] = f(src[offs[i]]) as number;
  }
  return trustedArray(out, x.shape.slice(), outDtype);
}

/** Arithmetic with dedicated loops (no per-element callback) on the hot paths. */
export type FastOp = 'add' | 'subtract' | 'multiply' | 'divide';

/** out[o + j] = a[pa + j·sa] op b[pb + j·sb] for j < n, one specialised loop per op. */
function fastRow(
  op: FastOp,
  out: Float64Array,
  o: number,
  ad: Float64Array,
  pa: number,
  sa: number,
  bd: Float64Array,
  pb: number,
  sb: number,
  n: number,
): void {
  if (sa === 1 && sb === 1) {
    switch (op) {
      case 'add':
        for (let j = 0; j < n; j++) out[o + j] = ad[pa + j] + bd[pb + j];
        return;
      case 'subtract':
        for (let j = 0; j < n; j++) out[o + j] = ad[pa + j] - bd[pb + j];
        return;
      case 'multiply':
        for (let j = 0; j < n; j++) out[o + j] = ad[pa + j] * bd[pb + j];
        return;
      case 'divide':
        for (let j = 0; j < n; j++) out[o + j] = ad[pa + j] / bd[pb + j];
        return;
    }
  }
  if (sa === 1 && sb === 0) {
    const y = bd[pb];
    switch (op) {
      case 'add':
        for (let j = 0; j < n; j++) out[o + j] = ad[pa + j] + y;
        return;
      case 'subtract':
        for (let j = 0; j < n; j++) out[o + j] = ad[pa + j] - y;
        return;
      case 'multiply':
        for (let j = 0; j < n; j++) out[o + j] = ad[pa + j] * y;
        return;
      case 'divide':
        for (let j = 0; j < n; j++) out[o + j] = ad[pa + j] / y;
        return;
    }
  }
  switch (op) {
    case 'add':
      for (let j = 0; j < n; j++, pa += sa, pb += sb) out[o + j] = ad[pa] + bd[pb];
      return;
    case 'subtract':
      for (let j = 0; j < n; j++, pa += sa, pb += sb) out[o + j] = ad[pa] - bd[pb];
      return;
    case 'multiply':
      for (let j = 0; j < n; j++, pa += sa, pb += sb) out[o + j] = ad[pa] * bd[pb];
      return;
    case 'divide':
      for (let j = 0; j < n; j++, pa += sa, pb += sb) out[o + j] = ad[pa] / bd[pb];
      return;
  }
}

/**
 * Walks the broadcast views row by row (innermost axis as the row), without building
 * offset arrays: `row(o, pa, sa, pb, sb, n)` handles one row of n elements.
 */
function walkRows(
  shape: readonly number[],
  av: NDArray,
  bv: NDArray,
  row: (o: number, pa: number, sa: number, pb: number, sb: number, n: number) => void,
): void {
  const nd = shape.length;
  const size = shapeSize(shape);
  if (size === 0) return;
  if (nd === 0) {
    row(0, av.offset, 0, bv.offset, 0, 1);
    return;
  }
  const n = shape[nd - 1];
  const sa = av.stride[nd - 1];
  const sb = bv.stride[nd - 1];
  const idx = new Array<number>(nd).fill(0);
  let pa = av.offset;
  let pb = bv.offset;
  for (let o = 0; o < size; o += n) {
    row(o, pa, sa, pb, sb, n);
    for (let d = nd - 2; d >= 0; d--) {
      idx[d]++;
      pa += av.stride[d];
      pb += bv.stride[d];
      if (idx[d] < shape[d]) break;
      pa -= av.stride[d] * shape[d];
      pb -= bv.stride[d] * shape[d];
      idx[d] = 0;
    }
  }
}

export function mapBinaryNumber(a: NDArray, b: NDArray, outDtype: DType, f: NumFn2, fast?: FastOp): NDArray {
  const shape = sameShape(a.shape, b.shape) ? a.shape.slice() : broadcastShapes(a.shape, b.shape);
  const size = shapeSize(shape);
  const out = allocate(outDtype, size) as Float64Array;
  let av = broadcastView(a, shape, 'x1');
  let bv = broadcastView(b, shape, 'x2');
  // Both C-contiguous (or scalar-broadcast): treat as one long row.
  const aFlat = isCContiguous(av.shape, av.stride);
  const bFlat = isCContiguous(bv.shape, bv.stride);
  const bScalar = b.size === 1;
  const aScalar = a.size === 1;
  let swapped = false;
  if (fast !== undefined && (fast === 'add' || fast === 'multiply') && aScalar && !bScalar && bFlat) {
    // Commutative: put the scalar second so the specialised scalar loop applies.
    [av, bv] = [bv, av];
    swapped = true;
  }
  const ad = av.data as Float64Array;
  const bd = bv.data as Float64Array;
  const flatA = swapped ? bFlat : aFlat;
  const flatB = swapped ? aFlat : bFlat;
  const scalarB = swapped ? aScalar : bScalar;
  if (fast !== undefined && outDtype !== 'bool') {
    if (flatA && (flatB || scalarB)) {
      fastRow(fast, out, 0, ad, av.offset, 1, bd, bv.offset, scalarB ? 0 : 1, size);
      return trustedArray(out, shape, outDtype);
    }
    walkRows(shape, av, bv, (o, pa, sa, pb, sb, n) => fastRow(fast, out, o, ad, pa, sa, bd, pb, sb, n));
    return trustedArray(out, shape, outDtype);
  }
  f = boolSafe2(f, outDtype);
  if (aFlat && (bFlat || bScalar)) {
    const abase = av.offset;
    const bbase = bv.offset;
    if (bScalar) {
      const y = bd[bbase];
      for (let i = 0; i < size; i++) out[i] = f(ad[abase + i], y) as number;
    } else {
      for (let i = 0; i < size; i++) out[i] = f(ad[abase + i], bd[bbase + i]) as number;
    }
    return trustedArray(out, shape, outDtype);
  }
  walkRows(shape, av, bv, (o, pa, sa, pb, sb, n) => {
    for (let j = 0; j < n; j++, pa += sa, pb += sb) out[o + j] = f(ad[pa], bd[pb]) as number;
  });
  return trustedArray(out, shape, outDtype);
}

// ------------------------------------------------------------------ bigint domain

export function mapUnaryBigInt(x: NDArray, outDtype: DType, f: BigFn1): NDArray {
  const size = x.size;
  const out = allocate(outDtype, size) as unknown as (bigint | number)[];
  const src = x.data as BigInt64Array;
  const offs = offsetsOf(x);
  for (let i = 0; i < size; i++) out[i] = f(src[offs === null ? x.offset + i : offs[i]]) as bigint;
  return trustedArray(out as unknown as BigInt64Array, x.shape.slice(), outDtype);
}

export function mapBinaryBigInt(a: NDArray, b: NDArray, outDtype: DType, f: BigFn2): NDArray {
  const shape = broadcastShapes(a.shape, b.shape);
  const size = shapeSize(shape);
  const out = allocate(outDtype, size) as unknown as (bigint | number)[];
  const av = broadcastView(a, shape, 'x1');
  const bv = broadcastView(b, shape, 'x2');
  const ad = av.data as BigInt64Array;
  const bd = bv.data as BigInt64Array;
  const ao = stridedOffsets(av.shape, av.stride, av.offset);
  const bo = stridedOffsets(bv.shape, bv.stride, bv.offset);
  for (let i = 0; i < size; i++) out[i] = f(ad[ao[i]], bd[bo[i]]) as bigint;
  return trustedArray(out as unknown as BigInt64Array, shape, outDtype);
}

// ------------------------------------------------------------------ complex domain

export function mapUnaryComplex(x: NDArray, outDtype: DType, f: CplxFn1): NDArray {
  const size = x.size;
  const lanes = dtypeInfo(outDtype).lanes;
  const out = allocate(outDtype, size) as Float64Array;
  const src = x.data as Float64Array;
  const offs = offsetsOf(x);
  const r = new Float64Array(2);
  for (let i = 0; i < size; i++) {
    const p = 2 * (offs === null ? x.offset + i : offs[i]);
    f(src[p], src[p + 1], r);
    if (lanes === 2) {
      out[2 * i] = r[0];
      out[2 * i + 1] = r[1];
    } else out[i] = r[0];
  }
  return trustedArray(out, x.shape.slice(), outDtype);
}

export function mapBinaryComplex(a: NDArray, b: NDArray, outDtype: DType, f: CplxFn2): NDArray {
  const shape = broadcastShapes(a.shape, b.shape);
  const size = shapeSize(shape);
  const lanes = dtypeInfo(outDtype).lanes;
  const out = allocate(outDtype, size) as Float64Array;
  const av = broadcastView(a, shape, 'x1');
  const bv = broadcastView(b, shape, 'x2');
  const ad = av.data as Float64Array;
  const bd = bv.data as Float64Array;
  const ao = offsetsOf(av);
  const bo = offsetsOf(bv);
  const r = new Float64Array(2);
  for (let i = 0; i < size; i++) {
    const p = 2 * (ao === null ? av.offset + i : ao[i]);
    const q = 2 * (bo === null ? bv.offset + i : bo[i]);
    f(ad[p], ad[p + 1], bd[q], bd[q + 1], r);
    if (lanes === 2) {
      out[2 * i] = r[0];
      out[2 * i + 1] = r[1];
    } else out[i] = r[0];
  }
  return trustedArray(out, shape, outDtype);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
