/**
 * Generated bad input (fast-check) over the public API a user reaches with arrays of one
 * kind: every sciport.fft transform (from the fft table), the fft helpers, and every function
 * of the kind's array namespace. Whatever is passed, a call either returns, with a result
 * that can be read, or throws a `SciportError` whose `argument` names what was wrong: never a
 * bare TypeError/RangeError, never a crash. Calls that are wrong for sure (junk instead of an
 * array, an unknown option key, an options value that is not a plain object) must throw.
 * No input is ever modified.
 */
import { arrayNamespace, type DType, NDArray } from '@sciport/array-api';
import { SciportError } from '@sciport/dispatch-core';
import * as sciFft from '@sciport/fft';
import { FFT_FUNCTIONS, FFT_MULTIMETHODS, type FFTFunction } from '@sciport/fft';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArrayFactory } from '../factory.js';

export interface FuzzSuiteOptions {
  /** Cases per property (default 300; a few thousand in all per run). */
  readonly numRuns?: number;
  /** Input dtypes (default: the factory's, else float64 and complex128). */
  readonly dtypes?: readonly DType[];
}

/** One generated argument: its value, and whether it is certainly wrong wherever it goes. */
export interface Arg {
  readonly value: unknown;
  readonly wrong: boolean;
  readonly what: string;
}

export const ok = (value: unknown, what: string): Arg => ({ value, wrong: false, what });
export const bad = (value: unknown, what: string): Arg => ({ value, wrong: true, what });

/** Numbers a user may pass where a length, axis or count goes: edge values first. */
export const numbers = fc.oneof(
  fc.integer({ min: -4, max: 12 }),
  // Sizes that cannot be allocated, not ones that merely take gigabytes (zeros(2 ** 31 - 1)
  // is valid and would fill this machine's memory); lengths near the limit are fuzzed in
  // the fft options only, where every transform must refuse them before allocating.
  fc.constantFrom(0, -1, 1.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, -Number.POSITIVE_INFINITY, 2 ** 40, 2 ** 53, -(2 ** 53), 1e300),
);

/** Any value at all, for options and positional arguments. */
export const anything: fc.Arbitrary<unknown> = fc.oneof(
  numbers,
  fc.constantFrom(null, undefined, true, false, '', 'ortho', 'backward', 'x', '1', 1n, -3n),
  fc.array(numbers, { maxLength: 4 }),
  fc.constantFrom([[0, 1], [1, 0]], [[0], []], ['1'], [null], new Map(), new Date(0), new Set([0, 1]), Symbol('s'), () => 0),
  fc.record({ zz: numbers }),
);

/** Option values: anything, and a length whose result no engine here can allocate in one buffer. */
export const optionValues = fc.oneof({ weight: 9, arbitrary: anything }, { weight: 1, arbitrary: fc.constant(2 ** 31 - 1) });

/** Values that are not arrays and cannot become one. */
export const notAnArray: fc.Arbitrary<Arg> = fc
  .constantFrom<[unknown, string]>(
    ['text', 'a string'],
    [Symbol('x'), 'a symbol'],
    [() => 1, 'a function'],
    [new Map(), 'a Map'],
    [{ re: 1, im: 'x' }, 'a complex with a string part'],
    [[1, 'a', 3], 'a list with a string'],
    [[[1, 2], [3]], 'a ragged list'],
    [{ data: new Float64Array(2), shape: [8], stride: [1], offset: 0 }, 'an ndarray-like past its data'],
    [{ data: new Float64Array(8), shape: [8], stride: [1], offset: -2 }, 'an ndarray-like with a negative offset'],
    [{ data: new Float64Array(8), shape: [4], stride: [1], offset: 1.5 }, 'an ndarray-like with a fractional offset'],
    [{ data: [1, 'a', 3], shape: [3], stride: [1], offset: 0 }, 'an ndarray-like with junk data'],
    [{ data: new Float64Array(4), shape: [4], stride: ['1'], offset: 0 }, 'an ndarray-like with a string stride'],
  )
  .map(([value, what]) => bad(value, what));

const SIZES = fc.integer({ min: 0, max: 5 });
const shapes = fc.array(SIZES, { minLength: 0, maxLength: 3 });

