/**
 * funm's scalar functions: a fixture names the NumPy ufunc SciPy was given ('exp', 'cos',
 * 'square'), and the suite passes the array-api function that computes the same.
 */
import { cos, exp, type NDArray, square } from '@sciport/array-api';

const CALLBACKS: Readonly<Record<string, (x: NDArray) => NDArray>> = { exp, cos, square };

/** The callback a funm case names (an unknown name fails the case). */
export function funmCallback(name: string): (x: NDArray) => NDArray {
  const f = CALLBACKS[name];
  if (f === undefined) throw new Error(`funm fixture names an unknown function '${name}'`);
  return f;
}
