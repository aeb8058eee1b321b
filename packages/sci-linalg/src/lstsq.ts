/**
 * `lstsq`: SciPy's least-squares solver, min ‖b − a x‖₂ with the minimum-norm x when a is
 * rank-deficient. The solution comes from a's SVD (svd.ts): x = V_r Σ_r⁻¹ U_rᴴ b over the r
 * singular values above cond·s[0] — the solution LAPACK's gelsd, gelss and gelsy all define.
 */
import { type NDArray, reshape } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { ShapeError } from '@sciport/dispatch-core';
import { gemm, type MatrixView, view } from './kernels/gemm.js';
import { checkChoice, checkThreshold, type LstsqDriver, type LstsqOptions } from './least-squares-options.js';
import { readFunctionOptions } from './options.js';
import {
  allocateFloat,
  batchCount,
  broadcastBatch,
  checkFiniteValues,
  checkMatrix,
  type Float,
  fromData,
  isComplex,
  type LapackDtype,
  lapackDtype,
  realOf,
  toArray,
  toStack,
} from './stack.js';
import { decompose } from './svd.js';

const DRIVERS: readonly LstsqDriver[] = ['gelsd', 'gelsy', 'gelss'];

/** Unit roundoff as numpy's finfo(dtype).eps (the spacing at 1). */
export function epsilonOf(dtype: LapackDtype): number {
  return realOf(dtype) === 'float32' ? 2 ** -23 : 2 ** -52;
}

/** `lstsq`'s result: [x, residues, rank, s] (rank an int64 array and s batched for a stack; s null for gelsy). */
export type LstsqResult = [NDArray, NDArray, number | NDArray, NDArray | null];

/** The effective rank: the number of singular values (descending) above `threshold`. */
export function rankOf(s: Float, so: number, q: number, threshold: number): number {
  let r = 0;
  while (r < q && s[so + r] > threshold) r++;
  return r;
}

/**
 * SciPy's `lstsq(a, b)`: a is [..., M, N], b [M] or [..., M, K] (batches broadcast).
 * Returns [x, residues, rank, s]: x [..., N] or [..., N, K]; residues the squared residual
 * norms per column when M > N and rank = N (else empty, as SciPy); s the singular values.
 */
export function lstsqHost(a: unknown, b: unknown, options?: LstsqOptions): LstsqResult {
  const o = readFunctionOptions(options, 'lstsq');
  const driver = checkChoice(o.lapackDriver, DRIVERS, 'gelsd', 'lapackDriver', 'LAPACK driver is not found');
  const cond = checkThreshold(o.cond, 'cond');
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const A = toArray(a);
  const B = toArray(b);
  checkMatrix(A, 'a', 'lstsq');
  if (B.ndim === 0) {
    throw new ShapeError('lstsq: b must be a vector [M] or a matrix [..., M, K], got a scalar.', { argument: 'b', hint: 'Pass b with M rows.' });
  }
  if (checkFinite) {
    checkFiniteValues(A, 'a', 'lstsq');
    checkFiniteValues(B, 'b', 'lstsq');
  }
  const vector = B.ndim === 1;
  const bMatrix = vector ? reshape(B, [B.shape[0], 1]) : B;
  const m = A.shape[A.ndim - 2];
  const n = A.shape[A.ndim - 1];
  if (bMatrix.shape[bMatrix.ndim - 2] !== m) {
    throw new ShapeError(`lstsq: shape mismatch: a and b should have the same number of rows (${m} != ${bMatrix.shape[bMatrix.ndim - 2]}).`, {
      argument: 'b',
      hint: `b must have ${m} rows: shape [${m}] or [..., ${m}, K].`,
    });
  }
  const batch = broadcastBatch(A.shape.slice(0, -2), bMatrix.shape.slice(0, -2), 'b', 'lstsq');
  const dtype = lapackDtype(A.dtype, B.dtype);
  const k = bMatrix.shape[bMatrix.ndim - 1];
  const count = batchCount(batch);
  const lanes = isComplex(dtype) ? 2 : 1;
  const xShape = vector ? [...batch, n] : [...batch, n, k];
  const perColumn = vector ? [] : [k];
  const stackA = toStack(A, dtype, batch);
  const stackB = toStack(bMatrix, dtype, batch);
  const rankOut = (ranks: number[]) => (batch.length === 0 ? ranks[0] : fromData(BigInt64Array.from(ranks, BigInt), batch, 'int64'));
  if (m === 0 || n === 0) return emptyProblem(stackB.data, { m, n, k, count, batch, dtype, xShape, perColumn, lanes, rankOut, bDtype: B.dtype });

  const q = Math.min(m, n);
  const { s, u, vh } = decompose(stackA, true, false);
  const sv = s.toTypedArray() as Float;
  const ud = (u as NDArray).toTypedArray() as Float;
  const vd = (vh as NDArray).toTypedArray() as Float;
  const x = allocateFloat(dtype, count * n * k);
  const residues = allocateFloat(realOf(dtype), count * k);
  const ranks: number[] = [];
  const rcond = cond === null || cond < 0 ? epsilonOf(dtype) : cond;
  for (let t = 0; t < count; t++) {
    const r = rankOf(sv, t * q, q, rcond * sv[t * q]);
    ranks.push(r);
    minimumNormSolve({ dtype, u: ud, v: vd, s: sv, t, m, n, r }, view(stackB.data, t * m * k, m, k), view(x, t * n * k, n, k));
    if (m > n && r === n) residualNorms(lanes, stackA.data, t * m * n, m, n, x, t * n * k, stackB.data, t * m * k, k, residues, t * k);
  }
  const full = ranks.every((r) => m > n && r === n);
  if (!full && ranks.some((r) => m > n && r === n)) {
    throw new ShapeError('lstsq: the residues of the slices have different shapes (some slices are rank-deficient), as in SciPy.', {
      argument: 'a',
      hint: 'Solve the rank-deficient slices separately.',
    });
  }
  const resid = full && driver !== 'gelsy' ? fromData(residues, [...batch, ...perColumn], realOf(dtype)) : fromData(allocateFloat(dtype, 0), [...batch, 0], dtype);
  return [fromData(x, xShape, dtype), resid, rankOut(ranks), driver === 'gelsy' ? null : s];
}

