/** `inv` and `det`. */
import { type NDArray, eye } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { factorStack, readMatrix } from './lu.js';
import { type FiniteOptions, type OverwriteAOptions, readFunctionOptions } from './options.js';
import { detSmallStack, invSmallStack, SMALL_LU_ORDER } from './small/lu-stack.js';
import { allGeneral, type AssumeA, checkAssumeA, singularError, solveSystem } from './solve.js';
import {
  allocateFloat,
  batchCount,
  checkFiniteValues,
  checkMatrix,
  checkSquare,
  fromData,
  isComplex,
  type LapackDtype,
  lapackDtype,
  readStack,
  toArray,
} from './stack.js';
import { linearSystem } from './system.js';

export interface InvOptions extends FiniteOptions, OverwriteAOptions {
  /** The structure of `a` (default: detected), as in `solve`. */
  assumeA?: AssumeA | null;
  /** For 'sym', 'her' and 'pos': read the lower triangle (default false). */
  lower?: boolean;
}

/**
 * SciPy's `inv`: the inverse of every matrix of a ([..., N, N]), as the solution of
 * a X = I by the same factorisations as `solve` (LU for general matrices, as LAPACK's
 * getrf + getri; Cholesky for 'pos'; substitution for triangular and diagonal ones).
 */
export function invHost(a: unknown, options?: InvOptions): NDArray {
  const o = readFunctionOptions(options, 'inv');
  const lower = checkBoolean(o.lower, 'lower', false);
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const structure = checkAssumeA(o.assumeA);
  const input = toArray(a);
  checkMatrix(input, 'a', 'inv');
  if (checkFinite) checkFiniteValues(input, 'a', 'inv');
  checkSquare(input, 'a', 'inv');
  if (structure === null || structure === 'general') {
    const inverse = invSmall(input);
    if (inverse !== null) return inverse;
  }
  const probe = readMatrix(input, 'inv', false);
  const n = probe.rows;
  const identity = eye(n, n, { dtype: probe.dtype });
  const system = linearSystem(a, identity, { fn: 'inv', aName: 'a', checkFinite: false });
  return solveSystem(system, structure, lower, false);
}

/** inv of a real stack of small general matrices, read in place (small/lu-stack.ts); null when it does not apply. */
function invSmall(input: NDArray): NDArray | null {
  const dtype = lapackDtype(input.dtype);
  const n = input.shape[input.ndim - 1];
  if (isComplex(dtype) || n < 2 || n > SMALL_LU_ORDER) return null;
  const stack = readStack(input, dtype);
  const count = batchCount(stack.batch);
  if (!allGeneral(stack.data, n, count)) return null;
  const out = allocateFloat(dtype, count * n * n);
  const singular = invSmallStack(stack.data, out, n, count);
  if (singular.length > 0) throw singularError(singular, 'a');
  return fromData(out, [...stack.batch, n, n], dtype);
}

export interface DetOptions extends FiniteOptions, OverwriteAOptions {}

/**
 * SciPy's `det`: the determinant of every matrix of a ([..., N, N]) from its LU factors
 * (product of U's diagonal, negated for each row interchange): the factorisation in the
 * input's precision, the product in double, returned as float64 / complex128 as SciPy does
 * (a float32 determinant may exceed float32's range); a 0-d array for one matrix.
 */
export function detHost(a: unknown, options?: DetOptions): NDArray {
  const o = readFunctionOptions(options, 'det');
  const input = toArray(a);
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const dtype = lapackDtype(input.dtype);
  if (!isComplex(dtype) && input.ndim >= 2 && input.shape[input.ndim - 1] <= SMALL_LU_ORDER) {
    // small real matrices: read in place, each factored in a scratch block
    checkMatrix(input, 'a', 'det');
    if (checkFinite) checkFiniteValues(input, 'a', 'det');
    checkSquare(input, 'a', 'det');
    const stack = readStack(input, dtype);
    const count = batchCount(stack.batch);
    const out = new Float64Array(count);
    detSmallStack(stack.data, out, stack.rows, count);
    return fromData(out, stack.batch, 'float64');
  }
  const stack = readMatrix(input, 'det', checkFinite);
  checkSquare({ shape: [stack.rows, stack.cols] }, 'a', 'det');
  const n = stack.rows;
  const count = stack.batch.reduce((p, d) => p * d, 1);
  const complex = isComplex(stack.dtype);
  const outType: LapackDtype = complex ? 'complex128' : 'float64';
  const out = allocateFloat(outType, count);
  const { piv } = factorStack(stack);
  const d = stack.data;
  for (let s = 0; s < count; s++) {
    let re = 1;
    let im = 0;
    for (let i = 0; i < n; i++) {
      const p = s * n * n + i * n + i;
      const sign = piv[s * n + i] !== i ? -1 : 1;
      if (complex) {
        const [xr, xi] = [d[2 * p], d[2 * p + 1]];
        [re, im] = [sign * (re * xr - im * xi), sign * (re * xi + im * xr)];
      } else {
        re = sign * re * d[p];
      }
    }
    // + 0 turns -0 into 0: SciPy's determinant of a singular matrix is +0
    out[complex ? 2 * s : s] = re + 0;
    if (complex) out[2 * s + 1] = im + 0;
  }
  return fromData(out, stack.batch, outType);
}
