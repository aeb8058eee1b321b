/**
 * The generalized eigenvalue problem A v = λ B v for `eig` and `eigvals` (LAPACK's ggev):
 * the QZ algorithm gives A = Q S Zᴴ, B = Q P Zᴴ with S, P triangular; the eigenvalues are
 * α/β = S[k, k]/P[k, k], the right eigenvectors Z x with (β S − α P) x = 0 by back
 * substitution and the left ones Q y (LAPACK's tgevc), each scaled to unit 2-norm as SciPy
 * scales them. The QZ iteration is the complex one (kernels/complex-qz.ts) for every input;
 * for real input the eigenvalues are then paired as a real pencil's are (see README).
 */
import { astype, type NDArray, isComplexDtype } from '@sciport/array-api';
import { ShapeError } from '@sciport/dispatch-core';
import { LinAlgError } from './errors.js';
import { cdiv } from './kernels/complex.js';
import { complexQz } from './kernels/complex-qz.js';
import { readMatrix } from './lu.js';
import { complexOf } from './schur.js';
import { allocateFloat, batchCount, broadcastBatch, checkSquare, fromData, isComplex, lapackDtype, realOf, type Stack, toArray, toStack } from './stack.js';

export interface GeneralizedRequest {
  left: boolean;
  right: boolean;
  homogeneous: boolean;
  checkFinite: boolean;
}

/** Both matrices of a pencil as double complex stacks of the common LAPACK type. */
export function readPencil(fn: string, a: unknown, b: unknown, checkFinite: boolean, names: [string, string] = ['a', 'b']): { a: Stack; b: Stack; real: boolean } {
  const ai = toArray(a);
  const bi = toArray(b);
  const as0 = readMatrix(ai, fn, checkFinite, names[0]);
  const bs0 = readMatrix(bi, fn, checkFinite, names[1]);
  checkSquare(ai, names[0], fn);
  checkSquare(bi, names[1], fn);
  if (as0.rows !== bs0.rows) {
    throw new ShapeError(`${fn}: ${names[0]} and ${names[1]} must have the same shape, got [${ai.shape.join(', ')}] and [${bi.shape.join(', ')}].`, {
      argument: names[1],
      hint: 'Pass two N×N matrices.',
    });
  }
  const dtype = lapackDtype(ai.dtype, bi.dtype);
  const batch = broadcastBatch(as0.batch, bs0.batch, names[1], fn);
  const cdtype = complexOf(dtype);
  return { a: toStack(astype(ai, cdtype), cdtype, batch), b: toStack(astype(bi, cdtype), cdtype, batch), real: !isComplex(dtype) };
}

/** Double-precision interleaved copy of matrix `s` of a complex stack. */
export function complexMatrix(stack: Stack, s: number): Float64Array {
  const n = stack.rows;
  return Float64Array.from(stack.data.subarray(2 * s * n * n, 2 * (s + 1) * n * n));
}

/** Eigenvectors of the triangular pencil (S, P) transformed by `basis` (Z: right, Q: left), columns of unit 2-norm. */
function pencilVectors(s: Float64Array, p: Float64Array, n: number, basis: Float64Array, left: boolean): Float64Array {
  const at = (i: number, j: number) => 2 * (i * n + j);
  let sNorm = 0;
  let pNorm = 0;
  for (let i = 0; i < 2 * n * n; i++) {
    sNorm = Math.hypot(sNorm, s[i]);
    pNorm = Math.hypot(pNorm, p[i]);
  }
  const out = new Float64Array(2 * n * n);
  const x = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    // (a, b) ∝ (β, α), scaled to about 1; the vector solves (a S − b P) x = 0
    const [alr, ali, be] = [s[at(k, k)], s[at(k, k) + 1], p[at(k, k)]];
    const rho = Math.max(Math.hypot(alr, ali), Math.abs(be), Number.MIN_VALUE);
    const ac = be / rho;
    const bcr = alr / rho;
    const bci = ali / rho;
    const dmin = Math.max(2 ** -52 * (Math.abs(ac) * sNorm + Math.hypot(bcr, bci) * pNorm), 2 ** -1022);
    // entry (i, j) of a S − b P (or its conjugate)
    const m = (i: number, j: number): [number, number] => {
      const re = ac * s[at(i, j)] - (bcr * p[at(i, j)] - bci * p[at(i, j) + 1]);
      const im = ac * s[at(i, j) + 1] - (bcr * p[at(i, j) + 1] + bci * p[at(i, j)]);
      return left ? [re, -im] : [re, im];
    };
    x.fill(0);
    x[2 * k] = 1;
    const order = left ? Array.from({ length: n - k - 1 }, (_, t) => k + 1 + t) : Array.from({ length: k }, (_, t) => k - 1 - t);
    for (const j of order) {
      let sr = 0;
      let si = 0;
      const [from, to] = left ? [k, j] : [j + 1, k + 1];
      for (let t = from; t < to; t++) {
        const [er, ei] = left ? m(t, j) : m(j, t);
        sr += er * x[2 * t] - ei * x[2 * t + 1];
        si += er * x[2 * t + 1] + ei * x[2 * t];
      }
      let [dr, di] = m(j, j);
      if (Math.abs(dr) + Math.abs(di) < dmin) [dr, di] = [dmin, 0];
      [x[2 * j], x[2 * j + 1]] = cdiv(-sr, -si, dr, di);
      const size = Math.abs(x[2 * j]) + Math.abs(x[2 * j + 1]);
      if (size > 2 ** 600) for (let t = 0; t < 2 * n; t++) x[t] /= size;
    }
    let norm = 0;
    for (let r = 0; r < n; r++) {
      let vr = 0;
      let vi = 0;
      for (let t = 0; t < n; t++) {
        const bp = at(r, t);
        vr += basis[bp] * x[2 * t] - basis[bp + 1] * x[2 * t + 1];
        vi += basis[bp] * x[2 * t + 1] + basis[bp + 1] * x[2 * t];
      }
      out[at(r, k)] = vr;
      out[at(r, k) + 1] = vi;
      norm = Math.hypot(norm, vr, vi);
    }
    if (norm > 0) for (let r = 0; r < n; r++) for (let l = 0; l < 2; l++) out[at(r, k) + l] /= norm;
  }
  return out;
}

