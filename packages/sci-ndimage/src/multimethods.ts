/**
 * The public functions of `@sciport/ndimage`: each is a multimethod of domain
 * `sciport.ndimage` (stable id `sciport.ndimage.<name>`) whose default implementation is
 * the host (CPU) code of this package. Backends implement the same ids; dispatch picks
 * one per call (see @sciport/dispatch-core).
 */
import type { ArrayInput, ArrayOf, NDArray } from '@sciport/array-api';
import type { DispatchOptions, Multimethod } from '@sciport/dispatch-core';
import { convolve1dHost, convolveHost, correlate1dHost, correlateHost } from './correlate.js';
import {
  type DerivativeCallback,
  gaussianGradientMagnitudeHost,
  gaussianLaplaceHost,
  genericGradientMagnitudeHost,
  genericLaplaceHost,
  laplaceHost,
  prewittHost,
  sobelHost,
} from './derivatives.js';
import { gaussianFilter1dHost, gaussianFilterHost } from './gaussian.js';
import type {
  CorrelateOptions,
  EdgeFilterOptions,
  Filter1dOptions,
  GaussianDerivativeOptions,
  GaussianFilter1dOptions,
  GaussianFilterOptions,
  GenericDerivativeOptions,
  LaplaceOptions,
  RankFilterOptions,
  UniformFilterOptions,
} from './options.js';
import { medianFilterHost, percentileFilterHost, rankFilterHost } from './order-statistic.js';
import { maximumFilter1dHost, maximumFilterHost, minimumFilter1dHost, minimumFilterHost } from './rank.js';
import type { In, OptionsFilter, ScalarFilter, WeightsFilter } from './filter-signatures.js';
import { declareFilter, ndimageDeclarations } from './table-declarations.js';
import { uniformFilter1dHost, uniformFilterHost } from './uniform.js';
import { affineTransformHost, rotateHost } from './affine.js';
import { geometricTransformHost, mapCoordinatesHost } from './geometric.js';
import type {
  AffineTransformOptions,
  CoordinateMapping,
  GeometricTransformOptions,
  MapCoordinatesOptions,
  RotateOptions,
  ShiftOptions,
  SplineFilter1dOptions,
  SplineFilterOptions,
  ZoomOptions,
} from './interpolation-options.js';
import { splineFilter1dHost, splineFilterHost } from './spline-filter.js';
import { shiftHost, zoomHost } from './zoom-shift.js';
import { centerOfMassHost } from './center-of-mass.js';
import { findObjectsHost } from './find-objects.js';
import { labelHost } from './label.js';
import { extremaHost, maximumHost, maximumPositionHost, medianHost, minimumHost, minimumPositionHost } from './label-extremes.js';
import { histogramHost } from './label-histogram.js';
import { meanHost, standardDeviationHost, sumHost, sumLabelsHost, varianceHost } from './label-statistics.js';
import { labeledComprehensionHost } from './labeled-comprehension.js';
import type {
  ExtremaFunction,
  FindObjectsFunction,
  HistogramFunction,
  LabeledComprehensionFunction,
  LabelFunction,
  PositionFunction,
  StatisticFunction,
  ValueIndicesFunction,
  WatershedFunction,
} from './measurement-types.js';
import { valueIndicesHost } from './value-indices.js';
import { watershedIftHost } from './watershed-ift.js';
import { fourierEllipsoidHost, fourierGaussianHost, fourierShiftHost, fourierUniformHost } from './fourier.js';
import type { FourierOptions } from './fourier-options.js';
import { genericFilter1dHost, genericFilterHost } from './generic-filter.js';
import type {
  GenericFilter1dCallback,
  GenericFilter1dOptions,
  GenericFilterCallback,
  GenericFilterOptions,
  VectorizedFilterCallback,
  VectorizedFilterOptions,
} from './generic-options.js';
import { vectorizedFilterHost } from './vectorized-filter.js';
import {
  binaryClosingComposed,
  binaryFillHolesComposed,
  binaryHitOrMissComposed,
  binaryOpeningComposed,
  binaryPropagationComposed,
} from './binary-compositions.js';
import { distanceTransformCdtHost } from './cdt.js';
import { distanceTransformBfHost } from './distance-bf.js';
import { distanceTransformEdtHost } from './edt.js';
import {
  blackTophatComposed,
  greyClosingComposed,
  greyOpeningComposed,
  morphologicalGradientComposed,
  morphologicalLaplaceComposed,
  whiteTophatComposed,
} from './grey-compositions.js';
import type {
  BinaryFillHolesOptions,
  BinaryHitOrMissOptions,
  BinaryMorphologyOptions,
  BinaryPropagationOptions,
  DistanceTransformBfOptions,
  DistanceTransformCdtOptions,
  DistanceTransformEdtOptions,
  GreyMorphologyOptions,
  IterateStructureOptions,
} from './morphology-options.js';
import { generateBinaryStructureHost, iterateStructureHost } from './structure.js';

