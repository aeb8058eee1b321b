/** Matrices of transforms: `dft`, `helmert`, `hadamard`. */
import { type DType, NDArray, astype, isDType } from '@sciport/array-api';
import { checkBoolean, describe } from '@sciport/array-api/kit';
import { type DispatchOptions, DtypeError, InvalidArgumentError } from '@sciport/dispatch-core';
import { readFunctionOptions } from '../options.js';
import { checkOrder } from './common.js';

export interface DftOptions extends DispatchOptions {
  /** null (default, no scaling), 'sqrtn' (divide by √n, unitary) or 'n' (divide by n). */
  scale?: 'sqrtn' | 'n' | null;
}

/**
 * SciPy's `dft`: M[j, k] = ω^(jk), ω = exp(−2πi/n), complex128. Each entry is computed from
 * its reduced angle 2π((jk) mod n)/n, not as a power (SciPy's way): the same values to
 * within n rounding errors, and no error growth with j·k.
 */
export function dftHost(n: unknown, options?: DftOptions): NDArray {
  const o = readFunctionOptions(options, 'dft');
  const k = checkOrder(n, 'dft');
  const scale = o.scale ?? null;
  if (scale !== null && scale !== 'sqrtn' && scale !== 'n') {
    throw new InvalidArgumentError(`dft: scale must be null, 'sqrtn', or 'n'; ${describe(scale)} is not valid.`, {
      argument: 'scale',
      hint: "Use null (no scaling), 'sqrtn' or 'n'.",
    });
  }
  const factor = scale === 'sqrtn' ? Math.sqrt(k) : scale === 'n' ? k : 1;
  const data = new Float64Array(2 * k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const angle = (-2 * Math.PI * ((i * j) % k)) / k;
      data[2 * (i * k + j)] = Math.cos(angle) / factor;
      data[2 * (i * k + j) + 1] = Math.sin(angle) / factor;
    }
  }
  return new NDArray(data, [k, k], 'complex128');
}

export interface HelmertOptions extends DispatchOptions {
  /** Return the n×n matrix with its first row 1/√n (default false: the (n−1)×n contrast rows). */
  full?: boolean;
}

/** SciPy's `helmert`: row i > 0 is (1, …, 1, −i, 0, …) / √(i(i+1)); the full form adds (1, …, 1)/√n. */
export function helmertHost(n: unknown, options?: HelmertOptions): NDArray {
  const o = readFunctionOptions(options, 'helmert');
  const k = checkOrder(n, 'helmert');
  const full = checkBoolean(o.full, 'full', false);
  if (k === 0) {
    throw new InvalidArgumentError('helmert: n must be at least 1.', { argument: 'n', hint: 'Pass a positive order.' });
  }
  const first = full ? 0 : 1;
  const data = new Float64Array((k - first) * k);
  for (let i = first; i < k; i++) {
    const d = i === 0 ? Math.sqrt(k) : Math.sqrt(i * (i + 1));
    for (let j = 0; j < k; j++) {
      const h = i === 0 || j < i ? 1 : j === i ? -i : 0;
      data[(i - first) * k + j] = h / d;
    }
  }
  return new NDArray(data, [k - first, k], 'float64');
}

export interface HadamardOptions extends DispatchOptions {
  /** Element dtype (default 'int64', NumPy's int). */
  dtype?: DType;
}

/** SciPy's `hadamard` (Sylvester's construction): H[i, j] = (−1)^popcount(i & j), n a power of 2. */
export function hadamardHost(n: unknown, options?: HadamardOptions): NDArray {
  const o = readFunctionOptions(options, 'hadamard');
  const dtype = o.dtype ?? 'int64';
  if (!isDType(dtype) || dtype === 'bool') {
    throw new DtypeError(`hadamard: dtype must be a numeric dtype, got ${describe(dtype)}.`, { argument: 'dtype', hint: "e.g. 'int64' or 'float64'." });
  }
  const k = typeof n === 'number' && Number.isInteger(n) ? n : Number.NaN;
  if (!(k >= 1) || (k & (k - 1)) !== 0) {
    throw new InvalidArgumentError(`hadamard: n must be a positive integer and a power of 2, got ${describe(n)}.`, {
      argument: 'n',
      hint: 'Pass 1, 2, 4, 8, …',
    });
  }
  const data = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let bits = i & j;
      let parity = 0;
      while (bits !== 0) {
        parity ^= 1;
        bits &= bits - 1;
      }
      data[i * k + j] = parity === 0 ? 1 : -1;
    }
  }
  return astype(new NDArray(data, [k, k], 'float64'), dtype);
}
