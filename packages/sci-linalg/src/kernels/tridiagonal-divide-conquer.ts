/**
 * Eigenvalues and eigenvectors of a real symmetric tridiagonal matrix by Cuppen's divide
 * and conquer (J. J. M. Cuppen, Numer. Math. 36, 1981), as LAPACK's stedc/laed0–laed3 do it:
 * T is split in two by a rank-one tear, each half solved recursively (the implicit QL
 * algorithm below SMALL_ORDER), and the halves merged through the eigen-decomposition of
 * diag(d) + ρ z zᵀ. Deflation (Dongarra–Sorensen) removes negligible zᵢ and near-equal dᵢ;
 * the remaining roots come from the secular equation, and the Gu–Eisenstat recomputation
 * of z (SIAM J. Matrix Anal. Appl. 16, 1995) keeps the merged eigenvectors orthogonal. The
 * merge's work is one matrix product per half, run on the WebAssembly kernel.
 */
import { gemm } from '@sciport/array-api/kernels';
import { secularRoot } from './secular-equation.js';
import { tridiagonalQL } from './tridiagonal-ql.js';

/** Blocks up to this order are solved by QL directly (stedc's smlsiz is 25). */
const SMALL_ORDER = 32;
const EPS = 2 ** -53;
/** The smallest order the callers hand to divide and conquer (smaller ones go to QL whole). */
export const DIVIDE_AND_CONQUER_MIN_ORDER = SMALL_ORDER + 1;

/** The eigen-decomposition of one tridiagonal block: values ascending, vectors as the rows of `zt` (order×order, row-major). */
interface Block {
  d: Float64Array;
  zt: Float64Array;
}

/**
 * In place: d (n diagonal entries) becomes the eigenvalues in ascending order; e[i] (i < n−1)
 * couples i and i+1 and is destroyed. Returns the eigenvectors as the columns of an n×n
 * row-major matrix (as its rows with `asRows`), or null when a QL leaf did not converge.
 */
export function tridiagonalDivideConquer(d: Float64Array, e: Float64Array, n: number, asRows = false): Float64Array | null {
  // scaled to a norm near one by a power of two (exact, as stedc scales): the squares and
  // products of the merges then neither overflow nor underflow
  let norm = 0;
  for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(d[i]), i < n - 1 ? Math.abs(e[i]) : 0);
  const scale = norm > 0 && Number.isFinite(norm) ? 2 ** -Math.round(Math.log2(norm)) : 1;
  const block = solve(
    d.subarray(0, n).map((x) => x * scale),
    e.subarray(0, Math.max(0, n - 1)).map((x) => x * scale),
  );
  if (block === null) return null;
  for (let i = 0; i < n; i++) d[i] = block.d[i] / scale;
  return asRows ? block.zt : transpose(block.zt, n);
}

/** The transpose of the n×n row-major x, in tiles that stay in cache. */
function transpose(x: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  const tile = 32;
  for (let i0 = 0; i0 < n; i0 += tile) {
    for (let j0 = 0; j0 < n; j0 += tile) {
      const i1 = Math.min(n, i0 + tile);
      const j1 = Math.min(n, j0 + tile);
      for (let i = i0; i < i1; i++) for (let j = j0; j < j1; j++) out[j * n + i] = x[i * n + j];
    }
  }
  return out;
}

function solve(d: Float64Array, e: Float64Array): Block | null {
  const n = d.length;
  if (n <= SMALL_ORDER) return solveByQL(d, e);
  const n1 = n >> 1;
  // the rank-one tear: T = diag(T₁ − |β| e eᵀ, T₂ − |β| e eᵀ) + |β| u uᵀ, u = (e_last, sign(β) e_first)
  const beta = e[n1 - 1];
  const d1 = d.slice(0, n1);
  const d2 = d.slice(n1);
  d1[n1 - 1] -= Math.abs(beta);
  d2[0] -= Math.abs(beta);
  const top = solve(d1, e.slice(0, n1 - 1));
  const bottom = solve(d2, e.slice(n1));
  if (top === null || bottom === null) return null;
  return merge(top, bottom, beta);
}

