// The rank filters' WebAssembly kernels (selection networks and Paeth's 3×3 median in
// vector lanes for windows of up to 64 elements, a sorted window for larger ones) must
// give exactly what the TypeScript paths (Hoare's FIND as SciPy runs it, the 8-bit
// histogram) give: every bit, for every footprint, rank, mode, origin, shape and dtype —
// NaN and −0 included (those take the selection).
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BOUNDARY_MODES, medianFilter, percentileFilter, rankFilter } from '../src/index.js';
import { activeKernels, setWasmEnabled } from '../src/wasm/runtime.js';

afterAll(() => setWasmEnabled(true));

type Dtype = 'float64' | 'float32' | 'int16' | 'uint8';
const STORAGE = { float64: Float64Array, float32: Float32Array, int16: Int16Array, uint8: Uint8Array };

const valueArb = (special: boolean) =>
  fc.oneof(
    fc.constantFrom(0, 1, -1, 2.5, 7, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, ...(special ? [Number.NaN, -0] : [])),
    fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
  );

function image(shape: number[], dtype: Dtype, values: number[]): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = STORAGE[dtype].from({ length: n }, (_, i) => {
    const v = values[i % values.length];
    return dtype === 'int16' || dtype === 'uint8' ? (Number.isFinite(v) ? Math.trunc(v) : 3) : v;
  });
  return new NDArray(data, shape, dtype);
}

/** Both kernel sets on the same call, as doubles: [wasm, TypeScript]. */
function bothKernels(run: () => NDArray): [number[], number[]] {
  setWasmEnabled(true);
  expect(activeKernels()).toBe('wasm-simd');
  const wasm = Array.from(run().data as ArrayLike<number>);
  setWasmEnabled(false);
  const ts = Array.from(run().data as ArrayLike<number>);
  setWasmEnabled(true);
  return [wasm, ts];
}

function expectIdentical([a, b]: [number[], number[]]): void {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => {
    if (!Object.is(v, b[i])) expect([i, v]).toEqual([i, b[i]]);
  });
}

