import { checkBoolean } from '@sciport/array-api/kit';
import type { InvOptions } from '@sciport/linalg';
import { readFunctionOptions } from '@sciport/linalg/backend-kit';
import { GPUArray } from '../gpu-array.js';
import { generate } from '../kernels/generate.js';
import { Params } from '../program/params.js';
import { copyRightHandSides, factorStack, submitWithStatus } from './lu-factor.js';
import { LU_SOLVE } from './lu-programs.js';
import { preparedStructure } from './prepared-structure.js';
import { squareStack } from './square-stack.js';

/** inv(a) on float32 GPU arrays: LU, then the n unit vectors solved as right-hand sides. */
export function invGPU(a: GPUArray, options?: InvOptions): GPUArray {
  const o = readFunctionOptions(options, 'inv');
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const structure = preparedStructure(o.assumeA, checkBoolean(o.lower, 'lower', false));
  const n = squareStack(a, 'a', 'inv');
  const batchShape = a.shape.slice(0, -2);
  if (n === 0 || batchShape.includes(0)) return GPUArray.empty(a.shape, 'float32', a.storage.runtime);
  const stack = factorStack(a, batchShape, structure, false, checkFinite);
  const identity = generate({ mode: 'eye', shape: [n, n], dtype: 'float32', k: 0 });
  const x = copyRightHandSides(stack, identity, [...batchShape, n, n], false);
  stack.batch.dispatch(LU_SOLVE, new Params().u(n).u(n).u(stack.batches), [stack.lu.buffer, stack.pivots.buffer, x.buffer], stack.batches * n);
  submitWithStatus(x, stack, 'inv', true);
  for (const t of [stack.lu, stack.pivots, identity]) t.dispose();
  return x;
}
