/**
 * broadcastTo's rule: an array of `shape` broadcasts to `target` when, aligned on the
 * right, each of its dimensions equals the target's or is 1 (it never loses dimensions).
 */
import { ShapeError } from '@sciport/dispatch-core';
import { shapeToString } from '../layout.js';

export function checkBroadcastTo(shape: readonly number[], target: readonly number[], argument = 'x'): void {
  const off = target.length - shape.length;
  if (off < 0) {
    throw new ShapeError(`Cannot broadcast ${shapeToString(shape)} to the smaller rank ${shapeToString(target)}.`, {
      argument,
      hint: 'The target shape needs at least as many dimensions as the array.',
    });
  }
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] !== 1 && shape[i] !== target[off + i]) {
      throw new ShapeError(`Cannot broadcast ${shapeToString(shape)} to ${shapeToString(target)} (axis ${i}: ${shape[i]} vs ${target[off + i]}).`, {
        argument,
        hint: 'Each dimension must equal the target or be 1.',
      });
    }
  }
}
