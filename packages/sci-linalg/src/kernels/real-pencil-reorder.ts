/**
 * Reordering of a real generalized Schur form (LAPACK's dtgsen/dtgexc/dtgex2, by the direct
 * method of Kågström, "A direct method for reordering eigenvalues in the generalized real
 * Schur form of a regular matrix pair (A, B)", 1993): adjacent blocks (S11, P11), (S22, P22)
 * are swapped by solving the generalized Sylvester equation S11 R − L S22 = S12,
 * P11 R − L P22 = P12, taking orthogonal bases of [−L; I] (left) and [−R; I] (right),
 * rejecting the swap when the result is too far from block triangular, and standardising
 * the new blocks. Row-major, double: (i, j) at i·n + j.
 */
import { geqrf, orgqr } from './householder.js';
import { deflateOne, deflateTwo, type RealQzResult } from './real-qz.js';
import { solveSmall } from './real-schur-reorder.js';

const ULP = 2 ** -52;

/** An orthogonal m×m matrix whose first q columns span the columns of x (m×q, row-major). */
function orthogonalBasis(x: Float64Array, m: number, q: number): Float64Array {
  const tau = new Float64Array(q);
  geqrf(x, 0, m, q, 1, tau, 0);
  const out = new Float64Array(m * m);
  // the full Q of the QR factorisation: orgqr on the reflectors padded to m columns
  const padded = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < q; j++) padded[i * m + j] = x[i * q + j];
  const tauFull = new Float64Array(m);
  tauFull.set(tau);
  orgqr(padded, 0, m, m, 1, tauFull, 0, out, 0, m);
  return out;
}

/** Swaps the blocks of orders p and q at row j; false when the swap is rejected. */
function swapPencilBlocks(s: Float64Array, t: Float64Array, n: number, qm: Float64Array, zm: Float64Array, j: number, p: number, q: number): boolean {
  const m = p + q;
  const at = (i: number, k: number) => i * n + k;
  let norm = 0;
  for (let i = j; i < j + m; i++) for (let k = j; k < j + m; k++) norm = Math.max(norm, Math.abs(s[at(i, k)]), Math.abs(t[at(i, k)]));
  // unknowns: R (p×q) then L (p×q), column-major within each; equations: the two Sylvester equations
  const size = 2 * p * q;
  const mat = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const rhs = new Array<number>(size).fill(0);
  const rIndex = (a: number, b: number) => b * p + a;
  const lIndex = (a: number, b: number) => p * q + b * p + a;
  for (const [eq, m11, m22] of [
    [0, s, s],
    [1, t, t],
  ] as const) {
    for (let b = 0; b < q; b++) {
      for (let a = 0; a < p; a++) {
        const row = eq * p * q + b * p + a;
        rhs[row] = m11[at(j + a, j + p + b)];
        // (M11 R)[a, b] = Σ_k M11[a, k] R[k, b]
        for (let k = 0; k < p; k++) mat[row][rIndex(k, b)] += m11[at(j + a, j + k)];
        // −(L M22)[a, b] = −Σ_k L[a, k] M22[k, b]
        for (let k = 0; k < q; k++) mat[row][lIndex(a, k)] -= m22[at(j + p + k, j + p + b)];
      }
    }
  }
  const solution = solveSmall(mat, rhs, Math.max(ULP * norm, 2 ** -1022));
  // bases: columns of [−L; I] (left) and [−R; I] (right)
  const left = new Float64Array(m * q);
  const right = new Float64Array(m * q);
  for (let b = 0; b < q; b++) {
    for (let a = 0; a < p; a++) {
      left[a * q + b] = -solution[lIndex(a, b)];
      right[a * q + b] = -solution[rIndex(a, b)];
    }
    left[(p + b) * q + b] = 1;
    right[(p + b) * q + b] = 1;
  }
  const ql = orthogonalBasis(left, m, q);
  const zr = orthogonalBasis(right, m, q);
  // (S, P) ← Qlᵀ (S, P) Zr on the block rows/columns; the test first, on copies of the m×m blocks
  const trial = [s, t].map((x) => {
    const block = new Float64Array(m * m);
    for (let i = 0; i < m; i++) for (let k = 0; k < m; k++) block[i * m + k] = x[at(j + i, j + k)];
    return multiplyBlock(ql, block, zr, m);
  });
  const thresh = Math.max(20 * ULP * norm, 2 ** -1022);
  for (const block of trial) for (let i = q; i < m; i++) for (let k = 0; k < q; k++) if (Math.abs(block[i * m + k]) > thresh) return false;
  for (const x of [s, t]) {
    applyLeft(x, n, ql, m, j, j, n);
    applyRight(x, n, zr, m, j, 0, j + m);
    for (let i = q; i < m; i++) for (let k = 0; k < q; k++) x[at(j + i, j + k)] = 0;
  }
  applyRight(qm, n, ql, m, j, 0, n);
  applyRight(zm, n, zr, m, j, 0, n);
  return true;
}

