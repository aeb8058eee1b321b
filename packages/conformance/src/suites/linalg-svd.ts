/**
 * Singular vectors are unique only up to a phase per pair (a sign when real): u_j e^{iθ} and
 * e^{−iθ} vh_j give the same product. Before the linalg suite compares `svd`'s [u, s, vh]
 * with SciPy's, each pair is turned to SciPy's phase; the columns of a full U (rows of a
 * full Vᴴ) past min(M, N) only have to complete an orthonormal basis, which is checked here
 * and then taken as SciPy's.
 */
import { NDArray } from '@sciport/array-api';

type Data = Float64Array | Float32Array;

/** max |XᴴX − I| over the q columns of the p×q matrices of x (columns at stride `colStride`, rows at `rowStride`). */
function orthonormalityError(x: Data, o: number, p: number, q: number, rowStride: number, colStride: number, lanes: number): number {
  let worst = 0;
  for (let a = 0; a < q; a++) {
    for (let b = a; b < q; b++) {
      let re = 0;
      let im = 0;
      for (let i = 0; i < p; i++) {
        const pa = lanes * (o + i * rowStride + a * colStride);
        const pb = lanes * (o + i * rowStride + b * colStride);
        const ai = lanes === 2 ? x[pa + 1] : 0;
        const bi = lanes === 2 ? x[pb + 1] : 0;
        re += x[pa] * x[pb] + ai * bi;
        im += x[pa] * bi - ai * x[pb];
      }
      worst = Math.max(worst, Math.hypot(re - (a === b ? 1 : 0), im));
    }
  }
  return worst;
}

/**
 * `actual` = [u, s, vh] with each singular pair turned to the phase of `expected`'s, or a
 * failure message when U or Vᴴ is not orthonormal within `tol`. Shapes or dtypes that differ
 * are left for the ordinary comparison to report.
 */
export function alignSingularVectors(actual: readonly NDArray[], expected: readonly NDArray[], tol: number): NDArray[] | string {
  const [u, s, vh] = actual;
  const [eu, , evh] = expected;
  const same = (x: NDArray, y: NDArray) => x.dtype === y.dtype && x.shape.length === y.shape.length && x.shape.every((d, i) => d === y.shape[i]);
  if (!same(u, eu) || !same(vh, evh)) return [...actual];
  const lanes = u.dtype.startsWith('complex') ? 2 : 1;
  const m = u.shape[u.ndim - 2];
  const uc = u.shape[u.ndim - 1];
  const vr = vh.shape[vh.ndim - 2];
  const n = vh.shape[vh.ndim - 1];
  const k = Math.min(m, n);
  const count = u.size / (m * uc || 1);
  const ud = (u.toTypedArray() as Data).slice();
  const vd = (vh.toTypedArray() as Data).slice();
  const eud = eu.toTypedArray() as Data;
  const evd = evh.toTypedArray() as Data;
  for (let b = 0; b < (m * uc === 0 && vr * n === 0 ? 0 : count); b++) {
    const uo = b * m * uc;
    const vo = b * vr * n;
    const uError = orthonormalityError(ud, uo, m, uc, uc, 1, lanes);
    const vError = orthonormalityError(vd, vo, n, vr, 1, n, lanes);
    if (uError > tol || vError > tol) return `singular vectors not orthonormal: |UᴴU − I| = ${uError}, |VᴴV − I| = ${vError}`;
    for (let j = 0; j < k; j++) {
      // θ from ⟨u_j, expected u_j⟩
      let re = 0;
      let im = 0;
      for (let i = 0; i < m; i++) {
        const p = lanes * (uo + i * uc + j);
        const ai = lanes === 2 ? ud[p + 1] : 0;
        const ei = lanes === 2 ? eud[p + 1] : 0;
        re += ud[p] * eud[p] + ai * ei;
        im += ud[p] * ei - ai * eud[p];
      }
      const r = Math.hypot(re, im);
      const [cr, ci] = r === 0 ? [1, 0] : [re / r, im / r];
      for (let i = 0; i < m; i++) turn(ud, lanes * (uo + i * uc + j), cr, ci, lanes);
      for (let i = 0; i < n; i++) turn(vd, lanes * (vo + j * n + i), cr, -ci, lanes);
    }
    // the completion past k: any orthonormal one is right (checked above); take SciPy's
    for (let i = 0; i < m; i++) for (let j = k; j < uc; j++) for (let l = 0; l < lanes; l++) ud[lanes * (uo + i * uc + j) + l] = eud[lanes * (uo + i * uc + j) + l];
    for (let j = k; j < vr; j++) for (let i = 0; i < n; i++) for (let l = 0; l < lanes; l++) vd[lanes * (vo + j * n + i) + l] = evd[lanes * (vo + j * n + i) + l];
  }
  return [new NDArray(ud, [...u.shape], u.dtype), s, new NDArray(vd, [...vh.shape], vh.dtype)];
}

/** x[p] ← x[p]·(cr + i·ci); for real data (cr, ci) = (±1, 0). */
function turn(x: Data, p: number, cr: number, ci: number, lanes: number): void {
  if (lanes === 1) {
    x[p] *= Math.sign(cr) || 1;
    return;
  }
  const re = x[p];
  const im = x[p + 1];
  x[p] = re * cr - im * ci;
  x[p + 1] = re * ci + im * cr;
}
