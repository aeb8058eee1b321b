/**
 * The Array API reference suite: NumPy's answers (fixtures/array-api, from
 * `tooling/fixtures/gen_array_api.py`) for the namespace of any array kind, through an
 * ArrayFactory. Each case's array arguments are made into the factory's kind, the function
 * is taken from their namespace (`arrayNamespace`), and every array result is read back
 * and compared with NumPy's. Call at the top level of a test file:
 *
 *   import { arrayApiSuite } from '@sciport/conformance/node';
 *   arrayApiSuite(gpuFactory, { exclude: ['sort'], tolerance: { float32: { rtol: 4e-6, scaled: 4e-7 } } });
 */
import { type ArrayNamespace, arrayNamespace, type DType, hostNamespace, type NDArray } from '@sciport/array-api';
import { NotSupportedError } from '@sciport/dispatch-core';
import { describe, expect, it } from 'vitest';
import type { ArrayFactory } from '../factory.js';
import { loadFixtureFile } from '../fixtures.js';
import { isSelected } from './fixture-groups.js';
import { compareGolden, type GoldenKind, type GoldenToleranceOverrides, goldenTolerance } from '../golden-compare.js';
import { decodeGoldenArg, expectedArrays, type GoldenArray, type GoldenCase, isGoldenArrayArg } from '../golden-numpy.js';

export interface ArrayApiSuiteOptions {
  /** Input dtypes to run (default: the factory's, else all). */
  readonly dtypes?: readonly DType[];
  /** Only these functions (namespace names, 'slice' for the array method, 'resultType' for the promotion table). */
  readonly include?: readonly string[];
  /**
   * Leave cases out: 'fn' (all of a function's), 'fn:dtype' (those whose array arguments all
   * have that dtype) or 'fn[tag]' (those with the fixture tag, e.g. 'pow[special]').
   */
  readonly exclude?: readonly string[];
  /** Per result dtype, replaces the default tolerance of inexact results (see README). */
  readonly tolerance?: GoldenToleranceOverrides;
}

/** Fixture files and how their results are compared. */
export const ARRAY_API_FIXTURE_FILES: Readonly<Record<string, GoldenKind>> = {
  unary: 'elementwise',
  binary: 'elementwise',
  creation: 'elementwise',
  manipulation: 'exact',
  reductions: 'accumulate',
  linalg: 'accumulate',
  sorting: 'exact',
  indexing: 'exact',
};

const DTYPE_NAMES: ReadonlySet<string> = new Set([
  'bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
  'float32', 'float64', 'complex64', 'complex128',
]);

/** Positional parameters before the options object where some are optional. */
const ARITY: Readonly<Record<string, number>> = { eye: 2, arange: 3 };

/** Namespace members that are not functions of arrays (constants, the kind's name). */
const NOT_FUNCTIONS = new Set(['kind', 'e', 'pi', 'inf', 'nan', 'newaxis']);

/** The functions of the namespace interface (the host namespace implements all of them). */
export const ARRAY_API_FUNCTIONS: readonly string[] = Object.keys(hostNamespace)
  .filter((k) => !NOT_FUNCTIONS.has(k) && typeof (hostNamespace as unknown as Record<string, unknown>)[k] === 'function')
  .sort();

function inputDtypes(c: GoldenCase): Set<string> {
  const out = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isGoldenArrayArg(v)) out.add(v.array.dtype);
  };
  visit(c.args);
  return out;
}

/**
 * Is the case left out by a qualified `exclude` entry: 'fn:dtype' (every array argument
 * has that dtype) or 'fn[tag]' (the fixture's tag, e.g. 'special' for the special values)?
 */
function isExcludedCase(c: GoldenCase, options: ArrayApiSuiteOptions): boolean {
  const inputs = [...inputDtypes(c)];
  return (options.exclude ?? []).some(
    (entry) => (inputs.length === 1 && entry === `${c.fn}:${inputs[0]}`) || (c.tag !== undefined && entry === `${c.fn}[${c.tag}]`),
  );
}

function collectDtypes(v: unknown, out: Set<string>): void {
  if (Array.isArray(v)) for (const x of v) collectDtypes(x, out);
  else if (isGoldenArrayArg(v)) out.add(v.array.dtype);
  else if (typeof v === 'string' && DTYPE_NAMES.has(v)) out.add(v); // astype's target
}

