/**
 * Updating a QR factorisation A = Q R after a change of A, by plane rotations (Golub & Van
 * Loan, Matrix Computations, §12.5): `qrUpdate` (A + u vᴴ, rank k), `qrInsert` (rows or
 * columns inserted) and `qrDelete` (rows or columns deleted), each O(M·N) per vector instead of
 * a new O(M·N²) factorisation. As in SciPy, R's diagonal is not made positive, so the factors
 * agree with SciPy's up to the phase of each column of Q (row of R).
 */
import { type NDArray, reshape } from '@sciport/array-api';
import { checkBoolean, checkInteger, describe } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { type BatchedArgument, overBatch } from './batch.js';
import { LinAlgError } from './errors.js';
import { gemm, view } from './kernels/gemm.js';
import { type Rotation, rotateColumns, rotateRows, rotationFor } from './kernels/givens.js';
import { checkThreshold } from './least-squares-options.js';
import { type FiniteOptions, readFunctionOptions } from './options.js';
import { allocateFloat, checkFiniteValues, type Float, fromData, isComplex, type LapackDtype, lapackDtype, toArray, toStack } from './stack.js';

export interface QrUpdateOptions extends FiniteOptions {
  /** SciPy's overwrite_qruv: accepted, unused (sciport never writes into its inputs). */
  overwriteQruv?: boolean;
}
export interface QrInsertOptions extends FiniteOptions {
  /** 'row' (default) or 'col'. */
  which?: 'row' | 'col';
  /** Economic column insertion: a column whose part outside range(Q) is below rcond·‖u‖ is refused (default ε). */
  rcond?: number | null;
  /** SciPy's overwrite_qru: accepted, unused. */
  overwriteQru?: boolean;
}
export interface QrDeleteOptions extends FiniteOptions {
  /** Number of rows or columns to delete (default 1). */
  p?: number;
  /** 'row' (default) or 'col'. */
  which?: 'row' | 'col';
  /** SciPy's overwrite_qr: accepted, unused. */
  overwriteQr?: boolean;
}

/** Q (M×K) and R (K×N) copied into buffers of their common type, with u/v if given. */
interface Factors {
  dtype: LapackDtype;
  lanes: number;
  q: Float;
  r: Float;
  m: number;
  k: number;
  n: number;
}

function matrix2d(x: unknown, argument: string, fn: string, checkFinite: boolean): NDArray {
  const a = toArray(x);
  if (a.ndim !== 2) {
    throw new ShapeError(`${fn}: '${argument}' must be a 2-D array, got shape [${a.shape.join(', ')}].`, { argument, hint: 'Pass the factors of one matrix.' });
  }
  if (checkFinite) checkFiniteValues(a, argument, fn);
  return a;
}

function readFactors(Q: unknown, R: unknown, fn: string, checkFinite: boolean, extra: NDArray[]): Factors {
  const q = matrix2d(Q, 'Q', fn, checkFinite);
  const r = matrix2d(R, 'R', fn, checkFinite);
  const [m, k] = q.shape;
  const n = r.shape[1];
  if (r.shape[0] !== k || (k !== m && k > m)) {
    throw new ShapeError(`${fn}: Q [${q.shape.join(', ')}] and R [${r.shape.join(', ')}] are not the factors of one matrix.`, {
      argument: 'R',
      hint: 'Pass qr(a) (M×M and M×N) or qr(a, { mode: "economic" }) (M×N and N×N).',
    });
  }
  const dtype = lapackDtype(q.dtype, r.dtype, ...extra.map((x) => x.dtype));
  return { dtype, lanes: isComplex(dtype) ? 2 : 1, q: toStack(q, dtype).data, r: toStack(r, dtype).data, m, k, n };
}

