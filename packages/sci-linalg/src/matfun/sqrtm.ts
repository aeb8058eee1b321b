/**
 * `sqrtm`: the principal square root by the Schur method (Björck & Hammarling, "A Schur
 * method for the square root of a matrix", Linear Algebra Appl. 52/53, 1983): on the
 * complex Schur form, R = √T column by column, rᵢᵢ = √tᵢᵢ and
 * rᵢⱼ = (tᵢⱼ − Σₖ rᵢₖ rₖⱼ) / (rᵢᵢ + rⱼⱼ), then X = Z R Zᴴ. As SciPy, real input gives a real
 * root unless an eigenvalue is real and negative (then the complex principal root); the real
 * root is the real part of the complex computation, which equals Higham's real-Schur method's
 * result ("Computing real square roots of a real matrix", 1987) to rounding.
 */
import { isComplexDtype, type NDArray } from '@sciport/array-api';
import { checkBoolean, checkInteger } from '@sciport/array-api/kit';
import type { SqrtmOptions } from '../matfun-options.js';
import { readFunctionOptions } from '../options.js';
import { allocateFloat, type Float, fromData, type LapackDtype, realOf, toArray } from '../stack.js';
import { mapMatrices, readSquare } from './batch.js';
import { matmul, normFro, type Square, square, zeros } from './dense.js';
import { csqrtC } from './complex-scalar.js';
import { realParts, toComplex, unitarySimilarity } from './real-result.js';
import { complexSchurOf } from './schur-form.js';
import { bandwidthOf } from '../structure.js';
import { complexOf } from '../schur.js';

/** x / y for complex numbers, with IEEE's infinities for a zero y (a singular T's root has them, as SciPy's). */
function divide(xr: number, xi: number, yr: number, yi: number): [number, number] {
  if (yr === 0 && yi === 0) return [xr / 0, xi === 0 ? 0 : xi / 0];
  if (Math.abs(yr) >= Math.abs(yi)) {
    const r = yi / yr;
    const d = yr + yi * r;
    return [(xr + xi * r) / d, (xi - xr * r) / d];
  }
  const r = yr / yi;
  const d = yr * r + yi;
  return [(xr * r + xi) / d, (xi * r - xr) / d];
}

/** √T for upper triangular complex T (Björck–Hammarling's recurrence). */
export function triangularSqrt(fc: Square, t: Float): Float {
  const { n } = fc;
  const r = zeros(fc);
  const at = (i: number, j: number) => 2 * (i * n + j);
  for (let j = 0; j < n; j++) {
    [r[at(j, j)], r[at(j, j) + 1]] = csqrtC([t[at(j, j)], t[at(j, j) + 1]]);
    for (let i = j - 1; i >= 0; i--) {
      let sr = t[at(i, j)];
      let si = t[at(i, j) + 1];
      for (let k = i + 1; k < j; k++) {
        const [ar, ai, br, bi] = [r[at(i, k)], r[at(i, k) + 1], r[at(k, j)], r[at(k, j) + 1]];
        sr -= ar * br - ai * bi;
        si -= ar * bi + ai * br;
      }
      [r[at(i, j)], r[at(i, j) + 1]] = divide(sr, si, r[at(i, i)] + r[at(j, j)], r[at(i, i) + 1] + r[at(j, j) + 1]);
    }
  }
  return r;
}

/** √A of one matrix: the complex root, and whether it is to be returned as real. */
function sqrtOf(f: Square, a: Float): { x: Float; real: boolean } {
  if (bandwidthOf(a, 0, f.n, f.n, f.lanes)[0] === 0) return triangularRoot(f, a);
  const { fc, t, z, negativeReal } = complexSchurOf(f, a);
  const x = unitarySimilarity(fc, z, triangularSqrt(fc, t));
  return f.lanes === 1 && !negativeReal ? { x: realParts(x), real: true } : { x, real: false };
}

/** An upper triangular A is its own Schur form: its root directly, without the similarity. */
function triangularRoot(f: Square, a: Float): { x: Float; real: boolean } {
  const fc = square(complexOf(f.dtype), f.n);
  const t = f.lanes === 2 ? a : toComplex(a);
  let negative = false;
  for (let i = 0; i < f.n; i++) if (f.lanes === 1 && a[i * f.n + i] < 0) negative = true;
  const r = triangularSqrt(fc, t);
  return f.lanes === 1 && !negative ? { x: realParts(r), real: true } : { x: r, real: false };
}

/**
 * SciPy's `sqrtm(A, disp, blocksize)`: the principal square root of every matrix of A
 * ([..., N, N]), real for real A without negative real eigenvalues (float32/complex64 stay
 * single). `disp: false` gives [X, ‖X·X − A‖²_F / ‖A‖_F] as SciPy 1.17 does (deprecated there).
 */
export function sqrtmHost(a: unknown, options?: SqrtmOptions): NDArray | [NDArray, NDArray] {
  const o = readFunctionOptions(options, 'sqrtm');
  const disp = checkBoolean(o.disp, 'disp', true);
  // SciPy 1.17 accepts and ignores blocksize (deprecated); it must still be an integer
  checkInteger(o.blocksize, 'blocksize', 64);
  const input = toArray(a);
  if (input.ndim < 2 && input.size === 1) return withError(scalarRoot(input), disp);
  const s = readSquare(input, 'sqrtm', 'A', false);
  const roots = Array.from({ length: s.count }, (_, i) => sqrtOf(s.f, s.stack.data.slice(i * s.f.lanes * s.f.n * s.f.n, (i + 1) * s.f.lanes * s.f.n * s.f.n)));
  const real = s.f.lanes === 1 && roots.every((r) => r.real);
  const dtype: LapackDtype = real ? s.f.dtype : s.f.dtype === 'float32' || s.f.dtype === 'complex64' ? 'complex64' : 'complex128';
  const x = mapMatrices(s, dtype, (_, i) => (real || !roots[i].real ? roots[i].x : toComplex(roots[i].x)));
  if (disp) return x;
  // SciPy's estimate is one number for the whole input (its Frobenius norm of a stack fails: ∞)
  if (s.stack.batch.length > 0) return [x, fromData(new Float64Array([Number.POSITIVE_INFINITY]), [], 'float64')];
  const fx = square(dtype, s.f.n);
  const data = x.toTypedArray() as Float;
  const residual = matmul(fx, data, data);
  const original = fx.lanes === 2 && s.f.lanes === 1 ? toComplex(s.stack.data) : s.stack.data;
  for (let p = 0; p < residual.length; p++) residual[p] -= original[p];
  const err = normFro(residual) ** 2 / normFro(s.stack.data);
  return [x, fromData(allocateFloat(realOf(dtype), 1).fill(err), [], realOf(dtype))];
}


function withError(x: NDArray, disp: boolean): NDArray | [NDArray, NDArray] {
  return disp ? x : [x, fromData(new Float64Array([0]), [], 'float64')];
}

/** A single number: its principal root as a 1×1 float64 / complex128 matrix (see the README on SciPy's scalar case). */
function scalarRoot(x: NDArray): NDArray {
  const v = x.toTypedArray() as ArrayLike<number | bigint | boolean>;
  const complex = isComplexDtype(x.dtype);
  const [re, im] = [Number(v[0]), complex ? Number(v[1]) : 0];
  if (!complex && re >= 0) return fromData(new Float64Array([Math.sqrt(re)]), [1, 1], 'float64');
  return fromData(new Float64Array(csqrtC([re, im])), [1, 1], 'complex128');
}
