/**
 * Singular value decomposition: `svd`, `svdvals` and `diagsvd`. Small matrices (min(M, N)
 * below HOUSEHOLDER_SVD_MIN) go through a one-sided Jacobi SVD (kernels/jacobi-svd.ts) of A,
 * or of Aᴴ when A is wide; larger ones through LAPACK's route, Householder bidiagonalization
 * and bidiagonal QR (kernels/householder-svd.ts). Values are sorted descending, as LAPACK's.
 */
import { isComplexDtype, NDArray } from '@sciport/array-api';
import { checkBoolean, describe } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { LinAlgError } from './errors.js';
import { householderSvd } from './kernels/householder-svd.js';
import { columnNorm, completeBasis, jacobiOrthogonalize } from './kernels/jacobi-svd.js';
import { readMatrix } from './lu.js';
import { SMALL_SVD_ORDER, smallSvd } from './small/svd.js';
import { type FiniteOptions, type OverwriteAOptions, readFunctionOptions } from './options.js';
import { allocateFloat, batchCount, type Float, fromData, isComplex, realOf, type Stack, toArray } from './stack.js';

export interface SvdvalsOptions extends FiniteOptions, OverwriteAOptions {}

export interface SvdOptions extends SvdvalsOptions {
  /** U m×m and Vᴴ n×n (true, the default), or U m×k and Vᴴ k×n with k = min(m, n). */
  fullMatrices?: boolean;
  /** Return [U, s, Vᴴ] (true, the default) or s alone. */
  computeUv?: boolean;
  /** SciPy's choice of LAPACK routine, 'gesdd' (default) or 'gesvd': the same decomposition here. */
  lapackDriver?: 'gesdd' | 'gesvd';
}

/** `svd`'s results: [U, s, Vᴴ], or s alone with `computeUv: false`. */
export interface SvdFunction {
  (a: unknown, options?: SvdOptions & { computeUv?: true }): [NDArray, NDArray, NDArray];
  (a: unknown, options: SvdOptions & { computeUv: false }): NDArray;
  (a: unknown, options?: SvdOptions): [NDArray, NDArray, NDArray] | NDArray;
}

/**
 * From this min(M, N) on, bidiagonalization is faster than Jacobi, whose several sweeps cost
 * O(n³) each (measured, best of 40: at 8 equal for real and Jacobi 1.6× faster for complex
 * matrices; at 12 bidiagonalization 1.4× (real) and 2× (complex) faster, at 16 three times).
 */
const HOUSEHOLDER_SVD_MIN = 10;

export interface Decomposition {
  s: NDArray;
  u?: NDArray;
  vh?: NDArray;
}

/**
 * The SVD of every matrix of the stack. With `vectors`, U (m×m or m×k) and Vᴴ (n×n or k×n);
 * the columns of U (rows of Vᴴ) beyond the nonzero singular values complete an orthonormal basis.
 */
