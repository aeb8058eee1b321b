/**
 * `cdf2rdf`: a complex diagonal eigen-decomposition (w, v) of a real matrix turned into a
 * real block-diagonal one (wr, vr) with A vr = vr wr: each conjugate pair a ± ib becomes the
 * block [[a, b], [−b, a]] and its vectors the real and imaginary parts (SciPy's algorithm).
 */
import { type NDArray, isComplexDtype } from '@sciport/array-api';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { batchCount, checkFiniteValues, fromData, toArray } from './stack.js';
import { astype } from '@sciport/array-api';

function realParts(x: NDArray): { re: Float64Array; im: Float64Array } {
  const data = astype(x, isComplexDtype(x.dtype) ? 'complex128' : 'float64').toTypedArray() as Float64Array;
  const lanes = isComplexDtype(x.dtype) ? 2 : 1;
  const re = new Float64Array(x.size);
  const im = new Float64Array(x.size);
  for (let i = 0; i < x.size; i++) {
    re[i] = data[lanes * i];
    im[i] = lanes === 2 ? data[lanes * i + 1] : 0;
  }
  return { re, im };
}

/** SciPy's `cdf2rdf(w, v)`: [wr, vr], w [..., N] eigenvalues and v [..., N, N] eigenvectors (columns). */
export function cdf2rdfHost(w: unknown, v: unknown): [NDArray, NDArray] {
  const wa = toArray(w);
  const va = toArray(v);
  checkFiniteValues(wa, 'w', 'cdf2rdf');
  checkFiniteValues(va, 'v', 'cdf2rdf');
  const shapeError = (message: string, argument: string) =>
    new ShapeError(`cdf2rdf: ${message}`, { argument, hint: 'Pass eig(a) as it is: w [..., N] and v [..., N, N].' });
  if (wa.ndim < 1) throw shapeError('expected w to be at least 1D', 'w');
  if (va.ndim < 2) throw shapeError('expected v to be at least 2D', 'v');
  if (va.ndim !== wa.ndim + 1) throw shapeError('expected eigenvectors array to have exactly one dimension more than eigenvalues array', 'v');
  const n = wa.shape[wa.ndim - 1];
  if (va.shape[va.ndim - 2] !== va.shape[va.ndim - 1]) throw shapeError('expected v to be a square matrix or stacked square matrices', 'v');
  if (va.shape[va.ndim - 1] !== n) throw shapeError('expected the same number of eigenvalues as eigenvectors', 'v');
  const batch = wa.shape.slice(0, -1);
  if (batch.some((d, i) => d !== va.shape[i])) throw shapeError('w and v must have the same batch dimensions', 'v');
  const count = batchCount(batch);
  const W = realParts(wa);
  const V = realParts(va);
  // wr has w's real type: float32 for complex64 / float32 w
  const single = wa.dtype === 'complex64' || wa.dtype === 'float32';
  const wr = single ? new Float32Array(count * n * n) : new Float64Array(count * n * n);
  // vr is the real part of a complex128 product in SciPy: float64 whatever v's dtype
  const vr = new Float64Array(count * n * n);
  for (let s = 0; s < count; s++) {
    const complexIdx: number[] = [];
    for (let i = 0; i < n; i++) if (W.im[s * n + i] !== 0) complexIdx.push(i);
    if (complexIdx.length % 2 !== 0) {
      throw new InvalidArgumentError('cdf2rdf: expected complex-conjugate pairs of eigenvalues.', {
        argument: 'w',
        hint: 'The complex eigenvalues of a real matrix come in conjugate pairs.',
      });
    }
    const o = s * n * n;
    for (let i = 0; i < n; i++) wr[o + i * n + i] = W.re[s * n + i];
    // vr = (v u).real with u the identity except on each pair (j, k): u[j,j] = i/2, u[j,k] = 1/2, u[k,j] = −i/2, u[k,k] = 1/2
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) vr[o + r * n + c] = V.re[o + r * n + c];
    for (let p = 0; p < complexIdx.length; p += 2) {
      const j = complexIdx[p];
      const k = complexIdx[p + 1];
      wr[o + j * n + k] = W.im[s * n + j];
      wr[o + k * n + j] = W.im[s * n + k];
      for (let r = 0; r < n; r++) {
        const [ajr, aji] = [V.re[o + r * n + j], V.im[o + r * n + j]];
        const [akr, aki] = [V.re[o + r * n + k], V.im[o + r * n + k]];
        // column j: Re(v_j·(i/2) + v_k·(−i/2)) = (−Im v_j + Im v_k)/2; column k: Re(v_j/2 + v_k/2)
        vr[o + r * n + j] = (-aji + aki) / 2;
        vr[o + r * n + k] = (ajr + akr) / 2;
      }
    }
  }
  return [fromData(wr, [...batch, n, n], single ? 'float32' : 'float64'), fromData(vr, [...batch, n, n], 'float64')];
}
