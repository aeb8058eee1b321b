/**
 * Reordering of a real Schur form (LAPACK's dtrsen/dtrexc/dlaexc): adjacent diagonal blocks
 * (1×1 or 2×2) are swapped by the direct method of Bai & Demmel ("On swapping diagonal
 * blocks in real Schur form", Linear Algebra Appl. 186, 1993): solve the Sylvester equation
 * T11 X − X T22 = T12, take the orthogonal factor of [−X; I], apply it, reject the swap when
 * the result is too far from block triangular, and standardise the new 2×2 blocks (lanv2).
 * Row-major: t[o + i·n + j].
 */
import type { Float } from '../stack.js';
import { lanv2, precisionOf, rotateColumns, rotateRows } from './real-schur.js';

/** Solves M x = r (size m ≤ 4) by Gaussian elimination with complete pivoting; tiny pivots become `smin`. */
export function solveSmall(m: number[][], r: number[], smin: number): number[] {
  const size = r.length;
  const perm = Array.from({ length: size }, (_, i) => i);
  for (let k = 0; k < size; k++) {
    let [pi, pj] = [k, k];
    for (let i = k; i < size; i++) for (let j = k; j < size; j++) if (Math.abs(m[i][j]) > Math.abs(m[pi][pj])) [pi, pj] = [i, j];
    [m[k], m[pi]] = [m[pi], m[k]];
    [r[k], r[pi]] = [r[pi], r[k]];
    for (const row of m) [row[k], row[pj]] = [row[pj], row[k]];
    [perm[k], perm[pj]] = [perm[pj], perm[k]];
    if (Math.abs(m[k][k]) < smin) m[k][k] = smin;
    for (let i = k + 1; i < size; i++) {
      const f = m[i][k] / m[k][k];
      for (let j = k; j < size; j++) m[i][j] -= f * m[k][j];
      r[i] -= f * r[k];
    }
  }
  const x = new Array<number>(size).fill(0);
  for (let k = size - 1; k >= 0; k--) {
    let s = r[k];
    for (let j = k + 1; j < size; j++) s -= m[k][j] * x[j];
    x[k] = s / m[k][k];
  }
  const out = new Array<number>(size).fill(0);
  for (let k = 0; k < size; k++) out[perm[k]] = x[k];
  return out;
}

/** H = I − τ u uᵀ applied from the left to rows r0..r0+2 (columns c0..c1−1) of the matrix at `o`. */
function reflectRows(t: Float, o: number, n: number, u: number[], tau: number, r0: number, c0: number, c1: number): void {
  for (let c = c0; c < c1; c++) {
    let s = 0;
    for (let k = 0; k < 3; k++) s += u[k] * t[o + (r0 + k) * n + c];
    s *= tau;
    for (let k = 0; k < 3; k++) t[o + (r0 + k) * n + c] -= s * u[k];
  }
}

/** H applied from the right to columns c0..c0+2 (rows r0..r1−1). */
function reflectColumns(t: Float, o: number, n: number, u: number[], tau: number, c0: number, r0: number, r1: number): void {
  for (let r = r0; r < r1; r++) {
    const p = o + r * n + c0;
    const s = tau * (u[0] * t[p] + u[1] * t[p + 1] + u[2] * t[p + 2]);
    for (let k = 0; k < 3; k++) t[p + k] -= s * u[k];
  }
}

/** dlarfg on a 3-vector: u becomes the reflector (u[pivot] = 1), returns τ. */
function reflector3(u: number[], pivot: number): number {
  const others = [0, 1, 2].filter((k) => k !== pivot);
  const xnorm = Math.hypot(u[others[0]], u[others[1]]);
  const alpha = u[pivot];
  if (xnorm === 0) {
    u[pivot] = 1;
    return 0;
  }
  const beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, xnorm);
  for (const k of others) u[k] /= alpha - beta;
  u[pivot] = 1;
  return (beta - alpha) / beta;
}

/**
 * dlaexc: swaps the adjacent blocks of orders n1 and n2 starting at row j1 of the n×n real
 * Schur form at `o`, updating Z (n×n at `oz`). Returns false when the swap is rejected.
 */
