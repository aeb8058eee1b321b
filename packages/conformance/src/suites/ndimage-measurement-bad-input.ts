/**
 * Bad input to the labelling and measurement functions: each case throws the typed error
 * (by class name) naming the offending argument. SciPy raises there too (TypeError,
 * ValueError, RuntimeError), except where the package README says it refuses more.
 */
import { NDArray } from '@sciport/array-api';
import * as sciNdimage from '@sciport/ndimage';
import { describe, expect, it } from 'vitest';
import type { ArrayFactory } from '../factory.js';
import { isSelected, type NdimageSuiteOptions } from './ndimage-options.js';

type AnyFn = (...args: unknown[]) => unknown;
const api = sciNdimage as unknown as Record<string, AnyFn>;

interface BadCase {
  readonly fn: string;
  readonly what: string;
  readonly input: NDArray;
  readonly args: readonly unknown[];
  readonly error: string;
  readonly argument: string;
}

function array(dtype: 'float64' | 'uint8' | 'int32' | 'complex128', shape: number[], values?: number[]): NDArray {
  const n = shape.reduce((p, v) => p * v, 1) * (dtype === 'complex128' ? 2 : 1);
  const data = values ?? Array.from({ length: n }, (_, i) => (i * 7) % 5);
  const Storage = { float64: Float64Array, uint8: Uint8Array, int32: Int32Array, complex128: Float64Array }[dtype];
  return new NDArray(Storage.from(data), shape, dtype);
}

const STATISTICS = ['sum', 'sumLabels', 'mean', 'variance', 'standardDeviation', 'minimum', 'maximum', 'median', 'minimumPosition', 'maximumPosition', 'extrema', 'centerOfMass'];