export { NDIMAGE_DOMAIN } from './table.js';

export type { OptionsFilter, ScalarFilter, WeightsFilter } from './filter-signatures.js';
export { binaryDilation, binaryErosion, greyDilation, greyErosion } from './morphology-primitives.js';

const table = ndimageDeclarations;
const declare = declareFilter;

export const correlate1d = declare<WeightsFilter<Filter1dOptions>>('correlate1d', correlate1dHost);
export const convolve1d = declare<WeightsFilter<Filter1dOptions>>('convolve1d', convolve1dHost);
export const correlate = declare<WeightsFilter<CorrelateOptions>>('correlate', correlateHost);
export const convolve = declare<WeightsFilter<CorrelateOptions>>('convolve', convolveHost);
export const uniformFilter1d = declare<ScalarFilter<Filter1dOptions>>('uniformFilter1d', uniformFilter1dHost);
export const uniformFilter = declare<OptionsFilter<UniformFilterOptions>>('uniformFilter', uniformFilterHost);
export const gaussianFilter1d = declare<ScalarFilter<GaussianFilter1dOptions>>('gaussianFilter1d', gaussianFilter1dHost);
export const gaussianFilter = declare<ScalarFilter<GaussianFilterOptions, number | readonly number[]>>('gaussianFilter', gaussianFilterHost);
export const prewitt = declare<OptionsFilter<EdgeFilterOptions>>('prewitt', prewittHost);
export const sobel = declare<OptionsFilter<EdgeFilterOptions>>('sobel', sobelHost);
export const laplace = declare<OptionsFilter<LaplaceOptions>>('laplace', laplaceHost);
export const genericLaplace = declare<ScalarFilter<GenericDerivativeOptions, DerivativeCallback>>('genericLaplace', genericLaplaceHost);
export const gaussianLaplace = declare<ScalarFilter<GaussianDerivativeOptions, number | readonly number[]>>('gaussianLaplace', gaussianLaplaceHost);
export const gaussianGradientMagnitude = declare<ScalarFilter<GaussianDerivativeOptions, number | readonly number[]>>(
  'gaussianGradientMagnitude',
  gaussianGradientMagnitudeHost,
);
export const genericGradientMagnitude = declare<ScalarFilter<GenericDerivativeOptions, DerivativeCallback>>(
  'genericGradientMagnitude',
  genericGradientMagnitudeHost,
);
export const minimumFilter1d = declare<ScalarFilter<Filter1dOptions>>('minimumFilter1d', minimumFilter1dHost);
export const maximumFilter1d = declare<ScalarFilter<Filter1dOptions>>('maximumFilter1d', maximumFilter1dHost);
export const minimumFilter = declare<OptionsFilter<RankFilterOptions>>('minimumFilter', minimumFilterHost);
export const maximumFilter = declare<OptionsFilter<RankFilterOptions>>('maximumFilter', maximumFilterHost);
export const rankFilter = declare<ScalarFilter<RankFilterOptions>>('rankFilter', rankFilterHost);
export const medianFilter = declare<OptionsFilter<RankFilterOptions>>('medianFilter', medianFilterHost);
export const percentileFilter = declare<ScalarFilter<RankFilterOptions>>('percentileFilter', percentileFilterHost);
export const splineFilter1d = declare<OptionsFilter<SplineFilter1dOptions>>('splineFilter1d', splineFilter1dHost);
export const splineFilter = declare<OptionsFilter<SplineFilterOptions>>('splineFilter', splineFilterHost);
export const geometricTransform = declare<ScalarFilter<GeometricTransformOptions, CoordinateMapping>>('geometricTransform', geometricTransformHost);
export const mapCoordinates = declare<WeightsFilter<MapCoordinatesOptions>>('mapCoordinates', mapCoordinatesHost);
export const affineTransform = declare<WeightsFilter<AffineTransformOptions>>('affineTransform', affineTransformHost);
export const shift = declare<ScalarFilter<ShiftOptions, number | readonly number[]>>('shift', shiftHost);
export const zoom = declare<ScalarFilter<ZoomOptions, number | readonly number[]>>('zoom', zoomHost);
export const rotate = declare<ScalarFilter<RotateOptions>>('rotate', rotateHost);


