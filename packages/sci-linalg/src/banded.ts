/**
 * Band matrices, as SciPy stores them (`ab[u + i − j, j] = a[i, j]`): `solveBanded` (LU with
 * partial pivoting in band storage, LAPACK's gbsv), `solvehBanded` (Cholesky, pbsv),
 * `choleskyBanded` (pbtrf) and `choSolveBanded` (pbtrs). The work is O(n·bandwidth²).
 */
import { type NDArray, reshape } from '@sciport/array-api';
import { checkBoolean, checkInteger } from '@sciport/array-api/kit';
import { InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import type { CholeskyBandedOptions, ChoSolveBandedOptions, SolveBandedOptions, SolvehBandedOptions } from './banded-options.js';
import { LinAlgError } from './errors.js';
import { gbtrf, gbtrs, pbtrf, pbtrs } from './kernels/banded.js';
import { cdiv } from './kernels/complex.js';
import { readFunctionOptions } from './options.js';
import {
  allocateFloat,
  batchCount,
  broadcastBatch,
  checkFiniteValues,
  checkMatrix,
  fromData,
  isComplex,
  type LapackDtype,
  lapackDtype,
  type Stack,
  toArray,
  toStack,
} from './stack.js';

/** A band array and right-hand sides, checked and copied into stacks of their common LAPACK type. */
interface BandedSystem {
  readonly ab: Stack;
  readonly b: Stack;
  readonly dtype: LapackDtype;
  readonly count: number;
  readonly n: number;
  readonly k: number;
  readonly resultShape: number[];
}

function bandedSystem(abInput: unknown, bInput: unknown, fn: string, abName: string, checkFinite: boolean): BandedSystem {
  const ab = toArray(abInput);
  const b = toArray(bInput);
  checkMatrix(ab, abName, fn);
  if (b.ndim === 0) {
    throw new ShapeError(`${fn}: b must be a vector [M] or a matrix [..., M, K], got a scalar.`, { argument: 'b', hint: 'Pass one right-hand side per column.' });
  }
  if (checkFinite) {
    checkFiniteValues(ab, abName, fn);
    checkFiniteValues(b, 'b', fn);
  }
  const vector = b.ndim === 1;
  const bMatrix = vector ? reshape(b, [b.shape[0], 1]) : b;
  const n = ab.shape[ab.ndim - 1];
  if (bMatrix.shape[bMatrix.ndim - 2] !== n) {
    throw new ShapeError(`${fn}: shapes of ${abName} and b are not compatible ([${ab.shape.join(', ')}] and [${b.shape.join(', ')}]).`, {
      argument: 'b',
      hint: `b must have ${n} rows, one per column of ${abName}.`,
    });
  }
  const batch = broadcastBatch(ab.shape.slice(0, -2), bMatrix.shape.slice(0, -2), 'b', fn);
  const dtype = lapackDtype(ab.dtype, b.dtype);
  const k = bMatrix.shape[bMatrix.ndim - 1];
  return {
    ab: toStack(ab, dtype, batch),
    b: toStack(bMatrix, dtype, batch),
    dtype,
    count: batchCount(batch),
    n,
    k,
    resultShape: vector ? [...batch, n] : [...batch, n, k],
  };
}

function checkBandCount(value: unknown, argument: string): number {
  const v = checkInteger(value, argument, 0);
  if (value === undefined || v < 0) {
    throw new InvalidArgumentError(`solveBanded: the number of ${argument === 'l' ? 'lower' : 'upper'} diagonals must be a non-negative integer.`, {
      argument: 'lAndU',
      hint: 'Pass [l, u], the numbers of nonzero diagonals below and above the main one.',
    });
  }
  return v;
}

/** SciPy's `solve_banded((l, u), ab, b)`: solves a x = b for the band matrix a stored in ab ([..., l + u + 1, M]). */
export function solveBandedHost(lAndU: readonly [number, number], ab: unknown, b: unknown, options?: SolveBandedOptions): NDArray {
  const o = readFunctionOptions(options, 'solveBanded');
  checkBoolean(o.overwriteAb, 'overwriteAb', false);
  if (!Array.isArray(lAndU) || lAndU.length !== 2) {
    throw new InvalidArgumentError('solveBanded takes [l, u] first: the numbers of lower and upper diagonals.', {
      argument: 'lAndU',
      hint: 'Pass solveBanded([l, u], ab, b).',
    });
  }
  const l = checkBandCount(lAndU[0], 'l');
  const u = checkBandCount(lAndU[1], 'u');
  const system = bandedSystem(ab, b, 'solveBanded', 'ab', checkBoolean(o.checkFinite, 'checkFinite', true));
  const { n, k, count, dtype } = system;
  const rows = system.ab.rows;
  if (l + u + 1 !== rows) {
    throw new ShapeError(
      `solveBanded: invalid values for the number of lower and upper diagonals: l+u+1 (${l + u + 1}) does not equal ab.shape[0] (${rows}).`,
      { argument: 'lAndU', hint: 'ab must have l + u + 1 rows: the u superdiagonals, the diagonal, the l subdiagonals.' },
    );
  }
  const x = system.b.data;
  if (n * k * count === 0) return fromData(x, system.resultShape, dtype);
  const lanes = isComplex(dtype) ? 2 : 1;
  if (n === 1) {
    // a 1×1 matrix: its element is in row u, and b is divided by it (SciPy's shortcut, no singularity check)
    for (let s = 0; s < count; s++) {
      const p = lanes * (s * rows + u);
      for (let j = 0; j < k; j++) divideInPlace(x, lanes * (s * k + j), system.ab.data, p, lanes);
    }
    return fromData(x, system.resultShape, dtype);
  }
  const band = allocateFloat(dtype, (2 * l + u + 1) * n);
  const piv = new Int32Array(n);
  for (let s = 0; s < count; s++) {
    // gbsv's layout: l free rows on top for the fill-in, then ab
    band.fill(0);
    band.set(system.ab.data.subarray(lanes * s * rows * n, lanes * (s + 1) * rows * n), lanes * l * n);
    const info = gbtrf(band, n, l, u, lanes, piv);
    if (info > 0) {
      throw new LinAlgError(`singular matrix: U[${info - 1}, ${info - 1}] of the LU factorisation is exactly zero.`, {
        argument: 'ab',
        hint: 'The band matrix is singular; check ab (row u holds the diagonal).',
      });
    }
    gbtrs(band, n, l, u, lanes, piv, x, s * n * k, k);
  }
  return fromData(x, system.resultShape, dtype);
}

function divideInPlace(x: Float32Array | Float64Array, p: number, a: Float32Array | Float64Array, q: number, lanes: number): void {
  if (lanes === 1) x[p] /= a[q];
  else [x[p], x[p + 1]] = cdiv(x[p], x[p + 1], a[q], a[q + 1]);
}

function notPositiveDefinite(info: number, message: string): LinAlgError {
  return new LinAlgError(message.replace('#', String(info)), {
    argument: 'ab',
    hint: 'The band matrix must be Hermitian positive definite (check `lower`: which diagonals ab holds).',
  });
}

/** SciPy's `solveh_banded(ab, b)`: solves a x = b for the Hermitian positive definite band matrix in ab. */
export function solvehBandedHost(ab: unknown, b: unknown, options?: SolvehBandedOptions): NDArray {
  const o = readFunctionOptions(options, 'solvehBanded');
  checkBoolean(o.overwriteAb, 'overwriteAb', false);
  const lower = checkBoolean(o.lower, 'lower', false);
  const system = bandedSystem(ab, b, 'solvehBanded', 'ab', checkBoolean(o.checkFinite, 'checkFinite', true));
  const { n, k, count, dtype } = system;
  const x = system.b.data;
  if (n * k * count === 0) return fromData(x, system.resultShape, dtype);
  const lanes = isComplex(dtype) ? 2 : 1;
  const kd = system.ab.rows - 1;
  for (let s = 0; s < count; s++) {
    const cb = system.ab.data.subarray(lanes * s * (kd + 1) * n, lanes * (s + 1) * (kd + 1) * n);
    const info = pbtrf(cb, n, kd, lower, lanes);
    if (info > 0) throw notPositiveDefinite(info, '#th leading minor not positive definite');
    pbtrs(cb, n, kd, lower, lanes, x, s * n * k, k);
  }
  return fromData(x, system.resultShape, dtype);
}

/** SciPy's `cholesky_banded(ab)`: the Cholesky factor in the same band form as ab ([..., u + 1, M]). */
export function choleskyBandedHost(ab: unknown, options?: CholeskyBandedOptions): NDArray {
  const o = readFunctionOptions(options, 'choleskyBanded');
  checkBoolean(o.overwriteAb, 'overwriteAb', false);
  const lower = checkBoolean(o.lower, 'lower', false);
  const input = toArray(ab);
  checkMatrix(input, 'ab', 'choleskyBanded');
  if (checkBoolean(o.checkFinite, 'checkFinite', true)) checkFiniteValues(input, 'ab', 'choleskyBanded');
  const dtype = lapackDtype(input.dtype);
  const stack = toStack(input, dtype);
  const { rows, cols: n, batch } = stack;
  const lanes = isComplex(dtype) ? 2 : 1;
  for (let s = 0; s < batchCount(batch); s++) {
    const info = pbtrf(stack.data.subarray(lanes * s * rows * n, lanes * (s + 1) * rows * n), n, rows - 1, lower, lanes);
    if (info > 0) throw notPositiveDefinite(info, '#-th leading minor not positive definite');
  }
  return fromData(stack.data, [...batch, rows, n], dtype);
}

/** `choleskyBanded`'s factor and the form it is in, as `choSolveBanded` takes them. */
function readFactorPair(pair: unknown): [unknown, boolean] {
  if (Array.isArray(pair) && pair.length === 2 && typeof pair[1] === 'boolean') return [pair[0], pair[1]];
  throw new InvalidArgumentError('choSolveBanded takes [cb, lower]: the factor choleskyBanded returns and the lower flag it was called with.', {
    argument: 'cbAndLower',
    hint: 'Pass [choleskyBanded(ab, { lower }), lower].',
  });
}

/** SciPy's `cho_solve_banded((cb, lower), b)`: solves a x = b from a's banded Cholesky factor. */
export function choSolveBandedHost(cbAndLower: readonly [unknown, boolean], b: unknown, options?: ChoSolveBandedOptions): NDArray {
  const o = readFunctionOptions(options, 'choSolveBanded');
  const [cb, lower] = readFactorPair(cbAndLower);
  const system = bandedSystem(cb, b, 'choSolveBanded', 'cb', checkBoolean(o.checkFinite, 'checkFinite', true));
  const { n, k, count, dtype } = system;
  const x = system.b.data;
  if (n * k * count === 0) return fromData(x, system.resultShape, dtype);
  const lanes = isComplex(dtype) ? 2 : 1;
  const kd = system.ab.rows - 1;
  for (let s = 0; s < count; s++) {
    pbtrs(system.ab.data.subarray(lanes * s * (kd + 1) * n, lanes * (s + 1) * (kd + 1) * n), n, kd, lower, lanes, x, s * n * k, k);
  }
  return fromData(x, system.resultShape, dtype);
}
