/**
 * Bad input to sciport.ndimage: every case must throw the typed error (by class name)
 * that names the offending argument. Where SciPy raises (RuntimeError/ValueError), we
 * raise InvalidArgumentError, ShapeError for shapes and DtypeError for dtypes; where
 * SciPy silently accepts nonsense that this package refuses, the package README says so.
 */
import { NDArray, zeros } from '@sciport/array-api';
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
  splineFilter1d: [],
  splineFilter: [],
  geometricTransform: [(c: number[]) => c],
  mapCoordinates: [[[[0.5, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4]], [[0.5, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4]]]],
  affineTransform: [[[1, 0], [0, 1]]],
  shift: [0.5],
  zoom: [1],
  rotate: [180],
  genericFilter: [(values: Float64Array) => values[0]],
  genericFilter1d: [(lineIn: Float64Array, lineOut: Float64Array) => lineOut.set(lineIn.subarray(1, 1 + lineOut.length)), 3],
  vectorizedFilter: [(windows: NDArray, o: { axis: number[] }) => zeros(windows.shape.slice(0, windows.ndim - o.axis.length))],
  fourierGaussian: [1.5],
  fourierUniform: [1.5],
  fourierEllipsoid: [1.5],
  fourierShift: [1.5],
};
/** Options some functions need to be valid (the rank filters need a window). */
const VALID_OPTIONS: Record<string, Record<string, unknown>> = {
  minimumFilter: { size: 3 },
  maximumFilter: { size: 3 },
  rankFilter: { size: 3 },
  medianFilter: { size: 3 },
  percentileFilter: { size: 3 },
  genericFilter: { size: 3 },
  vectorizedFilter: { size: 3 },
};
/** Functions whose output may be complex for real input (the Fourier filters; vectorizedFilter converts to any dtype). */
const COMPLEX_OUTPUT_ALLOWED = (f: { name: string; kind: string }) => f.kind === 'fourier' || f.name === 'vectorizedFilter';

