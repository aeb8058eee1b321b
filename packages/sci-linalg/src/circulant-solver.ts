/**
 * `solveCirculant`: C x = b for the circulant matrix C with first column c, as SciPy solves it:
 * the FFT diagonalises every circulant, C = F⁻¹ diag(F c) F, so x = ifft(fft(b) / fft(c)),
 * O(n log n). Eigenvalues fft(c) with |·| ≤ tol make C (near) singular.
 */
import { abs, asarray, astype, divide, isComplexDtype, lessEqual, max, moveaxis, multiply, type NDArray, real, where, zeros, zerosLike } from '@sciport/array-api';
import { checkInteger, describe } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { fft, ifft } from '@sciport/fft';
import { LinAlgError } from './errors.js';
import { readFunctionOptions } from './options.js';
import { checkThreshold } from './least-squares-options.js';
import { lapackDtype, toArray } from './stack.js';
import type { SolveCirculantOptions } from './structured-options.js';

function axisLength(x: NDArray, axis: number, argument: string): number {
  const ax = axis < 0 ? axis + x.ndim : axis;
  if (ax >= 0 && ax < x.ndim) return x.shape[ax];
  throw new InvalidArgumentError(`solveCirculant: '${argument}' entry is out of bounds (axis ${axis} of an array of ${x.ndim} dimensions).`, {
    argument,
    hint: `Pass an axis between ${-x.ndim} and ${x.ndim - 1}.`,
  });
}

/** A vector as SciPy's np.atleast_1d makes it. */
function atLeast1d(x: NDArray): NDArray {
  return x.ndim === 0 ? asarray([x.get() as number]) : x;
}

/**
 * SciPy's `solve_circulant(c, b)`: c's vectors along `caxis`, b's along `baxis` (batches
 * broadcast); the solution's vectors along `outaxis`. With `singular: 'lstsq'`, the
 * near-zero eigenvalues are left out (the least-squares solution).
 */
export function solveCirculantHost(c: unknown, b: unknown, options?: SolveCirculantOptions): NDArray {
  const o = readFunctionOptions(options, 'solveCirculant');
  const singular = o.singular ?? 'raise';
  if (singular !== 'raise' && singular !== 'lstsq') {
    throw new InvalidArgumentError(`solveCirculant: singular must be 'raise' or 'lstsq', not ${describe(singular)}.`, {
      argument: 'singular',
      hint: "Use 'raise' (a LinAlgError for a near-singular matrix) or 'lstsq'.",
    });
  }
  const tol = checkThreshold(o.tol, 'tol');
  const caxis = checkInteger(o.caxis, 'caxis', -1);
  const baxis = checkInteger(o.baxis, 'baxis', 0);
  const outaxis = checkInteger(o.outaxis, 'outaxis', 0);
  const C = atLeast1d(toArray(c));
  const B = atLeast1d(toArray(b));
  const nc = axisLength(C, caxis, 'caxis');
  const nb = axisLength(B, baxis, 'baxis');
  if (nc !== nb) {
    throw new ShapeError(`solveCirculant: shapes of c [${C.shape.join(', ')}] and b [${B.shape.join(', ')}] are incompatible.`, {
      argument: 'b',
      hint: "c's axis caxis and b's axis baxis must have the same length.",
    });
  }
  const complex = isComplexDtype(C.dtype) || isComplexDtype(B.dtype);
  // an empty b is answered in b's shape and the result type (SciPy: the FFT cannot take it)
  if (B.size === 0) return zeros(B.shape, { dtype: lapackDtype(C.dtype, B.dtype) });
  const fc = fft(moveaxis(C, caxis, -1));
  const fb = fft(moveaxis(B, baxis, -1));
  const magnitude = abs(fc);
  // SciPy's default: max|fft(c)| · n · ε (float64's ε, as numpy.linalg.matrix_rank)
  const bound = tol === null ? multiply(max(magnitude, { axis: -1, keepdims: true }), nc * 2 ** -52) : asarray(tol);
  const nearZero = lessEqual(magnitude, bound);
  const anyNearZero = (nearZero.toTypedArray() as Uint8Array).some((v) => v !== 0);
  if (anyNearZero && singular === 'raise') {
    throw new LinAlgError('near singular circulant matrix.', {
      argument: 'c',
      hint: "fft(c) has (near) zero entries; pass { singular: 'lstsq' } for the least-squares solution.",
    });
  }
  const one = astype(asarray(1), fc.dtype);
  const safe = anyNearZero ? where(nearZero, one, fc) : fc;
  let q = divide(fb, safe);
  if (anyNearZero) q = where(nearZero, zerosLike(q), q);
  const x = ifft(q);
  return moveaxis(complex ? x : real(x), -1, outaxis);
}