function solveByQL(d: Float64Array, e: Float64Array): Block | null {
  const n = d.length;
  const w = d.slice();
  const off = new Float64Array(n);
  off.set(e);
  // QL's rotations act on the rows of zt: they end as the eigenvectors
  const zt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) zt[i * n + i] = 1;
  if (tridiagonalQL(w, off, n, zt, n, 1) > 0) return null;
  return { d: w, zt };
}

/** Which entries of an eigenvector can be nonzero: the top half's, the bottom half's, or both (laed2's column types). */
const TOP = 1;
const BOTTOM = 2;

/**
 * The eigen-decomposition of diag(T₁, T₂) + |β| u uᵀ from those of T₁ and T₂ (laed1–laed3).
 * In the basis Q = diag(Q₁, Q₂) it is diag(D₁, D₂) + ρ z zᵀ with z = Qᵀ u / √2, ρ = 2|β|.
 * Eigenvectors are rows here (of Qᵀ), so that rotating, gathering and placing them copies rows.
 */
function merge(top: Block, bottom: Block, beta: number): Block {
  const n1 = top.d.length;
  const n = n1 + bottom.d.length;
  const n2 = n - n1;
  // qt = Qᵀ = diag(Q₁ᵀ, Q₂ᵀ): rows 0..n1 from the top, n1..n from the bottom
  const qt = new Float64Array(n * n);
  for (let i = 0; i < n1; i++) qt.set(top.zt.subarray(i * n1, (i + 1) * n1), i * n);
  for (let i = 0; i < n2; i++) qt.set(bottom.zt.subarray(i * n2, (i + 1) * n2), (n1 + i) * n + n1);
  const values = new Float64Array(n);
  values.set(top.d);
  values.set(bottom.d, n1);
  const z = new Float64Array(n);
  const sign = beta < 0 ? -1 : 1;
  for (let j = 0; j < n1; j++) z[j] = top.zt[j * n1 + n1 - 1] / Math.SQRT2;
  for (let j = 0; j < n2; j++) z[n1 + j] = (sign * bottom.zt[j * n2]) / Math.SQRT2;
  const rho = 2 * Math.abs(beta);
  const kind = new Uint8Array(n);
  kind.fill(TOP, 0, n1);
  kind.fill(BOTTOM, n1);
  // the vectors in ascending order of their values
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  let zmax = 0;
  let dmax = 0;
  for (let i = 0; i < n; i++) {
    zmax = Math.max(zmax, Math.abs(z[i]));
    dmax = Math.max(dmax, Math.abs(values[i]));
  }
  const tol = 8 * EPS * Math.max(dmax, zmax);
  // deflation (laed2): vectors whose eigenpair is already final, and the secular problem's
  const deflated: number[] = [];
  const kept: number[] = [];
  if (rho * zmax <= tol) deflated.push(...order);
  else {
    let previous = -1;
    for (const j of order) {
      if (rho * Math.abs(z[j]) <= tol) {
        deflated.push(j);
        continue;
      }
      if (previous < 0) {
        previous = j;
        continue;
      }
      // two close values: a rotation in their plane zeroes z[previous]
      const tau = Math.hypot(z[previous], z[j]);
      const c = z[j] / tau;
      const s = -z[previous] / tau;
      if (Math.abs((values[j] - values[previous]) * c * s) <= tol) {
        z[j] = tau;
        z[previous] = 0;
        rotateRows(qt, n, previous, j, c, s);
        if (kind[previous] !== kind[j]) kind[previous] = kind[j] = TOP | BOTTOM;
        const dp = values[previous];
        const dj = values[j];
        values[previous] = dp * c * c + dj * s * s;
        values[j] = dp * s * s + dj * c * c;
        deflated.push(previous);
      } else kept.push(previous);
      previous = j;
    }
    if (previous >= 0) kept.push(previous);
  }
  const k = kept.length;
  // the secular problem: its roots and the eigenvectors of diag(dk) + ρ zk zkᵀ, as the columns of u (k×k)
  const roots = new Float64Array(k);
  const dk = new Float64Array(k);
  const zk = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    dk[i] = values[kept[i]];
    zk[i] = z[kept[i]];
  }
  const u = secularEigenvectors(dk, zk, rho, roots);
  const products = combine(qt, n, n1, kept, kind, u);
  // the merged values, ascending: the roots and the deflated values interleaved
  const all = [...Array.from({ length: k }, (_, i) => ({ value: roots[i], row: i, from: products })), ...deflated.map((j) => ({ value: values[j], row: j, from: qt }))];
  all.sort((a, b) => a.value - b.value);
  const zt = new Float64Array(n * n);
  const d = new Float64Array(n);
  all.forEach((x, p) => {
    d[p] = x.value;
    zt.set(x.from.subarray(x.row * n, (x.row + 1) * n), p * n);
  });
  return { d, zt };
}

