/**
 * Property tests of sciport.fft on any array kind (fast-check): inverse round trips,
 * linearity, Parseval, Hermitian symmetry of real input, the shift theorem and agreement
 * with a direct O(n²) DFT. Inputs are built on the host, made into the factory's kind,
 * transformed there and read back; the checks run on the host.
 */
import { type DType, NDArray } from '@sciport/array-api';
import * as sciFft from '@sciport/fft';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elementsOf } from '../compare.js';
import type { ArrayFactory } from '../factory.js';
import type { FFTSuiteOptions } from './fft-options.js';

type AnyFn = (...args: unknown[]) => unknown;
const api = sciFft as unknown as Record<string, AnyFn>;

interface Precision {
  readonly real: DType;
  readonly complex: DType;
  /** Norm-wise relative tolerance of the checks. */
  readonly tol: number;
}

function precisionFor(factory: ArrayFactory, options: FFTSuiteOptions): Precision {
  const dtypes = options.dtypes ?? factory.dtypes;
  const double = dtypes === undefined || (dtypes.includes('float64') && dtypes.includes('complex128'));
  return double ? { real: 'float64', complex: 'complex128', tol: 1e-12 } : { real: 'float32', complex: 'complex64', tol: 2e-5 };
}

function hostArray(values: readonly number[], shape: readonly number[], dtype: DType): NDArray {
  const Storage = dtype === 'float32' || dtype === 'complex64' ? Float32Array : Float64Array;
  return new NDArray(Storage.from(values), [...shape], dtype);
}

/** Max |a - b| over max |b| (complex pairs from `elementsOf`). */
function relativeError(a: Float64Array, b: Float64Array): number {
  let err = 0;
  let scale = 0;
  for (let k = 0; k < b.length; k += 2) {
    err = Math.max(err, Math.hypot(a[k] - b[k], a[k + 1] - b[k + 1]));
    scale = Math.max(scale, Math.hypot(b[k], b[k + 1]));
  }
  return scale === 0 ? err : err / scale;
}

const size = (shape: readonly number[]): number => shape.reduce((p, n) => p * n, 1);
/**
 * Inputs in [-10, 10]. Tiny magnitudes are flushed to 0: a scaled subnormal underflows in
 * any implementation, and in single precision (where GPUs also flush subnormals) values
 * below 1e-15 are flushed so that products of two inputs stay normal floats.
 */
function flushedDoubles(p: Precision, bound: number) {
  const tiny = p.real === 'float32' ? 1e-15 : 1e-100;
  return fc.double({ min: -bound, max: bound, noNaN: true }).map((v) => (Math.abs(v) < tiny ? 0 : v));
}
function valuesFor(p: Precision) {
  const finite = flushedDoubles(p, 10);
  return (n: number) => fc.array(finite, { minLength: n, maxLength: n });
}
const norms = fc.constantFrom(undefined, 'backward', 'ortho', 'forward');
const shapes = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 });

