/**
 * fourierGaussian, fourierUniform, fourierEllipsoid, fourierShift: multiply an array that
 * is already a discrete Fourier transform by the transform of a filter, as SciPy's
 * ndimage does. Frequency index i along an axis of length N is i for i < ⌈N/2⌉ and i − N
 * after (NumPy's fftfreq order); along the halved axis of a real FFT (n ≥ 1) it is i, and
 * N is n. Each factor is computed in double precision and the product stored in the
 * output's dtype.
 */
import { type NDArray, readOptions } from '@sciport/array-api';
import { describe, normalizeAxis } from '@sciport/array-api/kit';
import { InvalidArgumentError, NotSupportedError } from '@sciport/dispatch-core';
import { readInput } from './filter-io.js';
import { FOURIER_KEYS, type FourierOptions } from './fourier-options.js';
import { fourierOutput } from './fourier-output.js';
import { besselJ1 } from './bessel-j1.js';
import { checkFinite } from './options.js';
import { type OutputTarget, partDtype, quantize } from './output.js';
import { perAxis } from './per-axis.js';
import { readPlane, writePlane } from './planes.js';

/** SciPy's `n`: -1 for a full FFT, or the length before a real FFT along `axis`. */
function checkN(value: unknown): number {
  if (value === undefined) return -1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value === 0 || value < -1) {
    throw new InvalidArgumentError(`'n' must be -1 or a positive integer, got ${describe(value)}.`, {
      argument: 'n',
      hint: 'Leave n at -1 for the output of a full FFT; give the signal length for the output of rfft along axis.',
    });
  }
  return value;
}

function nonNegative(argument: string, hint: string): (v: unknown) => number {
  return (v) => {
    const value = checkFinite(v, argument);
    if (value < 0) throw new InvalidArgumentError(`'${argument}' must be ≥ 0, got ${value}.`, { argument, hint });
    return value;
  };
}

/** Per axis: the frequency index (as a number) of each position, and the transform length N. */
function frequencies(shape: readonly number[], n: number, axis: number): { index: Float64Array; length: number }[] {
  return shape.map((dim, k) => {
    const halved = k === axis && n >= 1;
    const length = halved ? n : dim;
    const index = new Float64Array(dim);
    for (let h = 0; h < dim; h++) index[h] = halved || h < Math.floor((length + 1) / 2) ? h : h - length;
    return { index, length };
  });
}

/**
 * For each line along the last axis (C order), `visit(start, outer)` with its first element's
 * index and the product (or sum) of the other axes' entries tables[d][idx[d]], combined in axis
 * order; the line's element j then takes outer · last[j] (or outer + last[j]).
 */