/**
 * For a real pencil: eigenvalues within rounding of the real axis made real (their vectors
 * real), the rest paired with their nearest conjugate and made exact conjugates (vectors
 * too). Returns whether every eigenvalue is real.
 */
function pairConjugates(w: Float64Array, n: number, vectors: (Float64Array | null)[], tol: number): boolean {
  const paired = new Array<number>(n).fill(-1);
  let allReal = true;
  for (let i = 0; i < n; i++) {
    if (paired[i] >= 0 || !Number.isFinite(w[2 * i]) || Math.abs(w[2 * i + 1]) <= tol * Math.max(1, Math.hypot(w[2 * i], w[2 * i + 1]))) continue;
    let best = -1;
    for (let j = 0; j < n; j++) {
      if (j === i || paired[j] >= 0 || w[2 * j + 1] * w[2 * i + 1] >= 0) continue;
      const distance = Math.hypot(w[2 * j] - w[2 * i], w[2 * j + 1] + w[2 * i + 1]);
      if (best < 0 || distance < Math.hypot(w[2 * best] - w[2 * i], w[2 * best + 1] + w[2 * i + 1])) best = j;
    }
    if (best < 0) continue;
    paired[i] = best;
    paired[best] = i;
  }
  for (let i = 0; i < n; i++) {
    const j = paired[i];
    if (j < 0) {
      w[2 * i + 1] = 0;
      // a real eigenvector: turn the largest component real, drop the rounding in the imaginary parts
      for (const v of vectors) if (v !== null) makeColumnReal(v, n, i);
      continue;
    }
    allReal = false;
    if (j < i) continue;
    // the one with positive imaginary part keeps its values; the other becomes its conjugate
    const [first, second] = w[2 * i + 1] > 0 ? [i, j] : [j, i];
    const re = (w[2 * first] + w[2 * second]) / 2;
    const im = (w[2 * first + 1] - w[2 * second + 1]) / 2;
    w[2 * first] = w[2 * second] = re;
    w[2 * first + 1] = im;
    w[2 * second + 1] = -im;
    for (const v of vectors) {
      if (v === null) continue;
      for (let r = 0; r < n; r++) {
        v[2 * (r * n + second)] = v[2 * (r * n + first)];
        v[2 * (r * n + second) + 1] = -v[2 * (r * n + first) + 1];
      }
    }
  }
  return allReal;
}

function makeColumnReal(v: Float64Array, n: number, k: number): void {
  let big = 0;
  for (let r = 1; r < n; r++) if (Math.hypot(v[2 * (r * n + k)], v[2 * (r * n + k) + 1]) > Math.hypot(v[2 * (big * n + k)], v[2 * (big * n + k) + 1])) big = r;
  const mag = Math.hypot(v[2 * (big * n + k)], v[2 * (big * n + k) + 1]);
  if (mag === 0) return;
  const cr = v[2 * (big * n + k)] / mag;
  const ci = -v[2 * (big * n + k) + 1] / mag;
  let norm = 0;
  for (let r = 0; r < n; r++) {
    const p = 2 * (r * n + k);
    v[p] = v[p] * cr - v[p + 1] * ci;
    v[p + 1] = 0;
    norm = Math.hypot(norm, v[p]);
  }
  if (norm > 0) for (let r = 0; r < n; r++) v[2 * (r * n + k)] /= norm;
}

