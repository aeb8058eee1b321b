/** clip and diff (utility/elementwise functions built from other operations). */
import { DtypeError } from '@sciport/dispatch-core';
import { broadcastView } from './broadcasting.js';
import { castCopy } from './cast.js';
import { isComplexDtype } from './dtypes.js';
import { logicalXor, maximum, minimum, subtract } from './elementwise.js';
import { castTo, scalarArray, toNDArray } from './kernels.js';
import { checkCount } from './kit/count.js';
import { isScalarInput } from './kit/scalar-or-array.js';
import { concat, expandDims, sliceAxis } from './manipulation.js';
import type { DiffOptions, ScalarInput } from './namespace-types.js';
import type { NDArray } from './ndarray.js';
import { scalarResultType } from './promotion.js';
import { readOptions } from './options.js';
import { diffAxis } from './kit/diff-axis.js';

/** Clamps to [min, max]; the result keeps x's dtype (the standard's rule). */
export function clip(x: NDArray, min?: NDArray | ScalarInput | null, max?: NDArray | ScalarInput | null): NDArray {
  const a = toNDArray(x);
  if (isComplexDtype(a.dtype)) {
    throw new DtypeError('clip is not defined for complex input.', { argument: 'x', hint: 'Clip real and imaginary parts separately.' });
  }
  let r: NDArray = a;
  if (min !== undefined && min !== null) r = maximum(r, isScalarInput(min) ? min : toNDArray(min, 'min'));
  if (max !== undefined && max !== null) r = minimum(r, isScalarInput(max) ? max : toNDArray(max, 'max'));
  r = castTo(r, a.dtype);
  return r === a ? castCopy(a, a.dtype) : r;
}

/** n-th discrete difference along axis (bool uses not-equal, as NumPy does). */
export function diff(x: NDArray, options?: DiffOptions<NDArray>): NDArray {
  options = readOptions(options, ['axis', 'n', 'prepend', 'append'], 'diff');
  let a = toNDArray(x);
  const axis = diffAxis(a.ndim, options?.axis);
  const n = checkCount(options?.n ?? 1, 'n');
  const extend = (v: NDArray | ScalarInput, name: string): NDArray => {
    let e = isScalarInput(v) ? scalarArray(v, scalarResultType(a.dtype, v)) : toNDArray(v, name);
    if (e.ndim === 0) {
      const shape = a.shape.slice();
      shape[axis] = 1;
      e = broadcastView(e, shape, name);
    } else if (e.ndim !== a.ndim) e = expandDims(e, axis);
    return e;
  };
  const parts: NDArray[] = [];
  if (options?.prepend !== undefined) parts.push(extend(options.prepend, 'prepend'));
  parts.push(a);
  if (options?.append !== undefined) parts.push(extend(options.append, 'append'));
  if (parts.length > 1) a = concat(parts, { axis });
  for (let i = 0; i < n; i++) {
    const len = a.shape[axis];
    if (len === 0) break;
    const hi = sliceAxis(a, axis, 1, len);
    const lo = sliceAxis(a, axis, 0, len - 1);
    a = a.dtype === 'bool' ? logicalXor(hi, lo) : subtract(hi, lo);
  }
  return a;
}