describe('rank filters: wasm kernels against the TypeScript selection', () => {
  it('agree for any footprint, rank, mode, origin and dtype', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom<Dtype>('float64', 'float32', 'int16', 'uint8'),
        fc.boolean(),
        fc.array(valueArb(true), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
        fc.constantFrom(...BOUNDARY_MODES),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: -1, max: 1 }),
        (shape, dtype, special, values, sides, bits, mode, cval, where, origin) => {
          const x = image(shape, dtype, special ? values : values.map((v) => (Number.isNaN(v) || Object.is(v, -0) ? 0 : v)));
          const fshape = sides.slice(0, shape.length);
          const size = fshape.reduce((a, b) => a * b, 1);
          const mask = bits.slice(0, size);
          if (!mask.includes(true)) mask[0] = true;
          const footprint = new NDArray(Uint8Array.from(mask, Number), fshape, 'bool');
          const count = mask.filter(Boolean).length;
          fc.pre(count >= 3);
          const rank = 1 + Math.min(count - 3, Math.floor(where * (count - 2)));
          const origins = fshape.map((f) => Math.max(-Math.floor(f / 2), Math.min(origin, Math.floor((f - 1) / 2))));
          expectIdentical(bothKernels(() => rankFilter(x, rank, { footprint, mode, cval, origin: origins })));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agree for box medians and percentiles of long rows, into other output dtypes', () => {
    const values = Array.from({ length: 40 * 37 }, (_, i) => ((i * 7919) % 1013) / 7 - 60);
    const x = new NDArray(Float64Array.from(values), [40, 37], 'float64');
    for (const size of [2, 3, 5, 7, 9]) {
      expectIdentical(bothKernels(() => medianFilter(x, { size })));
      expectIdentical(bothKernels(() => percentileFilter(x, 30, { size: [size, size + 1], mode: 'wrap' })));
      expectIdentical(bothKernels(() => medianFilter(x, { size, output: 'int16' })));
    }
    const cube = new NDArray(Float32Array.from(values.slice(0, 11 * 12 * 10)), [11, 12, 10], 'float32');
    expectIdentical(bothKernels(() => medianFilter(cube, { size: 3, mode: 'constant', cval: 4 })));
    expectIdentical(bothKernels(() => rankFilter(cube, 40, { size: [3, 5, 6], mode: 'mirror' })));
    const int16 = new NDArray(Int16Array.from(values.slice(0, 30 * 20), Math.round), [30, 20], 'int16');
    expectIdentical(bothKernels(() => percentileFilter(int16, 70, { size: [9, 8], mode: 'nearest' })));
  });

  it('agree for 3×3 medians of 8-bit images (sixteen lanes at once), any mode, origin and output', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 40 })),
        fc.boolean(),
        fc.constantFrom<'uint8' | 'int8'>('uint8', 'int8'),
        fc.array(fc.integer({ min: -128, max: 255 }), { minLength: 1, maxLength: 90 }),
        fc.constantFrom(...BOUNDARY_MODES),
        fc.integer({ min: -300, max: 300 }),
        fc.tuple(fc.integer({ min: -1, max: 1 }), fc.integer({ min: -1, max: 1 })),
        fc.constantFrom(undefined, 'float64' as const, 'int16' as const),
        ([planes, rows, cols], threeD, dtype, values, mode, cval, origin, output) => {
          const shape = threeD ? [planes, rows, cols] : [rows, cols];
          const n = shape.reduce((a, b) => a * b, 1);
          const data = (dtype === 'uint8' ? Uint8Array : Int8Array).from({ length: n }, (_, i) => values[(i * 7) % values.length]);
          const x = new NDArray(data, shape, dtype);
          const size = threeD ? [1, 3, 3] : [3, 3];
          const origins = threeD ? [0, ...origin] : origin;
          expectIdentical(bothKernels(() => medianFilter(x, { size, mode, cval, origin: origins, output })));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agree for 8-bit images through a selection network, any footprint of up to 64 elements and rank', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 16, max: 40 })),
        fc.constantFrom<'uint8' | 'int8'>('uint8', 'int8'),
        fc.array(fc.integer({ min: -128, max: 255 }), { minLength: 1, maxLength: 90 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 2, maxLength: 2 }),
        fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
        fc.constantFrom(...BOUNDARY_MODES),
        fc.integer({ min: -300, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([rows, cols], dtype, values, fshape, bits, mode, cval, where) => {
          const n = rows * cols;
          const data = (dtype === 'uint8' ? Uint8Array : Int8Array).from({ length: n }, (_, i) => values[(i * 5) % values.length]);
          const x = new NDArray(data, [rows, cols], dtype);
          const mask = bits.slice(0, fshape[0] * fshape[1]);
          if (!mask.includes(true)) mask[0] = true;
          const count = mask.filter(Boolean).length;
          fc.pre(count >= 3);
          const footprint = new NDArray(Uint8Array.from(mask, Number), fshape, 'bool');
          const rank = 1 + Math.min(count - 3, Math.floor(where * (count - 2)));
          expectIdentical(bothKernels(() => rankFilter(x, rank, { footprint, mode, cval })));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agree for footprints of more than 64 elements (the sorted window)', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 20 })),
        fc.constantFrom<Dtype>('float64', 'float32', 'int16'),
        fc.boolean(),
        fc.array(valueArb(true), { minLength: 1, maxLength: 60 }),
        fc.tuple(fc.integer({ min: 7, max: 10 }), fc.integer({ min: 7, max: 10 })),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 100, maxLength: 100 }),
        fc.constantFrom(...BOUNDARY_MODES),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (shape, dtype, special, values, fshape, bits, mode, cval, where) => {
          const x = image(shape, dtype, special ? values : values.map((v) => (Number.isNaN(v) || Object.is(v, -0) ? 0 : v)));
          // mostly true, with holes, so runs of different lengths appear too
          const mask = bits.slice(0, fshape[0] * fshape[1]).map((b) => b > 0);
          const count = mask.filter(Boolean).length;
          fc.pre(count > 64);
          const footprint = new NDArray(Uint8Array.from(mask, Number), fshape, 'bool');
          const rank = 1 + Math.min(count - 3, Math.floor(where * (count - 2)));
          expectIdentical(bothKernels(() => rankFilter(x, rank, { footprint, mode, cval })));
        },
      ),
      { numRuns: 100 },
    );
  });
});
