/**
 * valueIndices: for each distinct value of an integer array, the indices of its elements,
 * as SciPy's value_indices: a Map from value (ascending) to one int32 index array per axis
 * (the package's index dtype; SciPy's are intp), the elements in C order.
 */
import { dtypeInfo, type NDArray, readOptions } from '@sciport/array-api';
import { describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError } from '@sciport/dispatch-core';
import { readInput } from './filter-io.js';
import { makeArray } from './label-groups.js';
import { VALUE_INDICES_KEYS, type ValueIndicesOptions } from './measurement-options.js';
import { readPlane } from './planes.js';

export function valueIndicesHost(arr: unknown, options?: ValueIndicesOptions): Map<number, NDArray[]> {
  const x = readInput(arr);
  const o = readOptions(options, VALUE_INDICES_KEYS, 'valueIndices');
  if (!dtypeInfo(x.dtype).kind.endsWith('integer')) {
    throw new DtypeError(`valueIndices needs an integer array, got ${x.dtype}.`, { argument: 'arr', hint: 'Pass integer values, e.g. labels.' });
  }
  const ignore = o.ignoreValue ?? null;
  if (ignore !== null && (typeof ignore !== 'number' || !Number.isInteger(ignore))) {
    throw new InvalidArgumentError(`'ignoreValue' must be an integer or null, got ${describe(ignore)}.`, {
      argument: 'ignoreValue',
      hint: 'Give the value to leave out (e.g. 0 for the background).',
    });
  }
  const values = readPlane(x);
  // counts per value, then each value's flat positions in C order
  const counts = new Map<number, number>();
  for (const v of values) if (v !== ignore) counts.set(v, (counts.get(v) ?? 0) + 1);
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const positions = new Map<number, { at: Float64Array; n: number }>(keys.map((k) => [k, { at: new Float64Array(counts.get(k) as number), n: 0 }]));
  values.forEach((v, i) => {
    const p = positions.get(v);
    if (p !== undefined) p.at[p.n++] = i;
  });
  const strides = x.shape.map((_, d) => x.shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const result = new Map<number, NDArray[]>();
  for (const k of keys) {
    const { at } = positions.get(k) as { at: Float64Array };
    result.set(
      k,
      x.shape.map((n, d) => makeArray(at.map((i) => Math.floor(i / strides[d]) % n), [at.length], 'int32')),
    );
  }
  return result;
}
