/**
 * The one table of the `sciport.ndimage` domain: every function with what a backend needs
 * to know about it. The multimethods, the backends' manifests and the conformance suite's
 * function lists are derived from it, so a function is named once, here.
 */
import { functionTable } from '@sciport/dispatch-core';
import {
  CORRELATE_KEYS,
  EDGE_KEYS,
  FILTER_1D_KEYS,
  GAUSSIAN_1D_KEYS,
  GAUSSIAN_DERIVATIVE_KEYS,
  GENERIC_DERIVATIVE_KEYS,
  GAUSSIAN_KEYS,
  LAPLACE_KEYS,
  RANK_KEYS,
  UNIFORM_KEYS,
} from './options.js';
import { GENERIC_FILTER_1D_KEYS, GENERIC_FILTER_KEYS, VECTORIZED_FILTER_KEYS } from './generic-options.js';
import { FOURIER_KEYS } from './fourier-options.js';

/**
 * What a filter computes: a weighted sum (`linear`: correlate/convolve, uniform,
 * gaussian, and the derivative filters built from them — complex data allowed) or an order statistic (`rank`: min/max, rank, median, percentile — real only).
 * `generic`: a user callback over each window (genericFilter, genericFilter1d, vectorizedFilter).
 * `fourier`: a product with a filter's transform, on data that is already an FFT (fourier*).
 */
export type FilterKind = 'linear' | 'rank' | 'generic' | 'fourier';

/** Which axes a function filters: one `axis` (default -1), or `axes` (default all). */
export type AxesForm = 'axis' | 'axes';

export interface NdimageFunction {
  readonly name: string;
  readonly kind: FilterKind;
  readonly axes: AxesForm;
  /** Positional arguments after the input (e.g. ['weights'], ['sigma'], ['size']). */
  readonly args: readonly string[];
  /** Every option key the function takes (its keyword arguments, camelCase, and `backend`). */
  readonly options: readonly string[];
}

function row(name: string, kind: FilterKind, axes: AxesForm, args: readonly string[], options: readonly string[]): NdimageFunction {
  return { name, kind, axes, args: Object.freeze([...args]), options };
}

/** The domain every sciport.ndimage multimethod belongs to. */
export const NDIMAGE_DOMAIN = 'sciport.ndimage';

/** The functions of scipy.ndimage this package implements, in SciPy's documentation order. */
export const NDIMAGE_TABLE = functionTable<NdimageFunction>(NDIMAGE_DOMAIN, [
  row('correlate1d', 'linear', 'axis', ['weights'], FILTER_1D_KEYS),
  row('convolve1d', 'linear', 'axis', ['weights'], FILTER_1D_KEYS),
  row('correlate', 'linear', 'axes', ['weights'], CORRELATE_KEYS),
  row('convolve', 'linear', 'axes', ['weights'], CORRELATE_KEYS),
  row('uniformFilter1d', 'linear', 'axis', ['size'], FILTER_1D_KEYS),
  row('uniformFilter', 'linear', 'axes', [], UNIFORM_KEYS),
  row('gaussianFilter1d', 'linear', 'axis', ['sigma'], GAUSSIAN_1D_KEYS),
  row('gaussianFilter', 'linear', 'axes', ['sigma'], GAUSSIAN_KEYS),
  row('prewitt', 'linear', 'axis', [], EDGE_KEYS),
  row('sobel', 'linear', 'axis', [], EDGE_KEYS),
  row('laplace', 'linear', 'axes', [], LAPLACE_KEYS),
  row('genericLaplace', 'linear', 'axes', ['derivative2'], GENERIC_DERIVATIVE_KEYS),
  row('gaussianLaplace', 'linear', 'axes', ['sigma'], GAUSSIAN_DERIVATIVE_KEYS),
  row('gaussianGradientMagnitude', 'linear', 'axes', ['sigma'], GAUSSIAN_DERIVATIVE_KEYS),
  row('genericGradientMagnitude', 'linear', 'axes', ['derivative'], GENERIC_DERIVATIVE_KEYS),
  row('minimumFilter1d', 'rank', 'axis', ['size'], FILTER_1D_KEYS),
  row('maximumFilter1d', 'rank', 'axis', ['size'], FILTER_1D_KEYS),
  row('minimumFilter', 'rank', 'axes', [], RANK_KEYS),
  row('maximumFilter', 'rank', 'axes', [], RANK_KEYS),
  row('rankFilter', 'rank', 'axes', ['rank'], RANK_KEYS),
  row('medianFilter', 'rank', 'axes', [], RANK_KEYS),
  row('percentileFilter', 'rank', 'axes', ['percentile'], RANK_KEYS),
  row('genericFilter1d', 'generic', 'axis', ['function', 'filterSize'], GENERIC_FILTER_1D_KEYS),
  row('genericFilter', 'generic', 'axes', ['function'], GENERIC_FILTER_KEYS),
  row('vectorizedFilter', 'generic', 'axes', ['function'], VECTORIZED_FILTER_KEYS),
  row('fourierGaussian', 'fourier', 'axis', ['sigma'], FOURIER_KEYS),
  row('fourierUniform', 'fourier', 'axis', ['size'], FOURIER_KEYS),
  row('fourierEllipsoid', 'fourier', 'axis', ['size'], FOURIER_KEYS),
  row('fourierShift', 'fourier', 'axis', ['shift'], FOURIER_KEYS),
]);

/** Every function's row, in table order. */
export const NDIMAGE_FUNCTIONS: readonly NdimageFunction[] = NDIMAGE_TABLE.rows;

/** Names of the functions that satisfy `predicate`, in table order (for suites and manifests). */
export const ndimageNames: (predicate?: (f: NdimageFunction) => boolean) => string[] = NDIMAGE_TABLE.names;

/** The table row of function `name`; throws for a name that is not in the table. */
export const ndimageFunction: (name: string) => NdimageFunction = NDIMAGE_TABLE.get;