/** `x` (a vector of length `len`, or len×p) as p column vectors of length len in one buffer (vector t at t·len). */
function columnsOf(x: NDArray, len: number, dtype: LapackDtype, argument: string, fn: string, asRows = false): { data: Float; count: number } {
  const ok = x.ndim === 1 ? x.shape[0] === len : x.ndim === 2 && x.shape[asRows ? 1 : 0] === len;
  if (!ok) {
    throw new ShapeError(`${fn}: '${argument}' has shape [${x.shape.join(', ')}], which does not fit the factorisation (length ${len} needed).`, {
      argument,
      hint: asRows ? `Pass a vector of length ${len} or a p×${len} array.` : `Pass a vector of length ${len} or a ${len}×p array.`,
    });
  }
  const lanes = isComplex(dtype) ? 2 : 1;
  const src = toStack(x.ndim === 1 ? reshape(x, [1, len]) : x, dtype).data;
  const count = x.ndim === 1 ? 1 : x.shape[asRows ? 0 : 1];
  if (x.ndim === 1 || asRows) return { data: src, count };
  // len×p: transpose into p vectors
  const out = allocateFloat(dtype, len * count);
  for (let i = 0; i < len; i++) for (let t = 0; t < count; t++) for (let l = 0; l < lanes; l++) out[lanes * (t * len + i) + l] = src[lanes * (i * count + t) + l];
  return { data: out, count };
}

function qhVector(f: Factors, u: Float, uo: number): Float {
  const w = allocateFloat(f.dtype, f.k);
  gemm(f.lanes, view(f.q, 0, f.m, f.k), 2, view(u, uo, f.m, 1), 0, view(w, 0, f.k, 1));
  return w;
}

/**
 * Rotations that zero w[rows − 1], …, w[stop + 1] from the bottom (each against the entry
 * above it), applied to w, to the rows of R and to the columns of Q.
 */
function chaseUp(w: Float, rows: number, stop: number, r: Float, rCols: number, q: Float, qRows: number, qCols: number, lanes: number): void {
  for (let j = rows - 1; j > stop; j--) {
    const g = rotationFor(w[lanes * (j - 1)], lanes === 2 ? w[lanes * (j - 1) + 1] : 0, w[lanes * j], lanes === 2 ? w[lanes * j + 1] : 0);
    rotateRows(w, 0, 1, j - 1, j, g, lanes);
    rotateRows(r, 0, rCols, j - 1, j, g, lanes);
    rotateColumns(q, 0, qRows, qCols, j - 1, j, g, lanes);
  }
}

/** Rotations zeroing R[j + 1, j] for j = from … (an upper Hessenberg R back to triangular), Q updated. */
function retriangularize(r: Float, rows: number, cols: number, q: Float, qRows: number, from: number, lanes: number): void {
  for (let j = from; j < Math.min(rows - 1, cols); j++) {
    const p = lanes * (j * cols + j);
    const s = lanes * ((j + 1) * cols + j);
    const g: Rotation = rotationFor(r[p], lanes === 2 ? r[p + 1] : 0, r[s], lanes === 2 ? r[s + 1] : 0);
    rotateRows(r, 0, cols, j, j + 1, g, lanes, j);
    rotateColumns(q, 0, qRows, rows, j, j + 1, g, lanes);
  }
}

/**
 * SciPy's `qr_update(Q, R, u, v)`: the factors of A + u vᴴ (u vᵀ when real), u [M] or [M, k],
 * v [N] or [N, k]; Q, R, u and v may carry batch dimensions (u and v as [..., M, k], [..., N, k]).
 */
export function qrUpdateHost(Q: unknown, R: unknown, u: unknown, v: unknown, options?: QrUpdateOptions): [NDArray, NDArray] {
  readFunctionOptions(options, 'qrUpdate');
  const args: BatchedArgument[] = [
    { value: Q, name: 'Q', core: 2 },
    { value: R, name: 'R', core: 2 },
    { value: u, name: 'u', core: '1|2' },
    { value: v, name: 'v', core: '1|2' },
  ];
  return overBatch('qrUpdate', args, (q, r, uu, vv) => qrUpdateMatrix(q, r, uu, vv, options));
}

