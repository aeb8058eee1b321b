/**
 * Updated QR factors (qrUpdate, qrInsert, qrDelete) are unique only up to the phase of each
 * column of Q and row of R (SciPy does not make R's diagonal positive, and the rotations'
 * conventions differ), and the columns of a full Q past R's rank only complete an orthonormal
 * basis. Before the linalg suite compares [Q, R] with SciPy's, each pair is turned to SciPy's
 * phase (taken from R's diagonal) and, once Q is checked orthonormal, its completion columns
 * are taken as SciPy's.
 */
import { NDArray } from '@sciport/array-api';

type Data = Float64Array | Float32Array;

/** [Q, R] turned to the phases of `expected`'s, or a failure message when Q is not orthonormal within `tol`. */
export function alignQrFactors(actual: readonly NDArray[], expected: readonly NDArray[], tol: number): NDArray[] | string {
  const [q, r] = actual;
  const [eq, er] = expected;
  const same = (x: NDArray, y: NDArray) => x.dtype === y.dtype && x.ndim >= 2 && x.ndim === y.ndim && x.shape.every((d, i) => d === y.shape[i]);
  if (!same(q, eq) || !same(r, er) || q.ndim !== r.ndim) return [...actual];
  const lanes = q.dtype.startsWith('complex') ? 2 : 1;
  const [m, k] = q.shape.slice(-2);
  const n = r.shape[r.ndim - 1];
  const qd = (q.toTypedArray() as Data).slice();
  const rd = (r.toTypedArray() as Data).slice();
  const eqd = eq.toTypedArray() as Data;
  const erd = er.toTypedArray() as Data;
  const count = m * k === 0 ? 0 : q.size / (m * k);
  for (let b = 0; b < count; b++) {
    const failure = alignSlice(qd.subarray(lanes * b * m * k, lanes * (b + 1) * m * k), rd.subarray(lanes * b * k * n, lanes * (b + 1) * k * n),
      eqd.subarray(lanes * b * m * k, lanes * (b + 1) * m * k), erd.subarray(lanes * b * k * n, lanes * (b + 1) * k * n), m, k, n, lanes, tol);
    if (failure !== undefined) return failure;
  }
  return [new NDArray(qd, [...q.shape], q.dtype), new NDArray(rd, [...r.shape], r.dtype)];
}

/** One slice aligned in place (see alignQrFactors), or a failure message. */
function alignSlice(qd: Data, rd: Data, eqd: Data, erd: Data, m: number, k: number, n: number, lanes: number, tol: number): string | undefined {
  // QᴴQ = I
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let re = 0;
      let im = 0;
      for (let i = 0; i < m; i++) {
        const pa = lanes * (i * k + a);
        const pb = lanes * (i * k + b);
        const ai = lanes === 2 ? qd[pa + 1] : 0;
        const bi = lanes === 2 ? qd[pb + 1] : 0;
        re += qd[pa] * qd[pb] + ai * bi;
        im += qd[pa] * bi - ai * qd[pb];
      }
      const error = Math.hypot(re - (a === b ? 1 : 0), im);
      if (error > tol) return `Q not orthonormal: |QᴴQ − I| = ${error}`;
    }
  }
  const rank = Math.min(k, n);
  for (let j = 0; j < rank; j++) {
    const p = lanes * (j * n + j);
    const [ar, ai] = [rd[p], lanes === 2 ? rd[p + 1] : 0];
    const [br, bi] = [erd[p], lanes === 2 ? erd[p + 1] : 0];
    const na = Math.hypot(ar, ai);
    const nb = Math.hypot(br, bi);
    if (na === 0 || nb === 0) continue;
    // φ = (b/|b|)·conj(a/|a|): row j of R times φ, column j of Q times conj(φ)
    const fr = (br * ar + bi * ai) / (na * nb);
    const fi = (bi * ar - br * ai) / (na * nb);
    for (let c = 0; c < n; c++) turn(rd, lanes * (j * n + c), fr, fi, lanes);
    for (let i = 0; i < m; i++) turn(qd, lanes * (i * k + j), fr, -fi, lanes);
  }
  // Q's columns past the rank: any orthonormal completion is right (checked above); take SciPy's
  for (let i = 0; i < m; i++) for (let j = rank; j < k; j++) for (let l = 0; l < lanes; l++) qd[lanes * (i * k + j) + l] = eqd[lanes * (i * k + j) + l];
  return undefined;
}

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
