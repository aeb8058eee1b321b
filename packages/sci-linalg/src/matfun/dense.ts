/**
 * Square-matrix arithmetic for the matrix functions and matrix equations: n×n matrices in
 * row-major buffers of one LAPACK type (complex values interleaved), with the few BLAS/LAPACK
 * operations the algorithms are written in (gemm, linear combinations, the 1-norm, gesv).
 * A float32/complex64 buffer rounds every stored value to single precision, so these
 * algorithms run in single precision for single inputs, as SciPy's s/c routines do.
 */
import { gemm as realGemm } from '@sciport/array-api/kernels';
import { kernelsFor } from '../kernels/index.js';
import { allocateFloat, type Float, isComplex, type LapackDtype } from '../stack.js';

/** The type and order of the matrices an algorithm works on. */
export interface Square {
  readonly dtype: LapackDtype;
  readonly n: number;
  /** 2 for complex types (interleaved re, im), else 1. */
  readonly lanes: 1 | 2;
}

export function square(dtype: LapackDtype, n: number): Square {
  return { dtype, n, lanes: isComplex(dtype) ? 2 : 1 };
}

export function zeros(f: Square): Float {
  return allocateFloat(f.dtype, f.n * f.n);
}

export function identity(f: Square): Float {
  const out = zeros(f);
  for (let i = 0; i < f.n; i++) out[f.lanes * (i * f.n + i)] = 1;
  return out;
}

export function copyOf(x: Float): Float {
  return x.slice();
}

/** complex128 products from this order on go through four real products (below, the loops are faster). */
const COMPLEX_SPLIT_MIN = 32;

/**
 * a · b for complex128 as four real products on the packed kernel:
 * (Ar + i·Ai)(Br + i·Bi) = (Ar·Br − Ai·Bi) + i·(Ar·Bi + Ai·Br).
 */
function complexProduct(n: number, a: Float, b: Float, out: Float): Float {
  const size = n * n;
  const parts = new Float64Array(6 * size);
  const [ar, ai, br, bi, cr, ci] = [0, 1, 2, 3, 4, 5].map((k) => k * size);
  for (let p = 0; p < size; p++) {
    parts[ar + p] = a[2 * p];
    parts[ai + p] = a[2 * p + 1];
    parts[br + p] = b[2 * p];
    parts[bi + p] = b[2 * p + 1];
  }
  realGemm(false, false, n, n, n, 1, parts, ar, n, parts, br, n, 0, parts, cr, n);
  realGemm(false, false, n, n, n, -1, parts, ai, n, parts, bi, n, 1, parts, cr, n);
  realGemm(false, false, n, n, n, 1, parts, ar, n, parts, bi, n, 0, parts, ci, n);
  realGemm(false, false, n, n, n, 1, parts, ai, n, parts, br, n, 1, parts, ci, n);
  for (let p = 0; p < size; p++) {
    out[2 * p] = parts[cr + p];
    out[2 * p + 1] = parts[ci + p];
  }
  return out;
}

/**
 * a · b (gemm), accumulated in double and stored in the type's precision: float64 on
 * @sciport/array-api's packed matrix product (WebAssembly SIMD from a few thousand
 * multiply-adds on), the other types on the loops below.
 */
export function matmul(f: Square, a: Float, b: Float, out: Float = zeros(f)): Float {
  const { n } = f;
  if (f.dtype === 'float64') {
    if (out === a || out === b) {
      // the product reads its operands while writing: compute aside when they share storage
      const result = zeros(f);
      realGemm(false, false, n, n, n, 1, a, 0, n, b, 0, n, 0, result, 0, n);
      out.set(result);
      return out;
    }
    realGemm(false, false, n, n, n, 1, a, 0, n, b, 0, n, 0, out, 0, n);
    return out;
  }
  if (f.dtype === 'complex128' && n >= COMPLEX_SPLIT_MIN) return complexProduct(n, a, b, out);
  if (f.lanes === 1) {
    const row = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      row.fill(0);
      for (let k = 0; k < n; k++) {
        const l = a[i * n + k];
        if (l === 0) continue;
        const bk = k * n;
        for (let j = 0; j < n; j++) row[j] += l * b[bk + j];
      }
      for (let j = 0; j < n; j++) out[i * n + j] = row[j];
    }
    return out;
  }
  const row = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    row.fill(0);
    for (let k = 0; k < n; k++) {
      const lr = a[2 * (i * n + k)];
      const li = a[2 * (i * n + k) + 1];
      if (lr === 0 && li === 0) continue;
      const bk = 2 * k * n;
      for (let j = 0; j < 2 * n; j += 2) {
        const br = b[bk + j];
        const bi = b[bk + j + 1];
        row[j] += lr * br - li * bi;
        row[j + 1] += lr * bi + li * br;
      }
    }
    for (let j = 0; j < 2 * n; j++) out[2 * i * n + j] = row[j];
  }
  return out;
}

/** Σ cₖ·Mₖ + d·I for real coefficients cₖ and d (the polynomial steps of Padé approximants). */
export function combine(f: Square, terms: readonly (readonly [number, Float])[], diagonal = 0): Float {
  const out = zeros(f);
  const size = f.lanes * f.n * f.n;
  for (const [c, m] of terms) for (let p = 0; p < size; p++) out[p] += c * m[p];
  if (diagonal !== 0) for (let i = 0; i < f.n; i++) out[f.lanes * (i * f.n + i)] += diagonal;
  return out;
}

