/** `expm`: SciPy's matrix exponential of A ([..., N, N]); expm-kernel.ts has the algorithm. */
import { isComplexDtype, type NDArray } from '@sciport/array-api';
import { readOptions } from '@sciport/array-api/kit';
import type { DispatchOptions } from '@sciport/dispatch-core';
import { allocateFloat, fromData, toArray } from '../stack.js';
import { linalgFunction } from '../table.js';
import { mapMatrices, readSquare } from './batch.js';
import { cexp, expmOf } from './expm-kernel.js';

/**
 * SciPy's `expm(A)`: e^A of every matrix of A, in A's precision (float32/complex64 stay
 * single; integers and booleans become float64). A single number gives a 1×1 float64 or
 * complex128 matrix, as SciPy's scalar shortcut does.
 */
export function expmHost(a: unknown, options?: DispatchOptions): NDArray {
  readOptions(options, linalgFunction('expm').options, 'expm');
  const x = toArray(a);
  if (x.ndim < 2 && x.size === 1) return scalarExp(x);
  const s = readSquare(x, 'expm', 'A', false);
  return mapMatrices(s, s.f.dtype, (slice) => expmOf(s.f, slice));
}

function scalarExp(x: NDArray): NDArray {
  const complex = isComplexDtype(x.dtype);
  const dtype = complex ? 'complex128' : 'float64';
  const v = x.toTypedArray() as ArrayLike<number | bigint | boolean>;
  const out = allocateFloat(dtype, 1);
  if (complex) [out[0], out[1]] = cexp(Number(v[0]), Number(v[1]));
  else out[0] = Math.exp(Number(v[0]));
  return fromData(out, [1, 1], dtype);
}