/** Qᵀ X Z for m×m blocks. */
function multiplyBlock(ql: Float64Array, x: Float64Array, zr: Float64Array, m: number): Float64Array {
  const tmp = new Float64Array(m * m);
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let k = 0; k < m; k++) for (let l = 0; l < m; l++) tmp[i * m + l] += ql[k * m + i] * x[k * m + l];
  for (let i = 0; i < m; i++) for (let k = 0; k < m; k++) for (let l = 0; l < m; l++) out[i * m + l] += tmp[i * m + k] * zr[k * m + l];
  return out;
}

/** Rows j..j+m−1 (columns c0..c1−1) ← Qᵀ rows. */
function applyLeft(x: Float64Array, n: number, ql: Float64Array, m: number, j: number, c0: number, c1: number): void {
  const rows = Array.from({ length: m }, (_, i) => x.slice((j + i) * n + c0, (j + i) * n + c1));
  for (let i = 0; i < m; i++) {
    const target = (j + i) * n + c0;
    for (let c = 0; c < c1 - c0; c++) {
      let sum = 0;
      for (let k = 0; k < m; k++) sum += ql[k * m + i] * rows[k][c];
      x[target + c] = sum;
    }
  }
}

/** Columns j..j+m−1 (rows r0..r1−1) ← columns · Z. */
function applyRight(x: Float64Array, n: number, zr: Float64Array, m: number, j: number, r0: number, r1: number): void {
  const row = new Float64Array(m);
  for (let r = r0; r < r1; r++) {
    for (let k = 0; k < m; k++) row[k] = x[r * n + j + k];
    for (let l = 0; l < m; l++) {
      let sum = 0;
      for (let k = 0; k < m; k++) sum += row[k] * zr[k * m + l];
      x[r * n + j + l] = sum;
    }
  }
}

/** A swap leaves a full 2×2 block of P at row j: a rotation of rows j, j+1 (and of Q) makes it upper triangular. */
function triangularizeP(s: Float64Array, t: Float64Array, n: number, q: Float64Array, j: number): void {
  const f = t[j * n + j];
  const g = t[(j + 1) * n + j];
  if (g === 0) return;
  const r = Math.hypot(f, g);
  const [c, sn] = [f / r, g / r];
  for (const m of [s, t]) {
    for (let k = j; k < n; k++) {
      const x = m[j * n + k];
      const y = m[(j + 1) * n + k];
      m[j * n + k] = c * x + sn * y;
      m[(j + 1) * n + k] = c * y - sn * x;
    }
  }
  t[(j + 1) * n + j] = 0;
  for (let i = 0; i < n; i++) {
    const x = q[i * n + j];
    const y = q[i * n + j + 1];
    q[i * n + j] = c * x + sn * y;
    q[i * n + j + 1] = c * y - sn * x;
  }
}

/** The order (1 or 2) of the diagonal block of S starting at row j. */
function blockOrder(s: Float64Array, n: number, j: number): number {
  return j + 1 < n && s[(j + 1) * n + j] !== 0 ? 2 : 1;
}

/**
 * dtgsen (ijob 0) on the real generalized Schur form (s, t): the blocks `select` picks (a
 * pair when either member is) moved to the top left in order, every block standardised
 * again; α = αr + i·αi and β are recomputed. Returns false when a swap was rejected.
 */
export function reorderRealPencil(s: Float64Array, t: Float64Array, n: number, q: Float64Array, z: Float64Array, select: readonly boolean[], result: RealQzResult): boolean {
  const blocks: { order: number; chosen: boolean }[] = [];
  for (let j = 0; j < n; ) {
    const order = blockOrder(s, n, j);
    blocks.push({ order, chosen: select[j] || (order === 2 && select[j + 1]) });
    j += order;
  }
  let placed = 0;
  for (let b = 0; b < blocks.length; b++) {
    if (!blocks[b].chosen) continue;
    let here = blocks.slice(0, b).reduce((sum, x) => sum + x.order, 0);
    let i = b;
    while (i > placed) {
      const above = blocks[i - 1].order;
      if (!swapPencilBlocks(s, t, n, q, z, here - above, above, blocks[i].order)) return false;
      [blocks[i - 1], blocks[i]] = [blocks[i], blocks[i - 1]];
      here -= above;
      i--;
    }
    placed++;
  }
  // standardise every block again (triangular P, non-negative diagonal; a diagonal P block per complex pair)
  let bnorm = 0;
  for (let k = 0; k < n * n; k++) bnorm = Math.hypot(bnorm, t[k]);
  const btol = Math.max(2 ** -1022, ULP * bnorm);
  let j = 0;
  for (const { order } of blocks) {
    if (order === 2) triangularizeP(s, t, n, q, j);
    if (order === 2 && !deflateTwo(s, t, n, q, z, j, btol, result)) {
      j += 2;
      continue;
    }
    for (let k = j; k < j + order; k++) {
      // a block that split leaves its own 1×1 blocks
      if (order === 2) {
        s[(j + 1) * n + j] = 0;
        t[(j + 1) * n + j] = 0;
      }
      deflateOne(s, t, n, z, k, result);
    }
    j += order;
  }
  return true;
}