export function fftPropertySuite(factory: ArrayFactory, options: FFTSuiteOptions = {}): void {
  const p = precisionFor(factory, options);
  const values = valuesFor(p);
  const on = (...fns: string[]): boolean =>
    fns.every((f) => (!options.include || options.include.includes(f)) && !options.exclude?.includes(f));
  const run = async (fn: string, x: NDArray, ...rest: unknown[]): Promise<NDArray> => factory.read(api[fn](factory.make(x), ...rest));
  const runs = { numRuns: 25 };

  describe(`properties (${p.real}/${p.complex})`, () => {
    if (on('fft', 'ifft')) {
      it('ifft(fft(x)) == x for every norm', async () => {
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 1, max: 80 }).chain((n) => fc.tuple(values(2 * n), norms)), async ([v, norm]) => {
            const x = hostArray(v, [v.length / 2], p.complex);
            const y = await run('ifft', await run('fft', x, { norm }), { norm });
            expect(relativeError(elementsOf(y), elementsOf(x))).toBeLessThanOrEqual(p.tol);
          }),
          runs,
        );
      });
      it('is linear: fft(a·x + b·y) == a·fft(x) + b·fft(y)', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.integer({ min: 1, max: 64 }).chain((n) => fc.tuple(values(2 * n), values(2 * n))),
            flushedDoubles(p, 3),
            flushedDoubles(p, 3),
            async ([u, v], a, b) => {
              const n = u.length / 2;
              const combined = u.map((ui, i) => a * ui + b * v[i]);
              const fx = elementsOf(await run('fft', hostArray(u, [n], p.complex)));
              const fy = elementsOf(await run('fft', hostArray(v, [n], p.complex)));
              const fz = elementsOf(await run('fft', hostArray(combined, [n], p.complex)));
              const expected = fx.map((xi, i) => a * xi + b * fy[i]);
              // the scale of the inputs, not of the (possibly cancelling) combination
              const scale = Math.max(...fx.map((xi, i) => Math.abs(a * xi) + Math.abs(b * fy[i])), 1e-300);
              const err = Math.max(...fz.map((zi, i) => Math.abs(zi - expected[i])));
              expect(err / scale).toBeLessThanOrEqual(p.tol);
            },
          ),
          runs,
        );
      });
      it("satisfies Parseval's theorem: Σ|x|² == Σ|X|²/n, and == Σ|X|² with norm 'ortho'", async () => {
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 1, max: 100 }).chain((n) => values(2 * n)), async (v) => {
            const n = v.length / 2;
            const x = hostArray(v, [n], p.complex);
            const energy = v.reduce((s, t) => s + t * t, 0);
            const X = elementsOf(await run('fft', x));
            const Xo = elementsOf(await run('fft', x, { norm: 'ortho' }));
            const spectral = X.reduce((s, t) => s + t * t, 0) / n;
            const ortho = Xo.reduce((s, t) => s + t * t, 0);
            const tol = p.tol * Math.max(energy, 1e-300) * 4;
            expect(Math.abs(spectral - energy)).toBeLessThanOrEqual(tol);
            expect(Math.abs(ortho - energy)).toBeLessThanOrEqual(tol);
          }),
          runs,
        );
      });
      it('obeys the shift theorem: fft(roll(x, m))[k] == X[k]·exp(-2πi·k·m/n)', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.integer({ min: 1, max: 64 }).chain((n) => fc.tuple(values(2 * n), fc.integer({ min: -n, max: n }))),
            async ([v, m]) => {
              const n = v.length / 2;
              const rolled = new Array<number>(2 * n);
              for (let j = 0; j < n; j++) {
                const to = (((j + m) % n) + n) % n;
                rolled[2 * to] = v[2 * j];
                rolled[2 * to + 1] = v[2 * j + 1];
              }
              const X = elementsOf(await run('fft', hostArray(v, [n], p.complex)));
              const Y = elementsOf(await run('fft', hostArray(rolled, [n], p.complex)));
              const expected = new Float64Array(2 * n);
              for (let k = 0; k < n; k++) {
                const angle = (-2 * Math.PI * ((k * m) % n)) / n;
                const c = Math.cos(angle);
                const s = Math.sin(angle);
                expected[2 * k] = X[2 * k] * c - X[2 * k + 1] * s;
                expected[2 * k + 1] = X[2 * k] * s + X[2 * k + 1] * c;
              }
              expect(relativeError(Y, expected)).toBeLessThanOrEqual(p.tol);
            },
          ),
          runs,
        );
      });
      it('agrees with a direct O(n²) DFT on small inputs', async () => {
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 1, max: 40 }).chain((n) => values(2 * n)), async (v) => {
            const n = v.length / 2;
            const X = elementsOf(await run('fft', hostArray(v, [n], p.complex)));
            const direct = new Float64Array(2 * n);
            for (let k = 0; k < n; k++) {
              let re = 0;
              let im = 0;
              for (let j = 0; j < n; j++) {
                const angle = (-2 * Math.PI * ((j * k) % n)) / n;
                re += v[2 * j] * Math.cos(angle) - v[2 * j + 1] * Math.sin(angle);
                im += v[2 * j] * Math.sin(angle) + v[2 * j + 1] * Math.cos(angle);
              }
              direct[2 * k] = re;
              direct[2 * k + 1] = im;
            }
            expect(relativeError(X, direct)).toBeLessThanOrEqual(p.tol * 10);
          }),
          runs,
        );
      });
    }
    if (on('fft', 'rfft')) {
      it('real input has a Hermitian spectrum, and rfft is its first half', async () => {
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 1, max: 80 }).chain((n) => values(n)), async (v) => {
            const n = v.length;
            const x = hostArray(v, [n], p.real);
            const X = elementsOf(await run('fft', x));
            const mirrored = new Float64Array(2 * n);
            for (let k = 0; k < n; k++) {
              const j = (n - k) % n;
              mirrored[2 * k] = X[2 * j];
              mirrored[2 * k + 1] = -X[2 * j + 1];
            }
            expect(relativeError(mirrored, X)).toBeLessThanOrEqual(p.tol);
            const R = elementsOf(await run('rfft', x));
            expect(R.length).toBe(2 * (Math.floor(n / 2) + 1));
            expect(relativeError(R, X.subarray(0, R.length))).toBeLessThanOrEqual(p.tol);
          }),
          runs,
        );
      });
    }
    if (on('rfft', 'irfft')) {
      it('irfft(rfft(x), n) == x', async () => {
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 1, max: 80 }).chain((n) => fc.tuple(values(n), norms)), async ([v, norm]) => {
            const x = hostArray(v, [v.length], p.real);
            const y = await run('irfft', await run('rfft', x, { norm }), { n: v.length, norm });
            expect(relativeError(elementsOf(y), elementsOf(x))).toBeLessThanOrEqual(p.tol);
          }),
          runs,
        );
      });
    }
    if (on('hfft', 'ihfft')) {
      it('hfft(ihfft(x), n) == x', async () => {
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 1, max: 80 }).chain((n) => fc.tuple(values(n), norms)), async ([v, norm]) => {
            const x = hostArray(v, [v.length], p.real);
            const y = await run('hfft', await run('ihfft', x, { norm }), { n: v.length, norm });
            expect(relativeError(elementsOf(y), elementsOf(x))).toBeLessThanOrEqual(p.tol);
          }),
          runs,
        );
      });
    }
    if (on('fftn', 'ifftn')) {
      it('ifftn(fftn(x)) == x (1-D to 3-D)', async () => {
        await fc.assert(
          fc.asyncProperty(shapes.chain((s) => fc.tuple(fc.constant(s), values(2 * size(s)), norms)), async ([s, v, norm]) => {
            const x = hostArray(v, s, p.complex);
            const y = await run('ifftn', await run('fftn', x, { norm }), { norm });
            expect(relativeError(elementsOf(y), elementsOf(x))).toBeLessThanOrEqual(p.tol);
          }),
          runs,
        );
      });
    }
    if (on('rfftn', 'irfftn')) {
      it('irfftn(rfftn(x), s) == x (1-D to 3-D)', async () => {
        await fc.assert(
          fc.asyncProperty(shapes.chain((s) => fc.tuple(fc.constant(s), values(size(s)), norms)), async ([s, v, norm]) => {
            const x = hostArray(v, s, p.real);
            const y = await run('irfftn', await run('rfftn', x, { norm }), { s, norm });
            expect(relativeError(elementsOf(y), elementsOf(x))).toBeLessThanOrEqual(p.tol);
          }),
          runs,
        );
      });
    }
    for (const [forward, inverse] of [
      ['dct', 'idct'],
      ['dst', 'idst'],
    ] as const) {
      if (!on(forward, inverse)) continue;
      it(`${inverse}(${forward}(x)) == x for types 1-4, every norm and orthogonalize`, async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.integer({ min: 2, max: 64 }).chain((n) => values(n)),
            fc.constantFrom(1, 2, 3, 4),
            norms,
            fc.constantFrom(undefined, true, false),
            async (v, type, norm, orthogonalize) => {
              const x = hostArray(v, [v.length], p.real);
              const o = { type, norm, orthogonalize };
              const y = await run(inverse, await run(forward, x, o), o);
              expect(relativeError(elementsOf(y), elementsOf(x))).toBeLessThanOrEqual(p.tol);
            },
          ),
          runs,
        );
      });
    }
    for (const [forward, inverse] of [
      ['dctn', 'idctn'],
      ['dstn', 'idstn'],
    ] as const) {
      if (!on(forward, inverse)) continue;
      it(`${inverse}(${forward}(x)) == x (1-D to 3-D, types 1-4)`, async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.integer({ min: 2, max: 6 }), { minLength: 1, maxLength: 3 }).chain((s) => fc.tuple(fc.constant(s), values(size(s)))),
            fc.constantFrom(1, 2, 3, 4),
            norms,
            async ([s, v], type, norm) => {
              const x = hostArray(v, s, p.real);
              const y = await run(inverse, await run(forward, x, { type, norm }), { type, norm });
              expect(relativeError(elementsOf(y), elementsOf(x))).toBeLessThanOrEqual(p.tol);
            },
          ),
          runs,
        );
      });
    }
    if (on('fht', 'ifht')) {
      it('ifht(fht(a)) == a away from singular parameters', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.integer({ min: 1, max: 64 }).chain((n) => values(n)),
            fc.double({ min: 0.02, max: 0.5, noNaN: true }),
            fc.double({ min: 0, max: 4, noNaN: true }),
            fc.double({ min: -0.4, max: 0.4, noNaN: true }),
            async (v, dln, mu, bias) => {
              const x = hostArray(v, [v.length], p.real);
              const y = await run('ifht', await run('fht', x, dln, mu, { bias }), dln, mu, { bias });
              expect(relativeError(elementsOf(y), elementsOf(x))).toBeLessThanOrEqual(p.tol * 100);
            },
          ),
          runs,
        );
      });
    }
  });
}
