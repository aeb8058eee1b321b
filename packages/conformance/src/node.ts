/**
 * Node-only entry of @sciport/conformance: the fixture loader (node:fs) and the suites
 * that use it. Suites register vitest `describe`/`it` blocks (vitest is a peer dependency).
 */
export * from './index.js';
export { loadFixtureFile } from './fixtures.js';
export { expectTableMatchesMultimethods } from './table-checks.js';
export {
  CONDITIONING_FACTOR,
  DEFAULT_FFT_TOLERANCE,
  FFT_FIXTURE_FILES,
  type FFTSuiteOptions,
  type FFTSuiteTolerance,
  fftSuite,
  fftTolerance,
} from './suites/fft.js';
export { fftPropertySuite } from './suites/fft-properties.js';
export { fftBadInputSuite } from './suites/fft-bad-input.js';
export { type FuzzSuiteOptions, fuzzSuite } from './suites/fuzz.js';
export { type NdimageFuzzSuiteOptions, ndimageFuzzSuite } from './suites/ndimage-fuzz.js';
export {
  ARRAY_API_FIXTURE_FILES,
  ARRAY_API_FUNCTIONS,
  type ArrayApiSuiteOptions,
  arrayApiSuite,
  caseDtypes,
} from './suites/array-api.js';
export { DEFAULT_NDIMAGE_TOLERANCE, NDIMAGE_FIXTURE_FILES, type NdimageSuiteOptions, type NdimageSuiteTolerance, ndimageSuite, ndimageTolerance } from './suites/ndimage.js';
export {
  DEFAULT_LINALG_TOLERANCE_FACTOR,
  LINALG_FIXTURE_FILES,
  type LinalgSuiteOptions,
  type LinalgSuiteTolerance,
  linalgSuite,
} from './suites/linalg.js';
