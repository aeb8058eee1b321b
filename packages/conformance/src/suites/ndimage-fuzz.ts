/**
 * Generated bad input (fast-check) for every sciport.ndimage function of the ndimage table,
 * on the arrays of one kind: wrong types, NaN/±Infinity and huge sizes, unknown modes,
 * weights and footprints of the wrong rank, empty arrays, junk options and callbacks that
 * are not functions. Every call either returns a readable result or throws a
 * `SciportError` naming the argument — never a bare TypeError/RangeError, never a hang (a
 * window no buffer can hold is refused before anything is computed) — and no input is
 * modified. Calls that are wrong for sure must throw.
 */
import { type DType, type NDArray, zeros } from '@sciport/array-api';
import * as sciNdimage from '@sciport/ndimage';
import { NDIMAGE_FUNCTIONS, type NdimageFunction } from '@sciport/ndimage';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArrayFactory } from '../factory.js';
import { type Arg, anything, arrayArgs, bad, checkOutcome, numbers, ok, optionsFor, optionValues, outcomeOf, sameValues, show, snapshot } from './fuzz.js';

export interface NdimageFuzzSuiteOptions {
  /** Cases per function (default 200). */
  readonly numRuns?: number;
  /** Input dtypes (default: the factory's, else float64 and complex128). */
  readonly dtypes?: readonly DType[];
}

type AnyFn = (...args: unknown[]) => unknown;
const api = sciNdimage as unknown as Record<string, AnyFn>;

/** Values an ndimage option may get besides any value at all: modes, footprints, sizes, dtypes, sequences. */
const ndimageOptionValues: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: optionValues },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      'reflect',
      'constant',
      'nearest',
      'mirror',
      'wrap',
      'grid-mirror',
      'valid',
      'reflekt',
      ['wrap', 'reflect'],
      ['nearest', 'constant', 'mirror'],
      [[1, 0], [1, 1]],
      [[true, false, true]],
      [[[1]]],
      [1, 0, 1],
      [],
      [[]],
      'float32',
      'complex64',
      'int32',
      'bool',
      [3, 2],
      [2, 2, 2],
      [-1, 0],
      [0.5],
      { offset: 1 },
      [Number.NaN, 1],
    ),
  },
  // arrays as footprints, weights or outputs: empty, 0-d, integer, bool, complex, wrong shapes
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      zeros([0]),
      zeros([]),
      zeros([2, 3], { dtype: 'int64' }),
      zeros([3, 3], { dtype: 'bool' }),
      zeros([2, 2], { dtype: 'complex128' }),
      zeros([5, 5], { dtype: 'float32' }),
      zeros([1, 1, 1], { dtype: 'uint8' }),
    ),
  },
);

/** Callbacks that run on any window (for genericFilter, genericFilter1d, vectorizedFilter and the derivatives). */
const CALLBACKS: Record<string, AnyFn> = {
  genericFilter: (values) => (values as Float64Array).reduce((a, b) => a + b, 0),
  genericFilter1d: (lineIn, lineOut) => {
    const output = lineOut as Float64Array;
    output.set((lineIn as Float64Array).subarray(0, output.length));
  },
  vectorizedFilter: (windows, o) => {
    const w = windows as NDArray;
    return zeros(w.shape.slice(0, w.ndim - (o as { axis: number[] }).axis.length), { dtype: w.dtype });
  },
  genericLaplace: (x, axis, output, mode, cval) => sciNdimage.correlate1d(x as NDArray, [1, -2, 1], { axis: axis as number, output: output as never, mode: mode as never, cval: cval as never }),
  genericGradientMagnitude: (x, axis, output, mode, cval) =>
    sciNdimage.correlate1d(x as NDArray, [-1, 0, 1], { axis: axis as number, output: output as never, mode: mode as never, cval: cval as never }),
};

/** A generated positional argument named `name` of function `f`. */
function positional(f: NdimageFunction, name: string, dtypes: readonly DType[]): fc.Arbitrary<Arg> {
  switch (name) {
    case 'function':
    case 'derivative':
    case 'derivative2':
      return fc.oneof(
        { weight: 4, arbitrary: fc.constant(ok(CALLBACKS[f.name], 'a callback')) },
        { weight: 1, arbitrary: fc.constantFrom<unknown>(3, 'sum', null, [1, 2]).map((v) => bad(v, `the callback ${show(v)}`)) },
      );
    case 'weights':
      return fc.oneof(
        arrayArgs(dtypes).map(({ arg }) => arg),
        fc.constantFrom<unknown>([1, 2, 1], [[0, 1, 0], [1, -4, 1], [0, 1, 0]], [], [[]], [[1], [2, 3]], 'x', 2).map((v) => ok(v, `weights ${show(v)}`)),
      );
    default:
      // sizes, sigmas, shifts, ranks, percentiles: numbers (edge values included) or lists of them
      return fc.oneof({ weight: 4, arbitrary: numbers }, { weight: 1, arbitrary: fc.array(numbers, { maxLength: 4 }) }, { weight: 1, arbitrary: anything }).map((v) =>
        ok(v, `${name} ${show(v)}`),
      );
  }
}

export function ndimageFuzzSuite(factory: ArrayFactory, options: NdimageFuzzSuiteOptions = {}): void {
  const numRuns = options.numRuns ?? 200;
  const dtypes = options.dtypes ?? factory.dtypes ?? (['float64', 'complex128'] as DType[]);
  describe(`generated bad input to sciport.ndimage on ${factory.name} arrays: typed errors naming the argument, or a readable result`, () => {
    for (const f of NDIMAGE_FUNCTIONS) {
      it(f.name, async () => {
        const cases = fc.record({
          x: arrayArgs(dtypes),
          args: fc.tuple(...f.args.map((name) => positional(f, name, dtypes))),
          options: optionsFor(f.options, ndimageOptionValues),
        });
        await fc.assert(
          fc.asyncProperty(cases, async ({ x, args, options: o }) => {
            const before = x.host ? snapshot(x.host) : undefined;
            const input = x.host ? factory.make(x.host) : x.arg.value;
            const rest = [...args, o];
            const mustThrow = x.arg.wrong || rest.some((a) => a.wrong);
            const outcome = await outcomeOf(() => api[f.name](input, ...rest.map((a) => a.value)), factory);
            checkOutcome(outcome, mustThrow, `${f.name}(${[x.arg, ...rest].map((a) => a.what).join(', ')})`);
            if (x.host && before) {
              expect(sameValues(snapshot(x.host), before), `${f.name} modified its input`).toBe(true);
              if (input !== x.host) expect(sameValues(snapshot(await factory.read(input)), before), `${f.name} modified its input on the device`).toBe(true);
            }
          }),
          { numRuns },
        );
      }, 600_000);
    }
  });
}
