/**
 * Bad input to sciport.ndimage's morphology and distance transforms: every case must
 * throw the typed error (by class name) that names the offending argument. Where SciPy
 * raises we raise; where it accepts nonsense (an origin outside the structure, negative
 * sampling), the package README says why we refuse.
 */
import { NDArray, zeros } from '@sciport/array-api';
import * as sciNdimage from '@sciport/ndimage';
import { ndimageNames } from '@sciport/ndimage';
import { describe, expect, it } from 'vitest';
import type { ArrayFactory } from '../factory.js';
import { isSelected, type NdimageSuiteOptions } from './ndimage-options.js';

type AnyFn = (...args: unknown[]) => unknown;
const api = sciNdimage as unknown as Record<string, AnyFn>;

interface BadCase {
  readonly fn: string;
  readonly what: string;
  /** The first argument: an image (made an array of the backend's kind), or a plain value. */
  readonly input: unknown;
  readonly args: readonly unknown[];
  readonly error: string;
  readonly argument: string;
}

function image(shape: number[]): NDArray {
  const n = shape.reduce((p, v) => p * v, 1);
  return new NDArray(Float64Array.from({ length: n }, (_, i) => (Math.sin(i + 1) > 0 ? 1 : 0)), shape, 'float64');
}

/** Options each function needs to be valid (the grey operations need a window). */
const VALID_OPTIONS: Record<string, Record<string, unknown>> = {
  greyErosion: { size: 3 },
  greyDilation: { size: 3 },
  greyOpening: { size: 3 },
  greyClosing: { size: 3 },
  morphologicalGradient: { size: 3 },
  morphologicalLaplace: { size: 3 },
  whiteTophat: { size: 3 },
  blackTophat: { size: 3 },
};

