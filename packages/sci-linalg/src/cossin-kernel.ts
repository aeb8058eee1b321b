/**
 * The CS decomposition of one m×m unitary (orthogonal) matrix X partitioned at (p, q):
 *
 *   [X11 X12]   [U1   ] [D11 D12] [V1   ]ᴴ
 *   [X21 X22] = [   U2] [D21 D22] [   V2]
 *
 * with D11 = diag(I, C, 0), D21 = [0 S 0; 0 0 I], D12 = −(the same pattern with S and I),
 * D22 = diag(I, C, 0) as SciPy's `cossin` lays them out (SciPy computes it with LAPACK's
 * ?orcsd/?uncsd, Sutton 2009). Here it is built from SVDs of the blocks, after Stewart
 * ("Computing the CS decomposition of a partitioned orthonormal matrix", Numer. Math. 40,
 * 1982) and Van Loan (1985):
 *
 * 1. X11 = U1 Σ V1ᴴ (Jacobi SVD). A column v of V1 has cos θ = σ and sin θ = ‖X21 v‖.
 * 2. Where σ ≤ 1/√2 the direction of X21 v is accurate (its norm is ≥ 1/√2): U2's column is
 *    X21 v normalised. Where σ > 1/√2 it is not (its norm may be tiny), so those columns of
 *    V1 are rotated by the right singular vectors of X21 V1 restricted to them: X21's own
 *    SVD there gives U2's columns and the sines, and U1's columns become X11 v normalised
 *    (norm ≥ 1/√2, accurate).
 * 3. θ = atan2(sin, cos), each from the accurate side; the columns left over complete
 *    orthonormal bases (Gram–Schmidt, twice); V2ᴴ = D2ᵀ Uᴴ [X12; X22], which is orthonormal
 *    to working precision because U and X are.
 *
 * All matrices here are float64 storage, complex interleaved (`lanes` 2); U1, U2 and V1 are
 * kept column by column (column j at element j·rows) as the steps work on columns.
 */
import { decompose } from './svd.js';
import { completeBasis } from './kernels/jacobi-svd.js';

export interface CsdFactors {
  /** p×p, row-major. */
  readonly u1: Float64Array;
  /** (m−p)×(m−p), row-major. */
  readonly u2: Float64Array;
  /** q×q, row-major. */
  readonly v1h: Float64Array;
  /** (m−q)×(m−q), row-major. */
  readonly v2h: Float64Array;
  /** r = min(p, m−p, q, m−q) angles in [0, π/2], ascending. */
  readonly theta: Float64Array;
}

/** Sizes of the identity blocks of the middle factor (SciPy's n11, n12, n21, n22) and r. */
export function csdSizes(m: number, p: number, q: number): { r: number; n11: number; n12: number; n21: number; n22: number } {
  const r = Math.min(p, m - p, q, m - q);
  return { r, n11: Math.min(p, q) - r, n12: Math.min(p, m - q) - r, n21: Math.min(m - p, q) - r, n22: Math.min(m - p, m - q) - r };
}

/** A row-major rows×cols block of the row-major m×m matrix x, from (r0, c0). */
function block(x: Float64Array, m: number, lanes: number, r0: number, c0: number, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols * lanes);
  for (let i = 0; i < rows; i++) out.set(x.subarray(lanes * ((r0 + i) * m + c0), lanes * ((r0 + i) * m + c0 + cols)), lanes * i * cols);
  return out;
}

/** The full SVD of a row-major rows×cols matrix: U rows×rows and Vᴴ cols×cols row-major, s descending. */
function svdOf(a: Float64Array, rows: number, cols: number, lanes: number): { u: Float64Array; s: Float64Array; vh: Float64Array } {
  const { u, s, vh } = decompose({ data: a, dtype: lanes === 2 ? 'complex128' : 'float64', batch: [], rows, cols }, true, true);
  return { u: u?.toTypedArray() as Float64Array, s: s.toTypedArray() as Float64Array, vh: vh?.toTypedArray() as Float64Array };
}

