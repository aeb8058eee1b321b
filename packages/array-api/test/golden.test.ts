/**
 * NumPy golden data (tooling/fixtures/gen_array_api.py) against the host namespace.
 */
import { describe, expect, it } from 'vitest';
// The package entry: it also installs NDArray's slice/assign (ndarray-methods.ts).
import { type DType, hostNamespace as xp, type IndexSpec, type NDArray } from '../src/index.js';
import {
  decodeArg,
  type Encoded,
  expectMatches,
  type GoldenCase,
  loadFixture,
  type Tolerance,
  toleranceFor,
} from './golden-helpers.js';

/** Number of positional parameters before the options object, where some are optional. */
const ARITY: Record<string, number> = { eye: 2, arange: 3 };

function run(c: GoldenCase): unknown {
  const args = c.args.map(decodeArg);
  const arity = ARITY[c.fn];
  if (c.options !== undefined) {
    if (arity !== undefined) while (args.length < arity) args.push(undefined);
    args.push(c.options);
  }
  // Views: `x.slice(...specs)`; the fixture passes x then the specs.
  if (c.fn === 'slice') return (args[0] as NDArray).slice(...(args.slice(1) as IndexSpec[]));
  const fn = (xp as unknown as Record<string, (...a: unknown[]) => unknown>)[c.fn];
  expect(typeof fn, `xp.${c.fn} exists`).toBe('function');
  return fn(...args);
}

function label(c: GoldenCase, i: number): string {
  return `${c.fn}#${i}${c.tag ? `[${c.tag}]` : ''}${c.options ? ` ${JSON.stringify(c.options)}` : ''}`;
}

function isExactDtype(d: DType): boolean {
  return !(d.startsWith('float') || d.startsWith('complex'));
}

function check(actual: unknown, expected: GoldenCase['expected'], tolFor: (e: Encoded) => Tolerance, name: string): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${name}: returns a list`).toBe(true);
    const list = actual as unknown[];
    expect(list.length, `${name}: list length`).toBe(expected.length);
    expected.forEach((e, k) => {
      expectMatches(list[k], e, tolFor(e), `${name}[${k}]`);
    });
  } else if ('dtype' in expected) {
    expectMatches(actual, expected as Encoded, tolFor(expected as Encoded), name);
  } else {
    for (const [key, e] of Object.entries(expected as Record<string, Encoded>)) {
      expectMatches((actual as Record<string, unknown>)[key], e, tolFor(e), `${name}.${key}`);
    }
  }
}

function suite(file: string, kind: 'elementwise' | 'accumulate' | 'exact'): void {
  const cases = loadFixture(file);
  describe(`golden ${file}`, () => {
    it(`has cases`, () => {
      expect(cases.length).toBeGreaterThan(10);
    });
    const byFn = new Map<string, [GoldenCase, number][]>();
    cases.forEach((c, i) => {
      const list = byFn.get(c.fn) ?? [];
      list.push([c, i]);
      byFn.set(c.fn, list);
    });
    for (const [fn, list] of byFn) {
      it(`${fn} matches NumPy (${list.length} cases)`, () => {
        for (const [c, i] of list) {
          const tolFor = (e: Encoded) =>
            isExactDtype(e.dtype) ? toleranceFor(e.dtype, 'exact') : toleranceFor(e.dtype, kind, c.tag === 'special');
          check(run(c), c.expected, tolFor, label(c, i));
        }
      });
    }
  });
}

suite('unary', 'elementwise');
suite('binary', 'elementwise');
suite('creation', 'elementwise');
suite('manipulation', 'exact');
suite('reductions', 'accumulate');
suite('linalg', 'accumulate');
suite('sorting', 'exact');
suite('indexing', 'exact');

describe('golden promotion table', () => {
  const table = loadFixture<Record<DType, Record<DType, DType>>>('promotion');
  it('resultType matches NumPy for every pair of dtypes', () => {
    for (const [a, row] of Object.entries(table)) {
      for (const [b, want] of Object.entries(row)) {
        expect(xp.resultType(a as DType, b as DType), `${a} + ${b}`).toBe(want);
      }
    }
  });
});