/**
 * Every dtype a case involves: its inputs, the dtype it asks for, and NumPy's result
 * dtypes (a kind without int64 cannot return NumPy's int64 sum of int32 input).
 */
export function caseDtypes(c: GoldenCase): Set<string> {
  const out = new Set<string>();
  collectDtypes(c.args, out);
  const requested = c.options?.dtype;
  if (typeof requested === 'string') out.add(requested);
  for (const [, e] of expectedArrays(c.expected)) out.add(e.dtype);
  return out;
}

function label(c: GoldenCase, i: number): string {
  return `${c.fn}#${i}${c.tag ? `[${c.tag}]` : ''}${c.options ? ` ${JSON.stringify(c.options)}` : ''}`;
}

/** A probe array of the kind, for creation functions (no array argument) and resultType. */
function probe(factory: ArrayFactory, dtypes: readonly DType[] | null): unknown {
  const dtype = dtypes === null || dtypes.includes('float64') ? 'float64' : dtypes.find((d) => d.startsWith('float')) ?? dtypes[0];
  return factory.make(hostNamespace.zeros([1], { dtype }));
}

/** Decoded arguments with every host array made into the factory's kind; also the arrays made. */
function makeArgs(c: GoldenCase, factory: ArrayFactory): { args: unknown[]; arrays: unknown[] } {
  const arrays: unknown[] = [];
  const toKind = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(toKind);
    if (isGoldenArrayArg(v)) {
      const made = factory.make(decodeGoldenArg(v) as NDArray);
      arrays.push(made);
      return made;
    }
    return v;
  };
  return { args: c.args.map(toKind), arrays };
}

function call(c: GoldenCase, factory: ArrayFactory, dtypes: readonly DType[] | null): unknown {
  const { args, arrays } = makeArgs(c, factory);
  const arity = ARITY[c.fn];
  if (c.options !== undefined) {
    if (arity !== undefined) while (args.length < arity) args.push(undefined);
    args.push({ ...c.options });
  }
  if (c.fn === 'slice') {
    // Basic indexing is the array method `x.slice(...specs)`; the fixture passes x then the specs.
    const x = args[0] as { slice?: (...specs: unknown[]) => unknown };
    if (typeof x.slice !== 'function') {
      throw new NotSupportedError('Arrays of this kind have no slice method.', { argument: 'x', hint: "exclude 'slice' for this kind" });
    }
    return x.slice(...args.slice(1));
  }
  const xp = (arrays.length > 0 ? arrayNamespace(...arrays) : arrayNamespace(probe(factory, dtypes))) as unknown as Record<string, unknown>;
  const fn = xp[c.fn];
  if (typeof fn !== 'function') {
    throw new NotSupportedError(`The namespace has no function ${c.fn}.`, { argument: 'fn', hint: `exclude '${c.fn}' for this kind` });
  }
  return (fn as (...a: unknown[]) => unknown)(...args);
}

/** Runs one case; undefined when every result matches NumPy, else what differs. */
async function runCase(c: GoldenCase, i: number, kind: GoldenKind, factory: ArrayFactory, options: ArrayApiSuiteOptions, dtypes: readonly DType[] | null): Promise<string | undefined> {
  const name = label(c, i);
  let result: unknown;
  try {
    result = call(c, factory, dtypes);
  } catch (error) {
    return `${name} threw ${(error as Error).name}: ${(error as Error).message}`;
  }
  const expected = expectedArrays(c.expected);
  const isList = Array.isArray(c.expected);
  if (isList && (!Array.isArray(result) || result.length !== expected.length)) {
    return `${name}: expected a list of ${expected.length} arrays, got ${Array.isArray(result) ? `${result.length}` : typeof result}`;
  }
  for (const [place, e] of expected) {
    const part = place === '' ? result : isList ? (result as unknown[])[Number(place.slice(1, -1))] : (result as Record<string, unknown>)[place.slice(1)];
    let actual: NDArray;
    try {
      actual = await factory.read(part);
    } catch (error) {
      return `${name}${place}: reading the result back threw ${(error as Error).name}: ${(error as Error).message}`;
    }
    const tol = goldenTolerance(e.dtype, kind, c.tag === 'special', options.tolerance);
    const why = compareGolden(actual, e as GoldenArray, tol);
    if (why !== undefined) return `${name}${place}: ${why}`;
  }
  return undefined;
}

interface Registered {
  readonly file: string;
  readonly kind: GoldenKind;
  readonly fn: string;
  readonly cases: readonly [GoldenCase, number][];
}

