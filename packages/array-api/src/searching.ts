/** Searching functions: nonzero, where, searchsorted (argmax/argmin/countNonzero live in reductions). */
import { DtypeError, InvalidArgumentError, ShapeError } from '@sciport/dispatch-core';
import { broadcastShapes, broadcastView } from './broadcasting.js';
import { allocate, DEFAULT_INDEX, dtypeInfo, isComplexDtype } from './dtypes.js';
import { castTo, scalarArray, toNDArray } from './kernels.js';
import { describe } from './kit/describe.js';
import { checkScalarOrArray, isScalarInput } from './kit/scalar-or-array.js';
import { cStrides, shapeSize, stridedOffsets } from './layout.js';
import type { ScalarInput, SearchsortedOptions } from './namespace-types.js';
import { contiguousData, type NDArray, trustedArray } from './ndarray.js';
import { promoteTypes, scalarResultType } from './promotion.js';
import { takeIndices } from './manipulation.js';
import { readOptions } from './options.js';
import { checkCondition } from './kit/condition.js';
import { checkSearchsortedRank } from './kit/searchsorted-rank.js';

export function nonzero(x: NDArray): NDArray[] {
  const a = toNDArray(x);
  if (a.ndim === 0) {
    throw new ShapeError('nonzero does not accept 0-d arrays.', { argument: 'x', hint: 'Reshape to 1-D first.' });
  }
  const lanes = dtypeInfo(a.dtype).lanes;
  const d = contiguousData(a, false) as unknown as ArrayLike<number | bigint>;
  const hits: number[] = [];
  for (let i = 0; i < a.size; i++) {
    const t = lanes === 2 ? d[2 * i] !== 0 || d[2 * i + 1] !== 0 : d[i] !== 0 && d[i] !== 0n;
    if (t) hits.push(i);
  }
  const strides = cStrides(a.shape);
  return a.shape.map((n, axis) => {
    const out = allocate(DEFAULT_INDEX, hits.length) as Int32Array;
    for (let k = 0; k < hits.length; k++) out[k] = Math.floor(hits[k] / strides[axis]) % n;
    return trustedArray(out, [hits.length], DEFAULT_INDEX);
  });
}

export function where(condition: NDArray, x1: NDArray | ScalarInput, x2: NDArray | ScalarInput): NDArray {
  const c = toNDArray(condition, 'condition');
  checkCondition(c.dtype);
  let a: NDArray;
  let b: NDArray;
  checkScalarOrArray(x1, x2, 'where');
  if (isScalarInput(x1)) {
    b = toNDArray(x2, 'x2');
    a = scalarArray(x1, scalarResultType(b.dtype, x1));
  } else if (isScalarInput(x2)) {
    a = toNDArray(x1, 'x1');
    b = scalarArray(x2, scalarResultType(a.dtype, x2));
  } else {
    a = toNDArray(x1, 'x1');
    b = toNDArray(x2, 'x2');
  }
  const dtype = promoteTypes(a.dtype, b.dtype);
  a = castTo(a, dtype);
  b = castTo(b, dtype);
  const shape = broadcastShapes(c.shape, a.shape, b.shape);
  const size = shapeSize(shape);
  const cv = broadcastView(c, shape, 'condition');
  const av = broadcastView(a, shape, 'x1');
  const bv = broadcastView(b, shape, 'x2');
  const co = stridedOffsets(cv.shape, cv.stride, cv.offset);
  const ao = stridedOffsets(av.shape, av.stride, av.offset);
  const bo = stridedOffsets(bv.shape, bv.stride, bv.offset);
  const lanes = dtypeInfo(dtype).lanes;
  const out = allocate(dtype, size) as unknown as unknown[];
  const cd = cv.data;
  const ad = av.data as unknown as unknown[];
  const bd = bv.data as unknown as unknown[];
  for (let i = 0; i < size; i++) {
    const src = cd[co[i]] ? ad : bd;
    const p = cd[co[i]] ? ao[i] : bo[i];
    if (lanes === 2) {
      out[2 * i] = src[2 * p];
      out[2 * i + 1] = src[2 * p + 1];
    } else out[i] = src[p];
  }
  return trustedArray(out as unknown as Float64Array, shape, dtype);
}

/** Insertion points of x2 in the sorted 1-D x1 (NaNs sort last, as in sort). */
export function searchsorted(x1: NDArray, x2: NDArray | ScalarInput, options?: SearchsortedOptions<NDArray>): NDArray {
  options = readOptions(options, ['side', 'sorter'], 'searchsorted');
  let a = toNDArray(x1, 'x1');
  checkSearchsortedRank(a.ndim);
  if (isComplexDtype(a.dtype)) {
    throw new DtypeError('searchsorted does not accept complex input.', { argument: 'x1', hint: 'Search real parts instead.' });
  }
  const side = options?.side ?? 'left';
  if (side !== 'left' && side !== 'right') {
    throw new InvalidArgumentError(`'side' must be 'left' or 'right', got ${describe(side)}.`, {
      argument: 'side',
      hint: "Use 'left' (first suitable index) or 'right' (last).",
    });
  }
  if (options?.sorter !== undefined) {
    const sorter = toNDArray(options.sorter, 'sorter');
    a = takeIndices(a, Array.from(contiguousData(sorter, false) as ArrayLike<number | bigint>, Number), 0);
  }
  const v = isScalarInput(x2) ? scalarArray(x2, scalarResultType(a.dtype, x2)) : toNDArray(x2, 'x2');
  const dtype = promoteTypes(a.dtype, v.dtype);
  const sorted = contiguousData(castTo(a, dtype), false) as unknown as ArrayLike<number>;
  const values = contiguousData(castTo(v, dtype), false) as unknown as ArrayLike<number>;
  const n = sorted.length;
  const out = allocate(DEFAULT_INDEX, values.length) as Int32Array;
  // before(a, b): a sorts strictly before b with NaN largest.
  const lt = (p: number, q: number) => p < q || (Number.isNaN(q) && !Number.isNaN(p));
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const goRight = side === 'left' ? lt(sorted[mid], x) : !lt(x, sorted[mid]);
      if (goRight) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo;
  }
  return trustedArray(out, v.shape.slice(), DEFAULT_INDEX);
}
