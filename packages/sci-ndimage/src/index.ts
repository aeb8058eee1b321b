/**
 * @sciport/ndimage — scipy.ndimage for TypeScript.
 *
 * Every function is a multimethod of domain `sciport.ndimage` with a host (CPU)
 * implementation in this package, declared from one table (`NDIMAGE_FUNCTIONS`).
 *
 * @packageDocumentation
 */
export {
  convolve,
  convolve1d,
  correlate,
  correlate1d,
  gaussianFilter,
  gaussianFilter1d,
  gaussianGradientMagnitude,
  gaussianLaplace,
  genericGradientMagnitude,
  genericLaplace,
  laplace,
  maximumFilter,
  maximumFilter1d,
  medianFilter,
  minimumFilter,
  minimumFilter1d,
  NDIMAGE_DOMAIN,
  NDIMAGE_MULTIMETHODS,
  type OptionsFilter,
  percentileFilter,
  prewitt,
  rankFilter,
  type ScalarFilter,
  sobel,
  uniformFilter,
  uniformFilter1d,
  type WeightsFilter,
} from './multimethods.js';
export { type AxesForm, type FilterKind, NDIMAGE_FUNCTIONS, type NdimageFunction, ndimageFunction, ndimageNames } from './table.js';
export { BOUNDARY_MODES, type BoundaryMode } from './modes.js';
export type {
  CorrelateOptions,
  Cval,
  EdgeFilterOptions,
  Filter1dOptions,
  GaussianDerivativeOptions,
  GaussianFilter1dOptions,
  GaussianFilterOptions,
  GenericDerivativeOptions,
  LaplaceOptions,
  Output,
  RankFilterOptions,
  UniformFilterOptions,
} from './options.js';
export type { DerivativeCallback } from './derivatives.js';
export { gaussianKernel1d } from './gaussian-kernel.js';


export { PLANNED_FUNCTIONS, scipyName } from './planned.js';
export {
  affineTransform,
  geometricTransform,
  mapCoordinates,
  rotate,
  shift,
  splineFilter,
  splineFilter1d,
  zoom,
} from './multimethods.js';
export type {
  AffineTransformOptions,
  CoordinateMapping,
  GeometricTransformOptions,
  InterpolationOptions,
  MapCoordinatesOptions,
  RotateOptions,
  ShiftOptions,
  SplineFilter1dOptions,
  SplineFilterOptions,
  ZoomOptions,
} from './interpolation-options.js';
export {
  centerOfMass,
  extrema,
  findObjects,
  histogram,
  label,
  labeledComprehension,
  maximum,
  maximumPosition,
  mean,
  median,
  minimum,
  minimumPosition,
  standardDeviation,
  sum,
  sumLabels,
  valueIndices,
  variance,
  watershedIft,
} from './multimethods.js';
export type {
  ExtremaFunction,
  FindObjectsFunction,
  HistogramFunction,
  LabelFunction,
  LabeledComprehensionFunction,
  LabelIndex,
  PositionFunction,
  StatisticFunction,
  ValueIndicesFunction,
  WatershedFunction,
} from './measurement-types.js';
export type {
  FindObjectsOptions,
  LabeledComprehensionOptions,
  LabelOptions,
  MeasurementOptions,
  ValueIndicesOptions,
  WatershedOptions,
} from './measurement-options.js';
export type { ObjectSlices } from './find-objects.js';
export type { ComprehensionFunction } from './labeled-comprehension.js';
export {
  fourierEllipsoid,
  fourierGaussian,
  fourierShift,
  fourierUniform,
  type GenericFilter1d,
  genericFilter,
  genericFilter1d,
  vectorizedFilter,
} from './multimethods.js';
export type {
  GenericFilter1dCallback,
  GenericFilter1dOptions,
  GenericFilterCallback,
  GenericFilterOptions,
  VectorizedFilterCallback,
  VectorizedFilterOptions,
} from './generic-options.js';
export type { FourierOptions } from './fourier-options.js';
export {
  binaryClosing,
  binaryDilation,
  binaryErosion,
  binaryFillHoles,
  binaryHitOrMiss,
  binaryOpening,
  binaryPropagation,
  blackTophat,
  type DistanceTransform,
  distanceTransformBf,
  distanceTransformCdt,
  distanceTransformEdt,
  generateBinaryStructure,
  greyClosing,
  greyDilation,
  greyErosion,
  greyOpening,
  iterateStructure,
  morphologicalGradient,
  morphologicalLaplace,
  NDIMAGE_COMPOSITIONS,
  whiteTophat,
} from './multimethods.js';
export type { MorphologyKind } from './table.js';
export type {
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