function qrUpdateMatrix(Q: unknown, R: unknown, u: unknown, v: unknown, options?: QrUpdateOptions): [NDArray, NDArray] {
  const o = readFunctionOptions(options, 'qrUpdate');
  checkBoolean(o.overwriteQruv, 'overwriteQruv', false);
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const U = toArray(u);
  const V = toArray(v);
  if (checkFinite) {
    checkFiniteValues(U, 'u', 'qrUpdate');
    checkFiniteValues(V, 'v', 'qrUpdate');
  }
  if ((U.ndim === 1) !== (V.ndim === 1)) {
    throw new ShapeError('qrUpdate: u and v must both be vectors (rank 1) or both be matrices (rank k), as in SciPy.', {
      argument: 'v',
      hint: 'Pass u [M] with v [N], or u [M, k] with v [N, k].',
    });
  }
  const f = readFactors(Q, R, 'qrUpdate', checkFinite, [U, V]);
  const us = columnsOf(U, f.m, f.dtype, 'u', 'qrUpdate');
  const vs = columnsOf(V, f.n, f.dtype, 'v', 'qrUpdate');
  if (us.count !== vs.count) {
    throw new ShapeError(`qrUpdate: u and v must have the same number of columns (${us.count} != ${vs.count}).`, { argument: 'v', hint: 'Pass k columns in both.' });
  }
  const { lanes, m, n } = f;
  const economic = f.k < m;
  // the economic form works on [Q, q'] and [R; 0], q' the normalised part of u outside range(Q)
  const K = economic ? f.k + 1 : m;
  let q = f.q;
  let r = f.r;
  if (economic) {
    q = allocateFloat(f.dtype, m * K);
    r = allocateFloat(f.dtype, K * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < lanes * f.k; j++) q[lanes * i * K + j] = f.q[lanes * i * f.k + j];
    r.set(f.r);
  }
  for (let t = 0; t < us.count; t++) {
    const w = allocateFloat(f.dtype, K);
    if (economic) {
      w.set(outsideComponent(f, f.k, us.data, t * m, q));
    } else w.set(qhVector(f, us.data, t * m));
    chaseUp(w, K, 0, r, n, q, m, K, lanes);
    // R[0, :] += w[0] · conj(v)
    for (let c = 0; c < n; c++) {
      const vr = vs.data[lanes * (t * n + c)];
      const vi = lanes === 2 ? -vs.data[lanes * (t * n + c) + 1] : 0;
      r[lanes * c] += w[0] * vr - (lanes === 2 ? w[1] * vi : 0);
      if (lanes === 2) r[lanes * c + 1] += w[0] * vi + w[1] * vr;
    }
    retriangularize(r, K, n, q, m, 0, lanes);
  }
  if (!economic) return [fromData(q, [m, m], f.dtype), fromData(r, [m, n], f.dtype)];
  // drop the helper column of Q and the (now zero) last row of R
  const qOut = allocateFloat(f.dtype, m * f.k);
  for (let i = 0; i < m; i++) for (let j = 0; j < lanes * f.k; j++) qOut[lanes * i * f.k + j] = q[lanes * i * K + j];
  return [fromData(qOut, [m, f.k], f.dtype), fromData(r.slice(0, lanes * f.k * n), [f.k, n], f.dtype)];
}

/**
 * For the economic update: w = [Qᴴu; ρ] with ρ = ‖u − Q Qᴴ u‖ (Gram–Schmidt twice), and the
 * normalised remainder written into column k of q (left zero when u lies in range(Q)).
 */
function outsideComponent(f: Factors, k: number, u: Float, uo: number, q: Float): Float {
  const { lanes, m, dtype } = f;
  const K = k + 1;
  const w = allocateFloat(dtype, K);
  const rest = new Float64Array(lanes * m);
  for (let i = 0; i < lanes * m; i++) rest[i] = u[lanes * uo + i];
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < k; j++) {
      let re = 0;
      let im = 0;
      for (let i = 0; i < m; i++) {
        const qr = q[lanes * (i * K + j)];
        const qi = lanes === 2 ? q[lanes * (i * K + j) + 1] : 0;
        re += qr * rest[lanes * i] + (lanes === 2 ? qi * rest[lanes * i + 1] : 0);
        if (lanes === 2) im += qr * rest[lanes * i + 1] - qi * rest[lanes * i];
      }
      w[lanes * j] += re;
      if (lanes === 2) w[lanes * j + 1] += im;
      for (let i = 0; i < m; i++) {
        const qr = q[lanes * (i * K + j)];
        const qi = lanes === 2 ? q[lanes * (i * K + j) + 1] : 0;
        rest[lanes * i] -= qr * re - qi * im;
        if (lanes === 2) rest[lanes * i + 1] -= qr * im + qi * re;
      }
    }
  }
  let rho = 0;
  for (let i = 0; i < lanes * m; i++) rho = Math.hypot(rho, rest[i]);
  w[lanes * k] = rho;
  if (rho > 0) for (let i = 0; i < m; i++) for (let l = 0; l < lanes; l++) q[lanes * (i * K + k) + l] = rest[lanes * i + l] / rho;
  return w;
}

