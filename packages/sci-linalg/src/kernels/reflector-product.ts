/**
 * The explicit product H₀ H₁ … Hₖ₋₁ of Householder reflectors Hⱼ = I − τⱼ vⱼ vⱼᴴ (the first
 * `cols` columns of it, rows×cols row-major), as LAPACK's orgqr/orgbr form Q: backward
 * accumulation, Hⱼ acting on rows and columns from j + shift on. Real products of enough
 * reflectors go by blocks in the compact WY form I − V T Vᵀ (Schreiber & Van Loan, "A
 * storage-efficient WY representation for products of Householder transformations", 1989;
 * LAPACK's larft and larfb), so that the work is matrix products on the wasm kernel.
 */
import { gemm } from '@sciport/array-api/kernels';
import { reflectLeft } from './reflector.js';
import { fillTriangularFactor } from './triangular-factor.js';

/** Reflectors per block (LAPACK's usual NB). */
const BLOCK = 32;

export interface Reflectors {
  readonly count: number;
  /** Hⱼ acts on indices j + shift and on. */
  readonly shift: number;
  /** τⱼ at lanes·j (and its imaginary part after it). */
  readonly tau: Float64Array;
  /** Writes vⱼ (1 first, then rows − j − shift − 1 entries) into v. */
  load(j: number, v: Float64Array): void;
}

export function reflectorProduct(rows: number, cols: number, lanes: number, h: Reflectors): Float64Array {
  const out = new Float64Array(lanes * rows * cols);
  for (let i = 0; i < Math.min(rows, cols); i++) out[lanes * (i * cols + i)] = 1;
  if (lanes === 1 && h.count >= BLOCK) blocked(out, rows, cols, h);
  else unblocked(out, rows, cols, lanes, h);
  return out;
}

function unblocked(out: Float64Array, rows: number, cols: number, lanes: number, h: Reflectors): void {
  const v = new Float64Array(lanes * rows);
  const w = new Float64Array(lanes * cols);
  for (let j = h.count - 1; j >= 0; j--) {
    const start = j + h.shift;
    h.load(j, v);
    reflectLeft(out, 0, cols, lanes, start, rows - start, start, cols, v, h.tau[lanes * j], lanes === 2 ? h.tau[lanes * j + 1] : 0, w);
  }
}

function blocked(out: Float64Array, rows: number, cols: number, h: Reflectors): void {
  const v = new Float64Array(rows);
  const panel = new Float64Array(rows * BLOCK);
  const t = new Float64Array(BLOCK * BLOCK);
  const work = new Float64Array(BLOCK * cols);
  const product = new Float64Array(BLOCK * cols);
  for (let j1 = h.count; j1 > 0; j1 -= BLOCK) {
    const j0 = Math.max(0, j1 - BLOCK);
    const size = j1 - j0;
    const start = j0 + h.shift;
    const len = rows - start;
    const width = cols - start;
    if (len <= 0 || width <= 0) continue;
    // V (len×size, unit lower trapezoidal): column c holds v_{j0+c} from row c on
    panel.fill(0, 0, len * size);
    for (let c = 0; c < size; c++) {
      h.load(j0 + c, v);
      for (let r = 0; r < len - c; r++) panel[(c + r) * size + c] = v[r];
    }
    triangularFactor(panel, len, size, h.tau, j0, t);
    // X ← X − V (T (Vᵀ X)) on X = out[start.., start..]
    const xo = start * cols + start;
    gemm(true, false, size, width, len, 1, panel, 0, size, out, xo, cols, 0, work, 0, width);
    gemm(false, false, size, width, size, 1, t, 0, size, work, 0, width, 0, product, 0, width);
    gemm(false, false, len, width, size, -1, panel, 0, size, product, 0, width, 1, out, xo, cols);
  }
}

/**
 * T (size×size upper triangular, row-major) with H_{j0} … H_{j0+size−1} = I − V T Vᵀ
 * (larft, forward, columnwise): T[c][c] = τ, T[0..c, c] = −τ T[0..c, 0..c] Vᵀ[0..c] v_c.
 */
function triangularFactor(panel: Float64Array, len: number, size: number, tau: Float64Array, j0: number, t: Float64Array): void {
  t.fill(0, 0, size * size);
  const tauOf = (c: number) => tau[j0 + c];
  fillTriangularFactor(t, 0, size, size, 1, tauOf, tauOf, (c, z) => {
    // z = V[:, 0..c)ᵀ v_c, v_c zero above row c
    z.fill(0, 0, c);
    for (let r = c; r < len; r++) {
      const vr = panel[r * size + c];
      if (vr === 0) continue;
      const row = r * size;
      for (let k = 0; k < c; k++) z[k] += panel[row + k] * vr;
    }
  });
}
