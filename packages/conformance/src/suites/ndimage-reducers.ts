/**
 * labeledComprehension's callables in fixtures: `{ reducer: name }` stands for the Python
 * function the generator passed (REDUCERS in tooling/fixtures/gen_ndimage.py); here each
 * name is the same computation on the host arrays the package passes.
 */
import type { NDArray } from '@sciport/array-api';
import { elementsOf } from '../compare.js';

function values(x: NDArray): number[] {
  return Array.from(elementsOf(x).filter((_, i) => i % 2 === 0));
}

const REDUCERS: Record<string, (v: NDArray, p?: NDArray) => number> = {
  sum: (v) => values(v).reduce((a, b) => a + b, 0),
  max: (v) => Math.max(...values(v)),
  count: (v) => v.size,
  positionSum: (_v, p) => values(p as NDArray).reduce((a, b) => a + b, 0),
};

export function isReducer(v: unknown): v is { reducer: string } {
  return typeof v === 'object' && v !== null && typeof (v as { reducer?: unknown }).reducer === 'string';
}

export function reducerCallback(name: string): (v: NDArray, p?: NDArray) => number {
  const fn = REDUCERS[name];
  if (fn === undefined) throw new Error(`Unknown fixture reducer '${name}'`);
  return fn;
}
