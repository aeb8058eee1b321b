/**
 * The sciport.ndimage reference suite: every function against SciPy's golden fixtures,
 * property tests and bad-input tests, on the arrays of any backend (through an
 * ArrayFactory). Registers vitest `describe`/`it` blocks; call it at the top level of a
 * test file:
 *
 *   import { ndimageSuite } from '@sciport/conformance/node';
 *   ndimageSuite(myGpuFactory, { dtypes: ['float32'] });
 */
import type { DType } from '@sciport/array-api';
import * as sciNdimage from '@sciport/ndimage';
import { type FilterKind, NDIMAGE_FUNCTIONS, ndimageFunction } from '@sciport/ndimage';
import { describe, it } from 'vitest';
import { compareResult } from '../compare-result.js';
import type { ArrayFactory } from '../factory.js';
import { decodeArray, type FixtureCase, type FixtureFile, isFixtureArray } from '../fixture-format.js';
import { loadFixtureFile } from '../fixtures.js';
import { ndimageBadInputSuite } from './ndimage-bad-input.js';
import { ndimageMeasurementBadInputSuite } from './ndimage-measurement-bad-input.js';
import { fixtureCallback, isFixtureCallback } from './ndimage-callbacks.js';
import { expectCasesMatchSciPy, exportedFunction, fixtureGroups } from './fixture-groups.js';
import { DEFAULT_NDIMAGE_TOLERANCE, isSelected, type NdimageSuiteOptions, type NdimageSuiteTolerance } from './ndimage-options.js';
import { ndimageMeasurementPropertySuite } from './ndimage-measurement-properties.js';
import { ndimagePropertySuite } from './ndimage-properties.js';
import { ndimageInterpolationPropertySuite } from './ndimage-interpolation-properties.js';
import { isMappingSpec, mappingCallback } from './ndimage-mappings.js';
import { isReducer, reducerCallback } from './ndimage-reducers.js';
import { ndimageGenericPropertySuite } from './ndimage-generic-properties.js';
import { ndimageMorphologyBadInputSuite } from './ndimage-morphology-bad-input.js';
import { ndimageMorphologyPropertySuite } from './ndimage-morphology-properties.js';

export { DEFAULT_NDIMAGE_TOLERANCE, type NdimageSuiteOptions, type NdimageSuiteTolerance } from './ndimage-options.js';

/** Fixture files of the ndimage suite (packages/conformance/fixtures/ndimage). */
export const NDIMAGE_FIXTURE_FILES = [
  'correlate',
  'uniform',
  'gaussian',
  'rank',
  'nonfinite',
  'derivatives',
  'order',
  'interpolation',
  'measurements',
  'generic',
  'fourier',
  'morphology',
  'distance',
] as const;

/**
 * Tolerance (relative to max|expected|) for a result of `dtype` from function `fn`: 0 —
 * exact — for integer results, the min/max filters (they only select values) and the
 * morphology (bool results; grey values selected, or one IEEE sum or difference as NumPy's);
 * float distances get the float tolerance.
 */
export function ndimageTolerance(fn: string, dtype: string, tolerance: NdimageSuiteTolerance = {}): number {
  // linear, fourier and generic results are computed in floating point (the generic
  // fixtures' callbacks by NumPy reductions, too), so only the rank filters are exact
  const kind = ndimageFunction(fn).kind;
  if (kind === 'rank' || kind === 'structure' || kind === 'binary-morphology' || kind === 'grey-morphology') return 0;
  // measurements: float results by the float64 tolerance (integer arrays always exactly)
  if (kind === 'measurement' && dtype !== 'float32') return tolerance.float64 ?? DEFAULT_NDIMAGE_TOLERANCE.float64;
  if (dtype === 'float32' || dtype === 'complex64') return tolerance.float32 ?? DEFAULT_NDIMAGE_TOLERANCE.float32;
  if (dtype === 'float64' || dtype === 'complex128') return tolerance.float64 ?? DEFAULT_NDIMAGE_TOLERANCE.float64;
  return 0;
}

const publicFunction = (name: string) => exportedFunction(sciNdimage, '@sciport/ndimage', name);

type AnyFn = (...args: unknown[]) => unknown;

/**
 * A fixture's derivative callback, `{ derivative: name }`: the derivative SciPy's fixture
 * generator passed, built from this package's filter of that name with the same arguments
 * (correlate1d(input, weights, …) or the first-order gaussianFilter1d(input, sigma, …)).
 */
function derivativeCallback(name: string): AnyFn {
  const filter = publicFunction(name) as AnyFn;
  return (input, axis, output, mode, cval, parameter) =>
    name === 'gaussianFilter1d'
      ? filter(input, parameter, { axis, order: 1, output, mode, cval })
      : filter(input, parameter, { axis, output, mode, cval });
}

function isDerivative(v: unknown): v is { derivative: string } {
  return typeof v === 'object' && v !== null && typeof (v as { derivative?: unknown }).derivative === 'string';
}