function cases(): BadCase[] {
  const x = array('float64', [4, 5]);
  const labels = array('int32', [4, 5]);
  const list: BadCase[] = [];
  const add = (fn: string, what: string, args: unknown[], error: string, argument: string, input = x) => list.push({ fn, what, input, args, error, argument });
  const iae = 'InvalidArgumentError';
  const complexImage = array('complex128', [4, 5]);
  // label
  add('label', 'complex input', [], 'DtypeError', 'input', complexImage);
  add('label', 'a structure of another rank', [{ structure: [1, 1, 1] }], 'ShapeError', 'structure');
  add('label', 'a structure that is not 3×3', [{ structure: [[1, 1], [1, 1]] }], 'ShapeError', 'structure');
  add('label', 'a structure that is not symmetric', [{ structure: [[0, 0, 0], [1, 1, 0], [0, 1, 0]] }], iae, 'structure');
  add('label', 'an output of another shape', [{ output: array('int32', [5, 4]) }], 'ShapeError', 'output');
  add('label', 'a complex output dtype', [{ output: 'complex128' }], 'DtypeError', 'output');
  add('label', 'an output dtype too narrow for the labels', [{ output: 'int8' }], iae, 'output', array('float64', [1, 600], Array.from({ length: 600 }, (_, i) => i % 2)));
  add('label', 'an unknown option', [{ structur: null }], iae, 'structur');
  // findObjects
  add('findObjects', 'float labels', [], 'DtypeError', 'input');
  add('findObjects', 'a fractional maxLabel', [{ maxLabel: 1.5 }], iae, 'maxLabel', labels);
  // the statistics
  for (const fn of STATISTICS) {
    add(fn, 'complex input', [labels, [1, 2]], 'DtypeError', 'input', complexImage);
    add(fn, 'labels that do not broadcast to the input', [array('int32', [5, 4]), [1, 2]], 'ShapeError', 'labels');
    add(fn, 'an index that is not labels', [labels, 'all'], iae, 'index');
  }
  add('minimum', 'a number index no element has', [labels, 9], iae, 'index');
  add('extrema', 'labels without any label > 0', [array('int32', [4, 5], new Array(20).fill(0)), null], iae, 'index');
  add('maximumPosition', 'an empty input', [], iae, 'input', array('float64', [0, 3]));
  // histogram
  add('histogram', 'negative bins', [0, 1, -1], iae, 'bins');
  add('histogram', 'fractional bins', [0, 1, 2.5], iae, 'bins');
  add('histogram', 'more bins than any buffer holds', [0, 1, 2 ** 53], 'ShapeError', 'bins');
  add('histogram', 'max below min', [1, 0, 4], iae, 'max');
  add('histogram', 'a NaN min', [Number.NaN, 1, 4], iae, 'min');
  add('histogram', 'labels that do not broadcast', [0, 1, 4, array('int32', [3, 5])], 'ShapeError', 'labels');
  // labeledComprehension
  const total = (v: NDArray) => v.size;
  add('labeledComprehension', 'an index without labels', [null, [1, 2], total, 'float64', 0], iae, 'index');
  add('labeledComprehension', 'a func that is not a function', [labels, [1, 2], 'sum', 'float64', 0], iae, 'func');
  add('labeledComprehension', 'an outDtype that is not a dtype', [labels, [1, 2], total, 'float65', 0], 'DtypeError', 'outDtype');
  add('labeledComprehension', 'a func that returns no number for an index', [labels, [1, 2], () => 'many', 'float64', 0], iae, 'func');
  add('labeledComprehension', 'a default that is not a number', [labels, [1, 2], total, 'float64', 'none'], iae, 'default');
  add('labeledComprehension', 'a passPositions that is not a boolean', [labels, [1, 2], total, 'float64', 0, { passPositions: 1 }], iae, 'passPositions');
  // valueIndices
  add('valueIndices', 'float values', [], 'DtypeError', 'arr');
  add('valueIndices', 'a fractional ignoreValue', [{ ignoreValue: 0.5 }], iae, 'ignoreValue', labels);
  // watershedIft
  const image = array('uint8', [4, 5]);
  add('watershedIft', 'float input', [labels], 'DtypeError', 'input');
  add('watershedIft', 'unsigned markers', [image], 'DtypeError', 'markers', image);
  add('watershedIft', 'markers of another shape', [array('int32', [5, 4])], 'ShapeError', 'markers', image);
  add('watershedIft', 'a float output array', [labels, { output: array('float64', [4, 5]) }], 'DtypeError', 'output', image);
  add('watershedIft', 'an output dtype name (SciPy ignores it)', [labels, { output: 'int16' }], iae, 'output', image);
  add('watershedIft', 'a structure that is not 3×3', [labels, { structure: [[1, 1], [1, 1]] }], 'ShapeError', 'structure', image);
  return list;
}

/** Every part of a result read back: arrays through the factory, Promises awaited, lists part by part. */
async function readAll(result: unknown, factory: ArrayFactory): Promise<unknown> {
  if (Array.isArray(result)) return Promise.all(result.map((r) => readAll(r, factory)));
  if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') return result;
  if (typeof result === 'number' || result === null || result === undefined) return result;
  return factory.read(result);
}

export function ndimageMeasurementBadInputSuite(factory: ArrayFactory, options: NdimageSuiteOptions): void {
  const selected = cases().filter((c) => isSelected(c.fn, options));
  if (selected.length === 0) return;
  describe('labelling and measurements: bad input throws a typed error naming the argument', () => {
    for (const c of selected) {
      it(`${c.fn}: ${c.what} → ${c.error} (${c.argument})`, async () => {
        const input = factory.make(c.input);
        const expected = expect.objectContaining({ name: c.error, argument: c.argument });
        let result: unknown;
        try {
          result = api[c.fn](input, ...c.args);
        } catch (error) {
          expect(error).toEqual(expected);
          return;
        }
        // a backend without synchronous readback finds errors that depend on the data (too many
        // labels for the output dtype) while computing: reading the result must reject with them
        await expect(readAll(result, factory)).rejects.toEqual(expected);
      });
    }
  });
}
