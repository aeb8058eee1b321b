import { InvalidArgumentError } from '@sciport/dispatch-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeKernels, complexPlan, r2rPlan, realPlan, setWasmEnabled } from '../../src/kernels/index.js';
import { naiveDft, naiveR2R, randomArray, relRms } from './reference.js';

const finite = fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true });
const complexData = (maxN: number) =>
  fc.integer({ min: 1, max: maxN }).chain((n) => fc.float64Array({ minLength: 2 * n, maxLength: 2 * n, min: -1e3, max: 1e3, noNaN: true }));
const realData = (minN: number, maxN: number) =>
  fc.integer({ min: minN, max: maxN }).chain((n) => fc.float64Array({ minLength: n, maxLength: n, min: -1e3, max: 1e3, noNaN: true }));

describe.each([
  ['wasm-simd', true],
  ['typescript', false],
] as const)('%s kernels', (name, wasm) => {
  beforeAll(() => setWasmEnabled(wasm));
  afterAll(() => setWasmEnabled(true));
  it('are the ones running', () => expect(activeKernels()).toBe(name));

  describe('complexPlan properties', () => {
    it('agrees with a naive DFT on random inputs of random length', () => {
      fc.assert(
        fc.property(complexData(160), fc.boolean(), (x, forward) => {
          const y = x.slice();
          complexPlan(x.length / 2).execute(y, 0, forward, 1);
          return relRms(y, naiveDft(x, forward ? -1 : 1)) < 1e-13;
        }),
        { numRuns: 150 },
      );
    });

    it('backward(forward(x)) / n = x and Parseval holds', () => {
      fc.assert(
        fc.property(complexData(700), (x) => {
          const n = x.length / 2;
          const y = x.slice();
          const plan = complexPlan(n);
          plan.execute(y, 0, true, 1);
          let ex = 0;
          let ey = 0;
          for (let i = 0; i < 2 * n; i++) {
            ex += x[i] * x[i];
            ey += y[i] * y[i];
          }
          const parsevalOk = Math.abs(ey / n - ex) <= 1e-13 * Math.max(ex, 1e-300);
          plan.execute(y, 0, false, 1 / n);
          return parsevalOk && relRms(y, x) < 1e-14;
        }),
        { numRuns: 100 },
      );
    });

    it('is linear: F(a·x + y) = a·F(x) + F(y)', () => {
      fc.assert(
        fc.property(complexData(300), finite, (x, a) => {
          const n = x.length / 2;
          const y = Float64Array.from(x, (v, i) => Math.sin(v + i));
          const combo = Float64Array.from(x, (v, i) => a * v + y[i]);
          const plan = complexPlan(n);
          plan.execute(combo, 0, true, 1);
          const fx = x.slice();
          const fy = y.slice();
          plan.execute(fx, 0, true, 1);
          plan.execute(fy, 0, true, 1);
          const expected = Float64Array.from(fx, (v, i) => a * v + fy[i]);
          const scaleRef = Math.hypot(...fx.map((v) => a * v)) + Math.hypot(...fy);
          let err = 0;
          for (let i = 0; i < combo.length; i++) err += (combo[i] - expected[i]) ** 2;
          return Math.sqrt(err) <= 1e-13 * Math.max(scaleRef, 1e-300);
        }),
        { numRuns: 60 },
      );
    });

    it('respects offset and scale and leaves data outside the window alone', () => {
      const n = 12;
      const buf = Float64Array.from({ length: 2 * n + 10 }, (_, i) => i + 1);
      const x = buf.slice(4, 4 + 2 * n);
      complexPlan(n).execute(buf, 4, true, 0.5);
      const ref = naiveDft(x, -1).map((v) => v * 0.5);
      expect(relRms(buf.subarray(4, 4 + 2 * n), ref)).toBeLessThan(1e-15);
      expect(Array.from(buf.subarray(0, 4))).toEqual([1, 2, 3, 4]);
      expect(Array.from(buf.subarray(4 + 2 * n))).toEqual([29, 30, 31, 32, 33, 34]);
    });
  });

  /**
   * Large prime and near-prime lengths (Bluestein): a pure tone exp(2πi·f·j/n) transforms to
   * n·δ_f, which checks every output bin at O(n log n) cost; the tone is built from exactly
   * reduced angles so the input itself is accurate.
   */
  describe.each([65537, 2 ** 20 + 1])('large length n = %i', (n) => {
    it('maps a pure tone to a single bin and round-trips', () => {
      const f = 12345;
      const x = new Float64Array(2 * n);
      for (let j = 0; j < n; j++) {
        const a = (2 * Math.PI * ((j * f) % n)) / n;
        x[2 * j] = Math.cos(a);
        x[2 * j + 1] = Math.sin(a);
      }
      const y = x.slice();
      const plan = complexPlan(n);
      plan.execute(y, 0, true, 1 / n);
      const delta = new Float64Array(2 * n);
      delta[2 * f] = 1;
      expect(relRms(y, delta)).toBeLessThan(1e-15 * Math.log2(n));
      plan.execute(y, 0, false, 1);
      expect(relRms(y, x)).toBeLessThan(1e-15 * Math.log2(n));
    });
  });

  describe('realPlan properties', () => {
    it('agrees with the naive DFT of the real input and round-trips', () => {
      fc.assert(
        fc.property(realData(1, 200), (x) => {
          const n = x.length;
          const h = (n >> 1) + 1;
          const cx = new Float64Array(2 * n);
          for (let j = 0; j < n; j++) cx[2 * j] = x[j];
          const out = new Float64Array(2 * h);
          realPlan(n).forward(x, 0, out, 0, 1);
          const okForward = relRms(out, naiveDft(cx, -1).subarray(0, 2 * h)) < 1e-13;
          const back = new Float64Array(n);
          realPlan(n).backward(out, 0, back, 0, 1 / n);
          return okForward && relRms(back, x) < 1e-13;
        }),
        { numRuns: 150 },
      );
    });

    it('ignores the imaginary parts of the DC and Nyquist bins in backward', () => {
      for (const n of [8, 9]) {
        const h = (n >> 1) + 1;
        const spec = Float64Array.from({ length: 2 * h }, (_, i) => Math.cos(i));
        const clean = spec.slice();
        clean[1] = 0;
        if (n % 2 === 0) clean[2 * h - 1] = 0;
        const a = new Float64Array(n);
        const b = new Float64Array(n);
        realPlan(n).backward(spec, 0, a, 0, 1);
        realPlan(n).backward(clean, 0, b, 0, 1);
        expect(Array.from(a)).toEqual(Array.from(b));
      }
    });
  });

  describe('r2rPlan properties', () => {
    for (const kind of ['dct', 'dst'] as const) {
      for (const type of [1, 2, 3, 4] as const) {
        it(`${kind}${type}: matches the naive sum, and idct∘dct = identity for every norm`, () => {
          fc.assert(
            fc.property(realData(kind === 'dct' && type === 1 ? 2 : 1, 90), fc.constantFrom('backward', 'ortho', 'forward'), fc.boolean(), (x, norm, orthogonalize) => {
              const n = x.length;
              const y = x.slice();
              r2rPlan(kind, type, n, { norm: 'backward', orthogonalize: false, inverse: false }).execute(y, 0);
              const okNaive = relRms(y, naiveR2R(kind, type, x)) < 1e-13;
              const z = x.slice();
              r2rPlan(kind, type, n, { norm, orthogonalize, inverse: false }).execute(z, 0);
              r2rPlan(kind, type, n, { norm, orthogonalize, inverse: true }).execute(z, 0);
              return okNaive && relRms(z, x) < 1e-13;
            }),
            { numRuns: 40 },
          );
        });
      }
    }
  });
});

