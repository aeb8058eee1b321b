/**
 * matmul's shapes (NumPy's rules): a 1-D x1 is a row and a 1-D x2 a column, whose added
 * axis is removed from the result; batch dimensions broadcast; x1's last axis must match
 * x2's second-to-last.
 */
import { ShapeError } from '@sciport/dispatch-core';
import { checkAllocatable, shapeToString } from '../layout.js';
import { broadcastShapes } from './broadcast-shapes.js';
import type { SizeRule } from './size-rule.js';

export interface MatmulShapes {
  /** Broadcast batch dimensions. */
  readonly batch: number[];
  readonly m: number;
  readonly k: number;
  readonly n: number;
  /** Shape of the result (with the axes of 1-D operands removed). */
  readonly shape: number[];
}

export function matmulShapes(shape1: readonly number[], shape2: readonly number[], checkSize: SizeRule = checkAllocatable): MatmulShapes {
  if (shape1.length === 0 || shape2.length === 0) {
    throw new ShapeError('matmul does not accept 0-d arrays.', { argument: shape1.length === 0 ? 'x1' : 'x2', hint: 'Use multiply() for scalars.' });
  }
  const a = shape1.length === 1 ? [1, shape1[0]] : shape1;
  const b = shape2.length === 1 ? [shape2[0], 1] : shape2;
  const m = a[a.length - 2];
  const k = a[a.length - 1];
  const k2 = b[b.length - 2];
  const n = b[b.length - 1];
  if (k !== k2) {
    throw new ShapeError(
      `matmul: x1 ${shapeToString(shape1)} and x2 ${shapeToString(shape2)} do not align (${k} ≠ ${k2} in the contracted dimension).`,
      { argument: 'x2', hint: 'The last axis of x1 must match the second-to-last axis of x2.' },
    );
  }
  let batch: number[];
  try {
    batch = broadcastShapes(a.slice(0, -2), b.slice(0, -2));
  } catch (e) {
    if (e instanceof ShapeError) {
      throw new ShapeError(`matmul: the batch dimensions of x1 ${shapeToString(shape1)} and x2 ${shapeToString(shape2)} do not broadcast.`, {
        argument: 'x2',
        hint: 'Batch dimensions must be equal or 1 when aligned from the right.',
      });
    }
    throw e;
  }
  const shape = [...batch];
  if (shape1.length > 1) shape.push(m);
  if (shape2.length > 1) shape.push(n);
  checkSize([...batch, m, n], 'x2');
  return { batch, m, k, n, shape };
}
