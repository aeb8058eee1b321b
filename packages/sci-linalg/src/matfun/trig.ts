/**
 * SciPy's trigonometric and hyperbolic matrix functions, defined as SciPy defines them from
 * the exponential: cosm(A) = Re e^{iA} and sinm(A) = Im e^{iA} for real A (the exponential
 * of iA in the complex type of A's precision), ½(e^{iA} ± e^{−iA}) for complex A;
 * coshm / sinhm = ½(e^A ± e^{−A}); tanm and tanhm solve cosm(A) X = sinm(A) and
 * coshm(A) X = sinhm(A). Real input gives real output; every function maps over batches.
 */
import type { NDArray } from '@sciport/array-api';
import { readOptions } from '@sciport/array-api/kit';
import type { DispatchOptions } from '@sciport/dispatch-core';
import { LinAlgError } from '../errors.js';
import { complexOf } from '../schur.js';
import type { Float } from '../stack.js';
import { linalgFunction } from '../table.js';
import { mapMatrices, readSquare, type SquareStack } from './batch.js';
import { combine, luFactorOf, luSolveInPlace, type Square, square } from './dense.js';
import { expmOf } from './expm-kernel.js';

type Kind = 'cos' | 'sin' | 'cosh' | 'sinh';


/** c·A as a complex matrix of A's precision (c = cr + i ci), from A of type `f`. */
function times(f: Square, a: Float, cr: number, ci: number): Float {
  const out = new (a.constructor as Float32ArrayConstructor | Float64ArrayConstructor)(2 * f.n * f.n);
  for (let p = 0; p < f.n * f.n; p++) {
    const re = a[f.lanes * p];
    const im = f.lanes === 2 ? a[2 * p + 1] : 0;
    out[2 * p] = cr * re - ci * im;
    out[2 * p + 1] = cr * im + ci * re;
  }
  return out;
}

/** One of cosm, sinm, coshm, sinhm of one matrix, in the type of the result (real for real A). */
function evaluate(kind: Kind, f: Square, a: Float): Float {
  const real = f.lanes === 1;
  if (kind === 'cosh' || kind === 'sinh') {
    const sign = kind === 'cosh' ? 1 : -1;
    const negated = a.map((v) => -v) as Float;
    return combine(f, [
      [0.5, expmOf(f, a)],
      [0.5 * sign, expmOf(f, negated)],
    ]);
  }
  const fc = square(complexOf(f.dtype), f.n);
  const eiA = expmOf(fc, times(f, a, 0, 1));
  if (real) {
    // Re or Im of e^{iA}
    const out = new (a.constructor as Float32ArrayConstructor | Float64ArrayConstructor)(f.n * f.n);
    const lane = kind === 'cos' ? 0 : 1;
    for (let p = 0; p < f.n * f.n; p++) out[p] = eiA[2 * p + lane];
    return out;
  }
  const emiA = expmOf(fc, times(f, a, 0, -1));
  if (kind === 'cos') return combine(fc, [[0.5, eiA], [0.5, emiA]]);
  // −½i (e^{iA} − e^{−iA})
  const diff = combine(fc, [[0.5, eiA], [-0.5, emiA]]);
  return times(fc, diff, 0, -1);
}

/** X with C X = S for the tangent functions (a LinAlgError when C is exactly singular, as SciPy's solve). */
function quotient(f: Square, c: Float, s: Float, fn: string): Float {
  const factors = luFactorOf(f, c);
  if (factors.singular) {
    throw new LinAlgError(`${fn}: the ${fn === 'tanm' ? 'cosine' : 'hyperbolic cosine'} of the matrix is singular.`, {
      argument: 'A',
      hint: `${fn} is not defined for this matrix (the denominator matrix has no inverse).`,
    });
  }
  return luSolveInPlace(f, factors, s);
}

function read(a: unknown, options: DispatchOptions | undefined, fn: string): SquareStack {
  readOptions(options, linalgFunction(fn).options, fn);
  return readSquare(a, fn, 'A', false);
}

function mapKind(a: unknown, options: DispatchOptions | undefined, fn: string, kind: Kind): NDArray {
  const s = read(a, options, fn);
  return mapMatrices(s, s.f.dtype, (slice) => evaluate(kind, s.f, slice));
}

export function cosmHost(a: unknown, options?: DispatchOptions): NDArray {
  return mapKind(a, options, 'cosm', 'cos');
}

export function sinmHost(a: unknown, options?: DispatchOptions): NDArray {
  return mapKind(a, options, 'sinm', 'sin');
}

export function coshmHost(a: unknown, options?: DispatchOptions): NDArray {
  return mapKind(a, options, 'coshm', 'cosh');
}

export function sinhmHost(a: unknown, options?: DispatchOptions): NDArray {
  return mapKind(a, options, 'sinhm', 'sinh');
}

export function tanmHost(a: unknown, options?: DispatchOptions): NDArray {
  const s = read(a, options, 'tanm');
  return mapMatrices(s, s.f.dtype, (slice) => quotient(s.f, evaluate('cos', s.f, slice), evaluate('sin', s.f, slice), 'tanm'));
}

export function tanhmHost(a: unknown, options?: DispatchOptions): NDArray {
  const s = read(a, options, 'tanhm');
  return mapMatrices(s, s.f.dtype, (slice) => quotient(s.f, evaluate('cosh', s.f, slice), evaluate('sinh', s.f, slice), 'tanhm'));
}
