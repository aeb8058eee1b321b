/**
 * Bad input to sciport.ndimage: every case must throw the typed error (by class name)
 * that names the offending argument. Where SciPy raises (RuntimeError/ValueError), we
 * raise InvalidArgumentError, ShapeError for shapes and DtypeError for dtypes; where
 * SciPy silently accepts nonsense that this package refuses, the package README says so.
 */
import { NDArray } from '@sciport/array-api';
import * as sciNdimage from '@sciport/ndimage';
import { NDIMAGE_FUNCTIONS } from '@sciport/ndimage';
import { describe, expect, it } from 'vitest';
import type { ArrayFactory } from '../factory.js';
import { isSelected, type NdimageSuiteOptions } from './ndimage-options.js';

type AnyFn = (...args: unknown[]) => unknown;
const api = sciNdimage as unknown as Record<string, AnyFn>;

interface BadCase {
  readonly fn: string;
  readonly what: string;
  readonly input: NDArray;
  readonly args: readonly unknown[];
  readonly error: string;
  readonly argument: string;
}

function image(shape: number[]): NDArray {
  const n = shape.reduce((p, v) => p * v, 1);
  return new NDArray(Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1)), shape, 'float64');
}

/** The required positional arguments of each function, valid for a 2-D input. */
const VALID_ARGS: Record<string, unknown[]> = {
  correlate1d: [[1, 2, 1]],
  convolve1d: [[1, 2, 1]],
  correlate: [[[0, 1, 0], [1, 2, 1], [0, 1, 0]]],
  convolve: [[[0, 1, 0], [1, 2, 1], [0, 1, 0]]],
  uniformFilter1d: [3],
  uniformFilter: [],
  gaussianFilter1d: [1.5],
  gaussianFilter: [1.5],
  prewitt: [],
  sobel: [],
  laplace: [],
  genericLaplace: [(x: NDArray, axis: number, output: unknown) => sciNdimage.correlate1d(x, [1, -2, 1], { axis, output: output as never })],
  genericGradientMagnitude: [(x: NDArray, axis: number, output: unknown) => sciNdimage.correlate1d(x, [-1, 0, 1], { axis, output: output as never })],
  gaussianLaplace: [1.5],
  gaussianGradientMagnitude: [1.5],
  minimumFilter1d: [3],
  maximumFilter1d: [3],
  minimumFilter: [],
  maximumFilter: [],
  rankFilter: [1],
  medianFilter: [],
  percentileFilter: [40],
};
/** Options some functions need to be valid (the rank filters need a window). */
const VALID_OPTIONS: Record<string, Record<string, unknown>> = {
  minimumFilter: { size: 3 },
  maximumFilter: { size: 3 },
  rankFilter: { size: 3 },
  medianFilter: { size: 3 },
  percentileFilter: { size: 3 },
};