/** x · c in place (a real c). */
export function scaleInPlace(x: Float, c: number): Float {
  for (let p = 0; p < x.length; p++) x[p] *= c;
  return x;
}

/** |x| of element p (the modulus for complex types). */
export function magnitude(x: Float, p: number, lanes: number): number {
  return lanes === 1 ? Math.abs(x[p]) : Math.hypot(x[p], x[p + 1]);
}

/** The 1-norm (largest column sum of moduli). */
export function norm1(f: Square, x: Float): number {
  const { n, lanes } = f;
  const sums = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sums[j] += magnitude(x, lanes * (i * n + j), lanes);
  let best = 0;
  for (const s of sums) if (s > best || Number.isNaN(s)) best = s;
  return best;
}

/** The Frobenius norm. */
export function normFro(x: Float): number {
  let scale = 0;
  for (const v of x) scale = Math.max(scale, Math.abs(v));
  if (scale === 0 || !Number.isFinite(scale)) return scale === 0 ? 0 : Number.isNaN(scale) ? Number.NaN : Number.POSITIVE_INFINITY;
  let s = 0;
  for (const v of x) s += (v / scale) ** 2;
  return scale * Math.sqrt(s);
}

/** The transpose (conjugate transpose when `conjugate`). */
export function transpose(f: Square, x: Float, conjugate = false): Float {
  const { n, lanes } = f;
  const out = zeros(f);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out[lanes * (j * n + i)] = x[lanes * (i * n + j)];
      if (lanes === 2) out[2 * (j * n + i) + 1] = conjugate ? -x[2 * (i * n + j) + 1] : x[2 * (i * n + j) + 1];
    }
  }
  return out;
}

/** LU factors of a (getrf): the packed factors and pivots, and whether a pivot was exactly zero. */
export interface Factors {
  readonly lu: Float;
  readonly piv: Int32Array;
  readonly singular: boolean;
}

export function luFactorOf(f: Square, a: Float): Factors {
  const lu = copyOf(a);
  const piv = new Int32Array(f.n);
  const info = kernelsFor(f.dtype).getrf(lu, 0, f.n, f.n, piv, 0);
  return { lu, piv, singular: info !== 0 };
}

/** Solves A X = B (or Aᵀ X = B, Aᴴ X = B for `trans` 1, 2) for the n×k matrix B in place, from A's factors (getrs). */
export function luSolveInPlace(f: Square, factors: Factors, b: Float, k = f.n, trans: 0 | 1 | 2 = 0): Float {
  const kern = kernelsFor(f.dtype);
  const { lu, piv } = factors;
  if (trans === 0) {
    kern.laswp(b, 0, k, piv, 0, f.n, false);
    kern.trsm(lu, 0, f.n, b, 0, k, true, 0, true);
    kern.trsm(lu, 0, f.n, b, 0, k, false, 0, false);
  } else {
    kern.trsm(lu, 0, f.n, b, 0, k, false, trans, false);
    kern.trsm(lu, 0, f.n, b, 0, k, true, trans, true);
    kern.laswp(b, 0, k, piv, 0, f.n, true);
  }
  return b;
}

/** The slice `index` of n×n matrices in a stack's buffer, as its own buffer. */
export function sliceOf(data: Float, f: Square, index: number): Float {
  const size = f.lanes * f.n * f.n;
  return data.slice(index * size, (index + 1) * size);
}

/** How a factor enters a product: as it is, or its conjugate transpose (the transpose for real types). */
export type Op = 'N' | 'H';

/** An m×n matrix in a row-major buffer of type `dtype`. */
export interface Rect {
  readonly data: Float;
  readonly rows: number;
  readonly cols: number;
}

/** op(a) · op(b) for rectangular a and b (gemm), in `dtype`'s precision. */
export function product(dtype: LapackDtype, a: Rect, opA: Op, b: Rect, opB: Op): Rect {
  const lanes = isComplex(dtype) ? 2 : 1;
  const m = opA === 'N' ? a.rows : a.cols;
  const k = opA === 'N' ? a.cols : a.rows;
  const n = opB === 'N' ? b.cols : b.rows;
  const out = allocateFloat(dtype, m * n);
  const sa = opA === 'N' ? -1 : 1;
  const sb = opB === 'N' ? -1 : 1;
  // element (i, l) of op(x): index and the sign of its imaginary part
  const at = (x: Rect, op: Op, i: number, l: number) => lanes * (op === 'N' ? i * x.cols + l : l * x.cols + i);
  const row = new Float64Array(lanes * n);
  for (let i = 0; i < m; i++) {
    row.fill(0);
    for (let l = 0; l < k; l++) {
      const p = at(a, opA, i, l);
      const ar = a.data[p];
      const ai = lanes === 2 ? -sa * a.data[p + 1] : 0;
      if (ar === 0 && ai === 0) continue;
      for (let j = 0; j < n; j++) {
        const q = at(b, opB, l, j);
        if (lanes === 1) row[j] += ar * b.data[q];
        else {
          const br = b.data[q];
          const bi = -sb * b.data[q + 1];
          row[2 * j] += ar * br - ai * bi;
          row[2 * j + 1] += ar * bi + ai * br;
        }
      }
    }
    for (let j = 0; j < lanes * n; j++) out[lanes * i * n + j] = row[j];
  }
  return { data: out, rows: m, cols: n };
}
