/**
 * An orthonormal basis of a subspace (`orth`'s range, `nullSpace`'s null space) is unique
 * only up to a unitary change of basis. Before the linalg suite compares one with SciPy's E,
 * the basis Q is checked to be orthonormal and then expressed in E's coordinates: Q (Qᴴ E),
 * the projection of E onto span(Q), which equals E exactly when the two spaces agree.
 */
import { NDArray } from '@sciport/array-api';

type Data = Float64Array | Float32Array;

/** (re, im) of the entry (i, j) of the p×q matrix at element offset o. */
function entry(x: Data, o: number, q: number, i: number, j: number, lanes: number): [number, number] {
  const p = lanes * (o + i * q + j);
  return [x[p], lanes === 2 ? x[p + 1] : 0];
}

/**
 * `actual` (a basis [..., P, K]) projected onto SciPy's `expected` as above, or a failure
 * message when it is not orthonormal within `tol`. Shapes or dtypes that differ are left for
 * the ordinary comparison to report.
 */
export function alignBasis(actual: NDArray, expected: NDArray, tol: number): NDArray | string {
  const same = actual.dtype === expected.dtype && actual.ndim === expected.ndim && actual.shape.every((d, i) => d === expected.shape[i]);
  if (!same || actual.ndim < 2) return actual;
  const lanes = actual.dtype.startsWith('complex') ? 2 : 1;
  const p = actual.shape[actual.ndim - 2];
  const k = actual.shape[actual.ndim - 1];
  const count = p * k === 0 ? 0 : actual.size / (p * k);
  const q = actual.toTypedArray() as Data;
  const e = expected.toTypedArray() as Data;
  const out = new Float64Array(q.length);
  for (let b = 0; b < count; b++) {
    const o = b * p * k;
    // G = Qᴴ E (k×k) and QᴴQ − I
    const g = new Float64Array(2 * k * k);
    for (let a = 0; a < k; a++) {
      for (let c = 0; c < k; c++) {
        let re = 0;
        let im = 0;
        let oRe = 0;
        let oIm = 0;
        for (let i = 0; i < p; i++) {
          const [qr, qi] = entry(q, o, k, i, a, lanes);
          const [er, ei] = entry(e, o, k, i, c, lanes);
          const [wr, wi] = entry(q, o, k, i, c, lanes);
          re += qr * er + qi * ei;
          im += qr * ei - qi * er;
          oRe += qr * wr + qi * wi;
          oIm += qr * wi - qi * wr;
        }
        if (Math.hypot(oRe - (a === c ? 1 : 0), oIm) > tol) return `basis not orthonormal: |QᴴQ − I| = ${Math.hypot(oRe - (a === c ? 1 : 0), oIm)}`;
        g[2 * (a * k + c)] = re;
        g[2 * (a * k + c) + 1] = im;
      }
    }
    // Q G
    for (let i = 0; i < p; i++) {
      for (let c = 0; c < k; c++) {
        let re = 0;
        let im = 0;
        for (let a = 0; a < k; a++) {
          const [qr, qi] = entry(q, o, k, i, a, lanes);
          const gr = g[2 * (a * k + c)];
          const gi = g[2 * (a * k + c) + 1];
          re += qr * gr - qi * gi;
          im += qr * gi + qi * gr;
        }
        out[lanes * (o + i * k + c)] = re;
        if (lanes === 2) out[lanes * (o + i * k + c) + 1] = im;
      }
    }
  }
  const data = q instanceof Float32Array ? Float32Array.from(out) : out;
  return new NDArray(data, [...actual.shape], actual.dtype);
}