function cases(): BadCase[] {
  const x = image([4, 5]);
  const list: BadCase[] = [];
  const add = (fn: string, what: string, args: unknown[], error: string, argument: string, input = x) =>
    list.push({ fn, what, input, args, error, argument });
  const iae = 'InvalidArgumentError';
  // the filters' shared options (the morphology's own bad input is in ndimage-morphology-bad-input.ts)
  for (const f of NDIMAGE_FUNCTIONS.filter((row) => row.kind === 'linear' || row.kind === 'rank')) {
    const args = VALID_ARGS[f.name];
    // the filters' options (mode, cval, axes, a filtered output); other functions have their own cases
    if (args === undefined) continue;
    const base = VALID_OPTIONS[f.name] ?? {};
    add(f.name, 'an unknown option key', [...args, { ...base, modee: 'reflect' }], iae, 'modee');
    add(f.name, 'an unknown mode name', [...args, { ...base, mode: 'reflekt' }], iae, 'mode');
    // affineTransform takes its output shape from an output array, as SciPy
    if (f.name !== 'affineTransform') add(f.name, 'an output of another shape', [...args, { ...base, output: image([5, 4]) }], 'ShapeError', 'output');
    add(f.name, 'an output dtype that is not a dtype', [...args, { ...base, output: 'float65' }], 'DtypeError', 'output');
    if (!COMPLEX_OUTPUT_ALLOWED(f)) add(f.name, 'a complex output for real data and weights', [...args, { ...base, output: 'complex128' }], 'DtypeError', 'output');
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
  // interpolation
  for (const fn of ['shift', 'zoom', 'rotate', 'mapCoordinates', 'affineTransform', 'geometricTransform', 'splineFilter1d']) {
    add(fn, 'order 6', [...VALID_ARGS[fn], { order: 6 }], iae, 'order');
    add(fn, 'a negative order', [...VALID_ARGS[fn], { order: -1 }], iae, 'order');
  }
  add('splineFilter', 'order 1 (SciPy filters orders 2–5)', [{ order: 1 }], iae, 'order');
  add('shift', 'a fractional order', [0.5, { order: 2.5 }], iae, 'order');
  add('shift', 'one shift per axis, wrong count', [[1, 2, 3]], iae, 'shift');
  add('zoom', 'one zoom per axis, wrong count', [[1, 2, 3]], iae, 'zoom');
  add('zoom', 'a negative zoom', [-2], iae, 'zoom');
  add('zoom', 'a zoom no buffer can hold', [2 ** 53], 'ShapeError', 'zoom');
  add('zoom', 'a gridMode that is not a boolean', [2, { gridMode: 1 }], iae, 'gridMode');
  add('shift', 'a prefilter that is not a boolean', [0.5, { prefilter: 'no' }], iae, 'prefilter');
  add('shift', 'a scalar input', [0.5], 'ShapeError', 'input', new NDArray(Float64Array.of(3), [], 'float64'));
  add('mapCoordinates', 'coordinates whose first axis is not the input rank', [[[1, 2]]], 'ShapeError', 'coordinates');
  add('mapCoordinates', '1-D coordinates (no output axis)', [[1, 2]], 'ShapeError', 'coordinates');
  add('mapCoordinates', 'complex coordinates', [new NDArray(new Float64Array(8), [2, 2], 'complex128')], 'DtypeError', 'coordinates');
  add('affineTransform', 'a matrix with too many rows', [[[1, 0], [0, 1], [1, 1]]], 'ShapeError', 'matrix');
  add('affineTransform', 'a matrix with too many columns', [[[1, 0, 0, 0], [0, 1, 0, 0]]], 'ShapeError', 'matrix');
  add('affineTransform', 'a diagonal of the wrong length', [[1, 2, 3]], 'ShapeError', 'matrix');
  add('affineTransform', 'a 3-D matrix', [[[[1]]]], 'ShapeError', 'matrix');
  add('affineTransform', 'a homogeneous matrix whose last row is not [0, 0, 1]', [[[1, 0, 0], [0, 1, 0], [0, 1, 1]]], iae, 'matrix');
  add('affineTransform', 'one offset per axis, wrong count', [[[1, 0], [0, 1]], { offset: [1, 2, 3] }], iae, 'offset');
  add('affineTransform', 'an output shape with a negative length', [[[1, 0], [0, 1]], { outputShape: [4, -1] }], iae, 'outputShape');
  add('rotate', '1-D input', [30], 'ShapeError', 'input', image([5]));
  add('rotate', 'three axes', [30, { axes: [0, 1, 1] }], iae, 'axes');
  add('rotate', 'an axis out of range', [30, { axes: [0, 2] }], iae, 'axes');
  add('rotate', 'a NaN angle', [Number.NaN], iae, 'angle');
  add('rotate', 'an angle that is an object without a prototype', [Object.create(null)], iae, 'angle');
  add('geometricTransform', 'a mapping that is not a function', [[1, 2]], iae, 'mapping');
  add('geometricTransform', 'a mapping returning too few coordinates', [(c: number[]) => [c[0]]], 'ShapeError', 'mapping');
  add('geometricTransform', 'extraKeywords that are not an object', [(c: number[]) => c, { extraKeywords: 3 }], iae, 'extraKeywords');
  // generic filters
  const first = VALID_ARGS.genericFilter[0];
  add('genericFilter', 'a callback that is not a function', [3, { size: 3 }], iae, 'function');
  add('genericFilter', 'a callback returning a string', [() => 'x', { size: 3 }], iae, 'function');
  add('genericFilter', 'a sequence of modes (SciPy takes one mode)', [first, { size: 3, mode: ['wrap', 'reflect'] }], iae, 'mode');
  add('genericFilter', 'neither size nor footprint', [first, {}], iae, 'size');
  add('genericFilter', 'extraKeywords that are not an object', [first, { size: 3, extraKeywords: 2 }], iae, 'extraKeywords');
  add('genericFilter', 'complex input', [first, { size: 3 }], 'DtypeError', 'input', z);
  add('genericFilter', 'a huge size', [first, { size: 2 ** 40 }], 'ShapeError', 'size');
  add('genericFilter1d', 'filter size 0', [VALID_ARGS.genericFilter1d[0], 0], iae, 'filterSize');
  add('genericFilter1d', 'a huge filter size', [VALID_ARGS.genericFilter1d[0], 2 ** 40], 'ShapeError', 'filterSize');
  add('genericFilter1d', 'origin past the window', [VALID_ARGS.genericFilter1d[0], 3, { origin: 2 }], iae, 'origin');
  const reduce = VALID_ARGS.vectorizedFilter[0];
  add('vectorizedFilter', "mode 'valid' with an origin", [reduce, { size: 3, mode: 'valid', origin: 1 }], iae, 'origin');
  add('vectorizedFilter', 'cval without a constant mode', [reduce, { size: 3, cval: 1 }], iae, 'cval');
  add('vectorizedFilter', 'a batchMemory below one slice of windows', [reduce, { size: 3, batchMemory: 8 }], iae, 'batchMemory');
  add('vectorizedFilter', "a window one past the input in mode 'valid'", [reduce, { size: [5, 6], mode: 'valid' }], 'ShapeError', 'size');
  add('vectorizedFilter', 'a callback returning the wrong shape', [() => [1, 2], { size: 3 }], 'ShapeError', 'function');
  // Fourier filters
  add('fourierGaussian', 'n = 0', [1, { n: 0 }], iae, 'n');
  add('fourierUniform', 'n = -2', [1, { n: -2 }], iae, 'n');
  add('fourierGaussian', 'a negative sigma', [-1], iae, 'sigma');
  add('fourierUniform', 'one size per axis, wrong count', [[1, 2, 3]], iae, 'size');
  add('fourierShift', 'a NaN shift', [Number.NaN], iae, 'shift');
  add('fourierShift', 'a real output', [1, { output: 'float64' }], 'DtypeError', 'output');
  add('fourierGaussian', 'a real output for complex input', [1, { output: 'float32' }], 'DtypeError', 'output', z);
  add('fourierUniform', 'an integer output', [1, { output: 'int32' }], 'DtypeError', 'output');
  add('fourierEllipsoid', '4-D input (SciPy takes rank ≤ 3)', [1], 'NotSupportedError', 'input', image([2, 2, 2, 2]));
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