describe('invalid lengths', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('complexPlan / realPlan reject n = %s naming n', (n) => {
    for (const make of [() => complexPlan(n), () => realPlan(n), () => r2rPlan('dct', 2, n, { norm: 'backward', orthogonalize: false, inverse: false })]) {
      try {
        make();
        expect.unreachable('should throw');
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        expect((e as InvalidArgumentError).argument).toBe('n');
      }
    }
  });

  it('DCT-I needs n >= 2', () => {
    expect(() => r2rPlan('dct', 1, 1, { norm: 'backward', orthogonalize: false, inverse: false })).toThrow(InvalidArgumentError);
    expect(() => r2rPlan('dst', 1, 1, { norm: 'backward', orthogonalize: false, inverse: false })).not.toThrow();
  });
});

/**
 * The large-length algorithms (four-step from 2^20, Rader for primes like 65537, Bluestein with a four-step inner
 * length) only exist in the wasm kernels; the TypeScript kernels, checked against SciPy
 * and naive sums above, are the reference here.
 */
describe.each([65536, 2 ** 20, 3 ** 13, 2 ** 20 + 1, 65537, 12289, 1009])('wasm-simd agrees with TypeScript at n = %i', (n) => {
  afterAll(() => setWasmEnabled(true));
  it('forward and backward', () => {
    const x = randomArray(2 * n, n % 1000);
    for (const forward of [true, false]) {
      setWasmEnabled(true);
      const a = x.slice();
      complexPlan(n).execute(a, 0, forward, 0.5);
      expect(activeKernels()).toBe('wasm-simd');
      setWasmEnabled(false);
      const b = x.slice();
      complexPlan(n).execute(b, 0, forward, 0.5);
      expect(relRms(a, b)).toBeLessThan(1e-15 * Math.log2(n));
    }
  });
});

