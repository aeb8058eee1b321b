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
  AFFINE_TRANSFORM_KEYS,
  GEOMETRIC_TRANSFORM_KEYS,
  MAP_COORDINATES_KEYS,
  ROTATE_KEYS,
  SHIFT_KEYS,
  SPLINE_FILTER_1D_KEYS,
  SPLINE_FILTER_KEYS,
  ZOOM_KEYS,
} from './interpolation-options.js';
import {
  COMPREHENSION_KEYS,
  FIND_OBJECTS_KEYS,
  LABEL_KEYS,
  MEASUREMENT_KEYS,
  VALUE_INDICES_KEYS,
  WATERSHED_KEYS,
} from './measurement-options.js';
import { GENERIC_FILTER_1D_KEYS, GENERIC_FILTER_KEYS, VECTORIZED_FILTER_KEYS } from './generic-options.js';
import { FOURIER_KEYS } from './fourier-options.js';
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
 * `interpolation`: B-spline prefiltering and resampling (spline filters, shift, zoom,
 * rotate, affine/geometric transforms, map_coordinates) — complex data allowed.
 * `measurement`: labelling and the per-label measurements (label, sum, mean, …, watershedIft) —
 * real only, results of their own forms (numbers, tuples, lists) rather than a filtered array.
 * `generic`: a user callback over each window (genericFilter, genericFilter1d, vectorizedFilter).
 * `fourier`: a product with a filter's transform, on data that is already an FFT (fourier*).
 */
export type FilterKind = 'linear' | 'rank' | 'interpolation' | 'measurement' | 'generic' | 'fourier' | MorphologyKind;

/**
 * The morphology: structuring elements (`structure`), binary operations with bool results
 * (`binary-morphology`), grey-scale operations keeping the input's dtype (`grey-morphology`),
 * and distance transforms (`distance`: float64 or integer distances, int32 indices).
 */
export type MorphologyKind = 'structure' | 'binary-morphology' | 'grey-morphology' | 'distance';

/** Which axes a function filters: one `axis` (default -1), `axes` (default all), or `none` (every axis, no option: the measurements, structures and distance transforms). */
export type AxesForm = 'axis' | 'axes' | 'none';

export interface NdimageFunction {
  readonly name: string;
  readonly kind: FilterKind;
  readonly axes: AxesForm;
  /** Positional arguments after the input (e.g. ['weights'], ['sigma'], ['size']). */
  readonly args: readonly string[];
  /** Every option key the function takes (its keyword arguments, camelCase, and `backend`). */
  readonly options: readonly string[];
  /** Positions of the array arguments a backend dispatches on (default [0], the input). */
  readonly dispatch?: readonly number[];
}

function row(name: string, kind: FilterKind, axes: AxesForm, args: readonly string[], options: readonly string[]): NdimageFunction {
  return { name, kind, axes, args: Object.freeze([...args]), options };
}

/** A measurement's row: `arrays` are the positions of its array arguments (input, labels, markers). */
function measurementRow(name: string, args: readonly string[], options: readonly string[], arrays: readonly number[]): NdimageFunction {
  return { ...row(name, 'measurement', 'none', args, options), dispatch: Object.freeze([...arrays]) };
}

const STATISTIC_ARGS = ['labels', 'index'];

/** Labelling and measurements, in SciPy's documentation order. */
const MEASUREMENT_ROWS: readonly NdimageFunction[] = [
  measurementRow('label', [], LABEL_KEYS, [0]),
  measurementRow('findObjects', [], FIND_OBJECTS_KEYS, [0]),
  measurementRow('sum', STATISTIC_ARGS, MEASUREMENT_KEYS, [0, 1]),
  measurementRow('sumLabels', STATISTIC_ARGS, MEASUREMENT_KEYS, [0, 1]),
  measurementRow('mean', STATISTIC_ARGS, MEASUREMENT_KEYS, [0, 1]),
  measurementRow('variance', STATISTIC_ARGS, MEASUREMENT_KEYS, [0, 1]),
  measurementRow('standardDeviation', STATISTIC_ARGS, MEASUREMENT_KEYS, [0, 1]),
  measurementRow('minimum', STATISTIC_ARGS, MEASUREMENT_KEYS, [0, 1]),
  measurementRow('maximum', STATISTIC_ARGS, MEASUREMENT_KEYS, [0, 1]),
  measurementRow('median', STATISTIC_ARGS, MEASUREMENT_KEYS, [0, 1]),
  measurementRow('minimumPosition', STATISTIC_ARGS, MEASUREMENT_KEYS, [0, 1]),
  measurementRow('maximumPosition', STATISTIC_ARGS, MEASUREMENT_KEYS, [0, 1]),
  measurementRow('extrema', STATISTIC_ARGS, MEASUREMENT_KEYS, [0, 1]),
  measurementRow('centerOfMass', STATISTIC_ARGS, MEASUREMENT_KEYS, [0, 1]),
  measurementRow('histogram', ['min', 'max', 'bins', 'labels', 'index'], MEASUREMENT_KEYS, [0, 4]),
  measurementRow('labeledComprehension', ['labels', 'index', 'func', 'outDtype', 'default'], COMPREHENSION_KEYS, [0, 1]),
  measurementRow('valueIndices', [], VALUE_INDICES_KEYS, [0]),
  measurementRow('watershedIft', ['markers'], WATERSHED_KEYS, [0, 1]),
];

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
  // interpolation ('axes': every axis is transformed)
  row('splineFilter1d', 'interpolation', 'axis', [], SPLINE_FILTER_1D_KEYS),
  row('splineFilter', 'interpolation', 'axes', [], SPLINE_FILTER_KEYS),
  row('geometricTransform', 'interpolation', 'axes', ['mapping'], GEOMETRIC_TRANSFORM_KEYS),
  row('mapCoordinates', 'interpolation', 'axes', ['coordinates'], MAP_COORDINATES_KEYS),
  row('affineTransform', 'interpolation', 'axes', ['matrix'], AFFINE_TRANSFORM_KEYS),
  row('shift', 'interpolation', 'axes', ['shift'], SHIFT_KEYS),
  row('zoom', 'interpolation', 'axes', ['zoom'], ZOOM_KEYS),
  row('rotate', 'interpolation', 'axes', ['angle'], ROTATE_KEYS),
  ...MEASUREMENT_ROWS,
  row('genericFilter1d', 'generic', 'axis', ['function', 'filterSize'], GENERIC_FILTER_1D_KEYS),
  row('genericFilter', 'generic', 'axes', ['function'], GENERIC_FILTER_KEYS),
  row('vectorizedFilter', 'generic', 'axes', ['function'], VECTORIZED_FILTER_KEYS),
  row('fourierGaussian', 'fourier', 'axis', ['sigma'], FOURIER_KEYS),
  row('fourierUniform', 'fourier', 'axis', ['size'], FOURIER_KEYS),
  row('fourierEllipsoid', 'fourier', 'axis', ['size'], FOURIER_KEYS),
  row('fourierShift', 'fourier', 'axis', ['shift'], FOURIER_KEYS),
  // morphology
  // generateBinaryStructure(rank, connectivity) has no array argument to dispatch on
  { ...row('generateBinaryStructure', 'structure', 'none', ['rank', 'connectivity'], GENERATE_STRUCTURE_KEYS), dispatch: Object.freeze([]) },
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