export function decompose(stack: Stack, vectors: boolean, full: boolean): Decomposition {
  const { rows: m, cols: n, batch, dtype, data } = stack;
  const lanes = isComplex(dtype) ? 2 : 1;
  const tall = m >= n;
  const p = Math.max(m, n);
  const q = Math.min(m, n);
  const count = batchCount(batch);
  if (lanes === 1 && p <= SMALL_SVD_ORDER) {
    // many small real matrices: the same method without per-matrix allocations
    const small = smallSvd(stack, vectors, full);
    return {
      s: fromData(small.s, [...batch, q], realOf(dtype)),
      u: small.u === null ? undefined : fromData(small.u, [...batch, m, full ? m : q], dtype),
      vh: small.vh === null ? undefined : fromData(small.vh, [...batch, full ? n : q, n], dtype),
    };
  }
  const eps = realOf(dtype) === 'float32' ? 2 ** -24 : 2 ** -53;
  const s = allocateFloat(realOf(dtype), count * q);
  const uCols = full ? m : q;
  const vhRows = full ? n : q;
  const u = vectors ? allocateFloat(dtype, count * m * uCols) : null;
  const vh = vectors ? allocateFloat(dtype, count * vhRows * n) : null;
  for (let b = 0; b < count; b++) {
    const o = b * m * n;
    if (!allFinite(data, lanes * o, lanes * (o + m * n))) {
      // as LAPACK's gesdd under SciPy: a NaN is refused, an infinity gives NaN results
      s.fill(Number.NaN, b * q, (b + 1) * q);
      u?.fill(Number.NaN, lanes * b * m * uCols, lanes * (b + 1) * m * uCols);
      vh?.fill(Number.NaN, lanes * b * vhRows * n, lanes * (b + 1) * vhRows * n);
      continue;
    }
    if (q >= HOUSEHOLDER_SVD_MIN) {
      const result = householderSvd(data, o, m, n, lanes, vectors, full);
      if (result === null) throw notConverged('The bidiagonal QR iteration did not converge; check the input for extreme values.');
      s.set(result.s, b * q);
      if (result.u !== null) u?.set(result.u, lanes * b * m * uCols);
      if (result.vh !== null) vh?.set(result.vh, lanes * b * vhRows * n);
      continue;
    }
    // the q columns of A (tall) or of Aᴴ (wide), each of length p
    const w = allocateFloat(dtype, p * q);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const from = lanes * (o + i * n + j);
        const to = lanes * (tall ? j * p + i : i * p + j);
        w[to] = data[from];
        if (lanes === 2) w[to + 1] = tall ? data[from + 1] : -data[from + 1];
      }
    }
    const v = vectors ? identity(q, lanes, dtype) : null;
    if (!jacobiOrthogonalize(w, p, q, lanes, v, eps)) {
      throw notConverged('The Jacobi sweeps did not converge; check the input for extreme values.');
    }
    const norms = Array.from({ length: q }, (_, j) => columnNorm(w, lanes, p, lanes * j * p));
    const order = norms.map((_, j) => j).sort((x, y) => norms[y] - norms[x]);
    for (let t = 0; t < q; t++) s[b * q + t] = norms[order[t]];
    if (u === null || vh === null || v === null) continue;
    // the long singular vectors (columns of w normalised), completed to `longCols` columns
    const longCols = tall ? uCols : vhRows;
    const x = allocateFloat(dtype, p * longCols);
    const have = new Array<boolean>(longCols).fill(false);
    for (let t = 0; t < q; t++) {
      const sigma = norms[order[t]];
      if (sigma === 0) continue;
      for (let i = 0; i < lanes * p; i++) x[lanes * t * p + i] = w[lanes * order[t] * p + i] / sigma;
      have[t] = true;
    }
    completeBasis(x, p, longCols, have, lanes);
    // long vectors: U's columns (tall) or Vᴴ's rows conjugated (wide); short ones from v
    for (let t = 0; t < longCols; t++) {
      for (let i = 0; i < p; i++) {
        const from = lanes * (t * p + i);
        const to = tall ? lanes * (b * m * uCols + i * uCols + t) : lanes * (b * vhRows * n + t * n + i);
        const target = tall ? u : vh;
        target[to] = x[from];
        if (lanes === 2) target[to + 1] = tall ? x[from + 1] : -x[from + 1];
      }
    }
    for (let t = 0; t < q; t++) {
      for (let i = 0; i < q; i++) {
        const from = lanes * (order[t] * q + i);
        const to = tall ? lanes * (b * vhRows * n + t * n + i) : lanes * (b * m * uCols + i * uCols + t);
        const target = tall ? vh : u;
        target[to] = v[from];
        if (lanes === 2) target[to + 1] = tall ? -v[from + 1] : v[from + 1];
      }
    }
  }
  return {
    s: fromData(s, [...batch, q], realOf(dtype)),
    u: u === null ? undefined : fromData(u, [...batch, m, uCols], dtype),
    vh: vh === null ? undefined : fromData(vh, [...batch, vhRows, n], dtype),
  };
}

function notConverged(hint: string): LinAlgError {
  return new LinAlgError('SVD did not converge.', { argument: 'a', hint });
}

