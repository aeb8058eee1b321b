/**
 * Broadcasting (the standard's rules): shapes align on the right; a dimension of size 1
 * stretches. A broadcast view repeats data through stride 0, without copying.
 */
import { ShapeError } from '@sciport/dispatch-core';
import { broadcastShapes } from './kit/broadcast-shapes.js';
import { shapeToString } from './layout.js';

export { broadcastShapes };
import { type NDArray, trustedArray } from './ndarray.js';

/** A stride-0 view of `x` with shape `shape` (which `x` must broadcast to). */
export function broadcastView(x: NDArray, shape: readonly number[], argument = 'x'): NDArray {
  const nd = shape.length;
  const off = nd - x.ndim;
  if (off < 0) {
    throw new ShapeError(`Cannot broadcast ${shapeToString(x.shape)} to the smaller rank ${shapeToString(shape)}.`, {
      argument,
      hint: 'The target shape needs at least as many dimensions as the array.',
    });
  }
  let same = off === 0;
  const stride = new Array<number>(nd).fill(0);
  for (let i = 0; i < x.ndim; i++) {
    const n = x.shape[i];
    const t = shape[off + i];
    if (n === t) stride[off + i] = x.stride[i];
    else if (n === 1) {
      stride[off + i] = 0;
      same = false;
    } else {
      throw new ShapeError(`Cannot broadcast ${shapeToString(x.shape)} to ${shapeToString(shape)} (axis ${i}: ${n} vs ${t}).`, {
        argument,
        hint: 'Each dimension must equal the target or be 1.',
      });
    }
  }
  if (same) return x;
  return trustedArray(x.data, shape.slice(), x.dtype, stride, x.offset);
}