/** The plane rotation laed2 applies to eigenvectors a and b, rows of qt (drot: a ← c a + s b, b ← c b − s a). */
function rotateRows(qt: Float64Array, n: number, a: number, b: number, c: number, s: number): void {
  const ra = a * n;
  const rb = b * n;
  for (let i = 0; i < n; i++) {
    const x = qt[ra + i];
    const y = qt[rb + i];
    qt[ra + i] = c * x + s * y;
    qt[rb + i] = c * y - s * x;
  }
}

/**
 * The eigenvectors of diag(d) + ρ z zᵀ (d strictly ascending after deflation) as the
 * columns of a k×k row-major matrix; `roots` receives the eigenvalues. z is recomputed from
 * the roots (Gu–Eisenstat, laed3) so that the vectors are orthogonal to working accuracy.
 */
function secularEigenvectors(d: Float64Array, z: Float64Array, rho: number, roots: Float64Array): Float64Array {
  const k = d.length;
  // deltas[j·k + i] = d_i − λ_j
  const deltas = new Float64Array(k * k);
  for (let j = 0; j < k; j++) roots[j] = secularRoot(d, z, k, rho, j, deltas.subarray(j * k, (j + 1) * k));
  // ẑ_i² = −Π_j (d_i − λ_j) / Π_{j≠i} (d_i − d_j), formed as a product of ratios near one
  const zhat = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let w = deltas[i * k + i];
    for (let j = 0; j < k; j++) if (j !== i) w *= deltas[j * k + i] / (d[i] - d[j]);
    zhat[i] = Math.sign(z[i]) * Math.sqrt(Math.max(0, -w));
  }
  const u = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let norm = 0;
    for (let i = 0; i < k; i++) {
      const x = zhat[i] / deltas[j * k + i];
      u[i * k + j] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    for (let i = 0; i < k; i++) u[i * k + j] /= norm;
  }
  return u;
}

/**
 * The merged eigenvectors as rows (k×n): uᵀ times the kept rows of qt, the first n1 entries
 * from the kept vectors with a top part, the rest from those with a bottom part — two
 * products on the halves' nonzero blocks.
 */
function combine(qt: Float64Array, n: number, n1: number, kept: number[], kind: Uint8Array, u: Float64Array): Float64Array {
  const k = kept.length;
  const out = new Float64Array(k * n);
  const half = (from: number, to: number, part: number) => {
    const rows: number[] = [];
    for (let i = 0; i < k; i++) if ((kind[kept[i]] & part) !== 0) rows.push(i);
    const m = to - from;
    const c = rows.length;
    if (m === 0 || c === 0) return;
    const vectors = new Float64Array(c * m);
    const weights = new Float64Array(c * k);
    for (let t = 0; t < c; t++) {
      const i = rows[t];
      vectors.set(qt.subarray(kept[i] * n + from, kept[i] * n + to), t * m);
      weights.set(u.subarray(i * k, (i + 1) * k), t * k);
    }
    gemm(true, false, k, m, c, 1, weights, 0, k, vectors, 0, m, 0, out, from, n);
  };
  half(0, n1, TOP);
  half(n1, n, BOTTOM);
  return out;
}
