/**
 * The kit's shape, axes and option rules (`@sciport/array-api/kit`). Shapes expected of
 * valid calls were produced by NumPy 2 (np.moveaxis, np.tensordot, np.tile, np.matmul,
 * np.concatenate, np.stack, np.roll, np.reshape, np.expand_dims, np.repeat).
 */
import { DtypeError, InvalidArgumentError, SciportError, ShapeError } from '@sciport/dispatch-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isdtype } from '../src/index.js';
import {
  broadcastShapes,
  checkArrayList,
  checkBroadcastTo,
  checkCondition,
  checkCorrection,
  checkCount,
  checkDtypeKinds,
  checkMatrixRank,
  checkMeshgridArrays,
  checkSearchsortedRank,
  checkScalarOrArray,
  checkTransposeRank,
  concatShape,
  cumulativeAxis,
  diffAxis,
  expandDimsAxes,
  expandDimsView,
  meshgridArgs,
  permuteAxes,
  sortAxis,
  matmulShapes,
  moveaxisOrder,
  readIntegerList,
  repeatShape,
  resolveShape,
  rollShifts,
  squeezeAxes,
  stackShape,
  takeAlongAxisAxis,
  takeAxis,
  tensordotAxes,
  tileShape,
  unstackAxis,
  vecdotAxis,
} from '../src/kit.js';

function errorOf(fn: () => unknown): SciportError {
  try {
    fn();
  } catch (e) {
    expect(e, 'a SciportError').toBeInstanceOf(SciportError);
    return e as SciportError;
  }
  throw new Error('did not throw');
}

function expectError(fn: () => unknown, type: typeof SciportError, argument: string): void {
  const e = errorOf(fn);
  expect(e, e.message).toBeInstanceOf(type);
  expect(e.argument, e.message).toBe(argument);
  expect(e.hint, 'says what to do').toBeTruthy();
}

describe('valid calls give the shapes NumPy gives', () => {
  it('moveaxis, tensordot, tile, matmul', () => {
    const shape = [2, 3, 4];
    expect(moveaxisOrder(3, [0, 1], [-1, 0]).map((d) => shape[d])).toEqual([3, 4, 2]);
    const [a1, a2] = tensordotAxes([[1, 2], [1, 0]], [2, 3, 4], [4, 3, 5]);
    expect([a1, a2]).toEqual([
      [1, 2],
      [1, 0],
    ]);
    expect(tensordotAxes(undefined, [2, 3, 4], [3, 4, 5])).toEqual([
      [1, 2],
      [0, 1],
    ]);
    expect(tileShape([2, 3], [2, 1, 2]).out).toEqual([2, 2, 6]);
    expect(matmulShapes([3], [2, 3, 4]).shape).toEqual([2, 4]);
    expect(matmulShapes([5, 1, 2, 3], [3]).shape).toEqual([5, 1, 2]);
  });

  it('concat, stack, roll, reshape, expandDims, repeat', () => {
    expect(concatShape([[2, 3], [4, 3]], 0).shape).toEqual([6, 3]);
    expect(concatShape([[2, 3], [4]], null)).toEqual({ axis: 0, shape: [10] });
    expect(stackShape([[2, 3], [2, 3], [2, 3], [2, 3]], -1)).toEqual({ axis: 2, shape: [2, 3, 4] });
    expect(rollShifts(2, [1, 2], [1, 1])).toEqual([0, 3]);
    expect(rollShifts(2, 5, null)).toEqual([5]);
    expect(resolveShape([3, -1], 12)).toEqual([3, 4]);
    expect(expandDimsAxes(2, [0, -1])).toEqual([0, 3]);
    expect(repeatShape([2, 3], 1, [1, 0, 2]).shape).toEqual([2, 3]);
    expect(repeatShape([2, 3], 0, 4).shape).toEqual([8, 3]);
  });

  it('squeeze, take, unstack and vecdot axes', () => {
    expect(squeezeAxes([1, 3, 1], [0, -1])).toEqual([0, 2]);
    expect(takeAxis(1, undefined)).toBe(0);
    expect(takeAxis(3, -1)).toBe(2);
    expect(unstackAxis(2, undefined)).toBe(0);
    expect(vecdotAxis([4, 3], [3], -1)).toBe(-1);
    expect(vecdotAxis([4, 3], [2, 4, 3], 1)).toBe(-2);
  });

  it('moveaxis gives a permutation that puts each source axis at its destination', () => {
    const cases = fc.integer({ min: 1, max: 6 }).chain((nd) =>
      fc.tuple(fc.constant(nd), fc.shuffledSubarray([...Array(nd).keys()], { minLength: 1 })).chain(([n, src]) =>
        fc.tuple(fc.constant(n), fc.constant(src), fc.shuffledSubarray([...Array(n).keys()], { minLength: src.length, maxLength: src.length })),
      ),
    );
    fc.assert(
      fc.property(cases, ([nd, src, dst]) => {
        const order = moveaxisOrder(nd, src, dst);
        expect([...order].sort((a, b) => a - b)).toEqual([...Array(nd).keys()]);
        for (let i = 0; i < src.length; i++) expect(order[dst[i]]).toBe(src[i]);
      }),
    );
  });

  it('reshape with -1 keeps the size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }), fc.nat(), (dims, pick) => {
        const size = dims.reduce((p, d) => p * d, 1);
        const target = dims.slice();
        target[pick % dims.length] = -1;
        expect(resolveShape(target, size)).toEqual(dims);
      }),
    );
  });
});

