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
import {
  BF_KEYS,
  BINARY_FILL_HOLES_KEYS,
  BINARY_HIT_OR_MISS_KEYS,
  BINARY_MORPHOLOGY_KEYS,
  BINARY_PROPAGATION_KEYS,
  CDT_KEYS,
  EDT_KEYS,
  GENERATE_STRUCTURE_KEYS,
  GREY_MORPHOLOGY_KEYS,
  ITERATE_STRUCTURE_KEYS,
} from './morphology-options.js';

/**
 * What a filter computes: a weighted sum (`linear`: correlate/convolve, uniform,
 * gaussian, and the derivative filters built from them — complex data allowed) or an order statistic (`rank`: min/max, rank, median, percentile — real only).
 */
export type FilterKind = 'linear' | 'rank' | MorphologyKind;

/**
 * The morphology: structuring elements (`structure`), binary operations with bool results
 * (`binary-morphology`), grey-scale operations keeping the input's dtype (`grey-morphology`),
 * and distance transforms (`distance`: float64 or integer distances, int32 indices).
 */
export type MorphologyKind = 'structure' | 'binary-morphology' | 'grey-morphology' | 'distance';

/** Which axes a function filters: one `axis` (default -1), `axes` (default all), or none (every axis, no option). */
export type AxesForm = 'axis' | 'axes' | 'none';

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
  // morphology
  row('generateBinaryStructure', 'structure', 'none', ['rank', 'connectivity'], GENERATE_STRUCTURE_KEYS),
  row('iterateStructure', 'structure', 'none', ['iterations'], ITERATE_STRUCTURE_KEYS),
  row('binaryErosion', 'binary-morphology', 'axes', [], BINARY_MORPHOLOGY_KEYS),
  row('binaryDilation', 'binary-morphology', 'axes', [], BINARY_MORPHOLOGY_KEYS),
  row('binaryOpening', 'binary-morphology', 'axes', [], BINARY_MORPHOLOGY_KEYS),
  row('binaryClosing', 'binary-morphology', 'axes', [], BINARY_MORPHOLOGY_KEYS),
  row('binaryHitOrMiss', 'binary-morphology', 'axes', [], BINARY_HIT_OR_MISS_KEYS),
  row('binaryPropagation', 'binary-morphology', 'axes', [], BINARY_PROPAGATION_KEYS),
  row('binaryFillHoles', 'binary-morphology', 'axes', [], BINARY_FILL_HOLES_KEYS),
  row('greyErosion', 'grey-morphology', 'axes', [], GREY_MORPHOLOGY_KEYS),
  row('greyDilation', 'grey-morphology', 'axes', [], GREY_MORPHOLOGY_KEYS),
  row('greyOpening', 'grey-morphology', 'axes', [], GREY_MORPHOLOGY_KEYS),
  row('greyClosing', 'grey-morphology', 'axes', [], GREY_MORPHOLOGY_KEYS),
  row('morphologicalGradient', 'grey-morphology', 'axes', [], GREY_MORPHOLOGY_KEYS),
  row('morphologicalLaplace', 'grey-morphology', 'axes', [], GREY_MORPHOLOGY_KEYS),
  row('whiteTophat', 'grey-morphology', 'axes', [], GREY_MORPHOLOGY_KEYS),
  row('blackTophat', 'grey-morphology', 'axes', [], GREY_MORPHOLOGY_KEYS),
  row('distanceTransformBf', 'distance', 'none', [], BF_KEYS),
  row('distanceTransformCdt', 'distance', 'none', [], CDT_KEYS),
  row('distanceTransformEdt', 'distance', 'none', [], EDT_KEYS),
]);

/** Every function's row, in table order. */
export const NDIMAGE_FUNCTIONS: readonly NdimageFunction[] = NDIMAGE_TABLE.rows;

/** Names of the functions that satisfy `predicate`, in table order (for suites and manifests). */
export const ndimageNames: (predicate?: (f: NdimageFunction) => boolean) => string[] = NDIMAGE_TABLE.names;

/** The table row of function `name`; throws for a name that is not in the table. */
export const ndimageFunction: (name: string) => NdimageFunction = NDIMAGE_TABLE.get;
