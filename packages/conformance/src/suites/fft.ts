/**
 * The sciport.fft reference suite: every function against SciPy's golden fixtures,
 * property tests and bad-input tests, on the arrays of any backend (through an
 * ArrayFactory). Registers vitest `describe`/`it` blocks; call it at the top level of a
 * test file:
 *
 *   import { fftSuite } from '@sciport/conformance/node';
 *   fftSuite(myGpuFactory, { dtypes: ['float32', 'complex64'] });
 */
import { type DType, NDArray } from '@sciport/array-api';
import * as sciFft from '@sciport/fft';
import { describe, it } from 'vitest';
import { compareArrays } from '../compare.js';
import type { ArrayFactory } from '../factory.js';
import { decodeArray, type FixtureCase, type FixtureFile } from '../fixture-format.js';
import { loadFixtureFile } from '../fixtures.js';
import { fftBadInputSuite } from './fft-bad-input.js';
import type { FFTSuiteOptions, FFTSuiteTolerance } from './fft-options.js';
import { expectCasesMatchSciPy, exportedFunction, fixtureGroups } from './fixture-groups.js';
import { fftPropertySuite } from './fft-properties.js';

export type { FFTSuiteOptions, FFTSuiteTolerance } from './fft-options.js';

/** Fixture files of the fft suite (packages/conformance/fixtures/fft). */
export const FFT_FIXTURE_FILES = ['c2c', 'real', 'r2r', 'fftlog', 'helpers', 'nonfinite'] as const;

/** Helpers compared exactly (they only move or generate values). */
const EXACT = new Set(['fftshift', 'ifftshift', 'fftfreq', 'rfftfreq']);

export const DEFAULT_FFT_TOLERANCE = { float64: 1e-14, float32: 2e-6 } as const;

/**
 * Multiple of a case's `conditioning` (the spread any double-precision implementation
 * has, SciPy's included) added to the tolerance: two implementations each within it.
 */
export const CONDITIONING_FACTOR = 2;

/** Tolerance for a result of `dtype` from a problem of `size` elements: base × max(1, log2 size). */
export function fftTolerance(dtype: string, size: number, tolerance: FFTSuiteTolerance = {}): number {
  const single = dtype === 'float32' || dtype === 'complex64';
  const base = single ? (tolerance.float32 ?? DEFAULT_FFT_TOLERANCE.float32) : (tolerance.float64 ?? DEFAULT_FFT_TOLERANCE.float64);
  return base * Math.max(1, Math.log2(Math.max(size, 1)));
}

function label(c: FixtureCase): string {
  const parts = [c.input ?? '', ...c.args.map((a) => JSON.stringify(a))];
  if (Object.keys(c.options).length > 0) parts.push(JSON.stringify(c.options));
  return `${c.fn}(${parts.filter((p) => p !== '').join(', ')})`;
}

const publicFunction = (name: string) => exportedFunction(sciFft, '@sciport/fft', name);

/** Runs one array case; returns a failure message or undefined. */
async function runArrayCase(file: FixtureFile, c: FixtureCase, factory: ArrayFactory, options: FFTSuiteOptions): Promise<string | undefined> {
  const input = decodeArray(file.inputs[c.input!]);
  const expected = decodeArray(c.expected as never);
  let result: unknown;
  try {
    result = publicFunction(c.fn)(factory.make(input), ...c.args, { ...c.options });
  } catch (error) {
    return `${label(c)} threw ${(error as Error).name}: ${(error as Error).message}`;
  }
  const actual = await factory.read(result);
  const size = Math.max(input.size, expected.size);
  const tol = EXACT.has(c.fn) ? 0 : fftTolerance(expected.dtype, size, options.tolerance) + CONDITIONING_FACTOR * (c.conditioning ?? 0);
  const r = compareArrays(actual, expected, tol);
  return r.ok ? undefined : `${label(c)}: ${r.message}`;
}

/** fftfreq / rfftfreq in the factory's namespace (through `like`), exact. */
async function runFreqCase(c: FixtureCase, factory: ArrayFactory, dtypes: readonly DType[]): Promise<string | undefined> {
  const dtype: DType = dtypes.includes('float64') ? 'float64' : 'float32';
  const like = factory.make(new NDArray(dtype === 'float64' ? new Float64Array(1) : new Float32Array(1), [1], dtype));
  let expected = decodeArray(c.expected as never);
  if (dtype === 'float32') expected = new NDArray(Float32Array.from(expected.data as Float64Array), expected.shape, 'float32');
  const fn = publicFunction(c.fn);
  const args = c.args.length === 1 ? [c.args[0], 1] : c.args;
  const actual = await factory.read(fn(...args, { like, dtype }));
  const r = compareArrays(actual, expected, 0);
  return r.ok ? undefined : `${label(c)}: ${r.message}`;
}

function runScalarCase(c: FixtureCase, tolerance: FFTSuiteTolerance): string | undefined {
  if (c.fn === 'nextFastLen' || c.fn === 'prevFastLen') {
    const { targets, results } = c.expected as { targets: number[]; results: number[] };
    const fn = publicFunction(c.fn);
    const wrong: string[] = [];
    targets.forEach((t, i) => {
      const got = fn(t, c.args[0]);
      if (got !== results[i]) wrong.push(`${c.fn}(${t}, ${c.args[0]}) = ${got}, expected ${results[i]}`);
    });
    return wrong.length > 0 ? wrong.slice(0, 5).join('; ') : undefined;
  }
  if (c.fn === 'fhtoffset') {
    const got = publicFunction('fhtoffset')(...c.args, { ...c.options }) as number;
    const expected = c.expected as number;
    const tol = (tolerance.float64 ?? DEFAULT_FFT_TOLERANCE.float64) * 10 * Math.max(1, Math.abs(expected));
    return Math.abs(got - expected) <= tol ? undefined : `${label(c)} = ${got}, expected ${expected}`;
  }
  return `no runner for ${c.fn}`;
}

/** Register the sciport.fft suite for `factory`. */
export function fftSuite(factory: ArrayFactory, options: FFTSuiteOptions = {}): void {
  const dtypes = options.dtypes ?? factory.dtypes ?? null;
  describe(`sciport.fft on ${factory.name} arrays`, () => {
    for (const name of FFT_FIXTURE_FILES) {
      const file = loadFixtureFile('fft', name);
      // Only the (function, dtype) groups this backend claims; a file with none gets no block.
      const groups = fixtureGroups(file, options, dtypes);
      if (groups.length === 0) continue;
      describe(`${file.description} — SciPy ${file.scipy} fixtures (${name}.json)`, () => {
        for (const { fn, dtype, cases } of groups) {
          const what = dtype === 'none' ? '' : ` on ${dtype} input`;
          it(`${fn}${what} matches SciPy (${cases.length} cases)`, () =>
            expectCasesMatchSciPy(cases, (c) => {
              if (c.input !== null) return runArrayCase(file, c, factory, options);
              if (fn === 'fftfreq' || fn === 'rfftfreq') return runFreqCase(c, factory, dtypes ?? ['float64']);
              return runScalarCase(c, options.tolerance ?? {});
            }));
        }
      });
    }
    // sections run unless excluded; inside them `include`/`exclude` pick functions
    if (!options.exclude?.includes('properties')) fftPropertySuite(factory, options);
    if (!options.exclude?.includes('bad-input')) fftBadInputSuite(factory, options);
  });
}