function cases(): BadCase[] {
  const x = image([4, 5]);
  const list: BadCase[] = [];
  const add = (fn: string, what: string, args: unknown[], error: string, argument: string, input = x) =>
    list.push({ fn, what, input, args, error, argument });
  const iae = 'InvalidArgumentError';
  // the filters' shared options (the morphology's own bad input is in ndimage-morphology-bad-input.ts)
  for (const f of NDIMAGE_FUNCTIONS.filter((row) => row.kind === 'linear' || row.kind === 'rank')) {
    const args = VALID_ARGS[f.name];
    const base = VALID_OPTIONS[f.name] ?? {};
    add(f.name, 'an unknown option key', [...args, { ...base, modee: 'reflect' }], iae, 'modee');
    add(f.name, 'an unknown mode name', [...args, { ...base, mode: 'reflekt' }], iae, 'mode');
    add(f.name, 'an output of another shape', [...args, { ...base, output: image([5, 4]) }], 'ShapeError', 'output');
    add(f.name, 'an output dtype that is not a dtype', [...args, { ...base, output: 'float65' }], 'DtypeError', 'output');
    add(f.name, 'a complex output for real data and weights', [...args, { ...base, output: 'complex128' }], 'DtypeError', 'output');
    add(f.name, 'a complex cval for real input', [...args, { ...base, cval: [1, 2] }], iae, 'cval');
    if (f.axes === 'axis') add(f.name, 'an axis out of range', [...args, { ...base, axis: 2 }], iae, 'axis');
    else add(f.name, 'a repeated axis', [...args, { ...base, axes: [0, 0] }], iae, 'axes');
  }
  // weights
  add('correlate', 'weights whose rank is not the input’s', [[1, 2, 1]], 'ShapeError', 'weights');
  add('convolve', 'weights whose rank is not len(axes)', [[[1, 2]], { axes: [1] }], 'ShapeError', 'weights');
  add('correlate1d', '2-D weights', [[[1, 2]]], 'ShapeError', 'weights');
  add('convolve1d', 'no weights', [[]], 'ShapeError', 'weights');
  add('correlate', 'a sequence of modes (SciPy takes one mode)', [[[1]], { mode: ['reflect', 'wrap'] }], iae, 'mode');
  // sizes
  add('uniformFilter1d', 'size 0', [0], iae, 'size');
  add('uniformFilter', 'size 0', [{ size: 0 }], iae, 'size');
  add('minimumFilter1d', 'a negative size', [-1], iae, 'size');
  add('maximumFilter', 'a fractional size', [{ size: 2.5 }], iae, 'size');
  add('uniformFilter', 'one size per axis, wrong count', [{ size: [3, 3, 3] }], iae, 'size');
  add('minimumFilter', 'neither size nor footprint', [{}], iae, 'size');
  add('maximumFilter', 'both size and footprint', [{ size: 3, footprint: [[1, 1]] }], iae, 'size');
  // gaussian parameters
  add('gaussianFilter', 'a negative sigma', [-1], iae, 'sigma');
  add('gaussianFilter', 'a negative sigma on one axis', [[1, -0.5]], iae, 'sigma');
  add('gaussianFilter1d', 'sigma 0', [0], iae, 'sigma');
  add('gaussianFilter1d', 'a NaN sigma', [Number.NaN], iae, 'sigma');
  add('gaussianFilter1d', 'a negative order', [1, { order: -1 }], iae, 'order');
  add('gaussianFilter', 'a fractional order', [1, { order: 1.5 }], iae, 'order');
  add('gaussianFilter1d', 'a negative radius', [1, { radius: -1 }], iae, 'radius');
  add('gaussianFilter', 'an infinite truncate', [1, { truncate: Number.POSITIVE_INFINITY }], iae, 'truncate');
  // derivative filters
  add('sobel', 'one mode per axis, wrong count', [{ mode: ['reflect', 'wrap', 'nearest'] }], iae, 'mode');
  add('laplace', 'more modes than filtered axes', [{ mode: ['reflect', 'wrap'], axes: [0] }], iae, 'mode');
  add('gaussianLaplace', 'a negative sigma', [-1], iae, 'sigma');
  add('gaussianLaplace', 'one sigma per filtered axis, wrong count', [[1, 2], { axes: [1] }], iae, 'sigma');
  add('gaussianGradientMagnitude', 'a negative radius', [1, { radius: -1 }], iae, 'radius');
  add('gaussianGradientMagnitude', 'a NaN truncate', [1, { truncate: Number.NaN }], iae, 'truncate');
  // order statistics
  add('rankFilter', 'a rank past the window', [9, { size: 3 }], iae, 'rank');
  add('rankFilter', 'a negative rank before the window', [-10, { size: 3 }], iae, 'rank');
  add('rankFilter', 'a fractional rank', [1.5, { size: 3 }], iae, 'rank');
  add('percentileFilter', 'a percentile above 100', [101, { size: 3 }], iae, 'percentile');
  add('percentileFilter', 'a percentile below -100', [-101, { size: 3 }], iae, 'percentile');
  add('medianFilter', 'a sequence of modes (a rank that is not min/max)', [{ size: 3, mode: ['wrap', 'reflect'] }], iae, 'mode');
  add('medianFilter', 'neither size nor footprint', [{}], iae, 'size');
  add('percentileFilter', 'both size and footprint', [50, { size: 3, footprint: [[1, 1]] }], iae, 'size');
  add('rankFilter', 'a footprint whose rank is not len(axes)', [1, { footprint: [1, 1, 1] }], 'ShapeError', 'footprint');
  add('medianFilter', 'an origin outside the window', [{ size: 3, origin: 2 }], iae, 'origin');
  add('medianFilter', 'complex input', [{ size: 3 }], 'DtypeError', 'input', new NDArray(new Float64Array(40), [4, 5], 'complex128'));
  add('genericLaplace', 'a derivative that is not a function', [[1, -2, 1]], iae, 'derivative2');
  add('genericGradientMagnitude', 'a derivative returning another shape', [() => [1, 2, 3]], 'ShapeError', 'derivative');
  add('genericLaplace', 'extraArguments that are not an array', [() => undefined, { extraArguments: 3 }], iae, 'extraArguments');
  // origins (SciPy's rule: −⌊w/2⌋ ≤ origin ≤ ⌊(w−1)/2⌋)
  add('correlate1d', 'origin past the window', [[1, 2, 1], { origin: 2 }], iae, 'origin');
  add('convolve1d', 'origin past the mirrored window', [[1, 2, 3, 4], { origin: 2 }], iae, 'origin');
  add('uniformFilter', 'origin past an even window', [{ size: 4, origin: 2 }], iae, 'origin');
  add('maximumFilter1d', 'origin before the window', [3, { origin: -2 }], iae, 'origin');
  add('minimumFilter', 'origin outside a footprint', [{ footprint: [[1, 0], [1, 1]], origin: [0, 1] }], iae, 'origin');
  add('correlate', 'a fractional origin', [[[1, 2]], { origin: 0.5 }], iae, 'origin');
  // footprints
  add('minimumFilter', 'a footprint with values other than 0/1', [{ footprint: [[0.5, 1]] }], iae, 'footprint');
  add('maximumFilter', 'an all-false footprint', [{ footprint: [[false, false]] }], iae, 'footprint');
  add('minimumFilter', 'a footprint whose rank is not len(axes)', [{ footprint: [1, 0, 1] }], 'ShapeError', 'footprint');
  add('minimumFilter', 'a sequence of modes with a footprint that is not a box', [{ footprint: [[1, 0], [1, 1]], mode: ['wrap', 'reflect'] }], iae, 'mode');
  // dtypes
  const z = new NDArray(new Float64Array(40), [4, 5], 'complex128');
  add('minimumFilter', 'complex input', [{ size: 3 }], 'DtypeError', 'input', z);
  add('maximumFilter1d', 'complex input', [3], 'DtypeError', 'input', z);
  add('correlate', 'a real output for complex input', [[[1]], { output: 'float64' }], 'DtypeError', 'output', z);
  add('gaussianFilter', 'a bool output', [1, { output: 'bool' }], 'DtypeError', 'output');
  return list;
}

export function ndimageBadInputSuite(factory: ArrayFactory, options: NdimageSuiteOptions): void {
  const selected = cases().filter((c) => isSelected(c.fn, options));
  if (selected.length === 0) return;
  describe('bad input throws a typed error naming the argument', () => {
    for (const c of selected) {
      it(`${c.fn}: ${c.what} → ${c.error} (${c.argument})`, () => {
        const input = factory.make(c.input);
        expect(() => api[c.fn](input, ...c.args)).toThrow(expect.objectContaining({ name: c.error, argument: c.argument }));
      });
    }
  });
}