/** True when data[from..to) is finite; throws for a NaN (SciPy's "A has a NaN entry"). */
function allFinite(data: Float, from: number, to: number): boolean {
  let finite = true;
  for (let i = from; i < to; i++) {
    if (Number.isNaN(data[i])) {
      throw new InvalidArgumentError('svd: a has a NaN entry.', {
        argument: 'a',
        hint: 'Remove the NaN values (checkFinite: true reports them before the decomposition).',
      });
    }
    if (!Number.isFinite(data[i])) finite = false;
  }
  return finite;
}

function identity(q: number, lanes: number, dtype: Stack['dtype']) {
  const v = allocateFloat(dtype, q * q);
  for (let j = 0; j < q; j++) v[lanes * (j * q + j)] = 1;
  return v;
}

/** The singular values of every matrix of the stack, [..., min(M, N)] in descending order (for `norm`). */
export function singularValuesOf(stack: Stack): NDArray {
  return decompose(stack, false, false).s;
}

function checkDriver(value: unknown): void {
  if (value === undefined || value === 'gesdd' || value === 'gesvd') return;
  throw new InvalidArgumentError(`svd: lapackDriver must be "gesdd" or "gesvd", not ${describe(value)}.`, {
    argument: 'lapackDriver',
    hint: "Use 'gesdd' or 'gesvd' (both give the same decomposition here).",
  });
}

/** SciPy's `svd` of a ([..., M, N]): [U, s, Vᴴ] with a = U diag(s) Vᴴ, or s alone. */
export function svdHost(a: unknown, options?: SvdOptions): [NDArray, NDArray, NDArray] | NDArray {
  const o = readFunctionOptions(options, 'svd');
  const full = checkBoolean(o.fullMatrices, 'fullMatrices', true);
  const vectors = checkBoolean(o.computeUv, 'computeUv', true);
  checkDriver(o.lapackDriver);
  const stack = readMatrix(a, 'svd', checkBoolean(o.checkFinite, 'checkFinite', true));
  const { s, u, vh } = decompose(stack, vectors, full);
  return u === undefined || vh === undefined ? s : [u, s, vh];
}

/** SciPy's `svdvals`: the singular values of a ([..., M, N]), in descending order. */
export function svdvalsHost(a: unknown, options?: SvdvalsOptions): NDArray {
  const o = readFunctionOptions(options, 'svdvals');
  const stack = readMatrix(a, 'svdvals', checkBoolean(o.checkFinite, 'checkFinite', true));
  return decompose(stack, false, false).s;
}

function checkDimension(value: unknown, argument: string): number {
  if (Number.isInteger(value) && (value as number) >= 0) return value as number;
  throw new InvalidArgumentError(`diagsvd: ${argument} must be a non-negative integer, got ${describe(value)}.`, {
    argument,
    hint: 'Pass the number of rows (M) and columns (N) of the result.',
  });
}

/** SciPy's `diagsvd(s, M, N)`: the M×N matrix with s on its diagonal (s's length M or N), in s's dtype. */
export function diagsvdHost(s: unknown, M: number, N: number): NDArray {
  const rows = checkDimension(M, 'M');
  const cols = checkDimension(N, 'N');
  const values = toArray(s);
  if (values.ndim !== 1 || (values.shape[0] !== rows && values.shape[0] !== cols)) {
    throw new ShapeError(`diagsvd: length of s must be M or N (${rows} or ${cols}), got shape [${values.shape.join(', ')}].`, {
      argument: 's',
      hint: 'Pass the singular values as a 1-D array of length M or N.',
    });
  }
  const source = values.toTypedArray();
  const lanes = isComplexDtype(values.dtype) ? 2 : 1;
  const Storage = source.constructor as new (length: number) => typeof source;
  const out = new Storage(lanes * rows * cols);
  for (let i = 0; i < Math.min(values.shape[0], rows, cols); i++) {
    for (let l = 0; l < lanes; l++) out[lanes * (i * cols + i) + l] = source[lanes * i + l];
  }
  return new NDArray(out, [rows, cols], values.dtype);
}
