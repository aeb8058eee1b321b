import { entryHeader, type Program } from '../program/program.js';
import { PARAMS_DECL } from '../program/wgsl.js';

/**
 * WGSL programs of the GPU LU solvers, on float32 stacks of n×n matrices stored C-contiguous
 * in one buffer ([batch, n, n]). The factorisation is LAPACK's right-looking getf2 (Golub &
 * Van Loan, Matrix Computations, alg. 3.4.1), one column per step and two dispatches per
 * step: `pivot` (one workgroup per matrix: partial pivoting, row swap, column scaling) and
 * `update` (the rank-1 update of the trailing block, one invocation per element, every
 * matrix of the batch in the same dispatch). Status words: word 0 collects non-finite
 * input flags (1: a, 2: b); word 1 + m holds the first zero pivot of matrix m, 1-based.
 */

const STATUS_DECL = '@group(0) @binding(3) var<storage, read_write> S: array<atomic<u32>>;';
const PIVOT_WG = 64;
const FLAT_WG = 256;

/** f32 bits with every exponent bit set: an infinity or a NaN (WGSL has no isinf/isnan). */
const NONFINITE_FN = `fn nonfinite(v: f32) -> bool { return (bitcast<u32>(v) & 0x7f800000u) == 0x7f800000u; }`;

/**
 * W[m, i, j] = structure(A)[r, c] with (r, c) = (i, j), or (j, i) for aᵀ. Structures
 * (SciPy's assume_a): 0 general, 1 diagonal, 2 tridiagonal, 3 upper and 4 lower
 * triangular (the other triangle is not read), 5 and 6 symmetric from the upper or lower
 * triangle. Params: n, batches, structure, transposed, checkFinite.
 */
export const PREPARE: Program = {
  key: 'linalg-prepare',
  workgroupSize: FLAT_WG,
  source: () => `${PARAMS_DECL}
@group(0) @binding(1) var<storage, read> A: array<f32>;
@group(0) @binding(2) var<storage, read_write> W: array<f32>;
${STATUS_DECL}
${NONFINITE_FN}
${entryHeader(FLAT_WG)}
  let n = P[0]; let batches = P[1]; let structure = P[2];
  let per = n * n;
  if (gid >= per * batches) { return; }
  let m = gid / per; let e = gid % per;
  var r = e / n; var c = e % n;
  if (P[3] == 1u) { let t = r; r = c; c = t; }
  var keep = true;
  var sr = r; var sc = c;
  switch structure {
    case 1u: { keep = r == c; }
    case 2u: { keep = max(r, c) - min(r, c) <= 1u; }
    case 3u: { keep = c >= r; }
    case 4u: { keep = c <= r; }
    case 5u: { if (c < r) { sr = c; sc = r; } }
    case 6u: { if (c > r) { sr = c; sc = r; } }
    default: {}
  }
  var v = 0.0;
  if (keep) { v = A[m * per + sr * n + sc]; }
  if (P[4] == 1u && nonfinite(v)) { atomicOr(&S[0], 1u); }
  W[gid] = v;
}
`,
};

/** X = B (the right-hand sides, contiguous), checking them for non-finite values. Params: count, checkFinite. */
export const COPY_RHS: Program = {
  key: 'linalg-copy-rhs',
  workgroupSize: FLAT_WG,
  source: () => `${PARAMS_DECL}
@group(0) @binding(1) var<storage, read> B: array<f32>;
@group(0) @binding(2) var<storage, read_write> X: array<f32>;
${STATUS_DECL}
${NONFINITE_FN}
${entryHeader(FLAT_WG)}
  if (gid >= P[0]) { return; }
  let v = B[gid];
  if (P[1] == 1u && nonfinite(v)) { atomicOr(&S[0], 2u); }
  X[gid] = v;
}
`,
};

/**
 * Column k of every matrix: the first row of largest |value| at or below the diagonal (as
 * LAPACK's isamax), its swap with row k across the whole row, then the column below the
 * diagonal divided by the pivot. A zero pivot is recorded, not divided by (getf2 goes on).
 * With pivoting off (P[3] = 1, for positive definite matrices) the diagonal is the pivot and
 * a pivot that is not positive is recorded: the leading minor that is not positive definite,
 * as LAPACK's potrf reports it. Params: n, batches, k, pivoting off.
 */
