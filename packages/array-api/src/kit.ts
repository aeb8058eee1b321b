/**
 * `@sciport/array-api/kit`: the rules every array namespace applies before it computes —
 * host, GPU and chunked alike — so each shape, axes and option rule is written once and
 * its errors are worded the same on every kind of array.
 */
export { broadcastShapes } from './broadcasting.js';
export {
  checkAllocatable,
  checkPermutation,
  checkShape,
  cStrides,
  describe,
  normalizeAxes,
  normalizeAxis,
  shapeSize,
} from './layout.js';
export { checkBoolean, checkFiniteNumber, checkInteger, readOptions } from './options.js';
