/**
 * What a backend that implements sciport.ndimage on its own arrays needs from this package:
 * the option checks (so its errors are the host's, argument for argument), the boundary
 * modes and the Gaussian weights. Not part of the user-facing API.
 *
 * @packageDocumentation
 */
export { readWeights, type WeightPlanes } from './filter-io.js';
export { checkSigma, checkOrder, checkRadius, gaussianWeights, SIGMA_EPSILON } from './gaussian.js';
export { fullRankWindow } from './footprint-pass.js';
export { symmetryOf } from './line-kernels.js';
export { windowExtension } from './line-pass.js';
export { checkMode, type Extension, mapIndex } from './modes.js';
export {
  CORRELATE_KEYS,
  EDGE_KEYS,
  LAPLACE_KEYS,
  checkAxes,
  checkCval,
  checkFinite,
  checkOriginRange,
  checkOriginValue,
  checkSize,
  FILTER_1D_KEYS,
  GAUSSIAN_1D_KEYS,
  GAUSSIAN_KEYS,
  UNIFORM_KEYS,
} from './options.js';
export { perAxis } from './per-axis.js';
export { checkWindow } from './window-limit.js';
export { RANK_KEYS } from './options.js';
export { readFootprint, requireSizeOrFootprint } from './rank.js';
export { GAUSSIAN_DERIVATIVE_KEYS } from './options.js';
export { checkRank, percentileRank, windowOf } from './order-statistic.js';
export { GREY_MORPHOLOGY_KEYS } from './morphology-options.js';
export {
  BINARY_FILL_HOLES_KEYS,
  BINARY_HIT_OR_MISS_KEYS,
  BINARY_MORPHOLOGY_KEYS,
  BINARY_PROPAGATION_KEYS,
} from './morphology-options.js';
export { checkBorderValue, checkIterations, structureFor } from './binary-morphology.js';
export { greyWindow, mirrored, readNonFlatStructure } from './grey-window.js';
export { readAffine, type AffineMap } from './affine.js';
export {
  coefficientExtension,
  padsBeforePrefilter,
  prefilterBoundary,
  SPLINE_PADDING,
  type CoefficientExtension,
} from './interpolation-boundary.js';
export {
  AFFINE_TRANSFORM_KEYS,
  checkFlag,
  checkInterpolationMode,
  checkOutputShape,
  checkSplineOrder,
  MAP_COORDINATES_KEYS,
  perInputAxis,
  ROTATE_KEYS,
  SHIFT_KEYS,
  SPLINE_FILTER_1D_KEYS,
  SPLINE_FILTER_KEYS,
  ZOOM_KEYS,
} from './interpolation-options.js';
export { checkRotationAxes, checkRotationInput, rotationPlane } from './rotation-plane.js';
export { type SplineBoundary, splinePoles } from './spline-prefilter.js';
export { powRounded } from './pow-rounded.js';
export { diagonalCoordinates, shiftCoordinates, zoomCoordinates, zoomShape } from './separable-coordinates.js';