/** SciPy's eigenvalues from (α, β): α/β, ∞ where only β is 0, NaN where both are. */
function ratio(alpha: Float64Array, beta: Float64Array, n: number, out: Float64Array, o: number): void {
  for (let i = 0; i < n; i++) {
    const [ar, ai, b] = [alpha[2 * i], alpha[2 * i + 1], beta[2 * i]];
    if (b !== 0) {
      out[2 * (o + i)] = ar / b;
      out[2 * (o + i) + 1] = ai / b;
    } else if (ar !== 0 || ai !== 0) {
      out[2 * (o + i)] = Number.POSITIVE_INFINITY;
      out[2 * (o + i) + 1] = 0;
    } else {
      out[2 * (o + i)] = Number.NaN;
      out[2 * (o + i) + 1] = 0;
    }
  }
}

/** eig / eigvals with b: w (or [α; β] homogeneous) and the requested vectors. */
export function generalizedEig(fn: string, a: unknown, b: unknown, request: GeneralizedRequest): NDArray | NDArray[] {
  const pencil = readPencil(fn, a, b, request.checkFinite);
  const { rows: n, batch, dtype } = pencil.a;
  const count = batchCount(batch);
  const vectors = request.left || request.right;
  const w = new Float64Array(2 * count * n);
  const hom = new Float64Array(2 * count * 2 * n);
  const vl = request.left ? new Float64Array(2 * count * n * n) : null;
  const vr = request.right ? new Float64Array(2 * count * n * n) : null;
  let allReal = true;
  for (let s = 0; s < count; s++) {
    const sa = complexMatrix(pencil.a, s);
    const sb = complexMatrix(pencil.b, s);
    const q = vectors ? new Float64Array(2 * n * n) : null;
    const z = vectors ? new Float64Array(2 * n * n) : null;
    const { alpha, beta, info } = complexQz(sa, sb, n, q, z, vectors);
    if (info > 0) {
      throw new LinAlgError(`generalized eig algorithm (ggev) did not converge (LAPACK info ${info})`, {
        argument: 'a',
        hint: 'The QZ iteration did not converge; check the pencil for extreme values.',
      });
    }
    const ws = new Float64Array(2 * n);
    ratio(alpha, beta, n, ws, 0);
    const left = q !== null && request.left ? pencilVectors(sa, sb, n, q, true) : null;
    const right = z !== null && request.right ? pencilVectors(sa, sb, n, z, false) : null;
    if (pencil.real) {
      const tol = 64 * n * (dtype === 'complex64' ? 2 ** -23 : 2 ** -52);
      if (!pairConjugates(ws, n, [left, right], tol)) allReal = false;
      // the homogeneous α follows the paired eigenvalue: α = w β
      for (let i = 0; i < n; i++) if (beta[2 * i] !== 0) [alpha[2 * i], alpha[2 * i + 1]] = [ws[2 * i] * beta[2 * i], ws[2 * i + 1] * beta[2 * i]];
    }
    w.set(ws, 2 * s * n);
    hom.set(alpha, 2 * s * 2 * n);
    hom.set(beta, 2 * (s * 2 * n + n));
    if (left !== null && vl !== null) vl.set(left, 2 * s * n * n);
    if (right !== null && vr !== null) vr.set(right, 2 * s * n * n);
  }
  const cdtype = dtype as 'complex64' | 'complex128';
  const wArray = request.homogeneous ? complexArray(hom, [...batch, 2, n], cdtype) : complexArray(w, [...batch, n], cdtype);
  const vdtype = pencil.real && allReal ? realOf(cdtype) : cdtype;
  const out: NDArray[] = [wArray];
  if (vl !== null) out.push(complexArray(vl, [...batch, n, n], vdtype));
  if (vr !== null) out.push(complexArray(vr, [...batch, n, n], vdtype));
  return out.length === 1 ? wArray : out;
}

/** Interleaved complex double values as an NDArray of `dtype` (real dtypes keep the real parts). */
function complexArray(values: Float64Array, shape: readonly number[], dtype: Stack['dtype']): NDArray {
  const out = allocateFloat(dtype, values.length / 2);
  if (isComplexDtype(dtype)) out.set(values);
  else for (let i = 0; i < out.length; i++) out[i] = values[2 * i];
  return fromData(out, shape, dtype);
}