function checkWhich(value: unknown): 'row' | 'col' {
  if (value === undefined || value === 'row' || value === 'col') return (value ?? 'row') as 'row' | 'col';
  throw new InvalidArgumentError(`'which' must be either 'row' or 'col', got ${describe(value)}.`, { argument: 'which', hint: "Use 'row' or 'col'." });
}

/** SciPy's `qr_insert(Q, R, u, k)`: the factors after inserting u's rows (or columns) before row (column) k (batched as qrUpdate). */
export function qrInsertHost(Q: unknown, R: unknown, u: unknown, k: number, options?: QrInsertOptions): [NDArray, NDArray] {
  readFunctionOptions(options, 'qrInsert');
  const args: BatchedArgument[] = [
    { value: Q, name: 'Q', core: 2 },
    { value: R, name: 'R', core: 2 },
    { value: u, name: 'u', core: '1|2' },
  ];
  return overBatch('qrInsert', args, (q, r, uu) => qrInsertMatrix(q, r, uu, k, options));
}

function qrInsertMatrix(Q: unknown, R: unknown, u: unknown, k: number, options?: QrInsertOptions): [NDArray, NDArray] {
  const o = readFunctionOptions(options, 'qrInsert');
  checkBoolean(o.overwriteQru, 'overwriteQru', false);
  const which = checkWhich(o.which);
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const U = toArray(u);
  if (checkFinite) checkFiniteValues(U, 'u', 'qrInsert');
  const f = readFactors(Q, R, 'qrInsert', checkFinite, [U]);
  const { lanes, m, n, dtype } = f;
  const limit = which === 'row' ? m : n;
  const at = checkInteger(k, 'k', 0);
  if (at < 0 || at > limit) {
    throw new InvalidArgumentError(`qrInsert: k = ${at} is out of range [0, ${limit}].`, { argument: 'k', hint: `Insert before an index from 0 to ${limit}.` });
  }
  const economic = f.k < m;
  const rcond = checkThreshold(o.rcond, 'rcond') ?? (dtype === 'float32' || dtype === 'complex64' ? 2 ** -23 : 2 ** -52);
  const vs = columnsOf(U, which === 'row' ? n : m, dtype, 'u', 'qrInsert', which === 'row');
  let q = f.q;
  let r = f.r;
  let rows = m;
  let K = f.k;
  let cols = n;
  for (let t = 0; t < vs.count; t++) {
    if (which === 'row') {
      // [R; u] with Q ⊕ 1: rotate u's entries into R's rows, then move the new row of Q to k + t
      const q2 = allocateFloat(dtype, (rows + 1) * (K + 1));
      const r2 = allocateFloat(dtype, (K + 1) * cols);
      for (let i = 0; i < rows; i++) for (let j = 0; j < lanes * K; j++) q2[lanes * i * (K + 1) + j] = q[lanes * i * K + j];
      q2[lanes * (rows * (K + 1) + K)] = 1;
      r2.set(r.subarray(0, lanes * K * cols));
      r2.set(vs.data.subarray(lanes * t * cols, lanes * (t + 1) * cols), lanes * K * cols);
      for (let j = 0; j < Math.min(K, cols); j++) {
        const p = lanes * (j * cols + j);
        const s = lanes * (K * cols + j);
        const g = rotationFor(r2[p], lanes === 2 ? r2[p + 1] : 0, r2[s], lanes === 2 ? r2[s + 1] : 0);
        rotateRows(r2, 0, cols, j, K, g, lanes, j);
        rotateColumns(q2, 0, rows + 1, K + 1, j, K, g, lanes);
      }
      moveRow(q2, K + 1, rows, at + t, lanes);
      rows += 1;
      if (economic) {
        // R's new last row is zero: drop it and Q's last column, keeping the thin shapes
        q = dropLastColumn(q2, rows, K + 1, lanes, dtype);
        r = r2.slice(0, lanes * K * cols);
      } else {
        q = q2;
        r = r2;
        K += 1;
      }
    } else {
      let w: Float;
      let rr = r;
      if (economic) {
        // [Q, q'] with q' the normalised part of u outside range(Q); refused when that part is below rcond·‖u‖
        const qa = allocateFloat(dtype, rows * (K + 1));
        for (let i = 0; i < rows; i++) for (let j = 0; j < lanes * K; j++) qa[lanes * i * (K + 1) + j] = q[lanes * i * K + j];
        w = outsideComponent({ ...f, m: rows }, K, vs.data, t * rows, qa);
        let norm = 0;
        for (let i = 0; i < lanes * rows; i++) norm = Math.hypot(norm, vs.data[lanes * t * rows + i]);
        const ratio = norm === 0 ? 0 : w[lanes * K] / norm;
        if (ratio < rcond) {
          throw new LinAlgError(`qrInsert: one of the columns of u lies in the span of Q (relative part outside it ${ratio.toExponential(3)} < rcond ${rcond}).`, {
            argument: 'u',
            hint: 'An economic factorisation cannot take a column in the span of Q; use the full factorisation or a smaller rcond.',
          });
        }
        q = qa;
        rr = allocateFloat(dtype, (K + 1) * cols);
        rr.set(r.subarray(0, lanes * K * cols));
        K += 1;
      } else w = qhVector({ ...f, q, m: rows, k: rows }, vs.data, t * rows);
      // Qᴴu chased up to row k + t, then inserted as column k + t of R
      chaseUp(w, K, at + t, rr, cols, q, rows, K, lanes);
      const r2 = allocateFloat(dtype, K * (cols + 1));
      for (let i = 0; i < K; i++) {
        for (let c = 0, c2 = 0; c2 <= cols; c2++) {
          for (let l = 0; l < lanes; l++) r2[lanes * (i * (cols + 1) + c2) + l] = c2 === at + t ? w[lanes * i + l] : rr[lanes * (i * cols + c) + l];
          if (c2 !== at + t) c++;
        }
      }
      r = r2;
      cols += 1;
    }
  }
  return [fromData(q, [rows, K], dtype), fromData(r, [K, cols], dtype)];
}

