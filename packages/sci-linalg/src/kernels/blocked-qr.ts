/**
 * Blocked Householder QR, LAPACK's geqrf and orgqr/ungqr (LAPACK Users' Guide, 3rd ed.,
 * §3.4.2): the reflectors of a panel of nb columns are computed one by one (geqr2), gathered
 * into the compact WY form I − V T Vᴴ, and applied to the rest of the matrix with matrix
 * products on @sciport/array-api's WebAssembly kernel (block-reflector.ts); Q is formed the
 * same way, block by block from the last. Only the panels' O(n²·nb) work stays in
 * TypeScript loops.
 *
 * The matrix is copied into the kernel's memory transposed (Aᵀ, row-major), so that a column
 * of A, the vector a reflector is built from and acts on, is a contiguous row there. Same
 * contract as householder.ts `geqr2`/`org2r` (row-major input and output, the same larfg,
 * so the same R signs); the results agree up to rounding.
 */
import type { Float } from '../stack.js';
import { applyBlockReflector, loadReflectors, triangularFactor, workspaceAt, workspaceSizes } from './block-reflector.js';
import { larfg } from './householder-vector.js';
import { withRegions } from './wasm-resident.js';

/** Columns per panel, the products' inner dimension (measured on float64, n = 256–1024: 24 to 48 alike, 64 slower). */
export const QR_BLOCK = 32;

/** Side of the square tiles the transposes go through, so that both sides stay in cache. */
const TILE = 32;

/**
 * The first `cols` columns of the rows×n row-major matrix at element offset `o` of `a`, as
 * the cols×rows matrix at `at` in the kernel's memory (written along its rows).
 */
export function transposeIn(a: Float, o: number, rows: number, n: number, cols: number, lanes: number, mem: Float, at: number): void {
  const ld = lanes * rows;
  const step = lanes * n;
  for (let j0 = 0; j0 < cols; j0 += TILE) {
    const j1 = Math.min(cols, j0 + TILE);
    for (let i0 = 0; i0 < rows; i0 += TILE) {
      const i1 = Math.min(rows, i0 + TILE);
      for (let j = j0; j < j1; j++) {
        let t = at + j * ld + lanes * i0;
        let p = lanes * (o + i0 * n + j);
        if (lanes === 1) for (let i = i0; i < i1; i++, p += step) mem[t++] = a[p];
        else {
          for (let i = i0; i < i1; i++, p += step, t += 2) {
            mem[t] = a[p];
            mem[t + 1] = a[p + 1];
          }
        }
      }
    }
  }
}

/** The reverse of `transposeIn`: the cols×rows matrix at `at` back into columns 0..cols−1 of the rows×n matrix at `o` (written along its rows). */
export function transposeOut(a: Float, o: number, rows: number, n: number, cols: number, lanes: number, mem: Float, at: number): void {
  const ld = lanes * rows;
  for (let i0 = 0; i0 < rows; i0 += TILE) {
    const i1 = Math.min(rows, i0 + TILE);
    for (let j0 = 0; j0 < cols; j0 += TILE) {
      const j1 = Math.min(cols, j0 + TILE);
      for (let i = i0; i < i1; i++) {
        let p = lanes * (o + i * n + j0);
        let t = at + j0 * ld + lanes * i;
        if (lanes === 1) for (let j = j0; j < j1; j++, t += ld) a[p++] = mem[t];
        else {
          for (let j = j0; j < j1; j++, t += ld, p += 2) {
            a[p] = mem[t];
            a[p + 1] = mem[t + 1];
          }
        }
      }
    }
  }
}

/**
 * geqr2 on the transposed matrix: the `rows` rows at `p` (leading dimension ld, each `len`
 * long) are the columns of an len × rows matrix. Reflector i is built from row i's entries
 * i.. and Hᵢᴴ applied to the rows after it (x ← x − conj(τᵢ) vᵢ (vᵢᴴ x)), every loop along a
 * row. With `jpvt`, geqp3's column pivoting as householder.ts `geqr2` describes it: before
 * step i the remaining row of largest norm moves to row i, `jpvt[jo + i]` its original index.
 */
