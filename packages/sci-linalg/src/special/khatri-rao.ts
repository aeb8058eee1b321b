/**
 * `khatriRao(a, b)`: the column-wise Kronecker product, SciPy's `khatri_rao`: column k of
 * the result is kron(a[:, k], b[:, k]), so row i·P + j is a[i, :] ∘ b[j, :].
 */
import { expandDims, multiply, type NDArray, reshape, zeros } from '@sciport/array-api';
import { ShapeError } from '@sciport/dispatch-core';
import { toArray } from '../stack.js';

/** a ([..., M, N]) and b ([..., P, N]) give [..., M·P, N], in NumPy's result type of the two. */
export function khatriRaoHost(a: unknown, b: unknown): NDArray {
  const x = toArray(a);
  const y = toArray(b);
  if (x.ndim < 2 || y.ndim < 2) {
    throw new ShapeError('khatriRao: both arrays should be 2-dimensional (or stacks of matrices).', {
      argument: x.ndim < 2 ? 'a' : 'b',
      hint: 'Pass matrices [..., M, N] and [..., P, N].',
    });
  }
  const n = x.shape[x.ndim - 1];
  if (y.shape[y.ndim - 1] !== n) {
    throw new ShapeError(`khatriRao: the number of columns for both arrays should be equal (${n} != ${y.shape[y.ndim - 1]}).`, {
      argument: 'b',
      hint: 'a and b need the same number of columns.',
    });
  }
  const m = x.shape[x.ndim - 2];
  const p = y.shape[y.ndim - 2];
  if (x.ndim === 2 && y.ndim === 2 && (x.size === 0 || y.size === 0)) {
    // SciPy's empty result takes a's dtype (np.empty_like(a))
    return zeros([m * p, n], { dtype: x.dtype });
  }
  // a[..., :, None, :] * b[..., None, :, :], then the two row axes merged
  const product = multiply(expandDims(x, -2), expandDims(y, -3));
  return reshape(product, [...product.shape.slice(0, -3), m * p, n]);
}