// labelling and measurements: their host implementations return SciPy's result forms (numbers, tuples, lists)
const declareMeasurement = <F extends (...args: any[]) => any>(name: string, host: (...args: any[]) => unknown) => table.declare(name, host as F);

export const label = declareMeasurement<LabelFunction>('label', labelHost);
export const findObjects = declareMeasurement<FindObjectsFunction>('findObjects', findObjectsHost);
export const sum = declareMeasurement<StatisticFunction>('sum', sumHost);
export const sumLabels = declareMeasurement<StatisticFunction>('sumLabels', sumLabelsHost);
export const mean = declareMeasurement<StatisticFunction>('mean', meanHost);
export const variance = declareMeasurement<StatisticFunction>('variance', varianceHost);
export const standardDeviation = declareMeasurement<StatisticFunction>('standardDeviation', standardDeviationHost);
export const minimum = declareMeasurement<StatisticFunction>('minimum', minimumHost);
export const maximum = declareMeasurement<StatisticFunction>('maximum', maximumHost);
export const median = declareMeasurement<StatisticFunction>('median', medianHost);
export const minimumPosition = declareMeasurement<PositionFunction>('minimumPosition', minimumPositionHost);
export const maximumPosition = declareMeasurement<PositionFunction>('maximumPosition', maximumPositionHost);
export const extrema = declareMeasurement<ExtremaFunction>('extrema', extremaHost);
export const centerOfMass = declareMeasurement<PositionFunction>('centerOfMass', centerOfMassHost);
export const histogram = declareMeasurement<HistogramFunction>('histogram', histogramHost);
export const labeledComprehension = declareMeasurement<LabeledComprehensionFunction>('labeledComprehension', labeledComprehensionHost);
export const valueIndices = declareMeasurement<ValueIndicesFunction>('valueIndices', valueIndicesHost);
export const watershedIft = declareMeasurement<WatershedFunction>('watershedIft', watershedIftHost);

/** genericFilter1d: `(input, callback, filterSize, options)`. */
export type GenericFilter1d = <X extends In>(input: X, callback: GenericFilter1dCallback, filterSize: number, options?: GenericFilter1dOptions) => ArrayOf<X>;

export const genericFilter1d = declare<GenericFilter1d>('genericFilter1d', genericFilter1dHost);
export const genericFilter = declare<ScalarFilter<GenericFilterOptions, GenericFilterCallback>>('genericFilter', genericFilterHost);
export const vectorizedFilter = declare<ScalarFilter<VectorizedFilterOptions, VectorizedFilterCallback>>('vectorizedFilter', vectorizedFilterHost);
export const fourierGaussian = declare<ScalarFilter<FourierOptions, number | readonly number[]>>('fourierGaussian', fourierGaussianHost);
export const fourierUniform = declare<ScalarFilter<FourierOptions, number | readonly number[]>>('fourierUniform', fourierUniformHost);
export const fourierEllipsoid = declare<ScalarFilter<FourierOptions, number | readonly number[]>>('fourierEllipsoid', fourierEllipsoidHost);
export const fourierShift = declare<ScalarFilter<FourierOptions, number | readonly number[]>>('fourierShift', fourierShiftHost);