/** The rows×(cols − 1) matrix of the first columns of x (rows×cols). */
function dropLastColumn(x: Float, rows: number, cols: number, lanes: number, dtype: LapackDtype): Float {
  const out = allocateFloat(dtype, rows * (cols - 1));
  for (let i = 0; i < rows; i++) for (let j = 0; j < lanes * (cols - 1); j++) out[lanes * i * (cols - 1) + j] = x[lanes * i * cols + j];
  return out;
}

/** Moves row `from` of the rows×cols matrix to position `to`, shifting the rows between. */
function moveRow(x: Float, cols: number, from: number, to: number, lanes: number): void {
  const row = x.slice(lanes * from * cols, lanes * (from + 1) * cols);
  if (to < from) x.copyWithin(lanes * (to + 1) * cols, lanes * to * cols, lanes * from * cols);
  else x.copyWithin(lanes * from * cols, lanes * (from + 1) * cols, lanes * (to + 1) * cols);
  x.set(row, lanes * to * cols);
}

/** SciPy's `qr_delete(Q, R, k)`: the factors after deleting p rows (or columns) from k (batched over Q's and R's leading dimensions). */
export function qrDeleteHost(Q: unknown, R: unknown, k: number, options?: QrDeleteOptions): [NDArray, NDArray] {
  readFunctionOptions(options, 'qrDelete');
  const args: BatchedArgument[] = [
    { value: Q, name: 'Q', core: 2 },
    { value: R, name: 'R', core: 2 },
  ];
  return overBatch('qrDelete', args, (q, r) => qrDeleteMatrix(q, r, k, options));
}