describe('bad arguments are typed errors naming the argument', () => {
  it('integer lists: a number or an iterable of integers', () => {
    expect(readIntegerList(new Set([2, 0]), 'axis')).toEqual([2, 0]);
    expectError(() => readIntegerList(1n, 'source'), InvalidArgumentError, 'source');
    expectError(() => readIntegerList(null, 'shape'), InvalidArgumentError, 'shape');
    expectError(() => readIntegerList('01', 'axis'), InvalidArgumentError, 'axis');
    expectError(() => readIntegerList([[0, 1]], 'repetitions'), InvalidArgumentError, 'repetitions');
    expectError(() => readIntegerList([1.5], 'shift'), InvalidArgumentError, 'shift');
  });

  it('moveaxis, reshape, tile', () => {
    expectError(() => moveaxisOrder(2, 1n, 0), InvalidArgumentError, 'source');
    expectError(() => moveaxisOrder(2, [0, 0], [0, 1]), InvalidArgumentError, 'source');
    expectError(() => moveaxisOrder(2, [0], [0, 1]), InvalidArgumentError, 'destination');
    expectError(() => resolveShape(null, 4), ShapeError, 'shape');
    expectError(() => resolveShape([-1, -1], 4), ShapeError, 'shape');
    expectError(() => resolveShape([3, -1], 4), ShapeError, 'shape');
    expectError(() => tileShape([2], [[0, 1]]), InvalidArgumentError, 'repetitions');
    expectError(() => tileShape([2], [-1]), InvalidArgumentError, 'repetitions');
    expectError(() => tileShape([2], [2 ** 40]), ShapeError, 'repetitions');
  });

  it('tensordot, matmul, vecdot', () => {
    expectError(() => tensordotAxes(3, [2, 3], [3, 4]), ShapeError, 'axes');
    expectError(() => tensordotAxes(1.5, [2, 3], [3, 4]), ShapeError, 'axes');
    expectError(() => tensordotAxes([0], [2, 3], [3, 4]), InvalidArgumentError, 'axes');
    expectError(() => tensordotAxes({}, [2, 3], [3, 4]), InvalidArgumentError, 'axes');
    expectError(() => tensordotAxes([[0], [0]], [2, 3], [3, 4]), ShapeError, 'axes');
    expectError(() => tensordotAxes([[0, 0], [0, 1]], [2, 3], [2, 2]), InvalidArgumentError, 'axes');
    expectError(() => matmulShapes([], [3]), ShapeError, 'x1');
    expectError(() => matmulShapes([2, 3], [4, 2]), ShapeError, 'x2');
    expectError(() => matmulShapes([2, 2, 3], [3, 3, 2]), ShapeError, 'x2');
    expectError(() => vecdotAxis([3], [4], -1), ShapeError, 'x2');
    expectError(() => vecdotAxis([3], [1, 3], 2), InvalidArgumentError, 'axis');
  });

  it('concat, stack, squeeze, expandDims, roll, repeat, take, unstack', () => {
    expectError(() => checkArrayList([], 'concat'), InvalidArgumentError, 'arrays');
    expectError(() => checkArrayList(null, 'stack'), InvalidArgumentError, 'arrays');
    expectError(() => concatShape([[]], 0), ShapeError, 'arrays');
    expectError(() => concatShape([[2, 3], [2, 4]], 0), ShapeError, 'arrays[1]');
    expectError(() => stackShape([[2, 3], [3, 2]], 0), ShapeError, 'arrays[1]');
    expectError(() => squeezeAxes([2, 1], 0), ShapeError, 'axis');
    expectError(() => expandDimsAxes(1, [0, 0]), InvalidArgumentError, 'axis');
    expectError(() => expandDimsAxes(1, null), InvalidArgumentError, 'axis');
    expectError(() => rollShifts(2, [1, 2], 0), InvalidArgumentError, 'shift');
    expectError(() => rollShifts(2, [1], undefined), InvalidArgumentError, 'shift');
    expectError(() => rollShifts(2, 1, 'x'), InvalidArgumentError, 'axis');
    expectError(() => repeatShape([3], 0, [1, 2]), ShapeError, 'repeats');
    expectError(() => repeatShape([3], 0, -1), InvalidArgumentError, 'repeats');
    expectError(() => takeAxis(2, undefined), InvalidArgumentError, 'axis');
    expectError(() => unstackAxis(0, 0), ShapeError, 'x');
  });

  it('counts, correction, scalar operands', () => {
    expect(checkCount(0, 'n')).toBe(0);
    expectError(() => checkCount(1.5, 'n'), InvalidArgumentError, 'n');
    expect(checkCorrection(undefined)).toBe(0);
    expectError(() => checkCorrection(-1), InvalidArgumentError, 'correction');
    expectError(() => checkScalarOrArray(1, 2n, 'add'), InvalidArgumentError, 'x1');
    expect(() => checkScalarOrArray(1, [1], 'add')).not.toThrow();
  });
});