/** The (file, function) groups of cases this factory runs. */
function registeredGroups(options: ArrayApiSuiteOptions, dtypes: readonly DType[] | null): Registered[] {
  const groups: Registered[] = [];
  for (const [file, kind] of Object.entries(ARRAY_API_FIXTURE_FILES)) {
    const cases = loadFixtureFile('array-api', file) as unknown as GoldenCase[];
    const byFn = new Map<string, [GoldenCase, number][]>();
    cases.forEach((c, i) => {
      if (!isSelected(c.fn, options) || isExcludedCase(c, options)) return;
      if (dtypes !== null && [...caseDtypes(c)].some((d) => !dtypes.includes(d as DType))) return;
      const list = byFn.get(c.fn) ?? [];
      list.push([c, i]);
      byFn.set(c.fn, list);
    });
    for (const [fn, list] of byFn) groups.push({ file, kind, fn, cases: list });
  }
  return groups;
}

/** NumPy's promotion table restricted to the dtypes of the kind. */
function promotionPairs(dtypes: readonly DType[] | null): [DType, DType, DType][] {
  const table = loadFixtureFile('array-api', 'promotion') as unknown as Record<DType, Record<DType, DType>>;
  const pairs: [DType, DType, DType][] = [];
  for (const [a, row] of Object.entries(table) as [DType, Record<DType, DType>][]) {
    for (const [b, want] of Object.entries(row) as [DType, DType][]) {
      if (dtypes === null || [a, b, want].every((d) => dtypes.includes(d))) pairs.push([a, b, want]);
    }
  }
  return pairs;
}

/** Register the Array API suite for `factory`. */
export function arrayApiSuite(factory: ArrayFactory, options: ArrayApiSuiteOptions = {}): void {
  const dtypes = options.dtypes ?? factory.dtypes ?? null;
  const groups = registeredGroups(options, dtypes);
  const pairs = isSelected('resultType', options) ? promotionPairs(dtypes) : [];
  const ran = new Set(groups.map((g) => g.fn));
  if (pairs.length > 0) ran.add('resultType');
  const selected = ARRAY_API_FUNCTIONS.filter((fn) => isSelected(fn, options));
  const covered = selected.filter((fn) => ran.has(fn));
  const uncovered = selected.filter((fn) => !ran.has(fn));

  describe(`Array API namespace on ${factory.name} arrays (NumPy fixtures)`, () => {
    for (const file of Object.keys(ARRAY_API_FIXTURE_FILES)) {
      const inFile = groups.filter((g) => g.file === file);
      if (inFile.length === 0) continue;
      describe(`${file}.json`, () => {
        for (const { fn, kind, cases } of inFile) {
          it(`${fn} matches NumPy (${cases.length} cases)`, async () => {
            const failures: string[] = [];
            for (const [c, i] of cases) {
              const failure = await runCase(c, i, kind, factory, options, dtypes);
              if (failure !== undefined) failures.push(failure);
            }
            expect(failures.slice(0, 10), `${failures.length} of ${cases.length} cases differ from NumPy`).toEqual([]);
          });
        }
      });
    }
    if (pairs.length > 0) {
      it(`resultType matches NumPy's promotion table (${pairs.length} cases)`, () => {
        const xp = arrayNamespace(probe(factory, dtypes)) as ArrayNamespace<unknown>;
        const wrong = pairs.filter(([a, b, want]) => xp.resultType(a, b) !== want).map(([a, b, want]) => `${a} + ${b} → ${xp.resultType(a, b)}, expected ${want}`);
        expect(wrong.slice(0, 10), `${wrong.length} of ${pairs.length} pairs differ`).toEqual([]);
      });
    }
    // Every selected function of the interface must exist on the kind's namespace; those the
    // fixtures have no case for (with this kind's dtypes) are named here, not silently skipped.
    const gap = uncovered.length === 0 ? 'every one has cases' : `no case for ${uncovered.join(', ')}`;
    it(`namespace has all ${selected.length} selected functions; ${covered.length} ran cases, ${gap}`, () => {
      const xp = arrayNamespace(probe(factory, dtypes)) as unknown as Record<string, unknown>;
      const missing = selected.filter((fn) => typeof xp[fn] !== 'function');
      expect(missing, 'functions of the interface missing from the namespace').toEqual([]);
      expect(covered.length, 'functions with at least one case').toBeGreaterThan(0);
    });
  });
}