function forEachTableLine(shape: readonly number[], tables: readonly Float64Array[], product: boolean, visit: (start: number, outer: number) => void): void {
  const rank = shape.length;
  const size = shape.reduce((a, b) => a * b, 1);
  const n = shape[rank - 1];
  const idx = new Array<number>(rank - 1).fill(0);
  for (let start = 0; start < size; start += n) {
    let outer = product ? 1 : 0;
    for (let d = 0; d < rank - 1; d++) outer = product ? outer * tables[d][idx[d]] : outer + tables[d][idx[d]];
    visit(start, outer);
    for (let d = rank - 2; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
}

/** Per element in C order, the product (or sum) of one entry per axis: tables[d][idx[d]]. */
function combineTables(shape: readonly number[], tables: readonly Float64Array[], product: boolean): Float64Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const out = new Float64Array(size);
  if (size === 0) return out;
  const rank = shape.length;
  if (rank === 0) {
    out[0] = product ? 1 : 0;
    return out;
  }
  const last = tables[rank - 1];
  const n = shape[rank - 1];
  forEachTableLine(shape, tables, product, (start, outer) => {
    if (product) for (let j = 0; j < n; j++) out[start + j] = outer * last[j];
    else for (let j = 0; j < n; j++) out[start + j] = outer + last[j];
  });
  return out;
}

/** The real factor of every element: a product of per-axis tables, or (ellipsoid) a function of the summed squares. */
type FactorPlan =
  | { readonly kind: 'product'; readonly tables: readonly Float64Array[] }
  | { readonly kind: 'radial'; readonly squares: readonly Float64Array[]; readonly of: (r: number) => number };

function factors(shape: readonly number[], plan: FactorPlan): Float64Array {
  if (plan.kind === 'product') return combineTables(shape, plan.tables, true);
  const out = combineTables(shape, plan.squares, false);
  for (let k = 0; k < out.length; k++) out[k] = plan.of(Math.sqrt(out[k]));
  return out;
}

/** exp(−2π²σ²i²/N²) per axis (the transform of a Gaussian of standard deviation σ). */
function gaussianPlan(shape: readonly number[], sigmas: readonly number[], n: number, axis: number): FactorPlan {
  const tables = frequencies(shape, n, axis).map(({ index, length }, d) => {
    const a = (Math.PI * sigmas[d]) / length;
    const scale = -2 * a * a;
    return index.map((i) => Math.exp(scale * i * i));
  });
  return { kind: 'product', tables };
}

/** sin(a)/a with a = π·size·i/N per axis (a box of `size`); SciPy's 0 off zero frequency for size 0. */
function uniformPlan(shape: readonly number[], sizes: readonly number[], n: number, axis: number): FactorPlan {
  const tables = frequencies(shape, n, axis).map(({ index, length }, d) => {
    const step = (Math.PI * sizes[d]) / length;
    return index.map((i) => (i === 0 ? 1 : step > 0 ? Math.sin(step * i) / (step * i) : 0));
  });
  return { kind: 'product', tables };
}

/**
 * The transform of a solid ellipsoid of diameters `sizes`, a function of r = π·|size ⊙ i/N|:
 * sin r / r in 1-D, 2·J1(r)/r in 2-D (a disc), 3(sin r − r cos r)/r³ in 3-D (a ball); 1 at r = 0.
 */
function ellipsoidPlan(shape: readonly number[], sizes: readonly number[], n: number, axis: number): FactorPlan {
  const squares = frequencies(shape, n, axis).map(({ index, length }, d) => {
    const step = (Math.PI * sizes[d]) / length;
    return index.map((i) => (step * i) ** 2);
  });
  const byRank: Record<number, (r: number) => number> = {
    1: (r) => Math.sin(r) / r,
    2: (r) => (2 * besselJ1(r)) / r,
    3: (r) => (3 * (Math.sin(r) - r * Math.cos(r))) / (r * r * r),
  };
  const f = byRank[shape.length];
  return { kind: 'radial', squares, of: (r) => (r === 0 ? 1 : f(r)) };
}

/** The phase −2π·shift·i/N of each element, summed over the axes (fourierShift's e^{iφ}). */
function phases(shape: readonly number[], shifts: readonly number[], n: number, axis: number): Float64Array {
  const tables = frequencies(shape, n, axis).map(({ index, length }, d) => {
    const step = (-2 * Math.PI * shifts[d]) / length;
    return index.map((i) => step * i);
  });
  return combineTables(shape, tables, false);
}

interface Prepared {
  readonly x: NDArray;
  readonly target: OutputTarget;
  readonly params: number[];
  readonly n: number;
  readonly axis: number;
}

function prepare(
  fn: string,
  input: unknown,
  parameter: unknown,
  argument: string,
  check: (v: unknown) => number,
  options: FourierOptions | undefined,
  complexOnly: boolean,
): Prepared {
  const o = readOptions(options, FOURIER_KEYS, fn);
  const x = readInput(input);
  const axis = normalizeAxis(o.axis ?? -1, x.ndim, 'axis');
  const n = checkN(o.n);
  const params = perAxis(parameter, x.ndim, argument, check);
  const target = fourierOutput(x, o.output, complexOnly);
  return { x, target, params, n, axis };
}

const STREAMED = new Set(['float64', 'float32', 'complex128', 'complex64']);

/**
 * output = input · factor for every element, the factor of each made line by line from the
 * plan's per-axis tables (as `factors` makes it, the same products in the same order). Input and
 * output of the same float or complex dtype in C order are streamed without intermediate arrays
 * (whose fresh pages cost more than the arithmetic on large images); others go through planes.
 */
function scaleByPlan(p: Prepared, plan: FactorPlan): NDArray {
  const { x, target } = p;
  const out = target.array;
  if (x.dtype !== out.dtype || !STREAMED.has(x.dtype) || !x.isContiguous || !out.isContiguous || x.ndim === 0) return scaleBy(p, factors(x.shape, plan));
  const lanes = x.dtype.startsWith('complex') ? 2 : 1;
  const src = x.data as Float64Array | Float32Array;
  const dst = out.data as Float64Array | Float32Array;
  const so = lanes * x.offset;
  const dOff = lanes * out.offset;
  const radial = plan.kind === 'radial' ? plan.of : null;
  const tables = plan.kind === 'product' ? plan.tables : plan.squares;
  const last = tables[x.ndim - 1];
  const n = x.shape[x.ndim - 1];
  forEachTableLine(x.shape, tables, radial === null, (start, outer) => {
    for (let j = 0; j < n; j++) {
      const f = radial === null ? outer * last[j] : radial(Math.sqrt(outer + last[j]));
      const k = lanes * (start + j);
      dst[dOff + k] = src[so + k] * f;
      if (lanes === 2) dst[dOff + k + 1] = src[so + k + 1] * f;
    }
  });
  return out;
}

/** output = input · factor, part by part, stored in the output's dtype. */
function scaleBy(p: Prepared, factor: Float64Array): NDArray {
  const { x, target } = p;
  const complexOut = target.dtype === 'complex64' || target.dtype === 'complex128';
  const part = partDtype(target.dtype);
  for (const k of complexOut ? ([0, 1] as const) : ([0] as const)) {
    const v = readPlane(x, k);
    for (let i = 0; i < v.length; i++) v[i] *= factor[i];
    quantize(v, part);
    writePlane(target.array, v, k);
  }
  return target.array;
}

export function fourierGaussianHost(input: unknown, sigma: number | readonly number[], options?: FourierOptions): NDArray {
  const check = nonNegative('sigma', 'Use a standard deviation ≥ 0.');
  const p = prepare('fourierGaussian', input, sigma, 'sigma', check, options, false);
  if (p.x.size === 0) return p.target.array;
  return scaleByPlan(p, gaussianPlan(p.x.shape, p.params, p.n, p.axis));
}

export function fourierUniformHost(input: unknown, size: number | readonly number[], options?: FourierOptions): NDArray {
  const check = nonNegative('size', 'Use a box size ≥ 0.');
  const p = prepare('fourierUniform', input, size, 'size', check, options, false);
  if (p.x.size === 0) return p.target.array;
  return scaleByPlan(p, uniformPlan(p.x.shape, p.params, p.n, p.axis));
}

export function fourierEllipsoidHost(input: unknown, size: number | readonly number[], options?: FourierOptions): NDArray {
  const x = readInput(input);
  if (x.ndim > 3) {
    throw new NotSupportedError(`fourierEllipsoid takes 1-D, 2-D and 3-D input, got ${x.ndim}-D.`, {
      argument: 'input',
      hint: 'Filter 1-, 2- or 3-dimensional slices of the array, as SciPy requires.',
    });
  }
  const check = nonNegative('size', 'Use ellipsoid sizes ≥ 0.');
  const p = prepare('fourierEllipsoid', x, size, 'size', check, options, false);
  if (p.x.size === 0) return p.target.array;
  return scaleByPlan(p, ellipsoidPlan(p.x.shape, p.params, p.n, p.axis));
}

export function fourierShiftHost(input: unknown, shift: number | readonly number[], options?: FourierOptions): NDArray {
  const p = prepare('fourierShift', input, shift, 'shift', (v) => checkFinite(v, 'shift'), options, true);
  const { x, target } = p;
  if (x.size === 0) return target.array;
  const phase = phases(x.shape, p.params, p.n, p.axis);
  const re = readPlane(x, 0);
  const im = readPlane(x, 1);
  for (let i = 0; i < re.length; i++) {
    const c = Math.cos(phase[i]);
    const s = Math.sin(phase[i]);
    const a = re[i];
    const b = im[i];
    re[i] = a * c - b * s;
    im[i] = a * s + b * c;
  }
  const part = partDtype(target.dtype);
  quantize(re, part);
  quantize(im, part);
  writePlane(target.array, re, 0);
  writePlane(target.array, im, 1);
  return target.array;
}
