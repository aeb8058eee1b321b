/**
 * Blocked reduction of a real symmetric matrix to tridiagonal form, A = Q T Qᵀ, and the
 * blocked product by Q: LAPACK's sytrd with latrd's panels (Dongarra, Sorensen and
 * Hammarling, "Block reduction of matrices to condensed forms for eigenvalue computations",
 * J. Comput. Appl. Math. 27, 1989) and ormtr with larft's compact WY form (Schreiber and
 * Van Loan). A panel of nb reflectors is generated with its symmetric products corrected by
 * the panel's pending rank-2 updates (A − V Wᵀ − W Vᵀ); the trailing matrix then takes
 * them as two matrix products on the WebAssembly kernel. The matrix is row-major and kept
 * full (both triangles), so row j is column j: every inner loop runs along a row.
 */
import { gemm } from '@sciport/array-api/kernels';
import { makeReflector } from './reflector.js';
import { fillTriangularFactor } from './triangular-factor.js';
import { gemmAt, withResident } from './wasm-resident.js';

/** Reflectors per panel of the reduction (its corrections grow with the width, its products shrink). */
const PANEL = 16;
/** Reflectors per block applied by applyTridiagonalQ. */
const BLOCK = 32;

/**
 * Double-precision memory with its matrix product: the WebAssembly kernel's own memory when
 * it is loaded (the matrices stay there for the whole routine: no copies per product), else
 * a plain array and @sciport/array-api's product. Positions are element indices into `mem`.
 */
interface Workspace {
  readonly mem: Float64Array;
  product(ta: boolean, tb: boolean, m: number, n: number, k: number, alpha: number, a: number, lda: number, b: number, ldb: number, beta: number, c: number, ldc: number): void;
}

interface Region {
  readonly data: Float64Array;
  /** false for scratch and read-only operands (not copied back) */
  readonly writeBack: boolean;
}

/** Runs `body` on a workspace holding copies of the regions (at the returned positions), then copies the written ones back. */
function withWorkspace(regions: readonly Region[], body: (w: Workspace, at: number[]) => void): void {
  const inputs = regions.map((x) => ({ data: x.data, o: 0, size: x.data.length, writeBack: x.writeBack }));
  const done = withResident(inputs, (r, at) => {
    const mem = r.mem as Float64Array;
    body({ mem, product: (ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) => gemmAt(r, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) }, at);
    return true;
  });
  if (done) return;
  const at: number[] = [];
  let size = 0;
  for (const x of regions) {
    at.push(size);
    size += x.data.length;
  }
  const mem = new Float64Array(size);
  for (let i = 0; i < regions.length; i++) mem.set(regions[i].data, at[i]);
  body(
    {
      mem,
      product: (ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) => {
        if (m > 0 && n > 0) gemm(ta, tb, m, n, k, alpha, mem, a, lda, mem, b, ldb, beta, mem, c, ldc);
      },
    },
    at,
  );
  regions.forEach((x, i) => {
    if (x.writeBack) x.data.set(mem.subarray(at[i], at[i] + x.data.length));
  });
}

/**
 * Reduces the symmetric n×n matrix `a` (row-major, double; its lower triangle is read, and
 * the whole matrix overwritten unless `keepReflectors` is false): d receives the diagonal, e the off-diagonal (e[i] couples
 * i and i+1), `taus` the reflectors' τ. Row i of `a` keeps reflector i: v = (1, a[i, i+2..n))
 * on rows i+1..n−1.
 */
export function reduceSymmetricBlocked(a: Float64Array, n: number, d: Float64Array, e: Float64Array, taus: Float64Array, keepReflectors = true): void {
  const panels = { data: new Float64Array(2 * n * PANEL), writeBack: false };
  // without eigenvectors the reflectors are not needed: `a` is then left as it was
  withWorkspace([{ data: a, writeBack: keepReflectors }, panels], (w, [ao, po]) => reduce(w, ao, po, n, d, e, taus));
}

