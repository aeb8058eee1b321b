import { asarray, type NDArray } from '@sciport/array-api';
import { fft, fftn, ifft, ifftn, irfft, irfftn, rfft, rfftn } from '@sciport/fft';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GPUArray, toDevice } from '../src/index.js';
import { useGPU } from './gpu-setup.js';
import { referenceDFT, relativeError } from './reference.js';

await useGPU();

/**
 * FFT properties on GPU arrays with float32-representable inputs (normal float32 numbers
 * or zero: GPUs may flush subnormals, which WGSL allows).
 */
const f32 = fc.float({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }).map((v) => (Math.abs(v) < 1e-30 ? 0 : v));
const values = (n: number) => fc.array(f32, { minLength: n, maxLength: n });
const norms = fc.constantFrom(undefined, 'backward', 'ortho', 'forward' as const);
const runs = { numRuns: 25 };
const TOL = 2e-5;

function complexHost(v: readonly number[], shape: number[]): NDArray {
  return asarray(Float32Array.from(v), { dtype: 'complex64', shape });
}

async function read(x: unknown): Promise<Float32Array> {
  const g = x as GPUArray;
  const h = (await g.toHost()) as NDArray;
  g.dispose();
  return h.toTypedArray() as Float32Array;
}

describe('fft properties on GPU arrays (float32)', () => {
  it('ifft(fft(x)) == x for every norm', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 80 }).chain((n) => fc.tuple(values(2 * n), norms)), async ([v, norm]) => {
        const x = toDevice(complexHost(v, [v.length / 2]));
        const y = fft(x, { norm });
        const back = await read(ifft(y, { norm }));
        x.dispose();
        y.dispose();
        expect(relativeError(back, Float32Array.from(v))).toBeLessThanOrEqual(TOL);
      }),
      runs,
    );
  });

  it('is linear: fft(a·x + b·y) == a·fft(x) + b·fft(y)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 64 }).chain((n) => fc.tuple(values(2 * n), values(2 * n))),
        fc.float({ min: -3, max: 3, noNaN: true }),
        fc.float({ min: -3, max: 3, noNaN: true }),
        async ([u, v], a, b) => {
          const n = u.length / 2;
          const fx = await read(fft(toDevice(complexHost(u, [n]))));
          const fy = await read(fft(toDevice(complexHost(v, [n]))));
          const combined = Float32Array.from(u, (ui, i) => a * ui + b * v[i]);
          const fz = await read(fft(toDevice(complexHost(Array.from(combined), [n]))));
          const scale = Math.max(...Array.from(fx, (xi, i) => Math.abs(a * xi) + Math.abs(b * fy[i])), 1e-30);
          const err = Math.max(...Array.from(fz, (zi, i) => Math.abs(zi - (a * fx[i] + b * fy[i]))));
          expect(err / scale).toBeLessThanOrEqual(TOL);
        },
      ),
      runs,
    );
  });

  it("satisfies Parseval's theorem for every length (Stockham and Bluestein)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100 }).chain((n) => values(2 * n)), async (v) => {
        const n = v.length / 2;
        const x = toDevice(complexHost(v, [n]));
        const X = await read(fft(x, { norm: 'ortho' }));
        x.dispose();
        const energy = v.reduce((s, t) => s + t * t, 0);
        const spectral = X.reduce((s, t) => s + t * t, 0);
        expect(Math.abs(spectral - energy)).toBeLessThanOrEqual(4 * TOL * Math.max(energy, 1e-30));
      }),
      runs,
    );
  });

  it('agrees with a direct float64 DFT of the float32 input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }).chain((n) => values(2 * n)), async (v) => {
        const n = v.length / 2;
        const input = Float32Array.from(v);
        const X = await read(fft(toDevice(complexHost(v, [n]))));
        expect(relativeError(X, referenceDFT(input, [n], 0, 1))).toBeLessThanOrEqual(TOL);
      }),
      runs,
    );
  });

  it('irfft(rfft(x), n) == x and irfftn(rfftn(x), s) == x', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }).chain((shape) =>
          fc.tuple(fc.constant(shape), values(shape.reduce((p, s) => p * s, 1))),
        ),
        async ([shape, v]) => {
          const x = toDevice(asarray(Float32Array.from(v), { shape }));
          const n = shape[shape.length - 1];
          const back1 = await read(irfft(rfft(x), { n }));
          const back = await read(irfftn(rfftn(x), { s: shape }));
          const roundTrip = await read(ifftn(fftn(x)));
          x.dispose();
          const want = Float32Array.from(v);
          expect(relativeError(back, want)).toBeLessThanOrEqual(TOL);
          if (shape.length === 1) expect(relativeError(back1, want)).toBeLessThanOrEqual(TOL);
          expect(relativeError(roundTrip.filter((_, k) => k % 2 === 0), want)).toBeLessThanOrEqual(TOL);
        },
      ),
      runs,
    );
  });
});
