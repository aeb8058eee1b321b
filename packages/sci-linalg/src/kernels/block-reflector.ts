/**
 * Block reflectors in compact WY form (Schreiber & Van Loan, "A storage-efficient WY
 * representation for products of Householder transformations", SIAM J. Sci. Stat. Comput.
 * 10(1), 1989): the product H = H(0) H(1) … H(k−1) of reflectors H(i) = I − τᵢ vᵢ vᵢᴴ is
 * I − V T Vᴴ with T k×k upper triangular (LAPACK's larft, forward and columnwise), and
 * applying H or Hᴴ to a matrix becomes three matrix products (LAPACK's larfb) on
 * @sciport/array-api's WebAssembly kernel.
 *
 * Everything lives in that kernel's memory, row-major, real (lanes = 1) or complex
 * interleaved (lanes = 2); positions and leading dimensions count real numbers (a complex
 * element is two). The reflectors are the ROWS of Y = Vᵀ (k × len, row i = vᵢ: zeros before
 * position i, 1 at it), and the matrix C that H acts on is held transposed, its columns as
 * the rows of Cᵀ, so that every loop here runs along a row and
 * (H C)ᵀ = Cᵀ (I − conj(V) Tᵀ Vᵀ), (Hᴴ C)ᵀ = Cᵀ (I − conj(V) conj(T) Vᵀ).
 * Complex products run on the real kernel: X·B for complex X (interleaved) and B equals X's
 * real view times B's 2×2 real expansion (`expand`).
 */
import type { Float } from '../stack.js';
import { fillTriangularFactor } from './triangular-factor.js';
import { gemmAt, type Resident } from './wasm-resident.js';

/** Positions of the scratch matrices `applyBlockReflector` needs, for k reflectors acting on up to `rows` × `len`. */
export interface BlockWorkspace {
  readonly r: Resident;
  readonly lanes: number;
  /** Y = Vᵀ, k × len */
  readonly y: number;
  /** T, k × k */
  readonly t: number;
  /** Y Yᴴ, k × k */
  readonly g: number;
  /** Cᵀ·conj(V) and that times op(T), rows × k each (k × cols, cols ≤ rows, for `applyBlockReflectorLeft`) */
  readonly w1: number;
  readonly w2: number;
  /** complex only: the real expansions of conj(V) (2len × 2k), of op(T) (2k × 2k) and of Y (2k × 2len) */
  readonly ev: number;
  readonly et: number;
  readonly ey: number;
}

/** Real numbers of kernel memory a workspace for k reflectors of length ≤ len on ≤ rows rows takes, region by region. */
export function workspaceSizes(k: number, len: number, rows: number, lanes: number): number[] {
  const base = [k * len * lanes, k * k * lanes, k * k * lanes, rows * k * lanes, rows * k * lanes];
  return lanes === 1 ? base : [...base, 4 * len * k, 4 * k * k, 4 * k * len];
}

/** The workspace over regions placed at `at` (positions as `workspaceSizes` lists them). */
export function workspaceAt(r: Resident, lanes: number, at: readonly number[]): BlockWorkspace {
  return { r, lanes, y: at[0], t: at[1], g: at[2], w1: at[3], w2: at[4], ev: at[5] ?? -1, et: at[6] ?? -1, ey: at[7] ?? -1 };
}

/**
 * Copies the k reflectors stored in rows of `mem` at `src` (leading dimension ld, row i's
 * vector starting at its column i, the entries left of it being something else, e.g. R)
 * into Y with the explicit zeros and leading 1.
 */
export function loadReflectors(ws: BlockWorkspace, src: number, ld: number, k: number, len: number): void {
  const { lanes } = ws;
  const mem = ws.r.mem;
  const width = lanes * len;
  for (let i = 0; i < k; i++) {
    const row = ws.y + i * width;
    mem.fill(0, row, row + width);
    mem[row + lanes * i] = 1;
    const from = src + i * ld + lanes * (i + 1);
    mem.set(mem.subarray(from, from + lanes * (len - i - 1)), row + lanes * (i + 1));
  }
}

/**
 * larft (forward, columnwise): T with H(0) … H(k−1) = I − V T Vᴴ from Y and τ
 * (`tau[lanes·(to + i)]`): T[i, i] = τᵢ and T[0:i, i] = −τᵢ T[0:i, 0:i] (V[:, 0:i]ᴴ vᵢ).
 * The inner products VᴴV come from one matrix product (G = Y Yᴴ, so (Vᴴ vᵢ)ₗ = G[i, l]);
 * the strictly lower part of T is zeroed, as the products read T as a full matrix.
 */