/**
 * reduceSymmetricBlocked on the workspace: the matrix at `ao`, the panel's reflectors V and
 * products W at `po`, each stored transposed (PANEL rows of n: row u is column u of the
 * panel), so that the panel's corrections run along rows. Only the lower triangle of the
 * trailing matrix is kept up to date.
 */
function reduce(ws: Workspace, ao: number, po: number, n: number, d: Float64Array, e: Float64Array, taus: Float64Array): void {
  const a = ws.mem;
  const vo = po;
  const wo = po + n * PANEL;
  const v = new Float64Array(n);
  const y = new Float64Array(n);
  const vw = new Float64Array(PANEL);
  const vv = new Float64Array(PANEL);
  for (let p = 0; p < n; p += PANEL) {
    const nb = Math.min(PANEL, n - p);
    a.fill(0, po, po + 2 * n * PANEL);
    for (let t = 0; t < nb; t++) {
      const j = p + t;
      const row = ao + j * n;
      // column j from the lower triangle (into v), brought up to date with the panel's earlier rank-2 updates
      const len = n - j - 1;
      const first = j + 1;
      let diagonal = a[row + j];
      for (let k = 0; k < len; k++) v[k] = a[ao + (first + k) * n + j];
      for (let u = 0; u < t; u++) {
        vw[u] = a[wo + u * n + j];
        vv[u] = a[vo + u * n + j];
        diagonal -= 2 * vv[u] * vw[u];
      }
      panelUpdate(a, vo, n, first, len, t, vw, v);
      panelUpdate(a, wo, n, first, len, t, vv, v);
      d[j] = diagonal;
      if (len === 0) break;
      const [beta, tau] = makeReflector(v, len, 1);
      e[j] = beta;
      taus[j] = tau;
      a.set(v.subarray(0, len), row + first);
      a.set(v.subarray(0, len), vo + t * n + first);
      if (tau === 0) continue;
      // y = A₂₂ v with A₂₂ the trailing matrix before this panel's updates …
      symmetricProduct(a, ao, n, first, v, y);
      // … corrected: y −= V (Wᵀ v) + W (Vᵀ v) over the panel's earlier columns
      panelDots(a, wo, n, first, len, t, v, vw);
      panelDots(a, vo, n, first, len, t, v, vv);
      panelUpdate(a, vo, n, first, len, t, vw, y);
      panelUpdate(a, wo, n, first, len, t, vv, y);
      // w = τ y − ½ τ² (yᵀ v) v (sytd2's w, so that A − v wᵀ − w vᵀ = H A H)
      let dot = 0;
      for (let k = 0; k < len; k++) dot += y[k] * v[k];
      const alpha = -0.5 * tau * tau * dot;
      const wt = wo + t * n + first;
      for (let k = 0; k < len; k++) a[wt + k] = tau * y[k] + alpha * v[k];
    }
    // the trailing matrix's lower triangle takes the whole panel: A₂₂ −= V Wᵀ + W Vᵀ
    const q = p + nb;
    lowerRank2k(ws, ao + q * n + q, n, n - q, vo + q, wo + q, nb);
  }
}

/** Orders up to which lowerRank2k updates a diagonal block whole (one product pair instead of recursion). */
const RANK2K_LEAF = 96;

/**
 * C ← C − V Wᵀ − W Vᵀ on and below the diagonal of the order-m block C at `c` (leading
 * dimension n), V and W stored transposed (k rows of leading dimension n at `v`, `w`):
 * syr2k by recursion — the block below the diagonal is a pair of products, the diagonal
 * blocks recurse, small ones are updated whole.
 */
function lowerRank2k(ws: Workspace, c: number, n: number, m: number, v: number, w: number, k: number): void {
  if (m <= 0) return;
  if (m <= RANK2K_LEAF) {
    ws.product(true, false, m, m, k, -1, v, n, w, n, 1, c, n);
    ws.product(true, false, m, m, k, -1, w, n, v, n, 1, c, n);
    return;
  }
  const m1 = m >> 1;
  lowerRank2k(ws, c, n, m1, v, w, k);
  const below = c + m1 * n;
  ws.product(true, false, m - m1, m1, k, -1, v + m1, n, w, n, 1, below, n);
  ws.product(true, false, m - m1, m1, k, -1, w + m1, n, v, n, 1, below, n);
  lowerRank2k(ws, below + m1, n, m - m1, v + m1, w + m1, k);
}