export function factorRows(mem: Float, p: number, ld: number, rows: number, len: number, lanes: number, tau: Float, to: number, jpvt?: Int32Array, jo = 0): void {
  const k = Math.min(rows, len);
  const norms = jpvt === undefined ? undefined : new ColumnNorms(mem, p, ld, rows, len, lanes, jpvt, jo);
  for (let i = 0; i < k; i++) {
    norms?.pivot(i);
    const tp = lanes * (to + i);
    const vi = p + i * ld + lanes * i;
    larfg(mem, vi, lanes, len - i, lanes, tau, tp);
    // the stored (rounded) τ, as geqr2 reads it back
    const tr = tau[tp];
    const ti = lanes === 2 ? -tau[tp + 1] : 0;
    if (tr !== 0 || ti !== 0) {
      const width = lanes * (len - i);
      for (let l = i + 1; l < rows; l++) reflectRow(mem, vi, p + l * ld + lanes * i, width, lanes, tr, ti);
    }
    norms?.downdate(i);
  }
}

/**
 * geqp3's column norms (dlaqp2): the partial norms vn1 of the remaining columns (rows of the
 * transposed matrix), downdated after each step by the safeguarded formula of Drmač &
 * Bujanović (LAPACK Working Note 176) and recomputed when it loses accuracy; vn2 holds the
 * norms at the last recomputation.
 */
class ColumnNorms {
  private readonly vn1: Float64Array;
  private readonly vn2: Float64Array;
  private readonly tol3z: number;

  constructor(
    private readonly mem: Float,
    private readonly p: number,
    private readonly ld: number,
    private readonly rows: number,
    private readonly len: number,
    private readonly lanes: number,
    private readonly jpvt: Int32Array,
    private readonly jo: number,
  ) {
    this.vn1 = new Float64Array(rows);
    this.vn2 = new Float64Array(rows);
    this.tol3z = Math.sqrt(mem instanceof Float32Array ? 2 ** -24 : 2 ** -53);
    for (let j = 0; j < rows; j++) {
      jpvt[jo + j] = j;
      this.vn1[j] = this.vn2[j] = this.norm(j, 0);
    }
  }

  /** ‖row j from entry `from`‖, as a chain of hypot (dnrm2's accuracy on any scale). */
  private norm(j: number, from: number): number {
    let s = 0;
    const { mem, lanes } = this;
    for (let t = from, q = this.p + j * this.ld + lanes * from; t < this.len; t++, q += lanes) s = Math.hypot(s, mem[q], lanes === 2 ? mem[q + 1] : 0);
    return s;
  }

  /** Moves the remaining row of largest partial norm (the first of them) to row i. */
  pivot(i: number): void {
    const { vn1, vn2, jpvt, jo, mem } = this;
    let best = i;
    for (let j = i + 1; j < this.rows; j++) if (vn1[j] > vn1[best]) best = j;
    if (best === i) return;
    const a = this.p + i * this.ld;
    const b = this.p + best * this.ld;
    for (let t = 0; t < this.lanes * this.len; t++) {
      const x = mem[a + t];
      mem[a + t] = mem[b + t];
      mem[b + t] = x;
    }
    const t = jpvt[jo + best];
    jpvt[jo + best] = jpvt[jo + i];
    jpvt[jo + i] = t;
    vn1[best] = vn1[i];
    vn2[best] = vn2[i];
  }

  /** The rows after i lose their entry i to R: their partial norms from entry i + 1. */
  downdate(i: number): void {
    const { vn1, vn2, mem, lanes } = this;
    for (let j = i + 1; j < this.rows; j++) {
      if (vn1[j] === 0) continue;
      const q = this.p + j * this.ld + lanes * i;
      const ratio = Math.hypot(mem[q], lanes === 2 ? mem[q + 1] : 0) / vn1[j];
      const temp = Math.max(0, 1 - ratio * ratio);
      const temp2 = temp * (vn1[j] / vn2[j]) ** 2;
      if (temp2 <= this.tol3z) vn1[j] = vn2[j] = this.norm(j, i + 1);
      else vn1[j] *= Math.sqrt(temp);
    }
  }
}

/**
 * geqrf of the m×n matrix at element offset `o` in place, τ at `tau[lanes·to …]`, with
 * panels of `nb` columns; false (nothing done) when the WebAssembly kernel is not available.
 */
