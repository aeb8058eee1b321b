/**
 * The kernel entry points the public functions use: complexAlongAxesFrom (input written
 * straight into the kernels' working memory), realSpectrumAlongAxis / RealPlan.fullSpectrum
 * (fft of real input by Hermitian symmetry) and R2RPlan.executeFrom (out-of-place DCT/DST),
 * on the wasm kernels and on the TypeScript fallback.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  complexAlongAxes,
  complexAlongAxesFrom,
  complexToRealAlongAxesFrom,
  r2rPlan,
  realAlongAxes,
  realBackwardAlongAxis,
  realForwardAlongAxis,
  realPlan,
  realSpectrumAlongAxis,
  setWasmEnabled,
} from '../../src/kernels/index.js';
import { naiveDft, randomArray, relRms } from './reference.js';

/** Complex (interleaved) copy of real data. */
function toComplex(x: Float64Array): Float64Array {
  const z = new Float64Array(2 * x.length);
  for (let i = 0; i < x.length; i++) z[2 * i] = x[i];
  return z;
}

/** Sizes around the kernels' edges: tiny, odd, even, prime, Rader/Bluestein, four-step-sized halves. */
const LINE_SIZES = [1, 2, 3, 4, 5, 6, 7, 8, 15, 16, 17, 30, 97, 128, 243, 1000, 1024, 4097, 65537];