/** out[u] = Σ_k P[u, first + k] x[k] for the panel rows u < t at `po` (leading dimension n), four rows at a time. */
function panelDots(a: Float64Array, po: number, n: number, first: number, len: number, t: number, x: Float64Array, out: Float64Array): void {
  let u = 0;
  for (; u + 3 < t; u += 4) {
    const p0 = po + u * n + first;
    const p1 = p0 + n;
    const p2 = p1 + n;
    const p3 = p2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let k = 0; k < len; k++) {
      const xk = x[k];
      s0 += a[p0 + k] * xk;
      s1 += a[p1 + k] * xk;
      s2 += a[p2 + k] * xk;
      s3 += a[p3 + k] * xk;
    }
    out[u] = s0;
    out[u + 1] = s1;
    out[u + 2] = s2;
    out[u + 3] = s3;
  }
  for (; u < t; u++) {
    const p0 = po + u * n + first;
    let s0 = 0;
    for (let k = 0; k < len; k++) s0 += a[p0 + k] * x[k];
    out[u] = s0;
  }
}

/** y[k] −= Σ_u P[u, first + k] coef[u] over the panel rows u < t at `po`, four rows at a time. */
function panelUpdate(a: Float64Array, po: number, n: number, first: number, len: number, t: number, coef: Float64Array, y: Float64Array): void {
  let u = 0;
  for (; u + 3 < t; u += 4) {
    const p0 = po + u * n + first;
    const p1 = p0 + n;
    const p2 = p1 + n;
    const p3 = p2 + n;
    const c0 = coef[u];
    const c1 = coef[u + 1];
    const c2 = coef[u + 2];
    const c3 = coef[u + 3];
    for (let k = 0; k < len; k++) y[k] -= a[p0 + k] * c0 + a[p1 + k] * c1 + a[p2 + k] * c2 + a[p3 + k] * c3;
  }
  for (; u < t; u++) {
    const p0 = po + u * n + first;
    const c0 = coef[u];
    for (let k = 0; k < len; k++) y[k] -= a[p0 + k] * c0;
  }
}

/**
 * y[0..len) = A[s.., s..] v (rows s..n−1 of the symmetric matrix at `ao`, len = n − s) from
 * its lower triangle only, half the memory traffic: row r adds A[r, c] v_c to y_r and
 * A[r, c] v_r to y_c (c < r). Four rows at a time, so each load of v_c and y_c serves four.
 */
function symmetricProduct(a: Float64Array, ao: number, n: number, s: number, v: Float64Array, y: Float64Array): void {
  const len = n - s;
  y.fill(0, 0, len);
  let r = 0;
  for (; r + 3 < len; r += 4) {
    const r0 = ao + (s + r) * n + s;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    const v0 = v[r];
    const v1 = v[r + 1];
    const v2 = v[r + 2];
    const v3 = v[r + 3];
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let c = 0; c < r; c++) {
      const x0 = a[r0 + c];
      const x1 = a[r1 + c];
      const x2 = a[r2 + c];
      const x3 = a[r3 + c];
      const vc = v[c];
      s0 += x0 * vc;
      s1 += x1 * vc;
      s2 += x2 * vc;
      s3 += x3 * vc;
      y[c] += x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
    }
    // the 4×4 diagonal block, from its lower triangle
    const a10 = a[r1 + r];
    const a20 = a[r2 + r];
    const a21 = a[r2 + r + 1];
    const a30 = a[r3 + r];
    const a31 = a[r3 + r + 1];
    const a32 = a[r3 + r + 2];
    y[r] += s0 + a[r0 + r] * v0 + a10 * v1 + a20 * v2 + a30 * v3;
    y[r + 1] += s1 + a10 * v0 + a[r1 + r + 1] * v1 + a21 * v2 + a31 * v3;
    y[r + 2] += s2 + a20 * v0 + a21 * v1 + a[r2 + r + 2] * v2 + a32 * v3;
    y[r + 3] += s3 + a30 * v0 + a31 * v1 + a32 * v2 + a[r3 + r + 3] * v3;
  }
  for (; r < len; r++) {
    const row = ao + (s + r) * n + s;
    const vr = v[r];
    let s0 = 0;
    for (let c = 0; c < r; c++) {
      const x = a[row + c];
      s0 += x * v[c];
      y[c] += x * vr;
    }
    y[r] += s0 + a[row + r] * vr;
  }
}