/** y = A v for the row-major rows×cols A and a column-major vector v at `vo` (length cols). */
function apply(a: Float64Array, rows: number, cols: number, v: Float64Array, vo: number, lanes: number): Float64Array {
  const y = new Float64Array(rows * lanes);
  for (let i = 0; i < rows; i++) {
    let re = 0;
    let im = 0;
    for (let k = 0; k < cols; k++) {
      const pa = lanes * (i * cols + k);
      const pv = lanes * (vo + k);
      if (lanes === 1) re += a[pa] * v[pv];
      else {
        re += a[pa] * v[pv] - a[pa + 1] * v[pv + 1];
        im += a[pa] * v[pv + 1] + a[pa + 1] * v[pv];
      }
    }
    y[lanes * i] = re;
    if (lanes === 2) y[lanes * i + 1] = im;
  }
  return y;
}

function norm(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

/** Column `j` of the column-major `out` (length rows) ← x / d, or left zero (for completion) when d is 0. */
function setColumn(out: Float64Array, rows: number, j: number, x: Float64Array, d: number, lanes: number, have: boolean[]): void {
  if (d === 0 || !Number.isFinite(d)) return;
  for (let i = 0; i < rows * lanes; i++) out[lanes * j * rows + i] = x[i] / d;
  have[j] = true;
}

/**
 * Gram–Schmidt (twice) over the columns of the column-major `x` in `order`, most accurate
 * first: a column computed from a small sine (or cosine) carries an error of ε over that
 * sine in its direction, which projecting out the accurate columns removes while changing
 * the reconstruction by only sine × that error. A column that does not keep half its norm
 * is dropped, for completeBasis to replace.
 */
function orthonormalizeInOrder(x: Float64Array, rows: number, order: readonly number[], have: boolean[], lanes: number): void {
  const accepted: number[] = [];
  for (const j of order) {
    if (!have[j]) continue;
    const cj = lanes * j * rows;
    for (let pass = 0; pass < 2; pass++) {
      for (const a of accepted) {
        const ca = lanes * a * rows;
        // ⟨a, j⟩ = aᴴ j
        let re = 0;
        let im = 0;
        for (let i = 0; i < rows; i++) {
          const pa = ca + lanes * i;
          const pj = cj + lanes * i;
          if (lanes === 1) re += x[pa] * x[pj];
          else {
            re += x[pa] * x[pj] + x[pa + 1] * x[pj + 1];
            im += x[pa] * x[pj + 1] - x[pa + 1] * x[pj];
          }
        }
        for (let i = 0; i < rows; i++) {
          const pa = ca + lanes * i;
          const pj = cj + lanes * i;
          if (lanes === 1) x[pj] -= re * x[pa];
          else {
            x[pj] -= re * x[pa] - im * x[pa + 1];
            x[pj + 1] -= re * x[pa + 1] + im * x[pa];
          }
        }
      }
    }
    let n = 0;
    for (let i = 0; i < rows * lanes; i++) n += x[cj + i] * x[cj + i];
    n = Math.sqrt(n);
    if (n < 0.5) {
      x.fill(0, cj, cj + rows * lanes);
      have[j] = false;
      continue;
    }
    for (let i = 0; i < rows * lanes; i++) x[cj + i] /= n;
    accepted.push(j);
  }
}

/**
 * The column-major rows×cols x in row-major order; with `conjugate`, its conjugate transpose
 * instead (whose rows are x's conjugated columns: the same storage order).
 */
function toRowMajor(x: Float64Array, rows: number, cols: number, lanes: number, conjugate: boolean): Float64Array {
  const out = new Float64Array(rows * cols * lanes);
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) {
      const from = lanes * (j * rows + i);
      // conjugate transpose: row j of the result is column j conjugated
      const to = conjugate ? lanes * (j * rows + i) : lanes * (i * cols + j);
      out[to] = x[from];
      if (lanes === 2) out[to + 1] = conjugate ? -x[from + 1] : x[from + 1];
    }
  }
  return out;
}

/**
 * The CS decomposition of the row-major m×m `x` at (p, q), 0 < p, q < m. `swapSign` puts
 * the −S and −I blocks in D21 instead of D12 (SciPy's swap_sign).
 */