export function hostArray(shape: readonly number[], dtype: DType, values: readonly number[]): NDArray {
  const count = shape.reduce((p, n) => p * n, 1);
  const complex = dtype === 'complex64' || dtype === 'complex128';
  const length = complex ? 2 * count : count;
  const Storage = dtype === 'float32' || dtype === 'complex64' ? Float32Array : Float64Array;
  const data = new Storage(length);
  for (let i = 0; i < length; i++) data[i] = values[i % values.length] ?? 0;
  return new NDArray(data, [...shape], dtype);
}

/** A host array of one of `dtypes`, with NaN and ±Inf among its values now and then. */
export function hostArrays(dtypes: readonly DType[]) {
  const value = fc.oneof(
    { weight: 8, arbitrary: fc.double({ min: -100, max: 100, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -Number.POSITIVE_INFINITY) },
  );
  return fc
    .tuple(shapes, fc.constantFrom(...dtypes), fc.array(value, { minLength: 1, maxLength: 8 }))
    .map(([shape, dtype, values]) => hostArray(shape, dtype, values));
}

/** Options for a function taking `keys`: none, a random subset with random `values`, or certainly wrong ones. */
export function optionsFor(keys: readonly string[], values: fc.Arbitrary<unknown> = optionValues): fc.Arbitrary<Arg> {
  const fuzzable = keys.filter((k) => k !== 'backend');
  const some = fc
    .subarray([...fuzzable], { maxLength: Math.min(3, fuzzable.length) })
    .chain((picked) => fc.tuple(...picked.map(() => values)).map((values) => Object.fromEntries(picked.map((k, i) => [k, values[i]]))))
    .map((o) => ok(o, `options ${show(o)}`));
  const typo = fc
    .constantFrom(...(fuzzable.length > 0 ? fuzzable : ['axis']))
    .map((k) => bad({ [`${k}x`]: 1 }, `the misspelt option '${k}x'`));
  const notPlain = fc
    .constantFrom<[unknown, string]>([new Map([['axis', 0]]), 'a Map'], [new Date(0), 'a Date'], [[0], 'an array'], ['axis', 'a string'], [7, 'a number'])
    .map(([value, what]) => bad(value, `options that are ${what}`));
  return fc.oneof({ weight: 2, arbitrary: fc.constant(ok(undefined, 'no options')) }, { weight: 6, arbitrary: some }, { weight: 1, arbitrary: typo }, { weight: 1, arbitrary: notPlain });
}

/** A short, never-throwing description of any value, for test labels. */
export function show(value: unknown): string {
  if (typeof value === 'symbol') return 'Symbol';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value instanceof NDArray) return `a ${value.dtype} array of shape [${value.shape}]`;
  if (value !== null && typeof value === 'object') {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    if (name !== undefined && name !== 'Object') return `a ${name}`;
    return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${show(v)}`).join(', ')} }`;
  }
  return String(value);
}

/** What a call did: returned (its result read back) or threw. */
export type Outcome = { readonly threw: false } | { readonly threw: true; readonly error: unknown };

export async function outcomeOf(call: () => unknown, factory: ArrayFactory): Promise<Outcome> {
  try {
    const result = call();
    await readAll(result, factory);
    return { threw: false };
  } catch (error) {
    return { threw: true, error };
  }
}

/** Reads every array in a result (an array, a list of arrays, or a plain value). */
async function readAll(result: unknown, factory: ArrayFactory): Promise<void> {
  if (Array.isArray(result)) {
    for (const r of result) await readAll(r, factory);
    return;
  }
  if (result !== null && typeof result === 'object' && ('shape' in result || 'toHost' in result)) {
    const host = await factory.read(result);
    // Touch every element: a result must be readable whole.
    host.toTypedArray();
  }
}

/** The assertion every generated call makes. */
export function checkOutcome(outcome: Outcome, mustThrow: boolean, label: string): void {
  if (!outcome.threw) {
    if (mustThrow) throw new Error(`${label}: accepted silently`);
    return;
  }
  const error = outcome.error as { name?: string; message?: string; argument?: unknown };
  const detail = `${label}: threw ${error?.name}: ${error?.message}`;
  if (!(outcome.error instanceof SciportError)) throw new Error(`${detail} (not a SciportError)`);
  // Dispatch's "no backend can run this" error lists the candidates instead of an argument.
  const namesArgument = typeof error.argument === 'string' && error.argument.length > 0;
  if (!namesArgument && error.name !== 'BackendNotImplementedError') throw new Error(`${detail} (names no argument)`);
}

