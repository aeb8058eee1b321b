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
  completeSpectrum,
  expandSpectrum,
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

  it('the zero and Nyquist terms of fullSpectrum are conjugated (-0 imaginary), as pocketfft c2c_sym gives them', () => {
    // SciPy 1.17: scipy.fft.fft([1., 2, 3, 4]) is [10.-0.j, -2.+2.j, -2.-0.j, -2.-2.j], and ifft
    // and odd lengths likewise: c2c_sym writes conj(X[k]) over X[-k] for every k of the half,
    // the self-mirrored k = 0 and n/2 included.
    for (const n of [1, 2, 3, 4, 8, 9, 64, 65]) {
      for (const forward of [true, false]) {
        const out = new Float64Array(2 * n);
        realPlan(n).fullSpectrum(randomArray(n, 3), 0, out, 0, forward, 1);
        expect(Object.is(out[1], -0), `n=${n} forward=${forward}`).toBe(true);
        if (n % 2 === 0) expect(Object.is(out[n + 1], -0), `n=${n} forward=${forward}`).toBe(true);
      }
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

  it('realAlongAxes equals the real axis and then the complex axes done separately', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(fc.nat({ max: 2 }), { maxLength: 2 }),
        (shape, otherSeeds) => {
          const realAxis = shape.length - 1;
          const others = [...new Set(otherSeeds.map((a) => a % shape.length))].filter((a) => a !== realAxis);
          const size = shape.reduce((a, b) => a * b, 1);
          const outShape = [...shape];
          outShape[realAxis] = (shape[realAxis] >> 1) + 1;
          const outSize = outShape.reduce((a, b) => a * b, 1);
          const x = randomArray(size, size + 3);
          const before = Float64Array.from(x);
          const out = new Float64Array(2 * outSize);
          realAlongAxes(x, shape, realAxis, others, out, 0.5);
          const expected = new Float64Array(2 * outSize);
          realForwardAlongAxis(x, shape, realAxis, expected, 1);
          complexAlongAxes(expected, outShape, others, true, 0.5);
          expect(relRms(out, expected)).toBeLessThan(1e-14);
          expect(x).toEqual(before);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('completeSpectrum of the half equals the complex transform of the real input, exactly Hermitian, box by box as whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(fc.nat({ max: 2 }), { maxLength: 2 }),
        fc.boolean(),
        fc.nat(),
        (shape, otherSeeds, forward, cut) => {
          const realAxis = shape.length - 1;
          const others = [...new Set(otherSeeds.map((a) => a % shape.length))].filter((a) => a !== realAxis);
          const n = shape[realAxis];
          const size = shape.reduce((a, b) => a * b, 1);
          const halfShape = shape.map((v, d) => (d === realAxis ? (n >> 1) + 1 : v));
          const x = randomArray(size, size + 7);
          const half = new Float64Array(2 * halfShape.reduce((a, b) => a * b, 1));
          realAlongAxes(x, shape, realAxis, others, half, 1);
          const how = { realAxis, n, reversed: others, scale: 0.25, conj: !forward };
          const out = new Float64Array(2 * size);
          completeSpectrum({ data: half, shape: halfShape, start: 0 }, { data: out, shape, start: 0 }, how);
          // the reference: the complex transform of the real input as complex data
          const expected = new Float64Array(2 * size);
          for (let i = 0; i < size; i++) expected[2 * i] = x[i];
          complexAlongAxes(expected, shape, [realAxis, ...others], forward, 0.25);
          expect(relRms(out, expected)).toBeLessThan(1e-14);
          // exact symmetry: out[-k] = conj(out[k]) over the transformed axes
          const axes = [realAxis, ...others];
          const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
          for (let i = 0; i < size; i++) {
            let j = 0;
            for (let d = 0; d < shape.length; d++) {
              const k = Math.floor(i / strides[d]) % shape[d];
              j += (axes.includes(d) ? (shape[d] - k) % shape[d] : k) * strides[d];
            }
            // a value that is its own partner is conjugated, as SciPy's is (its imaginary part is rounding error)
            if (j === i) continue;
            expect(out[2 * j] === out[2 * i] && out[2 * j + 1] === -out[2 * i + 1]).toBe(true);
          }
          // in place, the half becomes the first n/2+1 values of the result
          const inPlace = Float64Array.from(half);
          completeSpectrum({ data: inPlace, shape: halfShape, start: 0 }, { data: inPlace, shape: halfShape, start: 0 }, how);
          const m0 = (n >> 1) + 1;
          for (let r = 0; r < size / n; r++) expect(Array.from(inPlace.subarray(2 * r * m0, 2 * (r + 1) * m0))).toEqual(Array.from(out.subarray(2 * r * n, 2 * (r * n + m0))));
          // expanded where it lies (the half in the first part of the output buffer): the same bits
          const expanded = new Float64Array(2 * size).fill(Number.NaN);
          expanded.set(half);
          expandSpectrum(expanded, shape, how);
          expect(Array.from(expanded)).toEqual(Array.from(out));
          // two boxes of the real axis, each from a box of the half, give the same bits
          const at = cut % (n + 1);
          const m = (n >> 1) + 1;
          const box = (lo: number, hi: number) => {
            const bShape = shape.map((v, d) => (d === realAxis ? hi - lo : v));
            const data = new Float64Array(2 * bShape.reduce((a, b) => a * b, 1));
            // the box of the half it needs: its own indices below m, the mirrored ones above
            const ranges: number[][] = [];
            if (lo < Math.min(hi, m)) ranges.push([lo, Math.min(hi, m)]);
            if (Math.max(lo, m) < hi) ranges.push([n - hi + 1, n - Math.max(lo, m) + 1]);
            if (ranges.length === 0) return { data, width: 0 };
            const hLo = Math.min(...ranges.map((r) => r[0]));
            const hHi = Math.max(...ranges.map((r) => r[1]));
            const hShape = halfShape.map((v, d) => (d === realAxis ? hHi - hLo : v));
            const hData = new Float64Array(2 * hShape.reduce((a, b) => a * b, 1));
            const rows = hShape.reduce((a, b) => a * b, 1) / (hHi - hLo);
            for (let r = 0; r < rows; r++) hData.set(half.subarray(2 * (r * m + hLo), 2 * (r * m + hHi)), 2 * r * (hHi - hLo));
            completeSpectrum({ data: hData, shape: hShape, start: hLo }, { data, shape: bShape, start: lo }, how);
            return { data, width: hi - lo };
          };
          const parts = [box(0, at), box(at, n)];
          const rows = size / n;
          for (let r = 0; r < rows; r++) {
            const joined = [...parts.flatMap((p) => Array.from(p.data.subarray(2 * r * p.width, 2 * (r + 1) * p.width)))];
            expect(joined).toEqual(Array.from(out.subarray(2 * r * n, 2 * (r + 1) * n)));
          }
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
