/**
 * `eig` and `eigvals` for a general matrix, as LAPACK's geev: balance (gebal, permute and
 * scale), reduce to Hessenberg form, the QR algorithm to a Schur form (real for real input,
 * so complex eigenvalues come in exact conjugate pairs), eigenvectors by back substitution
 * on the Schur form (trevc; for real input on the complex form rsf2csf gives), back to the
 * original matrix (gebak), each normalised to unit 2-norm with its largest component real.
 * The generalized problem (`b`) is solved by the QZ algorithm (generalized-eig.ts).
 */
import type { NDArray } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { InvalidArgumentError } from '@sciport/dispatch-core';
import type { EigOptions, EigvalsOptions } from './eigen-options.js';
import { LinAlgError } from './errors.js';
import { type Balance, gebak, gebal } from './kernels/balance.js';
import { normalizeColumn, schurEigenvectors } from './kernels/eigenvectors.js';
import { readMatrix } from './lu.js';
import { readFunctionOptions } from './options.js';
import { realToComplexSchur } from './rsf2csf.js';
import { complexOf, schurInPlace } from './schur.js';
import { allocateFloat, batchCount, checkSquare, type Float, fromData, isComplex, realOf, type Stack, toArray } from './stack.js';
import { generalizedEig } from './generalized-eig.js';

/**
 * `eig`'s results: w alone (right and left false), [w, vr] (the default), [w, vl] or
 * [w, vl, vr]. b is the generalized problem's B (null or left out for the standard one).
 */
export interface EigFunction {
  (a: unknown, b?: unknown, options?: EigOptions & { left?: false; right?: true }): [NDArray, NDArray];
  (a: unknown, b: unknown, options: EigOptions & { left: true; right?: true }): [NDArray, NDArray, NDArray];
  (a: unknown, b: unknown, options: EigOptions & { left?: false; right: false }): NDArray;
  (a: unknown, b?: unknown, options?: EigOptions): NDArray | NDArray[];
}

/** The eigen-decomposition of every matrix of a square stack. */
export interface EigResult {
  /** Eigenvalues, complex interleaved, [..., N]. */
  w: Float64Array;
  /** Right / left eigenvectors, complex interleaved [..., N, N] (null when not asked for). */
  vr: Float64Array | null;
  vl: Float64Array | null;
  /** True when every eigenvalue is real, for real input: SciPy then returns real vectors. */
  allReal: boolean;
}

/** "eig algorithm (geev) did not converge (only eigenvalues with order >= k have converged)". */
export function notConverged(what: string, info: number): LinAlgError {
  return new LinAlgError(`${what} did not converge (only eigenvalues with order >= ${info} have converged)`, {
    argument: 'a',
    hint: 'The QR algorithm needed more than 30·n iterations; check the matrix for extreme or non-finite values.',
  });
}

/** geev on each matrix of the stack (consumed). */
export function eigStack(stack: Stack, right: boolean, left: boolean): EigResult {
  const { rows: n, batch, dtype, data } = stack;
  const lanes = isComplex(dtype) ? 2 : 1;
  const count = batchCount(batch);
  const w = new Float64Array(2 * count * n);
  const vr = right ? new Float64Array(2 * count * n * n) : null;
  const vl = left ? new Float64Array(2 * count * n * n) : null;
  const vectors = right || left;
  let allReal = true;
  const ws = new Float64Array(2 * n);
  for (let s = 0; s < count; s++) {
    const o = s * n * n;
    const balance = gebal(data, o, n, lanes, true, true);
    if (balance.nan) {
      throw new InvalidArgumentError('eig: illegal value in the matrix (NaN) for the eig algorithm (geev).', {
        argument: 'a',
        hint: 'Remove the NaN values (checkFinite: true reports them before the decomposition).',
      });
    }
    const z = vectors ? allocateFloat(dtype, n * n) : null;
    const info = schurInPlace(data, o, n, lanes, z, 0, ws, vectors);
    if (info > 0) throw notConverged('eig algorithm (geev)', info);
    w.set(ws, 2 * s * n);
    for (let i = 0; i < n; i++) if (ws[2 * i + 1] !== 0) allReal = false;
    if (!vectors || z === null) continue;
    // the complex Schur form: real input goes through rsf2csf
    const complexT = lanes === 2 ? data.subarray(2 * o, 2 * (o + n * n)) : widen(data.subarray(o, o + n * n), dtype);
    const complexZ = lanes === 2 ? z : widen(z, dtype);
    if (lanes === 1) realToComplexSchur(complexT, complexZ, 0, n);
    for (const [out, isLeft] of [
      [vr, false],
      [vl, true],
    ] as const) {
      if (out === null) continue;
      const v = new Float64Array(2 * n * n);
      schurEigenvectors(complexT, 0, n, complexZ, 0, isLeft, v);
      finishVectors(v, n, balance, isLeft, lanes === 1 ? ws : null);
      out.set(v, 2 * s * n * n);
    }
  }
  return { w, vr, vl, allReal };
}