export function swapBlocks(t: Float, o: number, n: number, z: Float | null, oz: number, j1: number, n1: number, n2: number): boolean {
  const at = (i: number, j: number) => o + i * n + j;
  const j2 = j1 + 1;
  const { ulp, safmin } = precisionOf(t);
  if (n1 === 1 && n2 === 1) {
    const t11 = t[at(j1, j1)];
    const t22 = t[at(j2, j2)];
    // the rotation that maps (t12, t22 − t11) to (r, 0)
    const f = t[at(j1, j2)];
    const g = t22 - t11;
    const r = Math.hypot(f, g);
    const [cs, sn] = r === 0 ? [1, 0] : [f / r, g / r];
    if (j1 + 2 < n) rotateRows(t, o, n, j1, j2, j1 + 2, n, cs, sn);
    rotateColumns(t, o, n, j1, j2, 0, j1, cs, sn);
    t[at(j1, j1)] = t22;
    t[at(j2, j2)] = t11;
    if (z !== null) rotateColumns(z, oz, n, j1, j2, 0, n, cs, sn);
    return true;
  }
  const nd = n1 + n2;
  const d = Array.from({ length: nd }, (_, i) => Array.from({ length: nd }, (_, j) => t[at(j1 + i, j1 + j)]));
  const dnorm = Math.max(...d.flat().map(Math.abs));
  const smlnum = safmin / ulp;
  const thresh = Math.max(10 * ulp * dnorm, smlnum);
  // T11 X − X T22 = T12 through its Kronecker form (column-major vec(X))
  const size = n1 * n2;
  const m = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const rhs = new Array<number>(size).fill(0);
  for (let q = 0; q < n2; q++) {
    for (let p = 0; p < n1; p++) {
      const row = q * n1 + p;
      rhs[row] = d[p][n1 + q];
      for (let k = 0; k < n1; k++) m[row][q * n1 + k] += d[p][k];
      for (let k = 0; k < n2; k++) m[row][k * n1 + p] -= d[n1 + k][n1 + q];
    }
  }
  const smin = Math.max(ulp * dnorm, smlnum);
  const xv = solveSmall(m, rhs, smin);
  const X = (p: number, q: number) => xv[q * n1 + p];
  const scale = 1;
  if (n1 === 1 && n2 === 2) {
    const u = [scale, X(0, 0), X(0, 1)];
    const tau = reflector3(u, 2);
    const t11 = t[at(j1, j1)];
    // test on the small block first
    const small = d.map((row) => row.slice());
    applySmall(small, u, tau, 0, 0);
    if (Math.max(Math.abs(small[2][0]), Math.abs(small[2][1]), Math.abs(small[2][2] - t11)) > thresh) return false;
    reflectRows(t, o, n, u, tau, j1, j1, n);
    reflectColumns(t, o, n, u, tau, j1, 0, j2 + 1);
    t[at(j1 + 2, j1)] = 0;
    t[at(j1 + 2, j1 + 1)] = 0;
    t[at(j1 + 2, j1 + 2)] = t11;
    if (z !== null) reflectColumns(z, oz, n, u, tau, j1, 0, n);
  } else if (n1 === 2 && n2 === 1) {
    const u = [-X(0, 0), -X(1, 0), scale];
    const tau = reflector3(u, 0);
    const t33 = t[at(j1 + 2, j1 + 2)];
    const small = d.map((row) => row.slice());
    applySmall(small, u, tau, 0, 0);
    if (Math.max(Math.abs(small[1][0]), Math.abs(small[2][0]), Math.abs(small[0][0] - t33)) > thresh) return false;
    reflectColumns(t, o, n, u, tau, j1, 0, j1 + 3);
    reflectRows(t, o, n, u, tau, j1, j1 + 1, n);
    t[at(j1, j1)] = t33;
    t[at(j1 + 1, j1)] = 0;
    t[at(j1 + 2, j1)] = 0;
    if (z !== null) reflectColumns(z, oz, n, u, tau, j1, 0, n);
  } else {
    const u1 = [-X(0, 0), -X(1, 0), scale];
    const tau1 = reflector3(u1, 0);
    const temp = -tau1 * (X(0, 1) + u1[1] * X(1, 1));
    const u2 = [-temp * u1[1] - X(1, 1), -temp * u1[2], scale];
    const tau2 = reflector3(u2, 0);
    const small = d.map((row) => row.slice());
    applySmall(small, u1, tau1, 0, 0);
    applySmall(small, u2, tau2, 1, 1);
    if (Math.max(Math.abs(small[2][0]), Math.abs(small[2][1]), Math.abs(small[3][0]), Math.abs(small[3][1])) > thresh) return false;
    reflectRows(t, o, n, u1, tau1, j1, j1, n);
    reflectColumns(t, o, n, u1, tau1, j1, 0, j1 + 4);
    reflectRows(t, o, n, u2, tau2, j1 + 1, j1, n);
    reflectColumns(t, o, n, u2, tau2, j1 + 1, 0, j1 + 4);
    t[at(j1 + 2, j1)] = t[at(j1 + 2, j1 + 1)] = t[at(j1 + 3, j1)] = t[at(j1 + 3, j1 + 1)] = 0;
    if (z !== null) {
      reflectColumns(z, oz, n, u1, tau1, j1, 0, n);
      reflectColumns(z, oz, n, u2, tau2, j1 + 1, 0, n);
    }
  }
  // standardise the blocks now at j1 (order n2) and after it (order n1)
  if (n2 === 2) standardize(t, o, n, z, oz, j1, ulp);
  if (n1 === 2) standardize(t, o, n, z, oz, j1 + n2, ulp);
  return true;
}

