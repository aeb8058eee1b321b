/**
 * Bases of the fundamental subspaces from the SVD, as SciPy computes them: `orth` (range:
 * the leading left singular vectors), `nullSpace` (the trailing right singular vectors) and
 * `subspaceAngles` (principal angles by Knyazev & Argentati's sine/cosine formula).
 */
import type { NDArray } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { ShapeError } from '@sciport/dispatch-core';
import { gemm, view } from './kernels/gemm.js';
import { checkChoice, checkThreshold, type NullSpaceOptions, type OrthOptions } from './least-squares-options.js';
import { epsilonOf, rankOf } from './lstsq.js';
import { readMatrix } from './lu.js';
import { readFunctionOptions } from './options.js';
import { allocateFloat, batchCount, broadcastBatch, checkFiniteValues, checkMatrix, type Float, fromData, isComplex, lapackDtype, realOf, type Stack, toArray, toStack } from './stack.js';
import { decompose } from './svd.js';

/** The effective rank of each slice: singular values above rcond·max(s) (default rcond ε·max(M, N)). */
function ranksOf(s: Float, count: number, q: number, rcond: number): number[] {
  const ranks: number[] = [];
  for (let t = 0; t < count; t++) ranks.push(rankOf(s, t * q, q, rcond * (q > 0 ? s[t * q] : 0)));
  return ranks;
}

/** SciPy stacks per-slice results, so a stack whose slices have different ranks fails there too. */
function commonRank(ranks: number[], fn: string): number {
  if (ranks.some((r) => r !== ranks[0])) {
    throw new ShapeError(`${fn}: the slices have different effective ranks [${ranks.join(', ')}], so their bases do not stack (as in SciPy).`, {
      argument: 'A',
      hint: 'Call it on each matrix separately.',
    });
  }
  return ranks[0] ?? 0;
}

/** Columns c0..c1 of every m×cols matrix of `data`, copied into `out`. */
function columns(data: Float, count: number, m: number, cols: number, c0: number, c1: number, lanes: number, out: Float): void {
  const w = c1 - c0;
  for (let t = 0; t < count; t++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < w; j++) {
        for (let l = 0; l < lanes; l++) out[lanes * (t * m * w + i * w + j) + l] = data[lanes * (t * m * cols + i * cols + c0 + j) + l];
      }
    }
  }
}

function rcondOf(value: unknown, stack: Stack): number {
  return checkThreshold(value, 'rcond') ?? epsilonOf(stack.dtype) * Math.max(stack.rows, stack.cols);
}

/** SciPy's `orth(A)`: an orthonormal basis of A's range ([..., M, K], K the effective rank). */
export function orthHost(A: unknown, options?: OrthOptions): NDArray {
  const o = readFunctionOptions(options, 'orth');
  const stack = readMatrix(A, 'orth', true, 'A');
  const rcond = rcondOf(o.rcond, stack);
  const { rows: m, cols: n, batch, dtype } = stack;
  const q = Math.min(m, n);
  const count = batchCount(batch);
  const { s, u } = decompose(stack, true, false);
  const r = commonRank(ranksOf(s.toTypedArray() as Float, count, q, rcond), 'orth');
  const out = allocateFloat(dtype, count * m * r);
  columns((u as NDArray).toTypedArray() as Float, count, m, q, 0, r, isComplex(dtype) ? 2 : 1, out);
  return fromData(out, [...batch, m, r], dtype);
}

/** SciPy's `null_space(A)`: an orthonormal basis of A's null space ([..., N, N − rank]). */
export function nullSpaceHost(A: unknown, options?: NullSpaceOptions): NDArray {
  const o = readFunctionOptions(options, 'nullSpace');
  checkChoice(o.lapackDriver, ['gesdd', 'gesvd'], 'gesdd', 'lapackDriver', 'lapack_driver must be "gesdd" or "gesvd"');
  const stack = readMatrix(A, 'nullSpace', checkBoolean(o.checkFinite, 'checkFinite', true), 'A');
  const rcond = rcondOf(o.rcond, stack);
  const { rows: m, cols: n, batch, dtype } = stack;
  const q = Math.min(m, n);
  const count = batchCount(batch);
  const lanes = isComplex(dtype) ? 2 : 1;
  const { s, vh } = decompose(stack, true, true);
  const r = commonRank(ranksOf(s.toTypedArray() as Float, count, q, rcond), 'nullSpace');
  // Z = Vh[r:, :]ᴴ
  const vd = (vh as NDArray).toTypedArray() as Float;
  const w = n - r;
  const out = allocateFloat(dtype, count * n * w);
  for (let t = 0; t < count; t++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < w; j++) {
        const from = lanes * (t * n * n + (r + j) * n + i);
        const to = lanes * (t * n * w + i * w + j);
        out[to] = vd[from];
        if (lanes === 2) out[to + 1] = -vd[from + 1];
      }
    }
  }
  return fromData(out, [...batch, n, w], dtype);
}

/** The slice's basis (m×k at offset 0 of a fresh buffer) and its column count. */
interface Basis {
  readonly data: Float;
  readonly cols: number;
}