export function triangularFactor(ws: BlockWorkspace, k: number, len: number, tau: Float, to: number): void {
  const { r, lanes } = ws;
  const mem = r.mem;
  const ldt = lanes * k;
  if (lanes === 1) gemmAt(r, false, true, k, k, len, 1, ws.y, len, ws.y, len, 0, ws.g, k);
  else {
    expand(mem, ws.y, 2 * len, k, len, true, true, ws.ev);
    gemmAt(r, false, false, k, 2 * k, 2 * len, 1, ws.y, 2 * len, ws.ev, 2 * k, 0, ws.g, 2 * k);
  }
  mem.fill(0, ws.t, ws.t + k * ldt);
  fillTriangularFactor(
    mem,
    ws.t,
    ldt,
    k,
    lanes,
    (i) => tau[lanes * (to + i)],
    (i) => tau[lanes * (to + i) + 1],
    (i, z) => {
      for (let l = 0; l < lanes * i; l++) z[l] = mem[ws.g + i * ldt + l];
    },
  );
}

/**
 * larfb from the left on a matrix held transposed: Cᵀ (rows × len at `c`, leading dimension
 * ldc) ← (H C)ᵀ, or (Hᴴ C)ᵀ with `adjoint`, for the k reflectors in Y and the T that
 * `triangularFactor` formed from them (which also left conj(V)'s expansion in place).
 */
export function applyBlockReflector(ws: BlockWorkspace, c: number, ldc: number, rows: number, len: number, k: number, adjoint: boolean): void {
  if (rows <= 0 || k <= 0) return;
  const { r, lanes } = ws;
  if (lanes === 1) {
    // W₁ = Cᵀ V, W₂ = W₁ op(T) (op(T) = T for Hᵀ, Tᵀ for H), Cᵀ −= W₂ Vᵀ
    gemmAt(r, false, true, rows, k, len, 1, c, ldc, ws.y, len, 0, ws.w1, k);
    gemmAt(r, false, !adjoint, rows, k, k, 1, ws.w1, k, ws.t, k, 0, ws.w2, k);
    gemmAt(r, false, false, rows, len, k, -1, ws.w2, k, ws.y, len, 1, c, ldc);
    return;
  }
  // the same with complex operands: conj(V) (expanded by triangularFactor), conj(T) or Tᵀ, Vᵀ
  expand(r.mem, ws.t, 2 * k, k, k, !adjoint, adjoint, ws.et);
  expand(r.mem, ws.y, 2 * len, k, len, false, false, ws.ey);
  gemmAt(r, false, false, rows, 2 * k, 2 * len, 1, c, ldc, ws.ev, 2 * k, 0, ws.w1, 2 * k);
  gemmAt(r, false, false, rows, 2 * k, 2 * k, 1, ws.w1, 2 * k, ws.et, 2 * k, 0, ws.w2, 2 * k);
  gemmAt(r, false, false, rows, 2 * len, 2 * k, -1, ws.w2, 2 * k, ws.ey, 2 * len, 1, c, ldc);
}

/**
 * The real 2p × 2q expansion E of the complex p × q matrix B = op(X), X at `x` (leading
 * dimension ldx real numbers, p × q or, with `transpose`, q × p; conjugated with
 * `conjugate`): E[2s, 2j] = E[2s+1, 2j+1] = Re B[s, j], E[2s, 2j+1] = Im B[s, j],
 * E[2s+1, 2j] = −Im B[s, j], so that a complex matrix's interleaved real view times E is
 * the interleaved real view of its product with B.
 */
function expand(mem: Float, x: number, ldx: number, xRows: number, xCols: number, transpose: boolean, conjugate: boolean, e: number): void {
  const p = transpose ? xCols : xRows;
  const q = transpose ? xRows : xCols;
  const lde = 2 * q;
  const sign = conjugate ? -1 : 1;
  for (let s = 0; s < p; s++) {
    const even = e + 2 * s * lde;
    const odd = even + lde;
    for (let j = 0; j < q; j++) {
      const from = transpose ? x + j * ldx + 2 * s : x + s * ldx + 2 * j;
      const re = mem[from];
      const im = sign * mem[from + 1];
      mem[even + 2 * j] = re;
      mem[even + 2 * j + 1] = im;
      mem[odd + 2 * j] = -im;
      mem[odd + 2 * j + 1] = re;
    }
  }
}

/**
 * larfb from the left on a row-major real matrix: C (len × cols at `c`, leading dimension
 * ldc) ← Hᵀ C = C − V Tᵀ (Vᵀ C), for the k reflectors in Y and their T.
 */
export function applyBlockReflectorLeft(ws: BlockWorkspace, c: number, ldc: number, len: number, cols: number, k: number): void {
  if (cols <= 0 || k <= 0) return;
  const { r } = ws;
  gemmAt(r, false, false, k, cols, len, 1, ws.y, len, c, ldc, 0, ws.w1, cols);
  gemmAt(r, true, false, k, cols, k, 1, ws.t, k, ws.w1, cols, 0, ws.w2, cols);
  gemmAt(r, true, false, len, cols, k, -1, ws.y, len, ws.w2, cols, 1, c, ldc);
}