export function csd(x: Float64Array, m: number, p: number, q: number, lanes: number, swapSign: boolean): CsdFactors {
  const { r, n11, n12, n22 } = csdSizes(m, p, q);
  const mp = m - p;
  const mq = m - q;
  const x11 = block(x, m, lanes, 0, 0, p, q);
  const x21 = block(x, m, lanes, p, 0, mp, q);
  // signs of D21's and D12's nonzero entries
  const sign21 = swapSign ? -1 : 1;
  const sign12 = -sign21;

  // 1. X11 = U1 Σ V1ᴴ; V1 column j = conj(row j of Vᴴ)
  const first = svdOf(x11, p, q, lanes);
  const v1 = toRowMajor(first.vh, q, q, lanes, true);
  const cosines = new Float64Array(q);
  cosines.set(first.s.subarray(0, Math.min(p, q)));
  const sines = new Float64Array(q);
  const u1 = new Float64Array(p * p * lanes);
  const u1Have = new Array<boolean>(p).fill(false);
  const u2 = new Float64Array(mp * mp * lanes);
  const u2Have = new Array<boolean>(mp).fill(false);
  // column j of V1 (j ≥ n11) pairs with column n22 + j − n11 of U2
  const u2Column = (j: number) => n22 + j - n11;

  // 2a. the columns with cos θ > 1/√2: rotate them by the SVD of X21 on their span
  let large = 0;
  while (large < Math.min(p, q) && cosines[large] > Math.SQRT1_2) large++;
  if (large > 0) {
    const z = new Float64Array(mp * large * lanes);
    for (let j = 0; j < large; j++) {
      const y = apply(x21, mp, q, v1, j * q, lanes);
      for (let i = 0; i < mp; i++) for (let l = 0; l < lanes; l++) z[lanes * (i * large + j) + l] = y[lanes * i + l];
    }
    const second = svdOf(z, mp, large, lanes);
    const t = Math.min(mp, large);
    const rotated = new Float64Array(q * large * lanes);
    for (let k = 0; k < large; k++) {
      // ascending sines: new column k is right singular vector i = large − 1 − k
      const i = large - 1 - k;
      for (let l = 0; l < large; l++) {
        // W[l, i] = conj(Vᴴ[i, l])
        const wr = second.vh[lanes * (i * large + l)];
        const wi = lanes === 2 ? -second.vh[lanes * (i * large + l) + 1] : 0;
        for (let e = 0; e < q; e++) {
          const pv = lanes * (l * q + e);
          const pr = lanes * (k * q + e);
          if (lanes === 1) rotated[pr] += v1[pv] * wr;
          else {
            rotated[pr] += v1[pv] * wr - v1[pv + 1] * wi;
            rotated[pr + 1] += v1[pv] * wi + v1[pv + 1] * wr;
          }
        }
      }
      sines[k] = i < t ? second.s[i] : 0;
      if (k >= n11 && i < t && second.s[i] > 0) {
        const column = new Float64Array(mp * lanes);
        for (let e = 0; e < mp; e++) for (let l = 0; l < lanes; l++) column[lanes * e + l] = second.u[lanes * (e * mp + i) + l];
        setColumn(u2, mp, u2Column(k), column, sign21, lanes, u2Have);
      }
    }
    v1.set(rotated.subarray(0, q * large * lanes));
    for (let k = 0; k < large; k++) {
      const y = apply(x11, p, q, v1, k * q, lanes);
      cosines[k] = norm(y);
      setColumn(u1, p, k, y, cosines[k], lanes, u1Have);
    }
  }

  // 2b. the others: U1's column from the SVD, U2's from X21 v normalised
  for (let j = large; j < q; j++) {
    if (j < Math.min(p, q) && cosines[j] > 0) {
      for (let e = 0; e < p; e++) for (let l = 0; l < lanes; l++) u1[lanes * (j * p + e) + l] = first.u[lanes * (e * p + j) + l];
      u1Have[j] = true;
    }
    const y = apply(x21, mp, q, v1, j * q, lanes);
    sines[j] = norm(y);
    if (j >= n11) setColumn(u2, mp, u2Column(j), y, sign21 * sines[j], lanes, u2Have);
  }

  // 3. the angles, and the columns no product gave complete the bases
  const theta = new Float64Array(r);
  for (let i = 0; i < r; i++) theta[i] = Math.atan2(sines[n11 + i], cosines[n11 + i]);
  // U1's columns in order of accuracy: cosines descending; U2's: sines descending
  const byCosine = [...Array(p).keys()].filter((j) => j < q).sort((a, b) => cosines[b] - cosines[a]);
  const bySine = [...Array(q).keys()].filter((j) => j >= n11).sort((a, b) => sines[b] - sines[a]);
  orthonormalizeInOrder(u1, p, byCosine, u1Have, lanes);
  orthonormalizeInOrder(u2, mp, bySine.map(u2Column), u2Have, lanes);
  completeBasis(u1, p, p, u1Have, lanes);
  completeBasis(u2, mp, mp, u2Have, lanes);

  // V2ᴴ = D2ᵀ Uᴴ [X12; X22]: row k of V2ᴴ combines rows of U1ᴴ X12 and U2ᴴ X22
  const x12 = block(x, m, lanes, 0, q, p, mq);
  const x22 = block(x, m, lanes, p, q, mp, mq);
  const v2h = new Float64Array(mq * mq * lanes);
  const addRow = (k: number, u: Float64Array, rows: number, column: number, xb: Float64Array, weight: number) => {
    // row k of V2ᴴ += weight · (column `column` of u)ᴴ X
    for (let i = 0; i < rows; i++) {
      const pu = lanes * (column * rows + i);
      const ur = u[pu] * weight;
      const ui = lanes === 2 ? -u[pu + 1] * weight : 0;
      for (let c = 0; c < mq; c++) {
        const px = lanes * (i * mq + c);
        const pr = lanes * (k * mq + c);
        if (lanes === 1) v2h[pr] += ur * xb[px];
        else {
          v2h[pr] += ur * xb[px] - ui * xb[px + 1];
          v2h[pr + 1] += ur * xb[px + 1] + ui * xb[px];
        }
      }
    }
  };
  for (let k = 0; k < n22; k++) addRow(k, u2, mp, k, x22, 1);
  for (let i = 0; i < r; i++) {
    addRow(n22 + i, u1, p, n11 + i, x12, sign12 * Math.sin(theta[i]));
    addRow(n22 + i, u2, mp, n22 + i, x22, Math.cos(theta[i]));
  }
  for (let i = 0; i < n12; i++) addRow(n22 + r + i, u1, p, n11 + r + i, x12, sign12);
  return {
    u1: toRowMajor(u1, p, p, lanes, false),
    u2: toRowMajor(u2, mp, mp, lanes, false),
    v1h: toRowMajor(v1, q, q, lanes, true),
    v2h,
    theta,
  };
}

