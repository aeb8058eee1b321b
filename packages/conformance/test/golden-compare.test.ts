import { asarray, type NDArray } from '@sciport/array-api';
import { describe, expect, it } from 'vitest';
import { compareGolden, goldenTolerance } from '../src/golden-compare.js';
import { decodeGoldenArray, expectedArrays, type GoldenArray } from '../src/golden-numpy.js';
import { caseDtypes } from '../src/suites/array-api.js';

const f64 = (data: number[]): NDArray => asarray(Float64Array.from(data), { shape: [data.length] });
const golden = (data: GoldenArray['data'], dtype: GoldenArray['dtype'] = 'float64'): GoldenArray => ({ dtype, shape: [data.length], data });

describe('compareGolden', () => {
  const elementwise = goldenTolerance('float64', 'elementwise');
  it('accepts values within the relative tolerance and rejects larger errors', () => {
    expect(compareGolden(f64([1 + 5e-14, 2]), golden([1, 2]), elementwise)).toBeUndefined();
    expect(compareGolden(f64([1 + 5e-12, 2]), golden([1, 2]), elementwise)).toMatch(/^element 0: got/);
  });
  it('rejects another dtype or shape before looking at values', () => {
    const x32 = asarray(Float32Array.from([1, 2]), { shape: [2] });
    expect(compareGolden(x32, golden([1, 2]), elementwise)).toBe('dtype float32, expected float64');
    expect(compareGolden(f64([1, 2, 3]), golden([1, 2]), elementwise)).toBe('shape [3], expected [2]');
  });
  it('demands NaN and infinities where NumPy has them', () => {
    expect(compareGolden(f64([0]), golden(['NaN']), elementwise)).toBe('element 0: got 0, expected NaN');
    expect(compareGolden(f64([Number.MAX_VALUE]), golden(['Infinity']), elementwise)).toMatch(/expected Infinity/);
  });
  it('checks the sign of zeros only where asked (special values, exact results)', () => {
    expect(compareGolden(f64([0]), golden(['-0']), goldenTolerance('float64', 'elementwise', true))).toBe('element 0: got +0, expected -0');
    expect(compareGolden(f64([0]), golden(['-0']), elementwise)).toBeUndefined();
    expect(compareGolden(f64([0]), golden(['-0']), goldenTolerance('float64', 'exact'))).toBe('element 0: got +0, expected -0');
  });
  it('compares 64-bit integers exactly, beyond 2^53', () => {
    const want = golden(['9007199254740993'], 'int64');
    expect(compareGolden(decodeGoldenArray(want), want, goldenTolerance('int64', 'elementwise'))).toBeUndefined();
    const off = asarray(BigInt64Array.from([9007199254740992n]), { shape: [1] });
    expect(compareGolden(off, want, goldenTolerance('int64', 'elementwise'))).toBe('element 0: got 9007199254740992, expected 9007199254740993');
  });
  it('names the real or imaginary part of a complex element', () => {
    const z = asarray(Float64Array.from([1, 2, 3, 4.5]), { dtype: 'complex128', shape: [2] });
    expect(compareGolden(z, { dtype: 'complex128', shape: [2], data: [1, 2, 3, 4] }, elementwise)).toMatch(/^element 1\.im: got 4\.5, expected 4/);
  });
});

describe('goldenTolerance', () => {
  it('is exact for integers and exact kinds, single or double precision otherwise', () => {
    expect(goldenTolerance('int32', 'accumulate').rtol).toBe(0);
    expect(goldenTolerance('float64', 'exact').rtol).toBe(0);
    expect(goldenTolerance('float32', 'elementwise').rtol).toBe(2e-6);
    expect(goldenTolerance('complex128', 'accumulate').rtol).toBe(1e-12);
  });
  it('takes a per-dtype override for inexact results only', () => {
    const overrides = { float32: { rtol: 1e-4, scaled: 1e-5 }, int32: { rtol: 1, scaled: 1 } };
    expect(goldenTolerance('float32', 'elementwise', true, overrides)).toEqual({ rtol: 1e-4, scaled: 1e-5, signedZeros: true });
    expect(goldenTolerance('float64', 'elementwise', false, overrides).rtol).toBe(1e-13);
    expect(goldenTolerance('int32', 'elementwise', false, overrides).rtol).toBe(0);
    expect(goldenTolerance('float32', 'exact', false, overrides).rtol).toBe(0);
  });
});

describe('golden cases', () => {
  it('involve their inputs, the dtype they ask for, astype targets and the result dtypes', () => {
    const c = {
      fn: 'sum',
      args: [{ array: golden([1], 'int32') }, 'uint8'],
      options: { dtype: 'float32' },
      expected: { values: golden([1], 'int64'), counts: golden([1], 'int16') },
    };
    expect([...caseDtypes(c)].sort()).toEqual(['float32', 'int16', 'int32', 'int64', 'uint8']);
    expect(expectedArrays(c.expected).map(([place]) => place)).toEqual(['.values', '.counts']);
    expect(expectedArrays([golden([1]), golden([2])]).map(([place]) => place)).toEqual(['[0]', '[1]']);
  });
});