/** A snapshot of a host array's values, to check nothing wrote into an input. */
export function snapshot(x: NDArray): number[] {
  return Array.from(x.toTypedArray() as ArrayLike<number>, Number);
}

export function sameValues(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/** An argument: a host array (made into the factory's kind by the caller) or something that is not an array. */
export function arrayArgs(dtypes: readonly DType[]): fc.Arbitrary<{ arg: Arg; host: NDArray | undefined }> {
  return fc.oneof(
    { weight: 5, arbitrary: hostArrays(dtypes).map((host) => ({ arg: ok(host, `a ${host.dtype} array of shape [${host.shape}]`), host })) },
    { weight: 1, arbitrary: notAnArray.map((arg) => ({ arg, host: undefined })) },
  );
}

export function fuzzSuite(factory: ArrayFactory, options: FuzzSuiteOptions = {}): void {
  const numRuns = options.numRuns ?? 300;
  const dtypes = options.dtypes ?? factory.dtypes ?? (['float64', 'complex128'] as DType[]);

  /** Runs `fn(x, ...rest)` with x made into the factory's kind, and checks the outcome and that x is unchanged. */
  const callOnKind = async (label: string, fn: (...args: unknown[]) => unknown, x: { arg: Arg; host: NDArray | undefined }, rest: readonly Arg[]) => {
    const before = x.host ? snapshot(x.host) : undefined;
    const input = x.host ? factory.make(x.host) : x.arg.value;
    const mustThrow = x.arg.wrong || rest.some((a) => a.wrong);
    const outcome = await outcomeOf(() => fn(input, ...rest.map((a) => a.value)), factory);
    checkOutcome(outcome, mustThrow, `${label}(${[x.arg, ...rest].map((a) => a.what).join(', ')})`);
    if (x.host && before) {
      expect(sameValues(snapshot(x.host), before), `${label} modified its input`).toBe(true);
      if (input !== x.host) expect(sameValues(snapshot(await factory.read(input)), before), `${label} modified its input on the device`).toBe(true);
    }
  };

  describe(`generated bad input on ${factory.name} arrays: typed errors naming the argument, or a readable result`, () => {
    it(`every fft transform (${FFT_FUNCTIONS.length}, from the fft table)`, async () => {
      const cases = fc.constantFrom(...FFT_FUNCTIONS).chain((f: FFTFunction) =>
        fc.record({
          f: fc.constant(f),
          x: arrayArgs(dtypes),
          positional: f.kind === 'hankel' ? fc.tuple(numbers, numbers).map((v) => v.map((n) => ok(n, show(n)))) : fc.constant([] as Arg[]),
          options: optionsFor(f.options),
        }),
      );
      await fc.assert(
        fc.asyncProperty(cases, async ({ f, x, positional, options: o }) => {
          await callOnKind(f.name, FFT_MULTIMETHODS[f.name] as (...a: unknown[]) => unknown, x, [...positional, o]);
        }),
        { numRuns },
      );
    }, 600_000);

    it('fftshift and ifftshift', async () => {
      const cases = fc.record({ name: fc.constantFrom('fftshift', 'ifftshift'), x: arrayArgs(dtypes), axes: fc.oneof(fc.constant(ok(undefined, 'no axes')), anything.map((v) => ok(v, `axes ${show(v)}`))) });
      await fc.assert(
        fc.asyncProperty(cases, async ({ name, x, axes }) => {
          const fn = (sciFft as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
          await callOnKind(name, fn, x, [axes]);
        }),
        { numRuns },
      );
    }, 600_000);

    it('fftfreq, rfftfreq, nextFastLen, prevFastLen, fhtoffset (scalar helpers)', async () => {
      const helpers = ['fftfreq', 'rfftfreq', 'nextFastLen', 'prevFastLen', 'fhtoffset'];
      const cases = fc.record({ name: fc.constantFrom(...helpers), args: fc.array(anything, { maxLength: 3 }) });
      await fc.assert(
        fc.asyncProperty(cases, async ({ name, args }) => {
          const fn = (sciFft as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
          const outcome = await outcomeOf(() => fn(...args), factory);
          checkOutcome(outcome, false, `${name}(${args.map(show).join(', ')})`);
        }),
        { numRuns },
      );
    }, 600_000);
    it("every function of the kind's array namespace", async () => {
      const probe = factory.make(hostArray([2, 3], dtypes[0], [1, 2, 3]));
      const xp = arrayNamespace(probe) as unknown as Record<string, unknown>;
      const names = Object.keys(xp).filter((k) => typeof xp[k] === 'function').sort();
      const positional = fc.oneof(
        { weight: 3, arbitrary: hostArrays(dtypes).map((host) => ({ arg: ok(host, `a ${host.dtype} array of shape [${host.shape}]`), host })) },
        { weight: 2, arbitrary: anything.map((v) => ({ arg: ok(v, show(v)), host: undefined })) },
      );
      const cases = fc.record({ name: fc.constantFrom(...names), args: fc.array(positional, { maxLength: 3 }) });
      await fc.assert(
        fc.asyncProperty(cases, async ({ name, args }) => {
          const before = args.map((a) => (a.host ? snapshot(a.host) : undefined));
          const values = args.map((a) => (a.host ? factory.make(a.host) : a.arg.value));
          const fn = xp[name] as (...a: unknown[]) => unknown;
          const outcome = await outcomeOf(() => fn(...values), factory);
          checkOutcome(outcome, false, `xp.${name}(${args.map((a) => a.arg.what).join(', ')})`);
          args.forEach((a, i) => {
            if (a.host) expect(sameValues(snapshot(a.host), before[i]!), `xp.${name} modified argument ${i}`).toBe(true);
          });
        }),
        { numRuns: numRuns * 2 },
      );
    }, 600_000);

    it('array-namespace functions reject a misspelt option', async () => {
      const xp = arrayNamespace(factory.make(hostArray([2, 3], dtypes[0], [1, 2, 3]))) as unknown as Record<string, (...a: unknown[]) => unknown>;
      const x = () => factory.make(hostArray([3, 4], dtypes[0], [3, 1, 2, 5]));
      // Each function with the positional arguments that make the call valid, then an options object.
      const valid: Record<string, () => unknown[]> = {
        asarray: () => [[1, 2]],
        arange: () => [0, 4, 1],
        empty: () => [[2]],
        zeros: () => [[2]],
        ones: () => [[2]],
        full: () => [[2], 1],
        eye: () => [3, 3],
        linspace: () => [0, 1, 5],
        emptyLike: () => [x()],
        zerosLike: () => [x()],
        onesLike: () => [x()],
        fullLike: () => [x(), 1],
        tril: () => [x()],
        triu: () => [x()],
        sum: () => [x()],
        prod: () => [x()],
        mean: () => [x()],
        std: () => [x()],
        var: () => [x()],
        max: () => [x()],
        min: () => [x()],
        all: () => [x()],
        any: () => [x()],
        argmax: () => [x()],
        argmin: () => [x()],
        sort: () => [x()],
        argsort: () => [x()],
        cumulativeSum: () => [x()],
        cumulativeProd: () => [x()],
        flip: () => [x()],
        roll: () => [x(), 1],
        reshape: () => [x(), [12]],
        concat: () => [[x(), x()]],
        stack: () => [[x(), x()]],
        unstack: () => [x()],
        tensordot: () => [x(), x()],
      };
      const names = Object.keys(valid).filter((k) => typeof xp[k] === 'function');
      expect(names.length).toBeGreaterThan(20);
      for (const name of names) {
        const outcome = await outcomeOf(() => xp[name](...valid[name](), { axs: 0 }), factory);
        expect(outcome.threw, `xp.${name}(…, { axs: 0 }) accepted a misspelt option`).toBe(true);
        const error = (outcome as { error: { name: string; argument?: string } }).error;
        expect(error, `xp.${name}: ${String(error)}`).toBeInstanceOf(SciportError);
        expect(error.argument, `xp.${name}: ${String(error)}`).toBe('axs');
      }
    }, 600_000);
  });
}
