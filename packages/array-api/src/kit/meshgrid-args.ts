/**
 * meshgrid's arguments: the arrays, then optionally an options object `{ indexing }`,
 * 'xy' (Cartesian, the default) or 'ij' (matrix). The options are a plain object: not a
 * list, not a typed array and not an array of any kind (every array has a `shape`).
 */
import { InvalidArgumentError } from '@sciport/dispatch-core';
import { readOptions } from '../options.js';
import { describe } from './describe.js';

export function meshgridArgs(args: readonly unknown[]): { arrays: unknown[]; indexing: 'xy' | 'ij' } {
  const last = args[args.length - 1];
  const isOptions = last !== null && typeof last === 'object' && !Array.isArray(last) && !ArrayBuffer.isView(last) && !('shape' in last);
  if (!isOptions) return { arrays: [...args], indexing: 'xy' };
  const indexing = readOptions(last as { indexing?: unknown }, ['indexing'], 'meshgrid').indexing ?? 'xy';
  if (indexing !== 'xy' && indexing !== 'ij') {
    throw new InvalidArgumentError(`'indexing' must be 'xy' or 'ij', got ${describe(indexing)}.`, {
      argument: 'indexing',
      hint: "Use 'xy' (Cartesian) or 'ij' (matrix).",
    });
  }
  return { arrays: args.slice(0, -1), indexing };
}
