// The line kernels compute several outputs side by side; every output must still add its
// terms in SciPy's order (ni_filters.c's correlate1d), bit for bit, for any line length.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correlateKernel } from '../src/line-kernels.js';

/** SciPy's test for (anti)symmetric weights: odd length, mirrored taps within DBL_EPSILON. */
function symmetryOf(w: number[]): 1 | -1 | 0 {
  if (w.length % 2 === 0) return 0;
  const half = Math.floor(w.length / 2);
  const within = (sign: number) => w.every((_, i) => i <= half || Math.abs(w[i] - sign * w[w.length - 1 - i]) <= 2.220446049250313e-16);
  return within(1) ? 1 : within(-1) ? -1 : 0;
}

/** SciPy's loops, one output at a time: paired taps for (anti)symmetric odd weights, else in order. */
function reference(w: number[], ext: Float64Array, n: number): number[] {
  const size = w.length;
  const half = Math.floor(size / 2);
  const symmetry = symmetryOf(w);
  const out: number[] = [];
  for (let j = 0; j < n; j++) {
    let acc: number;
    if (symmetry !== 0) {
      const c = j + half;
      acc = ext[c] * w[half];
      for (let k = -half; k < 0; k++) acc += (symmetry === 1 ? ext[c + k] + ext[c - k] : ext[c + k] - ext[c - k]) * w[half + k];
    } else {
      acc = ext[j + size - 1] * w[size - 1];
      for (let k = 0; k < size - 1; k++) acc += ext[j + k] * w[k];
    }
    out.push(acc);
  }
  return out;
}

const valueArb = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe('correlateKernel', () => {
  it('adds each output’s terms in SciPy’s order (symmetric, antisymmetric and other weights)', () => {
    fc.assert(
      fc.property(
        fc.array(valueArb, { minLength: 1, maxLength: 9 }),
        fc.constantFrom<1 | -1 | 0>(1, -1, 0),
        fc.integer({ min: 0, max: 23 }),
        fc.array(valueArb, { minLength: 40, maxLength: 40 }),
        (taps, symmetry, n, values) => {
          // weights of the wanted symmetry: taps, a centre, the taps mirrored (times ±1)
          const w = symmetry === 0 ? taps : [...taps, 0.5, ...[...taps].reverse().map((v) => symmetry * v)];
          const ext = Float64Array.from(values.slice(0, n + w.length - 1));
          const out = new Float64Array(n);
          correlateKernel(Float64Array.from(w))(ext, out, n);
          const expected = reference(w, ext, n);
          expect(Array.from(out).every((v, i) => Object.is(v, expected[i]))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