describe('the rules every namespace shares', () => {
  it('axes of sort, cumulative sums and diff', () => {
    expect(sortAxis(3, undefined)).toBe(2);
    expectError(() => sortAxis(0, undefined), InvalidArgumentError, 'x');
    expect(diffAxis(2, 0)).toBe(0);
    expectError(() => diffAxis(0, undefined), InvalidArgumentError, 'x');
    expect(cumulativeAxis(0, undefined, 'cumulativeSum')).toBe(0);
    expect(cumulativeAxis(3, -1, 'cumulativeProd')).toBe(2);
    expectError(() => cumulativeAxis(2, undefined, 'cumulativeSum'), InvalidArgumentError, 'axis');
  });

  it('meshgrid options: a trailing plain object, never an array or null', () => {
    const a = { shape: [2] };
    expect(meshgridArgs([a, a, { indexing: 'ij' }])).toEqual({ arrays: [a, a], indexing: 'ij' });
    expect(meshgridArgs([a, a])).toEqual({ arrays: [a, a], indexing: 'xy' });
    // null is an argument for the namespace to refuse as an array, not a TypeError here.
    expect(meshgridArgs([a, null])).toEqual({ arrays: [a, null], indexing: 'xy' });
    expect(meshgridArgs([a, Object.create(null)])).toEqual({ arrays: [a], indexing: 'xy' });
    expectError(() => meshgridArgs([a, { indexing: 'yx' }]), InvalidArgumentError, 'indexing');
    expectError(() => meshgridArgs([a, { index: 'ij' }]), InvalidArgumentError, 'index');
    expect(() => checkMeshgridArrays([1, 1])).not.toThrow();
    expectError(() => checkMeshgridArrays([1, 2]), InvalidArgumentError, 'arrays[1]');
  });

  it('takeAlongAxis and searchsorted', () => {
    expect(takeAlongAxisAxis(2, 2, undefined)).toBe(1);
    expectError(() => takeAlongAxisAxis(2, 1, 0), ShapeError, 'indices');
    expectError(() => takeAlongAxisAxis(2, 2, 2), InvalidArgumentError, 'axis');
    expect(() => checkSearchsortedRank(1)).not.toThrow();
    expectError(() => checkSearchsortedRank(2), ShapeError, 'x1');
  });

  it('matrix ranks, permutations, broadcastTo, where and isdtype', () => {
    expect(() => checkMatrixRank(2, 'tril')).not.toThrow();
    expectError(() => checkMatrixRank(1, 'matrixTranspose'), InvalidArgumentError, 'x');
    expect(() => checkTransposeRank(2)).not.toThrow();
    expectError(() => checkTransposeRank(3), InvalidArgumentError, 'x');
    expect(permuteAxes(3, [-1, 0, 1])).toEqual([2, 0, 1]);
    expectError(() => permuteAxes(2, 1), InvalidArgumentError, 'axes');
    expectError(() => permuteAxes(2, [0, 0]), InvalidArgumentError, 'axes');
    expect(() => checkBroadcastTo([3, 1], [2, 3, 4])).not.toThrow();
    expectError(() => checkBroadcastTo([3], [4], 'x'), ShapeError, 'x');
    expectError(() => checkBroadcastTo([2, 3], [3], 'arrays[1]'), ShapeError, 'arrays[1]');
    expectError(() => checkCondition('float64'), DtypeError, 'condition');
    // NumPy's isdtype checks every kind, also those after one that matches.
    expectError(() => checkDtypeKinds(['float64', 'junk']), InvalidArgumentError, 'kind');
    expectError(() => isdtype('float64', ['float64', 'junk' as never]), InvalidArgumentError, 'kind');
    expect(isdtype('float64', ['real floating'])).toBe(true);
  });

  it('broadcastTo accepts exactly the targets broadcastShapes gives back unchanged', () => {
    const dims = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 });
    fc.assert(
      fc.property(dims, dims, (shape, target) => {
        let expected: boolean;
        try {
          expected = target.length >= shape.length && broadcastShapes(shape, target).every((n, i) => n === target[i]);
        } catch {
          expected = false;
        }
        let accepted = true;
        try {
          checkBroadcastTo(shape, target);
        } catch (e) {
          expect(e).toBeInstanceOf(ShapeError);
          accepted = false;
        }
        expect(accepted).toBe(expected);
      }),
    );
  });

  it('expandDims as a view (np.expand_dims(np.ones((2, 3)), (0, 2)) has shape (1, 2, 1, 3))', () => {
    expect(expandDimsView([2, 3], [3, 1], expandDimsAxes(2, [0, 2]))).toEqual({ shape: [1, 2, 1, 3], stride: [0, 3, 0, 1] });
  });

  it('tile with one count repeats the last axis (np.tile(np.ones(3), 2) has shape (6,))', () => {
    expect(tileShape([3], 2).out).toEqual([6]);
  });

  it('a namespace of chunked arrays passes a size rule without the element cap', () => {
    const halves = [[2 ** 30], [2 ** 30]];
    expectError(() => concatShape(halves, 0), ShapeError, 'arrays');
    expect(concatShape(halves, 0, () => {}).shape).toEqual([2 ** 31]);
    expect(stackShape(halves, 0, () => {}).shape).toEqual([2, 2 ** 30]);
    expect(tileShape([2 ** 30], 4, () => {}).out).toEqual([2 ** 32]);
    expect(matmulShapes([2 ** 20, 1], [1, 2 ** 20], () => {}).shape).toEqual([2 ** 20, 2 ** 20]);
  });
});
