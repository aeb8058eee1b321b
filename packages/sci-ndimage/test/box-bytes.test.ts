// Box minimum/maximum filters of 8-bit images run in wasm byte lanes, padded once; they
// must give exactly what SciPy's pass-by-pass route (the TypeScript kernels) gives, for
// every size, mode, origin, fill value, axis choice and output dtype.
import { NDArray } from '@sciport/array-api';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BOUNDARY_MODES, maximumFilter, maximumFilter1d, minimumFilter, minimumFilter1d } from '../src/index.js';
import { activeKernels, setWasmEnabled } from '../src/wasm/runtime.js';

afterAll(() => setWasmEnabled(true));

function bothKernels(run: () => NDArray): [number[], number[]] {
  setWasmEnabled(true);
  expect(activeKernels()).toBe('wasm-simd');
  const wasm = Array.from(run().data as ArrayLike<number>);
  setWasmEnabled(false);
  const ts = Array.from(run().data as ArrayLike<number>);
  setWasmEnabled(true);
  return [wasm, ts];
}

const shapeArb = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 40 })),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 40 })),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 20 })),
);

describe('8-bit box minimum/maximum in byte lanes', () => {
  it('agree with the pass-by-pass kernels', () => {
    fc.assert(
      fc.property(
        shapeArb,
        fc.constantFrom<'uint8' | 'int8'>('uint8', 'int8'),
        fc.array(fc.integer({ min: -128, max: 255 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 3, maxLength: 3 }),
        fc.constantFrom(...BOUNDARY_MODES),
        fc.oneof(fc.integer({ min: -130, max: 260 }), fc.constantFrom(2.5, -0.5)),
        fc.constantFrom(undefined, 'float64' as const, 'int16' as const, 'int8' as const, 'uint8' as const),
        fc.boolean(),
        (shape, dtype, values, sizes, shifts, mode, cval, output, minimum) => {
          const n = shape.reduce((a, b) => a * b, 1);
          const data = (dtype === 'uint8' ? Uint8Array : Int8Array).from({ length: n }, (_, i) => values[(i * 3) % values.length]);
          const x = new NDArray(data, [...shape], dtype);
          const size = sizes.slice(0, shape.length);
          const origin = size.map((s, d) => Math.max(-Math.floor(s / 2), Math.min(shifts[d], Math.floor((s - 1) / 2))));
          const filter = minimum ? minimumFilter : maximumFilter;
          const [box, passes] = bothKernels(() => filter(x, { size, origin, mode, cval, output }));
          expect(box).toEqual(passes);
          const filter1d = minimum ? minimumFilter1d : maximumFilter1d;
          const [wasm, ts] = bothKernels(() => filter1d(x, size[0], { axis: 0, origin: origin[0], mode, cval, output }));
          expect(wasm).toEqual(ts);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agree with a mode per axis, and along chosen axes', () => {
    const x = new NDArray(Uint8Array.from({ length: 6 * 7 * 18 }, (_, i) => (i * 37) % 251), [6, 7, 18], 'uint8');
    const [a, b] = bothKernels(() => maximumFilter(x, { size: [3, 5], axes: [0, 2], mode: ['wrap', 'mirror'] }));
    expect(a).toEqual(b);
    const [c, d] = bothKernels(() => minimumFilter(x, { size: [4, 2], axes: [2, 1], mode: 'nearest', origin: [1, -1] }));
    expect(c).toEqual(d);
  });
});
