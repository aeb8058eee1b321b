/**
 * `funm(A, func)`: a matrix function from a scalar one by the Schur–Parlett recurrence, as
 * SciPy: F = f(T) on the complex Schur form, its diagonal f(tᵢᵢ) from `func`, the rest by
 * Parlett's recurrence (Golub & Van Loan, Matrix Computations, Algorithm 11.1.1 — no
 * blocking, so close eigenvalues give large errors, which `err` estimates), then Z F Zᴴ.
 */
import { isComplexDtype, type NDArray, asarray } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { cdiv } from '../kernels/complex.js';
import type { FunmOptions } from '../matfun-options.js';
import { readFunctionOptions } from '../options.js';
import { allocateFloat, type Float, fromData, type LapackDtype, realOf } from '../stack.js';
import { mapMatrices, readSquare } from './batch.js';
import { norm1, type Square, zeros } from './dense.js';
import { negligibleImaginary, realParts, toComplex, unitarySimilarity } from './real-result.js';
import { complexSchurOf } from './schur-form.js';

/** What funm's callback receives: the eigenvalues (diagonal of the complex Schur form) as a 1-D complex array. */
export type ScalarFunction = (eigenvalues: NDArray) => unknown;

/** f(T) for upper triangular T (complex) with the diagonal `d` = f(tᵢᵢ); returns F and the smallest |tⱼⱼ − tᵢᵢ| seen. */
export function parlett(fc: Square, t: Float, d: Float): { f: Float; minden: number } {
  const { n } = fc;
  const f = zeros(fc);
  const at = (i: number, j: number) => 2 * (i * n + j);
  for (let i = 0; i < n; i++) [f[at(i, i)], f[at(i, i) + 1]] = [d[2 * i], d[2 * i + 1]];
  let minden = n > 0 ? Math.hypot(t[0], t[1]) : 0;
  for (let p = 1; p < n; p++) {
    for (let i = 0; i + p < n; i++) {
      const j = i + p;
      // s = t_ij (f_jj − f_ii) + Σ_k t_ik f_kj − f_ik t_kj, k strictly between i and j
      const dfr = f[at(j, j)] - f[at(i, i)];
      const dfi = f[at(j, j) + 1] - f[at(i, i) + 1];
      let sr = t[at(i, j)] * dfr - t[at(i, j) + 1] * dfi;
      let si = t[at(i, j)] * dfi + t[at(i, j) + 1] * dfr;
      for (let k = i + 1; k < j; k++) {
        const [ar, ai, br, bi] = [t[at(i, k)], t[at(i, k) + 1], f[at(k, j)], f[at(k, j) + 1]];
        const [cr, ci, er, ei] = [f[at(i, k)], f[at(i, k) + 1], t[at(k, j)], t[at(k, j) + 1]];
        sr += ar * br - ai * bi - (cr * er - ci * ei);
        si += ar * bi + ai * br - (cr * ei + ci * er);
      }
      const denr = t[at(j, j)] - t[at(i, i)];
      const deni = t[at(j, j) + 1] - t[at(i, i) + 1];
      // as SciPy: a zero denominator leaves s undivided
      if (denr !== 0 || deni !== 0) [sr, si] = cdiv(sr, si, denr, deni);
      [f[at(i, j)], f[at(i, j) + 1]] = [sr, si];
      minden = Math.min(minden, Math.hypot(denr, deni));
    }
  }
  return { f, minden };
}

