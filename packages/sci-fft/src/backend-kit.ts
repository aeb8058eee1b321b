/**
 * `@sciport/fft/backend-kit`: the option handling every backend implementing the
 * `sciport.fft` multimethods should use (options objects and their keys, norm, workers,
 * plan, overwriteX, type, orthogonalize, n/axis, s/axes, size limits). Using these very
 * functions keeps validation and error messages identical on every backend: the
 * conformance bad-input suite checks the error class and its `argument`.
 *
 * Also `withResultMemory` and `withInputFill`, for backends that run the host transforms on
 * their own memory (the cluster's workers write results straight into shared chunks, and
 * assemble blocks straight into the kernels' working memory), and `completeSpectrum` with
 * `realAxisOf`, for backends that compute fft/fftn of real input from the half spectrum in
 * pieces and must give the host's values to the bit.
 *
 * Re-exports only; the logic lives in ./options.ts, ./shape-axes.ts and ./buffers.ts, where
 * the host transforms use it too.
 *
 * @packageDocumentation
 */
export { withInputFill, withResultMemory } from './buffers.js';
export { type Completion, completeSpectrum, type SpectrumPart } from './kernels/complete-spectrum.js';
export { realAxisOf } from './transforms/hermitian.js';
export type {
  CommonFFTOptions,
  DCTNOptions,
  DCTOptions,
  FFTNOptions,
  FFTNorm,
  FFTOptions,
  FHTOptions,
  RealTransformType,
} from './options.js';
export {
  checkCommon,
  checkFinite,
  checkNorm,
  checkOrthogonalize,
  checkOverwrite,
  checkPlan,
  checkType,
  checkWorkers,
  DCT_KEYS,
  DCTN_KEYS,
  describe,
  FFT_KEYS,
  FFT_NORMS,
  FFTN_KEYS,
  FHT_KEYS,
  normScale,
  readOptions,
  swapDirection,
} from './options.js';
export type { RequestedShapeAndAxes, ShapeAndAxes } from './shape-axes.js';
export {
  checkAxisLength,
  checkLengthOption,
  checkResultSize,
  checkSize,
  initRequestedShapeAndAxes,
  initShapeAndAxes,
  MAX_ELEMENTS,
  normalizeAxis,
  TWO_D_AXES,
} from './shape-axes.js';