export const PIVOT: Program = {
  key: 'linalg-lu-pivot',
  workgroupSize: PIVOT_WG,
  source: () => `${PARAMS_DECL}
@group(0) @binding(1) var<storage, read_write> W: array<f32>;
@group(0) @binding(2) var<storage, read_write> piv: array<u32>;
${STATUS_DECL}
var<workgroup> bestValue: array<f32, ${PIVOT_WG}>;
var<workgroup> bestRow: array<u32, ${PIVOT_WG}>;
${entryHeader(PIVOT_WG)}
  let n = P[0]; let batches = P[1]; let k = P[2]; let pivoting = P[3] == 0u;
  if (wg >= batches) { return; }
  let base = wg * n * n;
  var value = -1.0;
  var row = k;
  // Without pivoting (a positive definite matrix: LDLᵀ, stable as Cholesky), row k is the pivot.
  if (!pivoting && lid == 0u) { value = select(0.0, 1.0, W[base + k * n + k] > 0.0); }
  for (var i = k + lid; pivoting && i < n; i += ${PIVOT_WG}u) {
    let v = abs(W[base + i * n + k]);
    if (v > value) { value = v; row = i; }
  }
  bestValue[lid] = value;
  bestRow[lid] = row;
  workgroupBarrier();
  for (var s = ${PIVOT_WG / 2}u; s > 0u; s = s / 2u) {
    if (lid < s) {
      let v = bestValue[lid + s]; let i = bestRow[lid + s];
      if (v > bestValue[lid] || (v == bestValue[lid] && i < bestRow[lid])) { bestValue[lid] = v; bestRow[lid] = i; }
    }
    workgroupBarrier();
  }
  let p = bestRow[0];
  if (lid == 0u) {
    piv[wg * n + k] = p;
    if (bestValue[0] == 0.0 && atomicLoad(&S[1u + wg]) == 0u) { atomicStore(&S[1u + wg], k + 1u); }
  }
  if (p != k) {
    for (var j = lid; j < n; j += ${PIVOT_WG}u) {
      let t = W[base + k * n + j];
      W[base + k * n + j] = W[base + p * n + j];
      W[base + p * n + j] = t;
    }
  }
  storageBarrier();
  workgroupBarrier();
  let d = W[base + k * n + k];
  if (d != 0.0) {
    for (var i = k + 1u + lid; i < n; i += ${PIVOT_WG}u) { W[base + i * n + k] = W[base + i * n + k] / d; }
  }
}
`,
};

/** W[m, i, j] −= W[m, i, k]·W[m, k, j] for i, j > k. Params: n, batches, k. */
export const UPDATE: Program = {
  key: 'linalg-lu-update',
  workgroupSize: FLAT_WG,
  source: () => `${PARAMS_DECL}
@group(0) @binding(1) var<storage, read_write> W: array<f32>;
${entryHeader(FLAT_WG)}
  let n = P[0]; let batches = P[1]; let k = P[2];
  let m = n - k - 1u;
  let per = m * m;
  if (gid >= per * batches) { return; }
  let b = gid / per; let e = gid % per;
  let i = k + 1u + e / m; let j = k + 1u + e % m;
  let base = b * n * n;
  W[base + i * n + j] = W[base + i * n + j] - W[base + i * n + k] * W[base + k * n + j];
}
`,
};

/**
 * Solves L U x = P b for every right-hand side column: one workgroup per (matrix, column)
 * applies the row interchanges, then forward substitution with the unit lower triangle and
 * back substitution with the upper one, column by column (an axpy per step).
 * Params: n, nrhs, batches.
 */
export const LU_SOLVE: Program = {
  key: 'linalg-lu-solve',
  workgroupSize: PIVOT_WG,
  source: () => `${PARAMS_DECL}
@group(0) @binding(1) var<storage, read> W: array<f32>;
@group(0) @binding(2) var<storage, read> piv: array<u32>;
@group(0) @binding(3) var<storage, read_write> X: array<f32>;
${entryHeader(PIVOT_WG)}
  let n = P[0]; let nrhs = P[1];
  if (wg >= P[2] * nrhs) { return; }
  let m = wg / nrhs; let col = wg % nrhs;
  let base = m * n * n;
  let xb = m * n * nrhs + col;
  if (lid == 0u) {
    for (var k = 0u; k < n; k++) {
      let p = piv[m * n + k];
      if (p != k) { let t = X[xb + k * nrhs]; X[xb + k * nrhs] = X[xb + p * nrhs]; X[xb + p * nrhs] = t; }
    }
  }
  storageBarrier();
  workgroupBarrier();
  for (var k = 0u; k < n; k++) {
    let xk = X[xb + k * nrhs];
    for (var i = k + 1u + lid; i < n; i += ${PIVOT_WG}u) { X[xb + i * nrhs] = X[xb + i * nrhs] - W[base + i * n + k] * xk; }
    storageBarrier();
    workgroupBarrier();
  }
  for (var kk = n; kk > 0u; kk--) {
    let k = kk - 1u;
    let xk = X[xb + k * nrhs] / W[base + k * n + k];
    storageBarrier();
    workgroupBarrier();
    if (lid == 0u) { X[xb + k * nrhs] = xk; }
    for (var i = lid; i < k; i += ${PIVOT_WG}u) { X[xb + i * nrhs] = X[xb + i * nrhs] - W[base + i * n + k] * xk; }
    storageBarrier();
    workgroupBarrier();
  }
}
`,
};

export const FLAT_WORKGROUP = FLAT_WG;