/** The callback's values for the eigenvalues, as n complex numbers (re, im). */
function callFunction(func: ScalarFunction, fc: Square, t: Float): Float {
  const { n } = fc;
  const diag = allocateFloat(fc.dtype, n);
  for (let i = 0; i < n; i++) [diag[2 * i], diag[2 * i + 1]] = [t[2 * (i * n + i)], t[2 * (i * n + i) + 1]];
  const result = func(fromData(diag, [n], fc.dtype));
  let values: NDArray;
  try {
    values = asarray(result as never);
  } catch {
    throw new InvalidArgumentError('funm: func must return an array of numbers (one per eigenvalue).', {
      argument: 'func',
      hint: 'Return an NDArray or a JS array of the same length as its argument.',
    });
  }
  if (values.size !== n) {
    throw new ShapeError(`funm: func returned ${values.size} values for ${n} eigenvalues.`, {
      argument: 'func',
      hint: 'Return one value per eigenvalue, elementwise.',
    });
  }
  const raw = values.toTypedArray() as ArrayLike<number | bigint | boolean>;
  const out = allocateFloat(fc.dtype, n);
  const complex = isComplexDtype(values.dtype);
  for (let i = 0; i < n; i++) {
    out[2 * i] = Number(complex ? raw[2 * i] : raw[i]);
    out[2 * i + 1] = complex ? Number(raw[2 * i + 1]) : 0;
  }
  return out;
}

/** f(A) of one matrix by Schur–Parlett, with SciPy's error estimate; real for real A when the imaginary parts are negligible. */
export function funmOf(f: Square, a: Float, func: ScalarFunction): { x: Float; dtype: LapackDtype; err: number } {
  const { fc, t, z } = complexSchurOf(f, a);
  const { f: ft, minden } = parlett(fc, t, callFunction(func, fc, t));
  let x = unitarySimilarity(fc, z, ft);
  let dtype: LapackDtype = fc.dtype;
  if (f.lanes === 1 && negligibleImaginary(x, fc.dtype)) {
    x = realParts(x);
    dtype = f.dtype;
  }
  const tol = realOf(dtype) === 'float32' ? 2 ** -23 : 2 ** -52;
  // ‖triu(T, 1)‖₁ scaled by the smallest eigenvalue gap, as SciPy's estimate
  const strict = t.slice();
  for (let i = 0; i < f.n; i++) for (let j = 0; j <= i; j++) strict.fill(0, 2 * (i * f.n + j), 2 * (i * f.n + j) + 2);
  let err = Math.min(1, Math.max(tol, (tol / (minden === 0 ? tol : minden)) * norm1(fc, strict)));
  if (x.length > 0 && x.every((v) => !Number.isFinite(v))) err = Number.POSITIVE_INFINITY;
  return { x, dtype, err };
}

/**
 * SciPy's `funm(A, func, disp)`: f(A) for every matrix of A ([..., N, N]); `func` receives the
 * eigenvalues as a 1-D complex array (complex64 for single-precision input) and returns the
 * values f(λ) elementwise (an NDArray or array-like, real or complex). With `disp: false`,
 * [F, err] with SciPy's error estimate (0-d float64).
 */
export function funmHost(a: unknown, func: ScalarFunction, options?: FunmOptions): NDArray | [NDArray, NDArray] {
  const o = readFunctionOptions(options, 'funm');
  const disp = checkBoolean(o.disp, 'disp', true);
  if (typeof func !== 'function') {
    throw new InvalidArgumentError('funm: func must be a function of the eigenvalues.', {
      argument: 'func',
      hint: 'Pass e.g. (x) => exp(x) from @sciport/array-api.',
    });
  }
  const s = readSquare(a, 'funm', 'A', false);
  const results = Array.from({ length: s.count }, (_, i) => funmOf(s.f, s.stack.data.slice(i * s.f.lanes * s.f.n * s.f.n, (i + 1) * s.f.lanes * s.f.n * s.f.n), func));
  // a stack is real only when every matrix's result is
  const complex = s.count === 0 ? false : results.some((r) => r.dtype !== s.f.dtype) || s.f.lanes === 2;
  const dtype: LapackDtype = complex ? (s.f.dtype === 'float32' || s.f.dtype === 'complex64' ? 'complex64' : 'complex128') : s.f.dtype;
  const out = mapMatrices(s, dtype, (_, i) => (complex && results[i].dtype !== dtype ? toComplex(results[i].x) : results[i].x));
  if (disp) return out;
  // SciPy's estimate is computed in the result's real precision
  const errType = realOf(dtype);
  const errs = allocateFloat(errType, s.count);
  results.forEach((r, i) => {
    errs[i] = r.err;
  });
  return [out, fromData(errs, s.stack.batch, errType)];
}
