/** reshape's target shape: non-negative integers and at most one -1, which takes the size left over. */
import { ShapeError } from '@sciport/dispatch-core';
import { MAX_NDIM, shapeToString } from '../layout.js';
import { describe } from './describe.js';

export function resolveShape(shape: unknown, size: number, argument = 'shape'): number[] {
  let dims: unknown[];
  if (typeof shape === 'number') dims = [shape];
  else if (Array.isArray(shape)) dims = [...shape];
  else {
    throw new ShapeError(`'${argument}' must be an integer or a list of integers, got ${describe(shape)}.`, {
      argument,
      hint: 'E.g. reshape(x, [2, -1]).',
    });
  }
  if (dims.length > MAX_NDIM) {
    throw new ShapeError(`'${argument}' has ${dims.length} dimensions; at most ${MAX_NDIM} are supported.`, {
      argument,
      hint: 'Reshape to fewer dimensions.',
    });
  }
  let unknown = -1;
  let known = 1;
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i];
    if (d === -1 && unknown < 0) {
      unknown = i;
      continue;
    }
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new ShapeError(`'${argument}' has ${describe(d)} at position ${i}; use non-negative integers and at most one -1.`, {
        argument,
        hint: 'E.g. reshape(x, [2, -1]).',
      });
    }
    known *= d;
  }
  const out = dims as number[];
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new ShapeError(`Cannot reshape an array of size ${size} into ${shapeToString(out)}.`, {
        argument,
        hint: 'The -1 dimension must divide the size evenly.',
      });
    }
    out[unknown] = size / known;
  } else if (known !== size) {
    throw new ShapeError(`Cannot reshape an array of size ${size} into shape ${shapeToString(out)} (size ${known}).`, {
      argument,
      hint: 'The product of the new shape must equal the number of elements.',
    });
  }
  return out;
}
