import { DtypeError, ShapeError } from '@sciport/dispatch-core';
import type { GPUArray } from '../gpu-array.js';

/** n of a float32 stack of n×n matrices ([..., n, n]); the host's errors otherwise. */
export function squareStack(a: GPUArray, argument: string, fn: string): number {
  if (a.dtype !== 'float32') {
    throw new DtypeError(`${fn} on the GPU takes float32 arrays; '${argument}' is ${a.dtype}.`, {
      argument,
      hint: "Convert it on the device (astype(x, 'float32')), or read it back and call the host version.",
    });
  }
  if (a.ndim < 2 || a.shape[a.ndim - 1] !== a.shape[a.ndim - 2]) {
    throw new ShapeError(`${fn}: '${argument}' must be a square matrix or a stack of them ([..., n, n]); got shape [${a.shape.join(', ')}].`, {
      argument,
      hint: 'Pass a square matrix.',
    });
  }
  return a.shape[a.ndim - 1]!;
}
