/**
 * The sciport.linalg reference suite: every function against SciPy's golden fixtures
 * (results, and the exceptions SciPy raises), on the arrays of any backend (through an
 * ArrayFactory). Registers vitest `describe`/`it` blocks; call it at the top level of a
 * test file:
 *
 *   import { linalgSuite } from '@sciport/conformance/node';
 *   linalgSuite(myFactory, { dtypes: ['float32', 'complex64'] });
 *
 * Tolerances follow LAPACK's error bounds: a result computed in precision ε from an n×n
 * matrix of condition number κ is compared norm-wise (error / max|expected|) with
 * `factor × n × ε × κ`; exact results (pivots, permutations, booleans, bandwidths) must
 * be equal. `svd`'s singular vectors are compared after turning each pair to SciPy's sign or
 * phase (linalg-svd.ts), the only freedom they have.
 */
import type { DType, NDArray } from '@sciport/array-api';
import * as sciLinalg from '@sciport/linalg';
import { linalgFunction } from '@sciport/linalg';
import { describe, it } from 'vitest';
import { compareResult } from '../compare-result.js';
import type { ArrayFactory } from '../factory.js';
import { decodeArray, type FixtureArray, type FixtureCase, type FixtureFile, isFixtureArray } from '../fixture-format.js';
import { loadFixtureFile } from '../fixtures.js';
import { expectCasesMatchSciPy, exportedFunction, fixtureGroups } from './fixture-groups.js';
import { alignSingularVectors } from './linalg-svd.js';
import { funmCallback } from './linalg-funm.js';
import { alignBasis } from './linalg-subspaces.js';
import { alignQrFactors } from './linalg-qr-update.js';
import { checkEigenCase, EIGEN_CHECKED } from './linalg-eigen.js';
import { alignCossin, assembleBlocks } from './linalg-cossin.js';

/** Fixture files of the linalg suite (packages/conformance/fixtures/linalg). */
export const LINALG_FIXTURE_FILES = [
  'solve',
  'decompositions',
  'norms',
  'special',
  'triangles',
  'qr',
  'svd',
  'least-squares',
  'banded',
  'structured',
  'ldl',
  'qr-extra',
  'qr-update',
  'eigen',
  'eigen-symmetric',
  'eigen-banded',
  'matfun',
  'equations',
  'matfun-schur',
  'cossin',
] as const;

export interface LinalgSuiteTolerance {
  /** The constant of the bound factor × n × ε × κ (default 4). */
  readonly factor?: number;
}

export interface LinalgSuiteOptions {
  /** Only these functions (names as exported, e.g. 'solve', 'luFactor'). */
  readonly include?: readonly string[];
  /** Leave these functions out. */
  readonly exclude?: readonly string[];
  /** Input dtypes to run (default: the factory's, else all). */
  readonly dtypes?: readonly DType[];
  readonly tolerance?: LinalgSuiteTolerance;
}

export const DEFAULT_LINALG_TOLERANCE_FACTOR = 4;

/** A linalg fixture case: args may name inputs, and luSolve/choSolve name the factorisation to run first. */
interface LinalgCase extends FixtureCase {
  readonly factor?: { readonly fn: string; readonly options: Readonly<Record<string, unknown>> };
}

/** sciport error classes that stand for SciPy's exception classes. */
const ERROR_CLASSES: Readonly<Record<string, readonly string[]>> = {
  LinAlgError: ['LinAlgError'],
  ValueError: ['InvalidArgumentError', 'ShapeError'],
  NotImplementedError: ['NotSupportedError'],
  // f2py's _flapack.error: a LAPACK wrapper rejected an argument (qr's lwork)
  error: ['InvalidArgumentError'],
};

const publicFunction = (name: string) => exportedFunction(sciLinalg, '@sciport/linalg', name);

/** Option values as the functions take them ('Infinity' → Infinity, as JSON has no inf; input references → arrays). */
function decodeOptions(options: Readonly<Record<string, unknown>>, file: FixtureFile, factory: ArrayFactory): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) {
    if (isInputRef(v)) out[k] = factory.make(decodeArray(file.inputs[v.$input]));
    else out[k] = Array.isArray(v) ? v.map(decodeInfinity) : decodeInfinity(v);
  }
  return out;
}