/** The reflector H applied from both sides to the small block: rows/columns r0..r0+2 (dlarfx 'L' then 'R'). */
function applySmall(d: number[][], u: number[], tau: number, r0: number, c0: number): void {
  const size = d.length;
  for (let c = 0; c < size; c++) {
    let s = 0;
    for (let k = 0; k < 3; k++) s += u[k] * d[r0 + k][c];
    for (let k = 0; k < 3; k++) d[r0 + k][c] -= tau * s * u[k];
  }
  for (let r = 0; r < size; r++) {
    let s = 0;
    for (let k = 0; k < 3; k++) s += u[k] * d[r][c0 + k];
    for (let k = 0; k < 3; k++) d[r][c0 + k] -= tau * s * u[k];
  }
}

/** lanv2 on the 2×2 block at (j, j), with the rotation applied to the rest of T and to Z. */
function standardize(t: Float, o: number, n: number, z: Float | null, oz: number, j: number, ulp: number): void {
  const at = (i: number, k: number) => o + i * n + k;
  const s = lanv2(t[at(j, j)], t[at(j, j + 1)], t[at(j + 1, j)], t[at(j + 1, j + 1)], ulp);
  t[at(j, j)] = s.a;
  t[at(j, j + 1)] = s.b;
  t[at(j + 1, j)] = s.c;
  t[at(j + 1, j + 1)] = s.d;
  if (j + 2 < n) rotateRows(t, o, n, j, j + 1, j + 2, n, s.cs, s.sn);
  rotateColumns(t, o, n, j, j + 1, 0, j, s.cs, s.sn);
  if (z !== null) rotateColumns(z, oz, n, j, j + 1, 0, n, s.cs, s.sn);
}

/** The order (1 or 2) of the diagonal block starting at row j. */
function blockOrder(t: Float, o: number, n: number, j: number): number {
  return j + 1 < n && t[o + (j + 1) * n + j] !== 0 ? 2 : 1;
}

/**
 * dtrsen (job 'N'): the blocks whose eigenvalues `select` picks (a pair when either of its
 * eigenvalues is picked) moved to the top left in order. Returns the number of selected
 * eigenvalues (a pair counts 2), or −1 when a swap was rejected (ill-conditioned).
 */
export function reorderRealSchur(t: Float, o: number, n: number, z: Float | null, oz: number, select: readonly boolean[]): number {
  const blocks: { order: number; chosen: boolean }[] = [];
  for (let j = 0; j < n; ) {
    const order = blockOrder(t, o, n, j);
    blocks.push({ order, chosen: select[j] || (order === 2 && select[j + 1]) });
    j += order;
  }
  let placed = 0;
  let count = 0;
  for (let b = 0; b < blocks.length; b++) {
    if (!blocks[b].chosen) continue;
    // move block b up past the unselected blocks above it, one swap at a time
    let here = blocks.slice(0, b).reduce((sum, x) => sum + x.order, 0);
    let i = b;
    while (i > placed) {
      const above = blocks[i - 1].order;
      if (!swapBlocks(t, o, n, z, oz, here - above, above, blocks[i].order)) return -1;
      [blocks[i - 1], blocks[i]] = [blocks[i], blocks[i - 1]];
      here -= above;
      i--;
    }
    placed++;
    count += blocks[i].order;
  }
  return count;
}