function widen(x: Float, dtype: Stack['dtype']): Float {
  const out = allocateFloat(complexOf(dtype), x.length);
  for (let i = 0; i < x.length; i++) out[2 * i] = x[i];
  return out;
}

/**
 * Undo the balancing and normalise. For real input (`realW` the eigenvalues), a real
 * eigenvalue's vector is made exactly real and the second of a conjugate pair the exact
 * conjugate of the first, as LAPACK's real routines return them.
 */
function finishVectors(v: Float64Array, n: number, balance: Balance, left: boolean, realW: Float64Array | null): void {
  gebak(balance, v, 0, n, n, 2, left);
  for (let k = 0; k < n; k++) {
    if (realW !== null && realW[2 * k + 1] < 0 && k > 0) {
      for (let r = 0; r < n; r++) {
        v[2 * (r * n + k)] = v[2 * (r * n + k - 1)];
        v[2 * (r * n + k) + 1] = -v[2 * (r * n + k - 1) + 1];
      }
      continue;
    }
    normalizeColumn(v, n, n, k);
    if (realW !== null && realW[2 * k + 1] === 0) for (let r = 0; r < n; r++) v[2 * (r * n + k) + 1] = 0;
  }
}

/** Interleaved complex values as an NDArray of `dtype` (complex) or its real parts (real dtype). */
export function complexArray(values: Float64Array, shape: readonly number[], dtype: Stack['dtype']): NDArray {
  if (isComplex(dtype)) {
    const out = allocateFloat(dtype, values.length / 2);
    out.set(values);
    return fromData(out, shape, dtype);
  }
  const out = allocateFloat(dtype, values.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = values[2 * i];
  return fromData(out, shape, dtype);
}

/** Eigenvalues as SciPy returns them: complex, or [α; β] rows with β = 1 when homogeneous. */
function eigenvalueArray(w: Float64Array, batch: readonly number[], n: number, dtype: Stack['dtype'], homogeneous: boolean): NDArray {
  const cdtype = complexOf(dtype);
  if (!homogeneous) return complexArray(w, [...batch, n], cdtype);
  const count = batchCount(batch);
  const out = new Float64Array(2 * count * 2 * n);
  for (let s = 0; s < count; s++) {
    out.set(w.subarray(2 * s * n, 2 * (s + 1) * n), 2 * s * 2 * n);
    for (let i = 0; i < n; i++) out[2 * (s * 2 * n + n + i)] = 1;
  }
  return complexArray(out, [...batch, 2, n], cdtype);
}

/** Reads a (and b) for eig/eigvals: square stacks of their LAPACK type. */
function readProblem(fn: string, a: unknown, checkFinite: boolean): Stack {
  const input = toArray(a);
  const stack = readMatrix(input, fn, checkFinite);
  checkSquare(input, 'a', fn);
  return stack;
}

/**
 * SciPy's `eig(a, b, options)`: w, or [w, vr], [w, vl] or [w, vl, vr] with `left` / `right`.
 * w is complex; the vectors are real when the input is real and every eigenvalue is real.
 */
export function eigHost(a: unknown, b?: unknown, options?: EigOptions): NDArray | NDArray[] {
  const o = readFunctionOptions(options, 'eig');
  const left = checkBoolean(o.left, 'left', false);
  const right = checkBoolean(o.right, 'right', true);
  const homogeneous = checkBoolean(o.homogeneousEigvals, 'homogeneousEigvals', false);
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  // as SciPy, an empty a answers before b is read
  if (b !== undefined && b !== null && toArray(a).size > 0) return generalizedEig('eig', a, b, { left, right, homogeneous, checkFinite });
  const stack = readProblem('eig', a, checkFinite);
  const { rows: n, batch, dtype } = stack;
  const result = eigStack(stack, right, left);
  const w = eigenvalueArray(result.w, batch, n, dtype, homogeneous);
  // SciPy keeps real vectors when the input is real and every eigenvalue is real
  const vdtype = isComplex(dtype) || !result.allReal ? complexOf(dtype) : realOf(dtype);
  const shape = [...batch, n, n];
  const out: NDArray[] = [w];
  if (left && result.vl !== null) out.push(complexArray(result.vl, shape, vdtype));
  if (right && result.vr !== null) out.push(complexArray(result.vr, shape, vdtype));
  return out.length === 1 ? w : out;
}

/** SciPy's `eigvals(a, b, options)`: the eigenvalues (complex), [..., N] or [..., 2, N] homogeneous. */
export function eigvalsHost(a: unknown, b?: unknown, options?: EigvalsOptions): NDArray {
  const o = readFunctionOptions(options, 'eigvals');
  const homogeneous = checkBoolean(o.homogeneousEigvals, 'homogeneousEigvals', false);
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  if (b !== undefined && b !== null && toArray(a).size > 0) {
    return generalizedEig('eigvals', a, b, { left: false, right: false, homogeneous, checkFinite }) as NDArray;
  }
  const stack = readProblem('eigvals', a, checkFinite);
  const result = eigStack(stack, false, false);
  return eigenvalueArray(result.w, stack.batch, stack.rows, stack.dtype, homogeneous);
}
