/**
 * `@sciport/array-api/kit`: the rules every array namespace applies before it computes —
 * host, GPU and chunked alike — so each shape, axes and option rule is written once and
 * its errors are worded the same on every kind of array.
 *
 * @packageDocumentation
 */
export { checkArrayList } from './kit/array-list.js';
export { broadcastShapes } from './kit/broadcast-shapes.js';
export { maxBufferBytes, setMaxBufferBytesForTesting } from './kit/buffer-limit.js';
export { checkBroadcastTo } from './kit/broadcast-to.js';
export { concatShape } from './kit/concat-shape.js';
export { STANDARD_CONSTANTS } from './kit/constants.js';
export { checkCondition } from './kit/condition.js';
export { checkCorrection } from './kit/correction.js';
export { checkCount } from './kit/count.js';
export { cumulativeAxis } from './kit/cumulative-axis.js';
export { describe } from './kit/describe.js';
export { diffAxis } from './kit/diff-axis.js';
export { checkDtypeKinds, DTYPE_KIND_NAMES } from './kit/dtype-kinds.js';
export { expandDimsAxes } from './kit/expand-dims-axes.js';
export { expandDimsView } from './kit/expand-dims-view.js';
export { readIntegerList } from './kit/integer-list.js';
export { type MatmulShapes, matmulShapes } from './kit/matmul-shapes.js';
export { checkMatrixRank } from './kit/matrix-rank.js';
export { meshgridArgs } from './kit/meshgrid-args.js';
export { checkMeshgridArrays } from './kit/meshgrid-arrays.js';
export { moveaxisOrder } from './kit/moveaxis-order.js';
export { permuteAxes } from './kit/permute-axes.js';
export { repeatShape } from './kit/repeat-shape.js';
export { resolveShape } from './kit/resolve-shape.js';
export { rollShifts } from './kit/roll-shifts.js';
export { checkScalarOrArray, isScalarInput } from './kit/scalar-or-array.js';
export { checkSearchsortedRank } from './kit/searchsorted-rank.js';
export type { SizeRule } from './kit/size-rule.js';
export { sortAxis } from './kit/sort-axis.js';
export { squeezeAxes } from './kit/squeeze-axes.js';
export { stackShape } from './kit/stack-shape.js';
export { takeAlongAxisAxis } from './kit/take-along-axis.js';
export { takeAxis } from './kit/take-axis.js';
export { tensordotAxes } from './kit/tensordot-axes.js';
export { tileShape } from './kit/tile-shape.js';
export { checkTransposeRank } from './kit/transpose-rank.js';
export { unstackAxis } from './kit/unstack-axis.js';
export { vecdotAxis } from './kit/vecdot-axis.js';
export {
  checkAllocatable,
  checkPermutation,
  checkShape,
  cStrides,
  normalizeAxes,
  normalizeAxis,
  shapeSize,
  shapeToString,
} from './layout.js';
export { checkDType } from './dtypes.js';
export { checkBoolean, checkFiniteNumber, checkInteger, readOptions } from './options.js';