function orthSlice(stack: Stack, t: number): Basis {
  const { rows: m, cols: n, dtype } = stack;
  const lanes = isComplex(dtype) ? 2 : 1;
  const one: Stack = { data: stack.data.subarray(lanes * t * m * n, lanes * (t + 1) * m * n) as Float, dtype, batch: [], rows: m, cols: n };
  const q = Math.min(m, n);
  const { s, u } = decompose(one, true, false);
  const r = ranksOf(s.toTypedArray() as Float, 1, q, epsilonOf(dtype) * Math.max(m, n))[0];
  const out = allocateFloat(dtype, m * r);
  columns((u as NDArray).toTypedArray() as Float, 1, m, q, 0, r, lanes, out);
  return { data: out, cols: r };
}

/** Singular values of an m×n buffer, descending (a fresh one-matrix stack). */
function singularValues(data: Float, dtype: Stack['dtype'], m: number, n: number): Float {
  return decompose({ data, dtype, batch: [], rows: m, cols: n }, false, false).s.toTypedArray() as Float;
}

/**
 * SciPy's `subspace_angles(A, B)`: the principal angles between the column spaces of A
 * ([..., M, N]) and B ([..., M, K]), in descending order, in radians (Knyazev & Argentati,
 * "Principal angles between subspaces in an A-based scalar product", SIAM J. Sci. Comput. 23,
 * 2002): cosines from the SVD of QAᴴ QB, and sines from the SVD of the part of one basis
 * outside the other where the cosine is not small (σ² ≥ 1/2), for accuracy at small angles.
 */
export function subspaceAnglesHost(A: unknown, B: unknown): NDArray {
  const a = toArray(A);
  const b = toArray(B);
  checkMatrix(a, 'A', 'subspaceAngles');
  checkMatrix(b, 'B', 'subspaceAngles');
  checkFiniteValues(a, 'A', 'subspaceAngles');
  checkFiniteValues(b, 'B', 'subspaceAngles');
  const m = a.shape[a.ndim - 2];
  if (b.shape[b.ndim - 2] !== m) {
    throw new ShapeError(`subspaceAngles: A and B must have the same number of rows, got ${m} and ${b.shape[b.ndim - 2]}.`, {
      argument: 'B',
      hint: 'Both matrices hold column vectors of the same space.',
    });
  }
  const batch = broadcastBatch(a.shape.slice(0, -2), b.shape.slice(0, -2), 'B', 'subspaceAngles');
  const dtype = lapackDtype(a.dtype);
  const dtypeB = lapackDtype(b.dtype);
  const sa = toStack(a, dtype, batch);
  const sb = toStack(b, dtypeB, batch);
  const count = batchCount(batch);
  const results: Float[] = [];
  for (let t = 0; t < count; t++) results.push(anglesOf(orthSlice(sa, t), orthSlice(sb, t), m, lapackDtype(a.dtype, b.dtype)));
  const len = results[0]?.length ?? 0;
  if (results.some((r) => r.length !== len)) {
    throw new ShapeError('subspaceAngles: the slices have different numbers of angles, so they do not stack (as in SciPy).', {
      argument: 'A',
      hint: 'Call it on each pair of matrices separately.',
    });
  }
  const real = realOf(lapackDtype(a.dtype, b.dtype));
  const out = allocateFloat(real, count * len);
  for (let t = 0; t < count; t++) out.set(results[t], t * len);
  return fromData(out, [...batch, len], real);
}

/** The angles between span(QA) and span(QB) (orthonormal m×ka and m×kb bases), computed in `dtype`. */
function anglesOf(qa: Basis, qb: Basis, m: number, dtype: Stack['dtype']): Float {
  const lanes = isComplex(dtype) ? 2 : 1;
  const A = convert(qa.data, dtype);
  const Bq = convert(qb.data, dtype);
  const ka = qa.cols;
  const kb = qb.cols;
  // QAᴴ QB and its singular values: the cosines, descending
  const cross = allocateFloat(dtype, ka * kb);
  gemm(lanes, view(A, 0, m, ka), 2, view(Bq, 0, m, kb), 0, view(cross, 0, ka, kb));
  const sigma = singularValues(cross.slice(), dtype, ka, kb);
  const k = sigma.length;
  const theta = allocateFloat(realOf(dtype), k);
  const mask = Array.from(sigma, (c) => c * c >= 0.5);
  let sines: Float | null = null;
  if (mask.some(Boolean)) {
    // the part of the larger basis' complement: QB − QA (QAᴴ QB), or QA − QB (QAᴴ QB)ᴴ
    const wide = ka >= kb;
    const cols = wide ? kb : ka;
    const rest = allocateFloat(dtype, m * cols);
    if (wide) gemm(lanes, view(A, 0, m, ka), 0, view(cross, 0, ka, kb), 0, view(rest, 0, m, cols));
    else gemm(lanes, view(Bq, 0, m, kb), 0, view(cross, 0, ka, kb), 2, view(rest, 0, m, cols));
    const own = wide ? Bq : A;
    for (let i = 0; i < lanes * m * cols; i++) rest[i] = own[i] - rest[i];
    sines = singularValues(rest, dtype, m, cols);
  }
  for (let i = 0; i < k; i++) {
    theta[i] = mask[i] ? Math.asin(clip((sines as Float)[i])) : Math.acos(clip(sigma[k - 1 - i]));
  }
  return theta;
}

function clip(x: number): number {
  return Math.min(1, Math.max(-1, x));
}

/** A basis in the common type (float32 → float64 when the other input is double). */
function convert(data: Float, dtype: Stack['dtype']): Float {
  const out = allocateFloat(dtype, isComplex(dtype) ? data.length / 2 : data.length);
  if (out.length === data.length) out.set(data);
  else for (let i = 0; i < data.length; i++) out[2 * i] = data[i];
  return out;
}