function decodeInfinity(v: unknown): unknown {
  return v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v;
}

function label(c: LinalgCase, file: FixtureFile): string {
  const shapes = [c.input, ...c.args.map((a) => (isInputRef(a) ? a.$input : JSON.stringify(a)))]
    .filter((x) => x !== null)
    .map((k) => (file.inputs[k as string] ? `${file.inputs[k as string].dtype}[${file.inputs[k as string].shape.join('×')}]` : k));
  const opts = Object.keys(c.options).length > 0 ? `, ${JSON.stringify(c.options)}` : '';
  return `${c.fn}(${shapes.join(', ')}${opts})`;
}

function isInputRef(a: unknown): a is { $input: string } {
  return typeof a === 'object' && a !== null && '$input' in a;
}

const SINGLE = new Set(['float32', 'complex64']);

/** Unit roundoff of the precision the inputs are computed in (single only when every input is single). */
function epsilonOf(dtypes: readonly string[]): number {
  return dtypes.every((d) => SINGLE.has(d)) ? 2 ** -23 : 2 ** -52;
}

async function runCase(file: FixtureFile, c: LinalgCase, factory: ArrayFactory, options: LinalgSuiteOptions): Promise<string | undefined> {
  const input = c.input === null ? null : decodeArray(file.inputs[c.input]);
  const make = (a: unknown): unknown => (isInputRef(a) ? factory.make(decodeArray(file.inputs[a.$input])) : a);
  // a list of input references is a list of arrays (SciPy's tuple (c, r) of solveToeplitz);
  // funm's fixtures name the scalar function SciPy was given
  const args = c.args.map((a) =>
    Array.isArray(a) && a.length > 0 && a.every(isInputRef) ? a.map(make) : c.fn === 'funm' && typeof a === 'string' ? funmCallback(a) : make(a),
  );
  const inputDtypes = [c.input, ...[...c.args.flatMap((a) => (Array.isArray(a) ? a : [a])), ...Object.values(c.options)].map((a) => (isInputRef(a) ? a.$input : null))]
    .filter((k): k is string => k !== null)
    .map((k) => file.inputs[k].dtype);
  const where = label(c, file);
  let result: unknown;
  try {
    const first = input === null ? [] : [factory.make(input)];
    if (c.factor !== undefined) {
      const factored = publicFunction(c.factor.fn)(...first, { ...c.factor.options });
      // a factorisation that returns the factor alone (choleskyBanded) is paired with its lower flag
      const pair = Array.isArray(factored) ? factored : [factored, c.factor.options.lower ?? false];
      result = publicFunction(c.fn)(pair, ...args, decodeOptions(c.options, file, factory));
    } else {
      // a function without options (blockDiag takes any number of arrays) gets no options object
      const takesOptions = linalgFunction(c.fn).options.length > 1 || Object.keys(c.options).length > 0;
      const options = takesOptions ? [decodeOptions(c.options, file, factory)] : [];
      result = publicFunction(c.fn)(...first, ...args, ...options);
    }
  } catch (error) {
    const expectedError = (c.expected as { error?: string }).error;
    const name = (error as Error).name;
    if (expectedError !== undefined && (ERROR_CLASSES[expectedError] ?? []).includes(name)) return undefined;
    return `${where} threw ${name}: ${(error as Error).message}`;
  }
  const expectedError = (c.expected as { error?: string } | null)?.error;
  if (typeof expectedError === 'string') {
    return (await raisesWhenRead(result, factory, expectedError)) ? undefined : `${where} returned, SciPy raised ${expectedError}`;
  }
  const n = input === null || input.ndim < 2 ? Math.max(1, input?.size ?? 1) : Math.max(1, input.shape[input.ndim - 1]);
  const factor = options.tolerance?.factor ?? DEFAULT_LINALG_TOLERANCE_FACTOR;
  const tol = factor * n * epsilonOf(inputDtypes) * Math.max(1, c.conditioning ?? 1);
  if (c.fn === 'svd' && Array.isArray(result) && Array.isArray(c.expected) && c.expected.length === 3) {
    const read = await Promise.all(result.map((x) => factory.read(x)));
    const aligned = alignSingularVectors(read, (c.expected as FixtureArray[]).map(decodeArray), tol);
    if (typeof aligned === 'string') return `${where}: ${aligned}`;
    result = aligned;
  }
  if (['qrUpdate', 'qrInsert', 'qrDelete'].includes(c.fn) && Array.isArray(result) && Array.isArray(c.expected) && c.expected.length === 2) {
    const read = await Promise.all(result.map((x) => factory.read(x)));
    const aligned = alignQrFactors(read, (c.expected as FixtureArray[]).map(decodeArray), tol);
    if (typeof aligned === 'string') return `${where}: ${aligned}`;
    result = aligned;
  }
  if (c.fn === 'cossin' && Array.isArray(c.expected)) {
    const readAll = async (v: unknown): Promise<unknown> => (Array.isArray(v) ? Promise.all(v.map(readAll)) : factory.read(v));
    const decodeAll = (e: unknown): unknown => (Array.isArray(e) ? e.map(decodeAll) : decodeArray(e as FixtureArray));
    // X whole with { p, q } (one of them alone: the other is 1), or as its four blocks
    const blocks = input === null ? (c.args[0] as { $input: string }[]).map((r) => decodeArray(file.inputs[r.$input])) : null;
    const x = blocks === null ? (input as NDArray) : assembleBlocks(blocks);
    const p = blocks === null ? ((c.options.p as number | undefined) ?? 1) : blocks[0].shape[0];
    const q = blocks === null ? ((c.options.q as number | undefined) ?? 1) : blocks[0].shape[1];
    const aligned = alignCossin(await readAll(result), decodeAll(c.expected), x, p, q, tol);
    if (typeof aligned === 'string') return `${where}: ${aligned}`;
    result = aligned;
  }
  if ((c.fn === 'orth' || c.fn === 'nullSpace') && isFixtureArray(c.expected)) {
    const aligned = alignBasis(await factory.read(result), decodeArray(c.expected as FixtureArray), tol);
    if (typeof aligned === 'string') return `${where}: ${aligned}`;
    result = aligned;
  }
  if (EIGEN_CHECKED.has(c.fn) && input !== null) {
    const defective = (c as { defective?: boolean }).defective === true;
    const hostArgs = c.args.map((a) => (isInputRef(a) ? decodeArray(file.inputs[a.$input]) : a));
    const conditioning = defective ? null : c.conditioning;
    return checkEigenCase(c.fn, result, c.expected, { input, args: hostArgs, factory, factor, tol, conditioning, where, options: c.options });
  }
  return compareResult(result, c.expected, factory, tol, where);
}

