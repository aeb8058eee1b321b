/**
 * labeledComprehension: `func` applied to the values of each label group, as SciPy's
 * labeled_comprehension. `func(values)` (or `func(values, positions)` with passPositions,
 * the flat C-order positions as int32) gets 1-D host arrays, the values in C order.
 * Without labels, or without an index, `func`'s result is returned as it is; a number
 * index gives a number, a sequence index an array of `outDtype` with the index's shape,
 * with `default` for labels that have no element.
 */
import { type DType, isDType, type NDArray, readOptions } from '@sciport/array-api';
import { checkBoolean, describe } from '@sciport/array-api/kit';
import { DtypeError, InvalidArgumentError } from '@sciport/dispatch-core';
import { labelGroups, makeArray } from './label-groups.js';
import { COMPREHENSION_KEYS, type LabeledComprehensionOptions } from './measurement-options.js';
import { quantize } from './output.js';

/** The function applied to each group: its values (and, with passPositions, their positions). */
export type ComprehensionFunction = (values: NDArray, positions?: NDArray) => unknown;

export function labeledComprehensionHost(
  input: unknown,
  labels: unknown,
  index: unknown,
  func: ComprehensionFunction,
  outDtype: DType,
  defaultValue: number,
  options?: LabeledComprehensionOptions,
): unknown {
  const o = readOptions(options, COMPREHENSION_KEYS, 'labeledComprehension');
  const passPositions = checkBoolean(o.passPositions, 'passPositions', false);
  if (typeof func !== 'function') {
    throw new InvalidArgumentError(`'func' must be a function, got ${describe(func)}.`, {
      argument: 'func',
      hint: 'Pass (values, positions?) => number.',
    });
  }
  if (typeof outDtype !== 'string' || !isDType(outDtype)) {
    throw new DtypeError(`'outDtype' must name a dtype, got ${describe(outDtype)}.`, { argument: 'outDtype', hint: 'Use e.g. "float64".' });
  }
  if (typeof defaultValue !== 'number') {
    throw new InvalidArgumentError(`'default' must be a number, got ${describe(defaultValue)}.`, {
      argument: 'default',
      hint: 'Give the value for labels without elements (e.g. 0 or NaN).',
    });
  }
  if ((labels === undefined || labels === null) && index !== undefined && index !== null) {
    throw new InvalidArgumentError("An 'index' needs 'labels'.", { argument: 'index', hint: 'Pass the labels, or leave index null.' });
  }
  const g = labelGroups('labeledComprehension', input, labels, index);
  // the elements of each group in C order (a counting sort by group)
  const n = g.groupCount;
  const start = new Int32Array(n + 1);
  for (const k of g.group) if (k >= 0) start[k + 1]++;
  for (let k = 0; k < n; k++) start[k + 1] += start[k];
  const order = new Float64Array(start[n]);
  const fill = start.slice(0, n);
  g.group.forEach((k, i) => {
    if (k >= 0) order[fill[k]++] = i;
  });
  const apply = (k: number): unknown => {
    const at = order.slice(start[k], start[k + 1]);
    const values = makeArray(at.map((i) => g.values[i]), [at.length], g.dtype);
    return passPositions ? func(values, makeArray(at, [at.length], 'int32')) : func(values);
  };
  if (g.slots === null && typeof index !== 'number') return apply(0);
  const perGroup = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const r = start[k + 1] > start[k] ? apply(k) : defaultValue;
    if (typeof r !== 'number' && typeof r !== 'boolean') {
      throw new InvalidArgumentError(`'func' returned ${describe(r)}; with an index it must return a number.`, {
        argument: 'func',
        hint: 'Return one number per label (or leave index null to get func’s result as it is).',
      });
    }
    perGroup[k] = Number(r);
  }
  if (g.slots === null) {
    const one = Float64Array.of(perGroup[0]);
    quantize(one, outDtype);
    return one[0];
  }
  return makeArray(Float64Array.from(g.slots, (s) => perGroup[s]), g.indexShape, outDtype);
}