/** Fixture arrays among the arguments (weights, footprint, extra arguments) become host arrays; derivatives and callbacks become functions. */
function decodeValue(v: unknown, fn = ''): unknown {
  if (isFixtureArray(v)) return decodeArray(v);
  if (isDerivative(v)) return derivativeCallback(v.derivative);
  if (isMappingSpec(v)) return mappingCallback(v);
  if (isReducer(v)) return reducerCallback(v.reducer);
  if (isFixtureCallback(v)) return fixtureCallback(fn, v.callback);
  return Array.isArray(v) ? v.map((e) => decodeValue(e, fn)) : v;
}

function label(c: FixtureCase): string {
  const show = (v: unknown): string => (isFixtureArray(v) ? `${v.dtype}[${v.shape.join('×')}]` : JSON.stringify(v));
  const parts = [c.input ?? '', ...c.args.map(show)];
  const opts = Object.entries(c.options).map(([k, v]) => `${k}: ${show(v)}`);
  if (opts.length > 0) parts.push(`{ ${opts.join(', ')} }`);
  return `${c.fn}(${parts.filter((p) => p !== '').join(', ')})`;
}

async function runCase(file: FixtureFile, c: FixtureCase, factory: ArrayFactory, options: NdimageSuiteOptions): Promise<string | undefined> {
  const args = c.args.map((a) => decodeValue(a, c.fn));
  const opts = Object.fromEntries(Object.entries(c.options).map(([k, v]) => [k, decodeValue(v)]));
  let result: unknown;
  try {
    // a case without an input array (generateBinaryStructure) passes its arguments only
    const inputs = c.input === null ? [] : [factory.make(decodeArray(file.inputs[c.input]))];
    result = publicFunction(c.fn)(...inputs, ...args, opts);
  } catch (error) {
    return `${label(c)} threw ${(error as Error).name}: ${(error as Error).message}`;
  }
  // a measurement's numbers (sums, means) of float32 input are float32 values in SciPy
  const measured = ndimageFunction(c.fn).kind === 'measurement' && c.input !== null && file.inputs[c.input].dtype === 'float32';
  const dtype = measured ? 'float32' : resultDtype(c.expected);
  // valueIndices' Map is compared as its [value, index arrays] entries
  const form = result instanceof Map ? [...result] : result;
  return compareResult(form, c.expected, factory, ndimageTolerance(c.fn, dtype, options.tolerance), label(c));
}

/** The dtype that sets a result's tolerance: its first array's, or float64 for plain numbers. */
function resultDtype(expected: unknown): string {
  if (isFixtureArray(expected)) return expected.dtype;
  if (Array.isArray(expected) && expected.length > 0) return resultDtype(expected[0]);
  return 'float64';
}

/** Whether the backend produces the `output` dtype a case names (see NdimageSuiteOptions.outputDtypes). */
function producesOutput(c: FixtureCase, options: NdimageSuiteOptions): boolean {
  const output = c.options.output;
  return options.outputDtypes === undefined || typeof output !== 'string' || options.outputDtypes.includes(output as DType);
}

/** Register the sciport.ndimage suite for `factory`. */
export function ndimageSuite(factory: ArrayFactory, options: NdimageSuiteOptions = {}): void {
  const dtypes = options.dtypes ?? factory.dtypes ?? null;
  describe(`sciport.ndimage on ${factory.name} arrays`, () => {
    for (const name of NDIMAGE_FIXTURE_FILES) {
      const file = loadFixtureFile('ndimage', name);
      const skipped = options.skipFixtures?.[name] ?? [];
      const groups = fixtureGroups(file, { include: options.include, exclude: [...(options.exclude ?? []), ...skipped] }, dtypes)
        .map((g) => ({ ...g, cases: g.cases.filter((c) => producesOutput(c, options)) }))
        .filter((g) => g.cases.length > 0);
      if (groups.length === 0) continue;
      describe(`${file.description} — SciPy ${file.scipy} fixtures (${name}.json)`, () => {
        for (const { fn, dtype, cases } of groups) {
          it(`${fn} on ${dtype} input matches SciPy (${cases.length} cases)`, () =>
            expectCasesMatchSciPy(cases, (c) => runCase(file, c, factory, options)));
        }
      });
    }
    // sections run unless excluded; inside them `include`/`exclude` pick functions. A property
    // section runs when a function of its kinds is selected (vitest fails an empty describe).
    const properties = !options.exclude?.includes('properties');
    const selects = (...kinds: FilterKind[]) => NDIMAGE_FUNCTIONS.some((f) => kinds.includes(f.kind) && isSelected(f.name, options));
    if (properties && selects('linear', 'rank')) ndimagePropertySuite(factory, options);
    if (properties && selects('interpolation')) ndimageInterpolationPropertySuite(factory, options);
    if (properties && selects('measurement')) ndimageMeasurementPropertySuite(factory, options);
    if (properties && selects('generic', 'fourier')) ndimageGenericPropertySuite(factory, options);
    if (!options.exclude?.includes('bad-input')) ndimageBadInputSuite(factory, options);
    if (!options.exclude?.includes('bad-input')) ndimageMeasurementBadInputSuite(factory, options);
    const morphology: FilterKind[] = ['structure', 'binary-morphology', 'grey-morphology', 'distance'];
    if (properties && selects(...morphology)) ndimageMorphologyPropertySuite(factory, options);
    if (!options.exclude?.includes('bad-input') && selects(...morphology)) ndimageMorphologyBadInputSuite(factory, options);
  });
}