/** The thin SVD of slice t of an m×n stack (U m×q, s q, Vᴴ q×n, q = min(m, n)) and the rank r used. */
export interface SvdSlice {
  readonly dtype: LapackDtype;
  readonly u: Float;
  readonly v: Float;
  readonly s: Float;
  readonly t: number;
  readonly m: number;
  readonly n: number;
  readonly r: number;
}

/**
 * x = V_r Σ_r⁻¹ U_rᴴ rhs, the minimum-norm least-squares solution over the r leading
 * singular triplets (rhs m×k, x n×k): c = Uᴴ rhs with row i divided by σᵢ below r and
 * zeroed past it, then x = (Vᴴ)ᴴ c.
 */
export function minimumNormSolve(svd: SvdSlice, rhs: MatrixView, x: MatrixView): void {
  const { m, n, r, t } = svd;
  const lanes = isComplex(svd.dtype) ? 2 : 1;
  const q = Math.min(m, n);
  const k = rhs.cols;
  const c = allocateFloat(svd.dtype, q * k);
  gemm(lanes, view(svd.u, t * m * q, m, q), 2, rhs, 0, view(c, 0, q, k));
  for (let i = 0; i < q; i++) {
    const sigma = svd.s[t * q + i];
    for (let j = 0; j < lanes * k; j++) c[lanes * i * k + j] = i < r ? c[lanes * i * k + j] / sigma : 0;
  }
  gemm(lanes, view(svd.v, t * q * n, q, n), 2, view(c, 0, q, k), 0, x);
}

/** ‖b − a x‖² of each column, in the real type (SciPy sums |x[n:]|² from LAPACK; the same quantity). */
function residualNorms(lanes: number, a: Float, ao: number, m: number, n: number, x: Float, xo: number, b: Float, bo: number, k: number, out: Float, oo: number): void {
  const ax = new Float64Array(lanes * m * k);
  gemm(lanes, view(a, ao, m, n), 0, view(x, xo, n, k), 0, view(ax, 0, m, k));
  for (let j = 0; j < k; j++) {
    let sum = 0;
    for (let i = 0; i < m; i++) {
      for (let l = 0; l < lanes; l++) {
        const d = b[lanes * (bo + i * k + j) + l] - ax[lanes * (i * k + j) + l];
        sum += d * d;
      }
    }
    out[oo + j] = sum;
  }
}

interface EmptyProblem {
  m: number;
  n: number;
  k: number;
  count: number;
  batch: number[];
  dtype: LapackDtype;
  xShape: number[];
  perColumn: number[];
  lanes: number;
  bDtype: NDArray['dtype'];
  rankOut: (ranks: number[]) => number | NDArray;
}

/** SciPy's answer without LAPACK when a has no rows or no columns: x = 0, rank 0, s empty (float64). */
function emptyProblem(b: Float, p: EmptyProblem): LstsqResult {
  const x = fromData(allocateFloat(p.dtype, p.count * p.n * p.k), p.xShape, p.dtype);
  const s = fromData(new Float64Array(0), [...p.batch, 0], 'float64');
  const ranks = new Array<number>(p.count).fill(0);
  if (p.n > 0) return [x, fromData(new Float64Array(0), [...p.batch, 0], 'float64'), p.rankOut(ranks), s];
  // no columns: every residual is all of b, ‖b‖² per column in b's real type
  const real = realOf(lapackDtype(p.bDtype));
  const residues = allocateFloat(real, p.count * p.k);
  for (let t = 0; t < p.count; t++) {
    for (let j = 0; j < p.k; j++) {
      let sum = 0;
      for (let i = 0; i < p.m; i++) for (let l = 0; l < p.lanes; l++) sum += b[p.lanes * (t * p.m * p.k + i * p.k + j) + l] ** 2;
      residues[t * p.k + j] = sum;
    }
  }
  return [x, fromData(residues, [...p.batch, ...p.perColumn], real), p.rankOut(ranks), s];
}