describe.each([
  ['wasm-simd', true],
  ['typescript', false],
])('%s kernels', (_name, wasm) => {
  beforeAll(() => setWasmEnabled(wasm));
  afterAll(() => setWasmEnabled(true));

  it('RealPlan.fullSpectrum is the complex FFT of the real line, forward and backward, scaled', () => {
    for (const n of LINE_SIZES) {
      const x = randomArray(n, n + 11);
      const out = new Float64Array(2 * n + 4).fill(Number.NaN);
      for (const forward of [true, false]) {
        realPlan(n).fullSpectrum(x, 0, out, 2, forward, 0.5);
        const expected = n <= 1024 ? naiveDft(toComplex(x), forward ? -1 : 1) : complexReference(toComplex(x), forward);
        for (let i = 0; i < expected.length; i++) expected[i] *= 0.5;
        expect(relRms(out.subarray(2, 2 + 2 * n), expected), `n=${n} forward=${forward}`).toBeLessThan(1e-14);
        // nothing outside the line is touched
        expect(Number.isNaN(out[0]) && Number.isNaN(out[1]) && Number.isNaN(out[2 * n + 2]) && Number.isNaN(out[2 * n + 3])).toBe(true);
      }
    }
  });

  it('the zero and Nyquist terms of fullSpectrum stay real (+0 imaginary), as pocketfft leaves them', () => {
    for (const n of [8, 9, 64, 65]) {
      const out = new Float64Array(2 * n);
      realPlan(n).fullSpectrum(randomArray(n, 3), 0, out, 0, false, 1);
      expect(Object.is(out[1], 0)).toBe(true);
      if (n % 2 === 0) expect(Object.is(out[n + 1], 0)).toBe(true);
    }
  });

  it('realSpectrumAlongAxis equals complexAlongAxes of the data with zero imaginary parts, on every axis', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.boolean(),
        (shape, axisSeed, forward) => {
          const axis = axisSeed % shape.length;
          const size = shape.reduce((a, b) => a * b, 1);
          const x = randomArray(size, size + axis);
          const out = new Float64Array(2 * size);
          realSpectrumAlongAxis(x, shape, axis, out, forward, 0.25);
          const expected = toComplex(x);
          complexAlongAxes(expected, shape, [axis], forward, 0.25);
          expect(relRms(out, expected)).toBeLessThan(1e-14);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('complexAlongAxesFrom gives complexAlongAxes of what fill writes, into out', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(fc.nat({ max: 2 }), { minLength: 0, maxLength: 3 }),
        fc.boolean(),
        (shape, axisSeeds, forward) => {
          const axes = [...new Set(axisSeeds.map((a) => a % shape.length))];
          const size = shape.reduce((a, b) => a * b, 1);
          const x = randomArray(2 * size, size + 7);
          const out = new Float64Array(2 * size).fill(Number.NaN);
          complexAlongAxesFrom((buffer) => buffer.set(x), out, shape, axes, forward, 0.5);
          const expected = Float64Array.from(x);
          complexAlongAxes(expected, shape, axes, forward, 0.5);
          expect(relRms(out, expected)).toBeLessThan(1e-14);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('complexAlongAxesFrom on single long lines (mixed radix, four-step, Rader, Bluestein)', () => {
    for (const n of [65536, 65537, 2 ** 20, 40009]) {
      const x = randomArray(2 * n, n);
      const out = new Float64Array(2 * n);
      complexAlongAxesFrom((buffer) => buffer.set(x), out, [n], [0], false, 1 / n);
      const expected = Float64Array.from(x);
      complexAlongAxes(expected, [n], [0], false, 1 / n);
      expect(relRms(out, expected), `n=${n}`).toBeLessThan(1e-14);
    }
  });

  it('realAlongAxes (full spectrum or half) equals the real axis and then the complex axes done separately', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(fc.nat({ max: 2 }), { maxLength: 2 }),
        fc.boolean(),
        fc.boolean(),
        (shape, otherSeeds, full, forward) => {
          const realAxis = shape.length - 1;
          const others = [...new Set(otherSeeds.map((a) => a % shape.length))].filter((a) => a !== realAxis);
          const size = shape.reduce((a, b) => a * b, 1);
          const n = shape[realAxis];
          const outShape = [...shape];
          outShape[realAxis] = full ? n : (n >> 1) + 1;
          const outSize = outShape.reduce((a, b) => a * b, 1);
          const x = randomArray(size, size + 3);
          const before = Float64Array.from(x);
          const out = new Float64Array(2 * outSize);
          realAlongAxes(x, shape, realAxis, others, out, full, forward, 0.5);
          const expected = new Float64Array(2 * outSize);
          if (full) realSpectrumAlongAxis(x, shape, realAxis, expected, forward, 1);
          else realForwardAlongAxis(x, shape, realAxis, expected, 1);
          complexAlongAxes(expected, outShape, others, !full || forward, 0.5);
          expect(relRms(out, expected)).toBeLessThan(1e-14);
          expect(x).toEqual(before);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('complexToRealAlongAxesFrom equals the complex axes (backward) and then the real axis done separately', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(fc.nat({ max: 2 }), { maxLength: 2 }),
        fc.integer({ min: 1, max: 20 }),
        (shape, otherSeeds, n) => {
          const realAxis = shape.length - 1;
          const others = [...new Set(otherSeeds.map((a) => a % shape.length))].filter((a) => a !== realAxis);
          const inShape = [...shape];
          inShape[realAxis] = (n >> 1) + 1;
          const inSize = inShape.reduce((a, b) => a * b, 1);
          const outShape = [...shape];
          outShape[realAxis] = n;
          const z = randomArray(2 * inSize, inSize + n);
          const out = new Float64Array(outShape.reduce((a, b) => a * b, 1));
          complexToRealAlongAxesFrom((buffer) => buffer.set(z), inShape, realAxis, n, others, out, 0.25);
          const work = Float64Array.from(z);
          complexAlongAxes(work, inShape, others, false, 1);
          const expected = new Float64Array(out.length);
          realBackwardAlongAxis(work, inShape, realAxis, n, expected, 0.25);
          expect(relRms(out, expected)).toBeLessThan(1e-14);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('the batched real lines match the one-line plans at many lines and long lines', () => {
    for (const [lines, n] of [
      [300, 64],
      [7, 1001],
      [3, 8192],
      [1, 65536],
    ]) {
      const x = randomArray(lines * n, n);
      const half = (n >> 1) + 1;
      const out = new Float64Array(2 * lines * half);
      realForwardAlongAxis(x, [lines, n], 1, out, 1);
      const back = new Float64Array(lines * n);
      realBackwardAlongAxis(out, [lines, half], 1, n, back, 1 / n);
      const plan = realPlan(n);
      const line = new Float64Array(2 * half);
      for (let l = 0; l < lines; l++) {
        plan.forward(x, l * n, line, 0, 1);
        expect(relRms(out.subarray(2 * l * half, 2 * (l + 1) * half), line), `forward ${lines}x${n} line ${l}`).toBeLessThan(1e-15);
      }
      expect(relRms(back, x), `round trip ${lines}x${n}`).toBeLessThan(1e-14);
    }
  });

  it('R2RPlan.executeFrom equals execute on a copy and leaves its source alone', () => {
    for (const kind of ['dct', 'dst'] as const) {
      for (const type of [1, 2, 3, 4] as const) {
        for (const norm of ['backward', 'ortho'] as const) {
          for (const n of [2, 3, 8, 17, 64, 1000]) {
            const plan = r2rPlan(kind, type, n, { norm, orthogonalize: norm === 'ortho', inverse: false });
            const src = randomArray(n + 3, n);
            const before = Float64Array.from(src);
            const dst = new Float64Array(n + 1);
            plan.executeFrom(src, 3, dst, 1);
            const expected = src.slice(3);
            plan.execute(expected, 0);
            expect(relRms(dst.subarray(1), expected), `${kind}${type} ${norm} n=${n}`).toBe(0);
            expect(src).toEqual(before);
          }
        }
      }
    }
  });
});

/** A complex FFT reference for sizes too large for the O(n²) sum: the in-place kernel. */
function complexReference(z: Float64Array, forward: boolean): Float64Array {
  const out = Float64Array.from(z);
  complexAlongAxes(out, [z.length / 2], [0], forward, 1);
  return out;
}