/** A distance transform: the distances, the indices, both as [distances, indices], or nothing when both went into given arrays. */
export type DistanceTransform<O> = <X extends In>(input: X, options?: O) => ArrayOf<X> | [ArrayOf<X>, ArrayOf<X>] | undefined;

export const generateBinaryStructure = declare<(rank: number, connectivity: number, options?: DispatchOptions) => NDArray>(
  'generateBinaryStructure',
  generateBinaryStructureHost,
);
export const iterateStructure = declare<
  (structure: ArrayInput, iterations: number, options?: IterateStructureOptions) => NDArray | [NDArray, number[]]
>('iterateStructure', iterateStructureHost as (...args: any[]) => NDArray);
export const binaryOpening = declare<OptionsFilter<BinaryMorphologyOptions>>('binaryOpening', binaryOpeningComposed as never);
export const binaryClosing = declare<OptionsFilter<BinaryMorphologyOptions>>('binaryClosing', binaryClosingComposed as never);
export const binaryHitOrMiss = declare<OptionsFilter<BinaryHitOrMissOptions>>('binaryHitOrMiss', binaryHitOrMissComposed as never);
export const binaryPropagation = declare<OptionsFilter<BinaryPropagationOptions>>('binaryPropagation', binaryPropagationComposed as never);
export const binaryFillHoles = declare<OptionsFilter<BinaryFillHolesOptions>>('binaryFillHoles', binaryFillHolesComposed as never);
export const greyOpening = declare<OptionsFilter<GreyMorphologyOptions>>('greyOpening', greyOpeningComposed as never);
export const greyClosing = declare<OptionsFilter<GreyMorphologyOptions>>('greyClosing', greyClosingComposed as never);
export const morphologicalGradient = declare<OptionsFilter<GreyMorphologyOptions>>('morphologicalGradient', morphologicalGradientComposed as never);
export const morphologicalLaplace = declare<OptionsFilter<GreyMorphologyOptions>>('morphologicalLaplace', morphologicalLaplaceComposed as never);
export const whiteTophat = declare<OptionsFilter<GreyMorphologyOptions>>('whiteTophat', whiteTophatComposed as never);
export const blackTophat = declare<OptionsFilter<GreyMorphologyOptions>>('blackTophat', blackTophatComposed as never);
export const distanceTransformBf = declare<DistanceTransform<DistanceTransformBfOptions>>('distanceTransformBf', distanceTransformBfHost as never);
export const distanceTransformCdt = declare<DistanceTransform<DistanceTransformCdtOptions>>('distanceTransformCdt', distanceTransformCdtHost as never);
export const distanceTransformEdt = declare<DistanceTransform<DistanceTransformEdtOptions>>('distanceTransformEdt', distanceTransformEdtHost as never);

/**
 * The composed functions (openings, closings, top-hats, hit-or-miss, propagation, hole
 * filling), each written against the array namespace and the multimethods above: a backend
 * that implements binaryErosion/binaryDilation (greyErosion/greyDilation) can register
 * these as its implementations of the composed ids and run them on its own arrays.
 */
export const NDIMAGE_COMPOSITIONS: Readonly<Record<string, (...args: any[]) => unknown>> = Object.freeze({
  binaryOpening: binaryOpeningComposed,
  binaryClosing: binaryClosingComposed,
  binaryHitOrMiss: binaryHitOrMissComposed,
  binaryPropagation: binaryPropagationComposed,
  binaryFillHoles: binaryFillHolesComposed,
  greyOpening: greyOpeningComposed,
  greyClosing: greyClosingComposed,
  morphologicalGradient: morphologicalGradientComposed,
  morphologicalLaplace: morphologicalLaplaceComposed,
  whiteTophat: whiteTophatComposed,
  blackTophat: blackTophatComposed,
});

/** Every multimethod of the domain by name, in the table's order (checked complete by the tests). */
export const NDIMAGE_MULTIMETHODS: Readonly<Record<string, Multimethod<(...args: any[]) => any>>> = table.multimethods();
