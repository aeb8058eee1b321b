import { describe, expect, it } from 'vitest';
import { checkNorm, checkWorkers, normScale, swapDirection } from '../src/options.js';
import { initShapeAndAxes, normalizeAxis } from '../src/shape-axes.js';

// Expected values are SciPy 1.17's `_init_nd_shape_and_axes` on the same arguments.
describe('initShapeAndAxes (SciPy _init_nd_shape_and_axes)', () => {
  const shape = [3, 4, 5];
  it('defaults to every axis and the input shape', () => {
    expect(initShapeAndAxes(shape, undefined, undefined)).toEqual({ axes: [0, 1, 2], shape: [3, 4, 5] });
    expect(initShapeAndAxes(shape, null, null)).toEqual({ axes: [0, 1, 2], shape: [3, 4, 5] });
  });
  it('takes the last len(s) axes when only s is given, and -1 keeps a size', () => {
    expect(initShapeAndAxes(shape, [6, 2], undefined)).toEqual({ axes: [1, 2], shape: [6, 2] });
    expect(initShapeAndAxes(shape, [2, -1, 7], undefined)).toEqual({ axes: [0, 1, 2], shape: [2, 4, 7] });
    expect(initShapeAndAxes(shape, 9, undefined)).toEqual({ axes: [2], shape: [9] });
  });
  it('normalises negative axes and keeps their order', () => {
    expect(initShapeAndAxes(shape, undefined, [-1, -3, 1])).toEqual({ axes: [2, 0, 1], shape: [5, 3, 4] });
    expect(initShapeAndAxes(shape, undefined, 1)).toEqual({ axes: [1], shape: [4] });
    expect(initShapeAndAxes(shape, [5, 3], [0, 2])).toEqual({ axes: [0, 2], shape: [5, 3] });
  });
  it('ignores s when axes is an explicit empty list (SciPy zips them)', () => {
    expect(initShapeAndAxes(shape, [3, 2], [])).toEqual({ axes: [], shape: [] });
  });
  it('rejects what SciPy rejects, naming the argument', () => {
    const bad: [unknown, unknown, string][] = [
      [undefined, [0, 0], 'axes'],
      [undefined, [3], 'axes'],
      [undefined, [-4], 'axes'],
      [undefined, ['0'], 'axes'],
      [[3], [0, 1], 's'],
      [[1, 2, 3, 4], undefined, 's'],
      [[0, 4], undefined, 's'],
      [[-2], undefined, 's'],
      [[2.5], undefined, 's'],
    ];
    for (const [s, axes, argument] of bad) {
      expect(() => initShapeAndAxes(shape, s, axes), JSON.stringify({ s, axes })).toThrow(
        expect.objectContaining({ name: 'InvalidArgumentError', argument }),
      );
    }
    expect(() => initShapeAndAxes([0, 3], undefined, undefined)).toThrow(expect.objectContaining({ argument: 'x' }));
  });
});

describe('normalizeAxis', () => {
  it('maps [-ndim, ndim) to [0, ndim) and rejects the rest', () => {
    expect(normalizeAxis(-1, 3)).toBe(2);
    expect(normalizeAxis(-3, 3)).toBe(0);
    expect(normalizeAxis(2, 3)).toBe(2);
    expect(() => normalizeAxis(3, 3)).toThrow(expect.objectContaining({ argument: 'axis' }));
    expect(() => normalizeAxis(-1, 0)).toThrow(/0-dimensional/);
  });
});

describe('norm handling', () => {
  it('accepts SciPy\'s three modes and null/undefined as "backward"', () => {
    expect(checkNorm(undefined)).toBe('backward');
    expect(checkNorm(null)).toBe('backward');
    for (const n of ['backward', 'ortho', 'forward']) expect(checkNorm(n)).toBe(n);
    expect(() => checkNorm('BACKWARD')).toThrow(/"backward", "ortho" or "forward"/);
  });
  it('scales as pocketfft: forward 1, 1/sqrt(n), 1/n; inverse the other way round', () => {
    expect([normScale('backward', true, 16), normScale('ortho', true, 16), normScale('forward', true, 16)]).toEqual([1, 0.25, 1 / 16]);
    expect([normScale('backward', false, 16), normScale('ortho', false, 16), normScale('forward', false, 16)]).toEqual([1 / 16, 0.25, 1]);
    expect(swapDirection('backward')).toBe('forward');
    expect(swapDirection('forward')).toBe('backward');
    expect(swapDirection('ortho')).toBe('ortho');
  });
});

describe('workers (accepted as SciPy validates it; a hint on the host)', () => {
  it('takes positive counts and -1, refuses 0 and non-integers', () => {
    expect(checkWorkers(undefined)).toBe(1);
    expect(checkWorkers(4)).toBe(4);
    expect(checkWorkers(-1)).toBeGreaterThanOrEqual(1);
    expect(() => checkWorkers(0)).toThrow(expect.objectContaining({ argument: 'workers' }));
    expect(() => checkWorkers(2.5)).toThrow(expect.objectContaining({ argument: 'workers' }));
  });
});