function qrDeleteMatrix(Q: unknown, R: unknown, k: number, options?: QrDeleteOptions): [NDArray, NDArray] {
  const o = readFunctionOptions(options, 'qrDelete');
  checkBoolean(o.overwriteQr, 'overwriteQr', false);
  const which = checkWhich(o.which);
  const p = checkInteger(o.p, 'p', 1);
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const f = readFactors(Q, R, 'qrDelete', checkFinite, []);
  const { lanes, m, n, dtype } = f;
  const limit = which === 'row' ? m : n;
  const at = checkInteger(k, 'k', 0);
  if (p < 1) throw new InvalidArgumentError(`qrDelete: p must be at least 1, got ${p}.`, { argument: 'p', hint: 'Delete one or more rows or columns.' });
  if (at < 0 || at + p > limit) {
    throw new InvalidArgumentError(`qrDelete: rows/columns ${at}..${at + p - 1} are out of range (${limit} available).`, {
      argument: 'k',
      hint: `Pass k with k + p ≤ ${limit}.`,
    });
  }
  if (which === 'row') {
    let q = f.q;
    let r = f.r;
    let rows = m;
    let K = f.k;
    for (let t = 0; t < p; t++) {
      // once the rows no longer outnumber R's, the factorisation is a full one (as SciPy continues)
      const economic = K < rows;
      // a thin Q gets the normalised part of e_k outside range(Q) as an extra column (and R a zero row),
      // so that row k of Q is a unit vector as in the full case
      let qa = q;
      let ra = r;
      let width = K;
      if (economic) {
        width = K + 1;
        qa = allocateFloat(dtype, rows * width);
        for (let i = 0; i < rows; i++) for (let j = 0; j < lanes * K; j++) qa[lanes * i * width + j] = q[lanes * i * K + j];
        const e = allocateFloat(dtype, rows);
        e[lanes * at] = 1;
        outsideComponent({ ...f, m: rows }, K, e, 0, qa);
        ra = allocateFloat(dtype, width * n);
        ra.set(r.subarray(0, lanes * K * n));
      }
      // rotate row `at` of Q into e₁ (conjugated), then drop that row, Q's first column and R's first row
      const z = allocateFloat(dtype, width);
      for (let j = 0; j < width; j++) {
        z[lanes * j] = qa[lanes * (at * width + j)];
        if (lanes === 2) z[lanes * j + 1] = -qa[lanes * (at * width + j) + 1];
      }
      chaseUp(z, width, 0, ra, n, qa, rows, width, lanes);
      const q2 = allocateFloat(dtype, (rows - 1) * (width - 1));
      for (let i = 0, i2 = 0; i < rows; i++) {
        if (i === at) continue;
        for (let j = 1; j < width; j++) for (let l = 0; l < lanes; l++) q2[lanes * (i2 * (width - 1) + j - 1) + l] = qa[lanes * (i * width + j) + l];
        i2++;
      }
      q = q2;
      r = ra.slice(lanes * n, lanes * width * n);
      rows -= 1;
      if (!economic) K -= 1;
    }
    return [fromData(q, [rows, K], dtype), fromData(r, [K, n], dtype)];
  }
  // columns: R without them is upper Hessenberg-like past k; rotations from the bottom of each column restore it
  const rowsR = f.k;
  const cols = n - p;
  const r = allocateFloat(dtype, rowsR * cols);
  for (let i = 0; i < rowsR; i++) {
    for (let c = 0, c2 = 0; c < n; c++) {
      if (c >= at && c < at + p) continue;
      for (let l = 0; l < lanes; l++) r[lanes * (i * cols + c2) + l] = f.r[lanes * (i * n + c) + l];
      c2++;
    }
  }
  const q = f.q;
  for (let c = at; c < Math.min(rowsR, cols); c++) {
    for (let i = Math.min(c + p, rowsR - 1); i > c; i--) {
      const a = lanes * ((i - 1) * cols + c);
      const b = lanes * (i * cols + c);
      const g = rotationFor(r[a], lanes === 2 ? r[a + 1] : 0, r[b], lanes === 2 ? r[b + 1] : 0);
      rotateRows(r, 0, cols, i - 1, i, g, lanes, c);
      rotateColumns(q, 0, m, f.k, i - 1, i, g, lanes);
    }
  }
  if (f.k === m) return [fromData(q, [m, m], dtype), fromData(r, [m, cols], dtype)];
  // economic: the first N − p columns of Q and rows of R
  const kk = f.k - p;
  const qOut = allocateFloat(dtype, m * kk);
  for (let i = 0; i < m; i++) for (let j = 0; j < lanes * kk; j++) qOut[lanes * i * kk + j] = q[lanes * i * f.k + j];
  return [fromData(qOut, [m, kk], dtype), fromData(r.slice(0, lanes * kk * cols), [kk, cols], dtype)];
}
