/**
 * irfft / hfft of inputs holding NaN or ±Infinity: every output element is NaN, +Infinity,
 * -Infinity or finite exactly as in SciPy, and the finite ones agree with SciPy's values.
 * The fixture (tooling/fixtures/gen_fft.py, `c2r_nonfinite`) covers every position and
 * part of short inputs for default, odd, even, truncating and padding n, and random inputs
 * for lengths with radix 2/3/4/5 passes, general odd radices and Bluestein's algorithm.
 */
import { readFileSync } from 'node:fs';
import { NDArray } from '@sciport/array-api';
import { describe, expect, it } from 'vitest';
import { usesBluestein } from '../src/kernels/fftpack-real-backward.js';
import { hfft, hfftn, irfft, irfftn } from '../src/index.js';
import type { FFTOptions } from '../src/options.js';

interface FixtureArray {
  shape: number[];
  data: (number | string)[];
}
interface Fixture {
  inputs: Record<string, FixtureArray>;
  cases: { fn: 'irfft' | 'hfft'; input: string; options: FFTOptions; expected: FixtureArray }[];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/c2r-nonfinite.json', import.meta.url), 'utf8')) as Fixture;
const num = (v: number | string): number => (typeof v === 'number' ? v : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : Number.NaN);
const kind = (v: number): string => (Number.isNaN(v) ? 'NaN' : v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : 'finite');
const transforms = { irfft, hfft };

describe('irfft / hfft put NaN and Infinity where SciPy does', () => {
  it(`matches SciPy element by element in ${fixture.cases.length} cases`, () => {
    const failures: string[] = [];
    for (const c of fixture.cases) {
      const input = fixture.inputs[c.input];
      const x = new NDArray(Float64Array.from(input.data, num), input.shape, 'complex128');
      const got = transforms[c.fn](x, c.options).data;
      const expected = c.expected.data.map(num);
      const finite = expected.filter(Number.isFinite);
      const scale = Math.max(1, ...finite.map(Math.abs));
      expected.forEach((e, j) => {
        const g = got[j];
        if (kind(g) !== kind(e)) failures.push(`${c.fn}(${c.input}, ${JSON.stringify(c.options)})[${j}]: ${g}, SciPy ${e}`);
        else if (Number.isFinite(e) && !(Math.abs(g - e) <= 1e-13 * scale)) failures.push(`${c.fn}(${c.input})[${j}]: ${g}, SciPy ${e}`);
      });
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('the fixture reaches Bluestein lengths and the general odd radix', () => {
    const lengths = new Set(fixture.cases.map((c) => c.options.n as number));
    expect([...lengths].some(usesBluestein)).toBe(true);
    expect(lengths.has(7) && lengths.has(143)).toBe(true);
  });

  it('finite input keeps the fast path values (the Nyquist term is truncated away here)', () => {
    // scipy.fft.irfft([1, 2+1j, 3-2j, 0.5j], n=6)
    const expected = [1.8333333333333333, 0.28867513459481287, -1.5326920704511053, 0.5, 0.199358737117772, -0.2886751345948128];
    const x = new NDArray(Float64Array.from([1, 0, 2, 1, 3, -2, 0, 0.5]), [4], 'complex128');
    const y = irfft(x, { n: 6 });
    for (const [j, e] of expected.entries()) expect(y.data[j]).toBeCloseTo(e, 14);
  });

  it('strided and multi-line input: each line is matched on its own', () => {
    // two lines along axis 0 (transposed layout): line 0 holds NaN in the real part of term 1,
    // line 1 is finite; scipy.fft.irfft([1, nan, 3], n=4) -> [nan, fin, nan, fin]
    const data = Float64Array.from([1, 0, 1, 0, Number.NaN, 0, 2, 0, 3, 0, 3, 0]);
    const x = new NDArray(data, [3, 2], 'complex128');
    const y = irfft(x, { n: 4, axis: 0 });
    const column = (k: number) => [0, 1, 2, 3].map((j) => kind(y.data[j * 2 + k]));
    expect(column(0)).toEqual(['NaN', 'finite', 'NaN', 'finite']);
    expect(column(1)).toEqual(['finite', 'finite', 'finite', 'finite']);
    expect([y.data[1], y.data[2], y.data[6], y.data[3], y.data[5], y.data[7]]).toEqual([2, -0.5, -0.5, -0.5, 0, -0.5]);
  });

  it('irfftn / hfftn over one axis are the 1-D transforms, non-finite placement included', () => {
    // x = np.array([[1, nan, 3], [1, 2, 3+1j]])
    // scipy.fft.irfftn(x, axes=[1], s=[4]) -> [[nan, -0.5, nan, -0.5], [2, -0.5, 0, -0.5]]
    // scipy.fft.hfftn(x, axes=[-1]) -> [[nan, -2, nan, -2], [8, -2, 0, -2]]
    const x = new NDArray(Float64Array.from([1, 0, Number.NaN, 0, 3, 0, 1, 0, 2, 0, 3, 1]), [2, 3], 'complex128');
    expect(irfftn(x, { axes: [1], s: [4] }).toArray()).toEqual([
      [Number.NaN, -0.5, Number.NaN, -0.5],
      [2, -0.5, 0, -0.5],
    ]);
    expect(hfftn(x, { axes: [-1] }).toArray()).toEqual([
      [Number.NaN, -2, Number.NaN, -2],
      [8, -2, 0, -2],
    ]);
  });
});
