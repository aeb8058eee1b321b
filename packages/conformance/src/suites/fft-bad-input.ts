/**
 * Bad input to sciport.fft: every case must throw the typed error (by class name) that
 * names the offending argument — never crash, hang or return garbage. Where SciPy
 * raises, we raise; the error classes map SciPy's ValueError/IndexError →
 * InvalidArgumentError, TypeError on dtype → DtypeError, NotImplementedError →
 * NotSupportedError, and an impossible size → ShapeError.
 */
import { type DType, NDArray } from '@sciport/array-api';
import * as sciFft from '@sciport/fft';
import { fftFunction, fftNames } from '@sciport/fft';
import { describe, expect, it } from 'vitest';
import type { ArrayFactory } from '../factory.js';
import type { FFTSuiteOptions } from './fft-options.js';

type AnyFn = (...args: unknown[]) => unknown;
const api = sciFft as unknown as Record<string, AnyFn>;

interface BadCase {
  readonly fn: string;
  /** What the call does wrong. */
  readonly what: string;
  /** The input array (host); the factory makes it into its kind. Null: no array argument. */
  readonly input: NDArray | null;
  readonly args: readonly unknown[];
  readonly error: string;
  readonly argument: string;
}

function real(shape: number[], dtype: DType = 'float64'): NDArray {
  const n = shape.reduce((p, v) => p * v, 1);
  const values = Array.from({ length: n }, (_, i) => Math.sin(i + 1));
  const data = dtype === 'float32' ? Float32Array.from(values) : Float64Array.from(values);
  return new NDArray(data, shape, dtype);
}

function complex(shape: number[], dtype: DType = 'complex128'): NDArray {
  const n = shape.reduce((p, v) => p * v, 1);
  const values = Array.from({ length: 2 * n }, (_, i) => Math.cos(i));
  const data = dtype === 'complex64' ? Float32Array.from(values) : Float64Array.from(values);
  return new NDArray(data, shape, dtype);
}

/** The 1-D input for a transform along one axis, the 2-D one for the others. */
function byForm(fn: string, oneD: NDArray, twoD: NDArray): NDArray {
  return fftFunction(fn).axes === 'axis' ? oneD : twoD;
}

