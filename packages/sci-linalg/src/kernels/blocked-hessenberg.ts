/**
 * Blocked reduction of a real matrix to upper Hessenberg form, LAPACK's gehrd with lahr2's
 * panel (Quintana-Ortí & van de Geijn, "Improving the performance of reduction to
 * Hessenberg form", ACM TOMS 32(2), 2006): the reflectors of nb columns are computed one
 * column at a time, each column brought up to date with the block's earlier reflectors
 * only (from the right through Y = A V T, from the left through V and T), and then the
 * rest of the matrix gets A ← (I − V Tᵀ Vᵀ)(A − Y Vᵀ) and Q ← Q (I − V T Vᵀ) as matrix
 * products on @sciport/array-api's WebAssembly kernel (block-reflector.ts). The products
 * A·vⱼ that build Y (a fifth of the work) are matrix–vector products on the same kernel.
 *
 * The reflectors are reflector.ts's larfg ones, as hessenberg.ts's unblocked gehd2 chooses
 * them, so H and Q equal its results up to rounding.
 */
import type { Float } from '../stack.js';
import { applyBlockReflector, applyBlockReflectorLeft, type BlockWorkspace, workspaceAt, workspaceSizes } from './block-reflector.js';
import { makeReflector } from './reflector.js';
import { gemmAt, withRegions } from './wasm-resident.js';

/** Columns per block. */
export const HESSENBERG_BLOCK = 32;

/**
 * Reduces the real n×n matrix at `o` to upper Hessenberg form in place (zeros below the
 * subdiagonal), Q into the n×n matrix at `oq` when `q` is given; false (nothing done) when
 * the WebAssembly kernel is not available.
 */
export function gehrdBlocked(a: Float, o: number, n: number, q: Float | null, oq: number, nb = HESSENBERG_BLOCK): boolean {
  if (n < 3) return false;
  const sizes = [n * n, q === null ? 0 : n * n, n * nb, ...workspaceSizes(nb, n, n, 1)];
  const done = withRegions(a instanceof Float32Array, sizes, (r, [ah, qh, y, ...rest]) => {
    const ws = workspaceAt(r, 1, rest);
    const mem = r.mem;
    mem.set(a.subarray(o, o + n * n), ah);
    if (q !== null) {
      mem.fill(0, qh, qh + n * n);
      for (let i = 0; i < n; i++) mem[qh + i * n + i] = 1;
    }
    // columns 0..n−3 have entries below the subdiagonal (column n−2's reflector is I)
    for (let c0 = 0; c0 < n - 2; c0 += nb) {
      const kb = Math.min(nb, n - 2 - c0);
      const len = n - c0 - 1;
      reducePanel(ws, ah, n, c0, kb, y);
      // the columns right of the block: A ← A − Y V[c0 + kb:, :]ᵀ (V's rows from c0 + kb are Vᵀ's columns from kb − 1)
      gemmAt(r, false, false, n, n - c0 - kb, kb, -1, y, kb, ws.y + kb - 1, len, 1, ah + c0 + kb, n);
      // … then A[c0 + 1:, c0 + kb:] ← (I − V Tᵀ Vᵀ) A[c0 + 1:, c0 + kb:]
      applyBlockReflectorLeft(ws, ah + (c0 + 1) * n + c0 + kb, n, len, n - c0 - kb, kb);
      // Q[:, c0 + 1:] ← Q[:, c0 + 1:] (I − V T Vᵀ)
      if (q !== null) applyBlockReflector(ws, qh + c0 + 1, n, n, len, kb, true);
    }
    a.set(mem.subarray(ah, ah + n * n), o);
    if (q !== null) q.set(mem.subarray(qh, qh + n * n), oq);
    return true;
  });
  return done === true;
}

/**
 * lahr2: reduces columns c0..c0+kb−1 of the resident n×n matrix at `ah` (up to date with every
 * block before c0), writing their final Hessenberg columns, the reflectors as the rows of
 * Vᵀ (`ws.y`, kb × len, len = n − c0 − 1, entry t for row c0 + 1 + t), T (`ws.t`) and
 * Y = A V T (n × kb at `y`, A as it was at the block's start).
 */
function reducePanel(ws: BlockWorkspace, ah: number, n: number, c0: number, kb: number, y: number): void {
  const mem = ws.r.mem;
  const len = n - c0 - 1;
  const col = new Float64Array(n);
  const v = new Float64Array(len);
  const w = new Float64Array(kb);
  mem.fill(0, ws.y, ws.y + kb * len);
  mem.fill(0, ws.t, ws.t + kb * kb);
  for (let j = 0; j < kb; j++) {
    const c = c0 + j;
    for (let i = 0; i < n; i++) col[i] = mem[ah + i * n + c];
    if (j > 0) {
      // from the right: col −= Y[:, 0:j] V[c, 0:j]ᵀ (V[c, l] is Vᵀ's entry j − 1 of row l)
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let l = 0; l < j; l++) s += mem[y + i * kb + l] * mem[ws.y + l * len + j - 1];
        col[i] -= s;
      }
      // from the left, rows c0 + 1..: col −= V Tᵀ (Vᵀ col)
      for (let l = 0; l < j; l++) {
        let s = 0;
        const row = ws.y + l * len;
        for (let t = l; t < len; t++) s += mem[row + t] * col[c0 + 1 + t];
        w[l] = s;
      }
      for (let l = j - 1; l >= 0; l--) {
        let s = 0;
        for (let i = 0; i <= l; i++) s += mem[ws.t + i * kb + l] * w[i];
        w[l] = s;
      }
      for (let l = 0; l < j; l++) {
        const row = ws.y + l * len;
        for (let t = l; t < len; t++) col[c0 + 1 + t] -= mem[row + t] * w[l];
      }
    }
    // reflector j from col[c + 1:]; the column's final values written back
    const lenj = n - c - 1;
    for (let t = 0; t < lenj; t++) v[t] = col[c + 1 + t];
    const [beta, tau] = makeReflector(v, lenj, 1);
    for (let i = 0; i <= c; i++) mem[ah + i * n + c] = col[i];
    mem[ah + (c + 1) * n + c] = beta;
    for (let i = c + 2; i < n; i++) mem[ah + i * n + c] = 0;
    const vrow = ws.y + j * len;
    for (let t = 0; t < lenj; t++) mem[vrow + j + t] = v[t];
    // Y[:, j] = τ (A vⱼ − Y[:, 0:j] (V[:, 0:j]ᵀ vⱼ)); A's columns right of c are still the block start's
    const z = w;
    for (let l = 0; l < j; l++) {
      let s = 0;
      const row = ws.y + l * len;
      for (let t = j; t < len; t++) s += mem[row + t] * mem[vrow + t];
      z[l] = s;
    }
    gemmAt(ws.r, false, false, n, 1, lenj, 1, ah + c + 1, n, vrow + j, 1, 0, y + j, kb);
    for (let i = 0; i < n; i++) {
      let s = mem[y + i * kb + j];
      for (let l = 0; l < j; l++) s -= mem[y + i * kb + l] * z[l];
      mem[y + i * kb + j] = tau * s;
    }
    // T[0:j, j] = −τ T[0:j, 0:j] z, T[j, j] = τ
    for (let l = 0; l < j; l++) {
      let s = 0;
      for (let i = l; i < j; i++) s += mem[ws.t + l * kb + i] * z[i];
      mem[ws.t + l * kb + j] = -tau * s;
    }
    mem[ws.t + j * kb + j] = tau;
  }
}