function cases(): BadCase[] {
  const x = image([4, 5]);
  const z = new NDArray(new Float64Array(40), [4, 5], 'complex128');
  const list: BadCase[] = [];
  const add = (fn: string, what: string, args: unknown[], error: string, argument: string, input: unknown = x) =>
    list.push({ fn, what, input, args, error, argument });
  const iae = 'InvalidArgumentError';
  const morphology = ndimageNames((f) => f.kind === 'binary-morphology' || f.kind === 'grey-morphology' || f.kind === 'distance');
  for (const fn of morphology) add(fn, 'an unknown option key', [{ ...VALID_OPTIONS[fn], strcture: 1 }], iae, 'strcture');
  // structures
  add('generateBinaryStructure', 'a fractional rank', [1], iae, 'rank', 1.5);
  add('generateBinaryStructure', 'a connectivity that is not a number', ['2'], iae, 'connectivity', 2);
  add('iterateStructure', 'fractional iterations', [1.5], iae, 'iterations', [[0, 1, 0], [1, 1, 1], [0, 1, 0]]);
  add('iterateStructure', 'an origin that is not an integer', [2, { origin: 0.5 }], iae, 'origin', [[0, 1, 0], [1, 1, 1], [0, 1, 0]]);
  // binary operations
  add('binaryErosion', 'a structure whose rank is not the input’s', [{ structure: [1, 1, 1] }], 'ShapeError', 'structure');
  add('binaryDilation', 'an empty structure', [{ structure: [[]] }], iae, 'structure');
  add('binaryErosion', 'fractional iterations', [{ iterations: 1.5 }], iae, 'iterations');
  add('binaryOpening', 'iterations that are not a number', [{ iterations: 'two' }], iae, 'iterations');
  add('binaryDilation', 'a mask of another shape', [{ mask: image([5, 4]) }], 'ShapeError', 'mask');
  add('binaryPropagation', 'a mask of another shape', [{ mask: image([2, 2]) }], 'ShapeError', 'mask');
  add('binaryErosion', 'an origin outside the structure', [{ origin: 2 }], iae, 'origin');
  add('binaryDilation', 'a fractional origin', [{ origin: [0, 0.5] }], iae, 'origin');
  add('binaryClosing', 'one origin per axis, wrong count', [{ origin: [0, 0, 0] }], iae, 'origin');
  add('binaryErosion', 'a border value that is not a number', [{ borderValue: 'yes' }], iae, 'borderValue');
  add('binaryDilation', 'bruteForce that is not a boolean', [{ bruteForce: 1 }], iae, 'bruteForce');
  add('binaryErosion', 'an output dtype name other than bool (SciPy ignores it)', [{ output: 'float32' }], 'DtypeError', 'output');
  add('binaryErosion', 'an output of another shape', [{ output: zeros([5, 4], { dtype: 'bool' }) }], 'ShapeError', 'output');
  add('binaryErosion', 'a repeated axis', [{ axes: [1, 1] }], iae, 'axes');
  add('binaryErosion', 'complex input', [{}], 'DtypeError', 'input', z);
  add('binaryFillHoles', 'complex input', [{}], 'DtypeError', 'input', z);
  add('binaryHitOrMiss', 'a structure1 whose rank is not the input’s', [{ structure1: [1, 0, 1] }], 'ShapeError', 'structure1');
  add('binaryHitOrMiss', 'a structure2 whose rank is not the input’s', [{ structure2: [[[1]]] }], 'ShapeError', 'structure2');
  add('binaryFillHoles', 'a structure whose rank is not the input’s', [{ structure: [1, 1, 1] }], 'ShapeError', 'structure');
  // grey operations
  for (const fn of ['greyErosion', 'greyOpening', 'whiteTophat']) add(fn, 'no size, footprint or structure', [{}], iae, 'size');
  add('greyDilation', 'both size and footprint (SciPy ignores size)', [{ size: 3, footprint: [[1, 1]] }], iae, 'size');
  add('greyErosion', 'a structure whose rank is not len(axes)', [{ structure: [1, 2, 3] }], 'ShapeError', 'structure');
  add('greyDilation', 'a structure whose rank is not len(axes)', [{ structure: [[1, 2, 3]], axes: [0] }], 'ShapeError', 'structure');
  add('greyErosion', 'a footprint of another shape than the structure', [{ structure: [[1, 2]], footprint: [[1, 1, 1]] }], 'ShapeError', 'footprint');
  add('greyErosion', 'a sequence of modes with a structure', [{ structure: [[1, 2]], mode: ['wrap', 'reflect'] }], iae, 'mode');
  add('greyDilation', 'an unknown mode', [{ size: 3, mode: 'reflekt' }], iae, 'mode');
  add('greyErosion', 'an origin outside the window', [{ size: 3, origin: 2 }], iae, 'origin');
  add('greyDilation', 'complex input', [{ size: 3 }], 'DtypeError', 'input', z);
  add('greyErosion', 'a footprint with values other than 0/1', [{ footprint: [[0.5, 1]] }], iae, 'footprint');
  // distance transforms
  for (const fn of ['distanceTransformEdt', 'distanceTransformBf', 'distanceTransformCdt']) {
    add(fn, 'neither distances nor indices asked for', [{ returnDistances: false }], iae, 'returnDistances');
    add(fn, 'a distances array without returnDistances', [{ returnDistances: false, returnIndices: true, distances: zeros([4, 5]) }], iae, 'distances');
    add(fn, 'an indices array without returnIndices', [{ indices: zeros([2, 4, 5], { dtype: 'int32' }) }], iae, 'indices');
    add(fn, 'an indices array of another shape', [{ returnIndices: true, indices: zeros([4, 5], { dtype: 'int32' }) }], 'ShapeError', 'indices');
    add(fn, 'an indices array that is not int32', [{ returnIndices: true, indices: zeros([2, 4, 5]) }], 'DtypeError', 'indices');
    add(fn, 'returnIndices that is not a boolean', [{ returnIndices: 1 }], iae, 'returnIndices');
  }
  add('distanceTransformEdt', 'a negative sampling', [{ sampling: [1, -1] }], iae, 'sampling');
  add('distanceTransformEdt', 'sampling 0', [{ sampling: 0 }], iae, 'sampling');
  add('distanceTransformEdt', 'one sampling per axis, wrong count', [{ sampling: [1, 2, 3] }], iae, 'sampling');
  add('distanceTransformEdt', 'a distances array that is not float64', [{ distances: zeros([4, 5], { dtype: 'float32' }) }], 'DtypeError', 'distances');
  add('distanceTransformBf', 'an unknown metric', [{ metric: 'euclid' }], iae, 'metric');
  add('distanceTransformBf', 'a NaN sampling', [{ sampling: Number.NaN }], iae, 'sampling');
  add('distanceTransformBf', 'a taxicab distances array that is not uint32', [{ metric: 'taxicab', distances: zeros([4, 5]) }], 'DtypeError', 'distances');
  add('distanceTransformCdt', 'an unknown metric', [{ metric: 'euclidean' }], iae, 'metric');
  add('distanceTransformCdt', 'a metric that is not 3×3', [{ metric: [[1, 1], [1, 1]] }], 'ShapeError', 'metric');
  add('distanceTransformCdt', 'a metric whose rank is not the input’s', [{ metric: [1, 1, 1] }], 'ShapeError', 'metric');
  add('distanceTransformCdt', 'a distances array that is not int32', [{ distances: zeros([4, 5]) }], 'DtypeError', 'distances');
  return list;
}

export function ndimageMorphologyBadInputSuite(factory: ArrayFactory, options: NdimageSuiteOptions): void {
  const selected = cases().filter((c) => isSelected(c.fn, options));
  if (selected.length === 0) return;
  describe('bad input to the morphology throws a typed error naming the argument', () => {
    for (const c of selected) {
      it(`${c.fn}: ${c.what} → ${c.error} (${c.argument})`, () => {
        const input = c.input instanceof NDArray ? factory.make(c.input) : c.input;
        expect(() => api[c.fn](input, ...c.args)).toThrow(expect.objectContaining({ name: c.error, argument: c.argument }));
      });
    }
  });
}