function cases(realDtype: DType, complexDtype: DType): BadCase[] {
  const r1 = real([8], realDtype);
  const r2 = real([4, 6], realDtype);
  const c1 = complex([8], complexDtype);
  const c2 = complex([4, 6], complexDtype);
  const empty = real([0], realDtype);
  const one = real([1], realDtype);
  const scalar = real([], realDtype);
  const list: BadCase[] = [];
  const add = (fn: string, what: string, input: NDArray | null, args: unknown[], error: string, argument: string) =>
    list.push({ fn, what, input, args, error, argument });
  const iae = 'InvalidArgumentError';

  for (const fn of fftNames((f) => f.axes === 'axis' && f.kind !== 'c2r' && f.kind !== 'hankel')) {
    add(fn, 'an empty axis', empty, [], iae, 'x');
    add(fn, 'n = 0', r1, [{ n: 0 }], iae, 'n');
    add(fn, 'n = -3', r1, [{ n: -3 }], iae, 'n');
    add(fn, 'a fractional n', r1, [{ n: 2.5 }], iae, 'n');
    add(fn, 'axis out of range', r1, [{ axis: 1 }], iae, 'axis');
    add(fn, 'negative axis out of range', r2, [{ axis: -3 }], iae, 'axis');
    add(fn, 'a fractional axis', r2, [{ axis: 0.5 }], iae, 'axis');
    add(fn, 'a 0-d input', scalar, [], iae, 'axis');
    add(fn, "norm 'x'", r1, [{ norm: 'x' }], iae, 'norm');
    add(fn, "norm 'Ortho' (case matters)", r1, [{ norm: 'Ortho' }], iae, 'norm');
    add(fn, 'workers = 0', r1, [{ workers: 0 }], iae, 'workers');
    add(fn, 'fractional workers', r1, [{ workers: 1.5 }], iae, 'workers');
    add(fn, 'an unknown option', r1, [{ axs: 0 }], iae, 'axs');
    add(fn, 'an impossible length', r1, [{ n: 2 ** 40 }], 'ShapeError', 'n');
  }
  for (const fn of fftNames((f) => f.options.includes('plan'))) {
    add(fn, 'a precomputed plan', byForm(fn, r1, r2), [{ plan: {} }], 'NotSupportedError', 'plan');
  }
  for (const fn of fftNames((f) => f.axes === 'axis' && f.kind === 'c2r')) {
    add(fn, 'one input point (default n = 0)', one, [], iae, 'x');
    add(fn, 'n = 0', c1, [{ n: 0 }], iae, 'n');
    add(fn, 'axis out of range', c1, [{ axis: 2 }], iae, 'axis');
  }
  for (const fn of fftNames((f) => f.kind === 'r2c')) {
    add(fn, 'complex input', byForm(fn, c1, c2), [], 'DtypeError', 'x');
  }
  for (const fn of fftNames((f) => f.axes === 'all')) {
    add(fn, 'duplicate axes', r2, [{ axes: [0, 0] }], iae, 'axes');
    add(fn, 'duplicate axes (negative alias)', r2, [{ axes: [1, -1] }], iae, 'axes');
    add(fn, 'axes out of range', r2, [{ axes: [2] }], iae, 'axes');
    add(fn, 'fractional axes', r2, [{ axes: [0.5] }], iae, 'axes');
    add(fn, 's longer than the input has axes', r2, [{ s: [3, 3, 3] }], iae, 's');
    add(fn, 's and axes of different lengths', r2, [{ s: [3], axes: [0, 1] }], iae, 's');
    add(fn, 's with a zero', r2, [{ s: [0, 4] }], iae, 's');
    add(fn, 'an empty transformed axis', real([0, 3], realDtype), [], iae, 'x');
    add(fn, "norm 'fwd'", r2, [{ norm: 'fwd' }], iae, 'norm');
    add(fn, 'an impossible shape', r2, [{ s: [2 ** 20, 2 ** 20] }], 'ShapeError', 's');
  }
  for (const fn of fftNames((f) => f.axes === 'two')) {
    add(fn, 'a 1-D input (default axes [-2, -1])', r1, [], iae, 'axes');
  }
  for (const fn of fftNames((f) => f.axes === 'all' && (f.kind === 'r2c' || f.kind === 'c2r'))) {
    add(fn, 'an empty axes list', r2, [{ axes: [] }], iae, 'axes');
  }
  for (const fn of fftNames((f) => f.kind === 'r2r')) {
    add(fn, 'type 5', byForm(fn, r1, r2), [{ type: 5 }], iae, 'type');
    add(fn, 'type 0', byForm(fn, r1, r2), [{ type: 0 }], iae, 'type');
    add(fn, "orthogonalize 'yes'", byForm(fn, r1, r2), [{ orthogonalize: 'yes' }], iae, 'orthogonalize');
  }
  add('dct', 'a type-1 DCT of one point', one, [{ type: 1 }], iae, 'x');
  add('idct', 'a type-1 DCT with n = 1', r1, [{ type: 1, n: 1 }], iae, 'n');
  add('dctn', 'a type-1 DCT with s = 1', r2, [{ type: 1, s: [1, 4] }], iae, 's');
  for (const fn of fftNames((f) => f.kind === 'hankel')) {
    add(fn, 'an empty array', empty, [0.1, 0.5], iae, 'a');
    add(fn, 'a 0-d array', scalar, [0.1, 0.5], iae, 'a');
    add(fn, 'complex input', c1, [0.1, 0.5], 'DtypeError', 'a');
    add(fn, 'dln = 0', r1, [0, 0.5], iae, 'dln');
    add(fn, 'dln = NaN', r1, [Number.NaN, 0.5], iae, 'dln');
    add(fn, 'mu missing', r1, [0.1], iae, 'mu');
    add(fn, 'a non-finite bias', r1, [0.1, 0.5, { bias: Number.POSITIVE_INFINITY }], iae, 'bias');
  }
  add('fhtoffset', 'dln = 0', null, [0, 0.5], iae, 'dln');
  add('fftshift', 'axes out of range', r2, [{ axes: 2 }], iae, 'axes');
  add('ifftshift', 'axes out of range', r2, [{ axes: [-3] }], iae, 'axes');
  add('fftfreq', 'n = 0', null, [0], iae, 'n');
  add('fftfreq', 'a fractional n', null, [2.5], iae, 'n');
  add('rfftfreq', 'n = -4', null, [-4], iae, 'n');
  add('fftfreq', 'd = 0', null, [4, 0], iae, 'd');
  add('rfftfreq', 'an impossible n', null, [2 ** 40], 'ShapeError', 'n');
  add('nextFastLen', 'a negative target', null, [-1], iae, 'target');
  add('nextFastLen', 'a fractional target', null, [2.5], iae, 'target');
  add('prevFastLen', 'a target beyond 2^52', null, [2 ** 60], iae, 'target');
  add('nextFastLen', "real 'yes'", null, [10, 'yes'], iae, 'real');
  return list;
}

async function capture(call: () => unknown, read: (r: unknown) => Promise<unknown>): Promise<unknown> {
  try {
    await read(call());
  } catch (error) {
    return error;
  }
  return undefined;
}

export function fftBadInputSuite(factory: ArrayFactory, options: FFTSuiteOptions = {}): void {
  const dtypes = options.dtypes ?? factory.dtypes;
  const double = dtypes === undefined || dtypes.includes('float64');
  const list = cases(double ? 'float64' : 'float32', double ? 'complex128' : 'complex64').filter(
    (c) => (!options.include || options.include.includes(c.fn)) && !options.exclude?.includes(c.fn),
  );
  describe('bad input throws typed errors naming the argument', () => {
    for (const c of list) {
      it(`${c.fn} with ${c.what} → ${c.error} (${c.argument})`, async () => {
        const fn = api[c.fn];
        const error = await capture(
          () => (c.input === null ? fn(...c.args) : fn(factory.make(c.input), ...c.args)),
          (r) => (r !== null && typeof r === 'object' ? factory.read(r) : Promise.resolve(r)),
        );
        expect(error, 'expected an error').toBeInstanceOf(Error);
        expect((error as Error).name, (error as Error).message).toBe(c.error);
        expect((error as { argument?: string }).argument, (error as Error).message).toBe(c.argument);
      });
    }
  });
}