export function geqrfBlocked(a: Float, o: number, m: number, n: number, lanes: number, tau: Float, to: number, nb = QR_BLOCK): boolean {
  const k = Math.min(m, n);
  const sizes = [n * m * lanes, ...workspaceSizes(Math.min(nb, k), m, n, lanes)];
  const done = withRegions(a instanceof Float32Array, sizes, (r, [at, ...rest]) => {
    const ws = workspaceAt(r, lanes, rest);
    const ld = lanes * m;
    transposeIn(a, o, m, n, n, lanes, r.mem, at);
    for (let j = 0; j < k; j += nb) {
      const kb = Math.min(nb, k - j);
      const len = m - j;
      const panel = at + j * ld + lanes * j;
      factorRows(r.mem, panel, ld, kb, len, lanes, tau, to + j);
      // the columns right of the panel: C ← Hᴴ C with H = H(j) … H(j + kb − 1)
      if (j + kb < n) {
        loadReflectors(ws, panel, ld, kb, len);
        triangularFactor(ws, kb, len, tau, to + j);
        applyBlockReflector(ws, panel + kb * ld, ld, n - j - kb, len, kb, true);
      }
    }
    transposeOut(a, o, m, n, n, lanes, r.mem, at);
    return true;
  });
  return done === true;
}

/**
 * orgqr/ungqr: the first `cols` columns of Q = H(0) … H(k−1) into the m×cols matrix at `oq`,
 * from `geqrf`'s reflectors in the m×n matrix at `o`, applying blocks of `nb` reflectors from
 * the last (each block to its own columns too, where org2r would apply its reflectors one by
 * one). False (nothing done) when the WebAssembly kernel is not available.
 */
export function orgqrBlocked(a: Float, o: number, m: number, n: number, lanes: number, tau: Float, to: number, q: Float, oq: number, cols: number, nb = QR_BLOCK): boolean {
  const k = Math.min(m, n);
  const sizes = [k * m * lanes, cols * m * lanes, ...workspaceSizes(Math.min(nb, k), m, cols, lanes)];
  const done = withRegions(a instanceof Float32Array, sizes, (r, [at, qt, ...rest]) => {
    const ws = workspaceAt(r, lanes, rest);
    const mem = r.mem;
    const ld = lanes * m;
    transposeIn(a, o, m, n, k, lanes, mem, at);
    // Q = H(0) … H(k−1) applied to the identity's first columns, one block at a time from
    // the last: the block starting at column j changes only rows and columns from j on
    mem.fill(0, qt, qt + cols * ld);
    for (let c = 0; c < cols; c++) mem[qt + c * ld + lanes * c] = 1;
    for (let j = Math.floor((k - 1) / nb) * nb; j >= 0; j -= nb) {
      const kb = Math.min(nb, k - j);
      const len = m - j;
      const panel = at + j * ld + lanes * j;
      loadReflectors(ws, panel, ld, kb, len);
      triangularFactor(ws, kb, len, tau, to + j);
      applyBlockReflector(ws, qt + j * ld + lanes * j, ld, cols - j, len, kb, false);
    }
    transposeOut(q, oq, m, cols, cols, lanes, mem, qt);
    return true;
  });
  return done === true;
}

/**
 * x ← x − t v (vᴴ x) on the `width` real numbers at `x`, v at `v` with v[0] = 1 (its stored
 * entry there is β, not read): one reflector applied to one row of a transposed matrix.
 */
export function reflectRow(mem: Float, v: number, x: number, width: number, lanes: number, tr: number, ti: number): void {
  if (lanes === 1) {
    let w = mem[x];
    for (let s = 1; s < width; s++) w += mem[v + s] * mem[x + s];
    const f = tr * w;
    mem[x] -= f;
    for (let s = 1; s < width; s++) mem[x + s] -= f * mem[v + s];
  } else {
    // w = vᴴ x with v[0] = 1
    let wr = mem[x];
    let wi = mem[x + 1];
    for (let s = 2; s < width; s += 2) {
      const vr = mem[v + s];
      const vim = mem[v + s + 1];
      const xr = mem[x + s];
      const xi = mem[x + s + 1];
      wr += vr * xr + vim * xi;
      wi += vr * xi - vim * xr;
    }
    const fr = tr * wr - ti * wi;
    const fi = tr * wi + ti * wr;
    mem[x] -= fr;
    mem[x + 1] -= fi;
    for (let s = 2; s < width; s += 2) {
      const vr = mem[v + s];
      const vim = mem[v + s + 1];
      mem[x + s] -= fr * vr - fi * vim;
      mem[x + s + 1] -= fr * vim + fi * vr;
    }
  }
}
