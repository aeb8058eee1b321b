import { asarray, NDArray } from '@sciport/array-api';
import { BackendNotImplementedError, explain, lastDispatch } from '@sciport/dispatch-core';
import { fft, type FFTNorm, ifft, withBackend } from '@sciport/fft';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FFTJS_BACKEND } from '../src/index.js';

/** A complex128 array of `shape` from interleaved (re, im) values. */
const complexOf = (values: readonly number[], shape: number[]) => new NDArray(new Float64Array(values), shape, 'complex128');

/** Largest |a − b| relative to the largest |b|. */
function relativeError(a: NDArray, b: NDArray): number {
  const x = a.toTypedArray() as Float64Array;
  const y = b.toTypedArray() as Float64Array;
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < y.length; i++) {
    worst = Math.max(worst, Math.abs(x[i]! - y[i]!));
    scale = Math.max(scale, Math.abs(y[i]!));
  }
  return worst / Math.max(scale, 1);
}

describe('the fftjs backend', () => {
  it('takes no call unless chosen: registering it changes nothing', () => {
    fft(asarray([1, 2, 3, 4], { dtype: 'complex128' }));
    expect(lastDispatch()).toEqual({ function: 'sciport.fft.fft', backend: 'default' });
  });

  it('runs fft and ifft inside withBackend, agreeing with the default', () => {
    const x = complexOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [2, 4]);
    for (const transform of [fft, ifft]) {
      const ours = withBackend(FFTJS_BACKEND, () => transform(x));
      expect(lastDispatch()?.backend).toBe(FFTJS_BACKEND);
      const reference = transform(x);
      expect(ours.dtype).toBe('complex128');
      expect(ours.shape).toEqual(reference.shape);
      expect(relativeError(ours, reference)).toBeLessThan(1e-14);
    }
  });

  it('declines what fft.js cannot do, with the reason, and the default runs it', () => {
    const cases: [unknown, object | undefined, string][] = [
      [asarray([1, 2, 3, 4, 5, 6], { dtype: 'complex128' }), undefined, 'power-of-two length'],
      [asarray([1], { dtype: 'complex128' }), undefined, 'power-of-two length'],
      [asarray([1, 2, 3, 4], { dtype: 'float64' }), undefined, 'complex128'],
      [asarray([1, 2, 3, 4], { dtype: 'complex64' }), undefined, 'complex128'],
      [[1, 2, 3, 4], undefined, 'NDArray input only'],
      [asarray([1, 2, 3, 4], { dtype: 'complex128' }), { n: 8 }, "does not understand option 'n'"],
    ];
    for (const [x, options, reason] of cases) {
      const record = withBackend(FFTJS_BACKEND, () => explain(fft, x, options));
      const candidate = record.candidates.find((c) => c.backend === FFTJS_BACKEND);
      expect(candidate?.reason).toContain(reason);
      withBackend(FFTJS_BACKEND, () => fft(x as NDArray, options));
      expect(lastDispatch()?.backend).toBe('default');
    }
  });

  it('forced per call, a length fft.js cannot do is a BackendNotImplementedError naming the reason', () => {
    const x = asarray([1, 2, 3, 4, 5, 6], { dtype: 'complex128' });
    expect(() => fft(x, { backend: FFTJS_BACKEND })).toThrow(BackendNotImplementedError);
    expect(() => fft(x, { backend: FFTJS_BACKEND })).toThrow(/power-of-two length ≥ 2 along the axis; this one is 6/);
  });

  it('agrees with the default on every power-of-two length, axis and norm, and leaves its input alone', () => {
    const arbitraryCase = fc
      .record({ log2n: fc.integer({ min: 1, max: 9 }), lines: fc.integer({ min: 1, max: 3 }), onAxis0: fc.boolean() })
      .chain(({ log2n, lines, onAxis0 }) =>
        fc.record({
          shape: fc.constant(onAxis0 ? [2 ** log2n, lines] : [lines, 2 ** log2n]),
          axis: fc.constant(onAxis0 ? 0 : -1),
          values: fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2 * lines * 2 ** log2n, maxLength: 2 * lines * 2 ** log2n }),
          norm: fc.constantFrom<FFTNorm | undefined>(undefined, 'backward', 'ortho', 'forward'),
          inverse: fc.boolean(),
        }),
      );
    fc.assert(
      fc.property(arbitraryCase, ({ shape, axis, values, norm, inverse }) => {
        const z = complexOf(values, shape);
        const before = Array.from(z.toTypedArray() as Float64Array);
        const transform = inverse ? ifft : fft;
        const ours = withBackend(FFTJS_BACKEND, () => transform(z, { axis, norm }));
        expect(lastDispatch()?.backend).toBe(FFTJS_BACKEND);
        const reference = transform(z, { axis, norm });
        expect(Array.from(z.toTypedArray() as Float64Array)).toEqual(before);
        // both are O(ε log n) from the exact DFT
        expect(relativeError(ours, reference)).toBeLessThan(1e-13);
      }),
      { numRuns: 60 },
    );
  });
});
