// The WebAssembly kernels of the linear and min/max filters must give exactly what the
// TypeScript kernels give (which the fixture suites check against SciPy): every bit,
// sign of zero and NaN included, for every boundary mode, axis, dtype and window.
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BOUNDARY_MODES,
  convolve,
  correlate,
  correlate1d,
  gaussianFilter,
  maximumFilter,
  maximumFilter1d,
  minimumFilter,
  minimumFilter1d,
  sobel,
  uniformFilter,
  uniformFilter1d,
} from '../src/index.js';
import { activeKernels, setWasmEnabled } from '../src/wasm/runtime.js';

afterAll(() => setWasmEnabled(true));

/** Values with ties, signed zeros, infinities and (optionally) NaN, so min/max tie and NaN rules show. */
const valueArb = (nan: boolean) =>
  fc.oneof(
    fc.constantFrom(0, -0, 1, -1, 2.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, ...(nan ? [Number.NaN] : [])),
    fc.double({ min: -1e3, max: 1e3, noNaN: true }),
  );
const shapeArb = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 30 })),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 21 })),
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 11 })),
);
const dtypeArb = fc.constantFrom('float64' as const, 'float32' as const, 'int16' as const);
const modeArb = fc.constantFrom(...BOUNDARY_MODES);

function arrayOf(shape: readonly number[], values: readonly number[], dtype: 'float64' | 'float32' | 'int16'): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = Array.from({ length: n }, (_, i) => values[i % values.length]);
  const Storage = dtype === 'float64' ? Float64Array : dtype === 'float32' ? Float32Array : Int16Array;
  return new NDArray(Storage.from(data, (v) => (dtype === 'int16' && !Number.isFinite(v) ? 7 : v)), [...shape], dtype);
}

/** Weights of `ndim` dimensions of `s` each, values (flat index mod 5) − 2 (zeros included, which SciPy leaves out). */
function nestedWeights(ndim: number, s: number, start = { k: 0 }): unknown {
  if (ndim === 0) return (start.k++ % 5) - 2;
  return Array.from({ length: s }, () => nestedWeights(ndim - 1, s, start));
}

/** Both kernel sets on the same call: [wasm, TypeScript] results as doubles. */
function bothKernels(run: () => NDArray): [Float64Array, Float64Array] {
  const values = (y: NDArray) => Float64Array.from(y.data as ArrayLike<number>);
  setWasmEnabled(true);
  expect(activeKernels()).toBe('wasm-simd');
  const wasm = values(run());
  setWasmEnabled(false);
  const ts = values(run());
  setWasmEnabled(true);
  return [wasm, ts];
}

/** Whether two results are the same values bit for bit (NaN payloads aside; −0 differs from +0). */
function identical([a, b]: [Float64Array, Float64Array]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

describe('wasm kernels agree with the TypeScript kernels', () => {
  it('1-D correlation (plain, symmetric, antisymmetric weights), box mean, min and max along any axis', () => {
    fc.assert(
      fc.property(
        shapeArb,
        fc.array(valueArb(true), { minLength: 1, maxLength: 40 }),
        dtypeArb,
        modeArb,
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom('plain', 'symmetric', 'antisymmetric'),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (shape, values, dtype, mode, axisPick, size, symmetry, cval) => {
          const x = arrayOf(shape, values, dtype);
          const axis = axisPick % shape.length;
          const n = shape[axis];
          const s = Math.min(size, n);
          const origin = Math.floor((s - 1) / 2) - ((size * 7) % s);
          const w = Array.from({ length: s }, (_, i) => (symmetry === 'plain' ? i * 1.5 - 2 : (i - (s - 1) / 2) * (symmetry === 'symmetric' ? Math.sign(i - (s - 1) / 2) : 1) + 0.25));
          const options = { axis, mode, cval, origin: Math.max(-Math.floor(s / 2), Math.min(origin, Math.floor((s - 1) / 2))) };
          for (const run of [
            () => correlate1d(x, w, options),
            () => uniformFilter1d(x, s, options),
            () => minimumFilter1d(x, s, options),
            () => maximumFilter1d(x, s, options),
          ]) {
            expect(identical(bothKernels(run))).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('n-D filters: correlate, convolve, uniform, gaussian, sobel, box min/max, into float32 and integer outputs', () => {
    fc.assert(
      fc.property(
        shapeArb,
        fc.array(valueArb(false), { minLength: 1, maxLength: 40 }),
        dtypeArb,
        modeArb,
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(undefined, 'float32' as const, 'int32' as const),
        (shape, values, dtype, mode, size, output) => {
          const x = arrayOf(shape, values, dtype);
          const w = nestedWeights(shape.length, Math.min(size, 3));
          for (const run of [
            () => correlate(x, w, { mode, output }),
            () => convolve(x, w, { mode, output, cval: 1.5 }),
            () => uniformFilter(x, { size, mode, output }),
            () => gaussianFilter(x, 0.8, { mode, output }),
            () => sobel(x, { mode, output }),
            () => minimumFilter(x, { size, mode, output }),
            () => maximumFilter(x, { size: Math.max(1, size - 1), mode, output }),
          ]) {
            expect(identical(bothKernels(run))).toBe(true);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('blocks of 8 lines with a partial last block, long lines and wide windows', () => {
    const x = arrayOf([13, 150], Array.from({ length: 97 }, (_, i) => Math.sin(i * 1.7) * (i % 5 === 0 ? 0 : 10)), 'float64');
    for (const axis of [0, 1]) {
      for (const run of [
        () => maximumFilter1d(x, 13, { axis, mode: 'wrap' }),
        () => minimumFilter1d(x, 12, { axis, mode: 'constant', cval: -0 }),
        () => correlate1d(x, Array.from({ length: 11 }, (_, i) => 5 - Math.abs(i - 5)), { axis, mode: 'mirror' }),
        () => uniformFilter1d(x, 10, { axis, mode: 'grid-wrap' }),
      ]) {
        expect(identical(bothKernels(run))).toBe(true);
      }
    }
  });

  it('arrays of several cache-sized chunks: streamed in and out, and written over their own input', () => {
    const values = Array.from({ length: 211 }, (_, i) => Math.cos(i * 0.9) * 50);
    const cases: [number[], number][] = [
      [[70, 1000], 1],
      [[70, 1000], 0],
      [[5, 90, 100], 1],
    ];
    for (const [shape, axis] of cases) {
      for (const dtype of ['float64', 'float32'] as const) {
        const x = arrayOf(shape, values, dtype);
        for (const run of [
          () => correlate1d(x, [1, 4, 6, -4, 1], { axis, mode: 'wrap' }),
          () => uniformFilter1d(x, 6, { axis, mode: 'nearest' }),
          () => maximumFilter1d(x, 5, { axis }),
          () => gaussianFilter(x, 1.5, { output: 'int16' }),
          () => correlate(x, nestedWeights(shape.length, 3), { mode: 'mirror' }),
        ]) {
          expect(identical(bothKernels(run))).toBe(true);
        }
        // the output is the input itself: every chunk must be read before it is overwritten
        const intoInput = [
          () => {
            const y = arrayOf(shape, values, dtype);
            return minimumFilter1d(y, 4, { axis, output: y });
          },
          () => {
            const y = arrayOf(shape, values, dtype);
            return correlate(y, nestedWeights(shape.length, 3), { output: y });
          },
        ];
        for (const run of intoInput) expect(identical(bothKernels(run))).toBe(true);
      }
    }
  });
});