/** The m×m middle factor of SciPy's `cossin` (real), row-major. */
export function csMatrix(theta: Float64Array, m: number, p: number, q: number, swapSign: boolean): Float64Array {
  const { r, n11, n12, n21, n22 } = csdSizes(m, p, q);
  const cs = new Float64Array(m * m);
  const set = (i: number, j: number, v: number) => {
    cs[i * m + j] = v;
  };
  const sign21 = swapSign ? -1 : 1;
  const sign12 = -sign21;
  for (let i = 0; i < n11; i++) set(i, i, 1);
  for (let i = 0; i < r; i++) {
    const c = Math.cos(theta[i]);
    const s = Math.sin(theta[i]);
    // D11 and D12's rows n11 + i; D21 and D22's rows n22 + i
    set(n11 + i, n11 + i, c);
    set(n11 + i, q + n22 + i, sign12 * s);
    set(p + n22 + i, n11 + i, sign21 * s);
    set(p + n22 + i, q + n22 + i, c);
  }
  for (let i = 0; i < n12; i++) set(n11 + r + i, q + n22 + r + i, sign12);
  for (let i = 0; i < n22; i++) set(p + i, q + i, 1);
  for (let i = 0; i < n21; i++) set(p + n22 + r + i, n11 + r + i, sign21);
  return cs;
}