/**
 * Whether reading `result` raises SciPy's error: a backend that finds the error on its
 * device (a zero pivot on the GPU) reports it when the result is read.
 */
async function raisesWhenRead(result: unknown, factory: ArrayFactory, expectedError: string): Promise<boolean> {
  try {
    for (const part of Array.isArray(result) ? result : [result]) if (part !== null && typeof part === 'object') await factory.read(part);
  } catch (error) {
    return (ERROR_CLASSES[expectedError] ?? []).includes((error as Error).name);
  }
  return false;
}

/** Register the sciport.linalg suite for `factory`. */
export function linalgSuite(factory: ArrayFactory, options: LinalgSuiteOptions = {}): void {
  const dtypes = options.dtypes ?? factory.dtypes ?? null;
  describe(`sciport.linalg on ${factory.name} arrays`, () => {
    for (const name of LINALG_FIXTURE_FILES) {
      const file = loadFixtureFile('linalg', name);
      const groups = fixtureGroups<LinalgCase>(file, options, dtypes);
      if (groups.length === 0) continue;
      describe(`${file.description} — SciPy ${file.scipy} fixtures (${name}.json)`, () => {
        for (const { fn, dtype, cases } of groups) {
          const what = dtype === 'none' ? '' : ` on ${dtype} input`;
          it(`${fn}${what} matches SciPy (${cases.length} cases)`, () => expectCasesMatchSciPy(cases, (c) => runCase(file, c, factory, options)));
        }
      });
    }
  });
}