/**
 * z ← Q z for the n×cols row-major z, Q = H(0) H(1) … H(n−2) from reduceSymmetricBlocked
 * (reflectors in the rows of `a`): blocks of reflectors from the last, each applied as
 * I − Y T Yᵀ with two matrix products (ormtr).
 */
export function applyTridiagonalQ(a: Float64Array, n: number, taus: Float64Array, z: Float64Array, cols: number): void {
  if (n <= 1) return;
  // Yᵀ (the block's reflectors as rows, n long), T, and the products W = Yᵀ z and T W
  const scratch = { data: new Float64Array(BLOCK * n + BLOCK * BLOCK + 2 * BLOCK * cols), writeBack: false };
  withWorkspace([{ data: z, writeBack: true }, scratch], (ws, [zo, so]) => applyBlocks(ws, a, n, taus, zo, cols, so));
}

function applyBlocks(ws: Workspace, a: Float64Array, n: number, taus: Float64Array, zo: number, cols: number, so: number): void {
  const mem = ws.mem;
  const count = n - 1;
  const yo = so;
  const to = yo + BLOCK * n;
  const w1 = to + BLOCK * BLOCK;
  const w2 = w1 + BLOCK * cols;
  const last = Math.floor((count - 1) / BLOCK) * BLOCK;
  for (let b0 = last; b0 >= 0; b0 -= BLOCK) {
    const nb = Math.min(BLOCK, count - b0);
    // the block's reflectors act on rows start..n−1
    const start = b0 + 1;
    const len = n - start;
    mem.fill(0, yo, yo + BLOCK * n);
    for (let i = 0; i < nb; i++) {
      const j = b0 + i;
      // reflector j: 1 at row j+1, then a[j, j+2..n)
      const base = yo + i * len + (j + 1 - start);
      mem[base] = 1;
      for (let r = j + 2; r < n; r++) mem[base + r - j - 1] = a[j * n + r];
    }
    blockTriangle(mem, yo, len, nb, taus, b0, to);
    // W = Yᵀ z[start..], W ← T W, z[start..] −= Y W
    ws.product(false, false, nb, cols, len, 1, yo, len, zo + start * cols, cols, 0, w1, cols);
    ws.product(false, false, nb, cols, nb, 1, to, BLOCK, w1, cols, 0, w2, cols);
    ws.product(true, false, len, cols, nb, -1, yo, len, w2, cols, 1, zo + start * cols, cols);
  }
}

/**
 * larft (forward, by columns): the upper triangular T at `to` (leading dimension BLOCK) with
 * H(b0) … H(b0+nb−1) = I − Y T Yᵀ: T[i, i] = τᵢ and T[0..i, i] = −τᵢ T[0..i, 0..i] (Y[:, 0..i]ᵀ yᵢ).
 * Y's columns are the rows of Yᵀ at `yo` (len long).
 */
function blockTriangle(mem: Float64Array, yo: number, len: number, nb: number, taus: Float64Array, b0: number, to: number): void {
  mem.fill(0, to, to + BLOCK * BLOCK);
  const tauOf = (i: number) => taus[b0 + i];
  fillTriangularFactor(mem, to, BLOCK, nb, 1, tauOf, tauOf, (i, g) => {
    for (let u = 0; u < i; u++) {
      let s = 0;
      for (let r = 0; r < len; r++) s += mem[yo + u * len + r] * mem[yo + i * len + r];
      g[u] = s;
    }
  });
}