describe.each([
  ['wasm-simd', true],
  ['typescript', false],
] as const)('executeMany on %s kernels', (_name, wasm) => {
  beforeAll(() => setWasmEnabled(wasm));
  afterAll(() => setWasmEnabled(true));
  it('equals execute() on each gathered line, for any strides and leaves other elements alone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        (n, count, linesFirst, negElem, negLine, forward, gap) => {
          // lines laid out either as rows (elements contiguous) or as columns, with a gap
          const elemStride = (linesFirst ? count + gap : 1) * (negElem ? -1 : 1);
          const lineStride = (linesFirst ? 1 : n + gap) * (negLine ? -1 : 1);
          const lo = Math.min(0, (count - 1) * lineStride) + Math.min(0, (n - 1) * elemStride);
          const hi = Math.max(0, (count - 1) * lineStride) + Math.max(0, (n - 1) * elemStride);
          const pad = 3;
          const total = hi - lo + 1 + 2 * pad;
          const data = randomArray(2 * total, n * 131 + count);
          const offset = 2 * (pad - lo);
          const expected = data.slice();
          const plan = complexPlan(n);
          const buf = new Float64Array(2 * n);
          for (let l = 0; l < count; l++) {
            for (let j = 0; j < n; j++) {
              const at = offset + 2 * (l * lineStride + j * elemStride);
              buf[2 * j] = expected[at];
              buf[2 * j + 1] = expected[at + 1];
            }
            plan.execute(buf, 0, forward, 0.25);
            for (let j = 0; j < n; j++) {
              const at = offset + 2 * (l * lineStride + j * elemStride);
              expected[at] = buf[2 * j];
              expected[at + 1] = buf[2 * j + 1];
            }
          }
          plan.executeMany(data, offset, count, lineStride, elemStride, forward, 0.25);
          return relRms(data, expected) < 1e-15;
        },
      ),
      { numRuns: 120 },
    );
  });

  it('handles lengths served by Bluestein and four-step', () => {
    for (const n of [1009, 2 ** 20]) {
      const count = n > 5000 ? 2 : 5;
      const data = randomArray(2 * n * count, n);
      const expected = data.slice();
      for (let l = 0; l < count; l++) complexPlan(n).execute(expected, 2 * n * l, false, 1);
      complexPlan(n).executeMany(data, 0, count, n, 1, false, 1);
      expect(relRms(data, expected)).toBeLessThan(1e-15);
    }
  });
});

/** Odd real lengths take the split first-pass path in wasm (recursively); TypeScript is the reference. */
describe.each([59049, 16807, 4097, 15015, 9999, 45, 2 ** 19])('wasm-simd real FFT agrees with TypeScript at n = %i', (n) => {
  afterAll(() => setWasmEnabled(true));
  it('forward and backward', () => {
    const x = randomArray(n, n % 977);
    const h = (n >> 1) + 1;
    const spec = randomArray(2 * h, 3);
    const outs: Float64Array[] = [];
    for (const wasm of [true, false]) {
      setWasmEnabled(wasm);
      const f = new Float64Array(2 * h);
      realPlan(n).forward(x, 0, f, 0, 0.5);
      const b = new Float64Array(n);
      realPlan(n).backward(spec, 0, b, 0, 2);
      outs.push(f, b);
    }
    expect(relRms(outs[0], outs[2])).toBeLessThan(1e-15 * Math.log2(n));
    expect(relRms(outs[1], outs[3])).toBeLessThan(1e-15 * Math.log2(n));
  });
});

describe('r2rPlan rejects bad options', () => {
  const opts = { norm: 'backward', orthogonalize: false, inverse: false } as const;
  it.each([
    ['kind', () => r2rPlan('dft' as never, 2, 8, opts)],
    ['type', () => r2rPlan('dct', 5 as never, 8, opts)],
    ['norm', () => r2rPlan('dst', 2, 8, { ...opts, norm: 'none' as never })],
    ['n', () => r2rPlan('dst', 2, 0, opts)],
  ])('naming %s', (argument, make) => {
    try {
      make();
      expect.unreachable('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as InvalidArgumentError).argument).toBe(argument);
    }
  });
});
