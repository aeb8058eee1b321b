/**
 * @sciport/conformance — the test kit every backend runs against the reference suites.
 *
 * This entry is browser-safe: array factories, fixture decoding and dtype-aware
 * comparison. The suites themselves (which read the committed SciPy fixtures from disk
 * and register vitest blocks) are in the Node-only entry `@sciport/conformance/node`.
 *
 * @packageDocumentation
 */
export { claimedFunctions } from './claims.js';
export { type ArrayFactory, hostFactory } from './factory.js';
export { type CompareResult, compareArrays, elementsOf } from './compare.js';
export {
  type FixtureArray,
  type FixtureCase,
  type FixtureFile,
  type FixtureNumber,
  decodeArray,
  decodeNumber,
  isFixtureArray,
} from './fixture-format.js';
export {
  type GoldenArray,
  type GoldenCase,
  type GoldenExpected,
  decodeGoldenArg,
  decodeGoldenArray,
  decodeGoldenNumber,
  expectedArrays,
} from './golden-numpy.js';
export {
  compareGolden,
  type GoldenKind,
  type GoldenTolerance,
  type GoldenToleranceOverrides,
  goldenTolerance,
} from './golden-compare.js';
