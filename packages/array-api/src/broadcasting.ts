/**
 * Broadcasting (the standard's rules): shapes align on the right; a dimension of size 1
 * stretches. A broadcast view repeats data through stride 0, without copying.
 */
import { broadcastShapes } from './kit/broadcast-shapes.js';
import { checkBroadcastTo } from './kit/broadcast-to.js';

export { broadcastShapes };
import { type NDArray, trustedArray } from './ndarray.js';

/** A stride-0 view of `x` with shape `shape` (which `x` must broadcast to). */
export function broadcastView(x: NDArray, shape: readonly number[], argument = 'x'): NDArray {
  checkBroadcastTo(x.shape, shape, argument);
  const nd = shape.length;
  const off = nd - x.ndim;
  let same = off === 0;
  const stride = new Array<number>(nd).fill(0);
  for (let i = 0; i < x.ndim; i++) {
    // A stretched dimension (size 1 to another size) steps by 0.
    if (x.shape[i] === shape[off + i]) stride[off + i] = x.stride[i];
    else same = false;
  }
  if (same) return x;
  return trustedArray(x.data, shape.slice(), x.dtype, stride, x.offset);
}
