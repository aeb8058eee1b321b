/**
 * `signm`: the matrix sign function as SciPy computes it: funm with a rounded sign of the
 * eigenvalues' real parts (real parts within 10³·ε·max λ of zero count as zero); when funm's
 * error estimate exceeds 10³·ε (close or defective eigenvalues), Newton's iteration
 * S ← (S + S⁻¹)/2 from A + I/(2σ_max), stopped when ‖P² − P‖₁ < 10³·ε for P = (S² + S)/2 or
 * stagnates, at most 100 steps (SciPy's naive iteration after Denman & Leyva-Ramos, 1981).
 */
import { type NDArray, asarray } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { LinAlgError } from '../errors.js';
import type { FunmOptions } from '../matfun-options.js';
import { readFunctionOptions } from '../options.js';
import { allocateFloat, type Float, type LapackDtype } from '../stack.js';
import { singularValuesOf } from '../svd.js';
import { mapMatrices, readSquare } from './batch.js';
import { combine, identity, luFactorOf, luSolveInPlace, matmul, norm1, type Square, square } from './dense.js';
import { funmOf } from './funm.js';

/** SciPy's `rounded_sign` of the eigenvalues: sign of the real part, zero within 10³·ε·max λ (NumPy's lexicographic max). */
function roundedSign(single: boolean) {
  return (x: NDArray): NDArray => {
    const v = x.toTypedArray() as Float;
    const n = v.length / 2;
    let [mr, mi] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (let i = 0; i < n; i++) if (v[2 * i] > mr || (v[2 * i] === mr && v[2 * i + 1] > mi)) [mr, mi] = [v[2 * i], v[2 * i + 1]];
    const scale = 1e3 * (single ? 2 ** -23 : 2 ** -52);
    const [cr, ci] = [scale * mr, scale * mi];
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = Math.abs(v[2 * i]);
      // |re| > c compared as complex numbers (lexicographically), as NumPy does
      const above = r > cr || (r === cr && 0 > ci);
      out[i] = above ? Math.sign(v[2 * i]) : 0;
    }
    return asarray(out);
  };
}

/** Newton's iteration for sign(A) in double precision (SciPy's identity is float64). */
function newton(f: Square, a: Float, errtol: number): Float {
  const fw = square(f.lanes === 2 ? 'complex128' : 'float64', f.n);
  const a64 = Float64Array.from(a);
  const sv = singularValuesOf({ data: a64.slice(), dtype: fw.dtype, batch: [1], rows: f.n, cols: f.n }).toTypedArray() as Float64Array;
  const c = 0.5 / Math.max(...sv);
  let s0 = combine(fw, [[1, a64]], c);
  let prev = Number.NaN;
  for (let i = 0; i < 100; i++) {
    const factors = luFactorOf(fw, s0);
    if (factors.singular) {
      throw new LinAlgError('signm: singular matrix in the sign iteration.', { argument: 'A', hint: 'A has an eigenvalue on the imaginary axis.' });
    }
    s0 = combine(fw, [
      [0.5, s0],
      [0.5, luSolveInPlace(fw, factors, identity(fw))],
    ]);
    const pp = combine(fw, [
      [0.5, matmul(fw, s0, s0)],
      [0.5, s0],
    ]);
    const errest = norm1(
      fw,
      combine(fw, [
        [1, matmul(fw, pp, pp)],
        [-1, pp],
      ]),
    );
    if (errest < errtol || prev === errest) break;
    prev = errest;
  }
  return s0;
}

/** SciPy's `signm(A, disp)`: sign(A) of every matrix of A ([..., N, N]); `disp: false` is accepted (deprecated in SciPy) and ignored beyond its type. */
export function signmHost(a: unknown, options?: FunmOptions): NDArray {
  const o = readFunctionOptions(options, 'signm');
  checkBoolean(o.disp, 'disp', true);
  const s = readSquare(a, 'signm', 'A', false);
  const single = s.f.dtype === 'float32' || s.f.dtype === 'complex64';
  const results = Array.from({ length: s.count }, (_, i) => {
    const slice = s.stack.data.slice(i * s.f.lanes * s.f.n * s.f.n, (i + 1) * s.f.lanes * s.f.n * s.f.n);
    const r = funmOf(s.f, slice, roundedSign(single));
    const errtol = 1e3 * (r.dtype === 'float32' || r.dtype === 'complex64' ? 2 ** -23 : 2 ** -52);
    if (r.err < errtol) return r;
    const x = newton(s.f, slice, errtol);
    return { x, dtype: (s.f.lanes === 2 ? 'complex128' : 'float64') as LapackDtype, err: 0 };
  });
  // one dtype for the stack: the widest of the matrices' results
  const order: LapackDtype[] = ['float32', 'float64', 'complex64', 'complex128'];
  let dtype: LapackDtype = s.f.dtype;
  for (const r of results) if (order.indexOf(r.dtype) > order.indexOf(dtype)) dtype = r.dtype;
  if (dtype === 'complex64' && results.some((r) => r.dtype === 'float64')) dtype = 'complex128';
  const lanes = dtype.startsWith('complex') ? 2 : 1;
  return mapMatrices(s, dtype, (_, i) => {
    const r = results[i];
    const rl = r.dtype.startsWith('complex') ? 2 : 1;
    if (rl === lanes) return r.x;
    const out = allocateFloat(dtype, s.f.n * s.f.n);
    for (let p = 0; p < r.x.length; p++) out[2 * p] = r.x[p];
    return out;
  });
}
