import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as core from '../src/index.js';
import { makeDouble, ToyArray, toyBackend } from './helpers.js';

/**
 * Random junk passed to every public dispatch-core function either succeeds (where it
 * happens to be valid) or fails with a SciportError that names the argument: never a bare
 * TypeError/RangeError from deep inside.
 */

const double = makeDouble();
const toy = toyBackend('toy', double);
/** A multimethod whose default accepts anything: as a junk callback it must not throw itself. */
const identity = core.multimethod({ domain: 'test.junk', name: 'identity', dispatch: [0], default: (x: unknown) => x });

/** A table and its declarations, whose methods get junk too. */
const table = core.functionTable('test.junk-table', [{ name: 'one' }, { name: 'two', dispatch: [0, 1] }]);
const declarations = core.declareFromTable(table);

/** Values of every shape a confused caller might pass, plus a few valid ones. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom('default', 'toy', '', 'nope', identity, toy, new ToyArray('host', [1])),
  fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.boolean())),
  fc.array(fc.oneof(fc.integer(), fc.string())),
  fc.func(fc.oneof(fc.integer(), fc.string(), fc.constant(null))),
  fc.record(
    { backend: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constantFrom('toy', 'default')) },
    { requiredKeys: [] },
  ),
);

/** Every public function, called with the junk arguments. */
const calls: Record<string, (a: unknown, b: unknown, c: unknown) => unknown> = {
  defineBackend: (a) => core.defineBackend(a as never),
  isPlainObject: (a) => core.isPlainObject(a),
  registerBackend: (a) => core.registerBackend(a as never),
  unregisterBackend: (a) => {
    // Keep the fixture backend registered for the other cases.
    if (a === 'toy' || a === toy) return;
    core.unregisterBackend(a as never);
  },
  implement: (a, b, c) => core.implement(a as never, b as never, c as never),
  implementLazy: (a, b, c) => core.implementLazy(a as never, b as never, c as never),
  multimethod: (a) => core.multimethod(a as never),
  getMultimethod: (a) => core.getMultimethod(a as never),
  listMultimethods: () => core.listMultimethods(),
  listBackends: () => core.listBackends(),
  withBackend: (a, b, c) => core.withBackend(a as never, b as never, c as never),
  skipBackend: (a, b) => core.skipBackend(a as never, b as never),
  setGlobalBackend: (a, b) => {
    try {
      core.setGlobalBackend(a as never, b as never);
    } finally {
      core.setGlobalBackend(null);
    }
  },
  explain: (a, b, c) => core.explain(a as never, b, c),
  explainValid: (a, b) => core.explain(double, a, b),
  trace: (a) => core.trace(a as never),
  getDispatchState: () => core.getDispatchState(),
  withDispatchState: (a, b) => core.withDispatchState(a as never, b as never),
  formatRecord: (a) => core.formatRecord(a as never),
  lastDispatch: () => core.lastDispatch(),
  arrayKind: (a) => core.arrayKind(a),
  isBranded: (a) => core.isBranded(a),
  functionTable: (a, b) => core.functionTable(a as never, b as never),
  tableNames: (a) => table.names(a as never),
  tableGet: (a) => table.get(a as never),
  declareFromTable: (a) => core.declareFromTable(a as never),
  declareRow: (a, b) => declarations.declare(a as never, b as never),
  callMultimethod: (a) => double(new ToyArray('host', [1]), a as never),
};

describe('random junk never escapes as a bare TypeError/RangeError', () => {
  beforeAll(() => core.registerBackend(toy));
  afterAll(() => core.unregisterBackend(toy));

  it('covers every public function', () => {
    const exported = Object.entries(core)
      .filter(([name, value]) => typeof value === 'function' && !/^[A-Z]/.test(name))
      .map(([name]) => name);
    expect(exported.filter((name) => !(name in calls)).sort()).toEqual([]);
  });

  for (const [name, call] of Object.entries(calls)) {
    it(name, () => {
      fc.assert(
        fc.property(junk, junk, junk, (a, b, c) => {
          try {
            call(a, b, c);
          } catch (error) {
            expect(error).toBeInstanceOf(core.SciportError);
            expect((error as core.SciportError).argument).toMatch(/\S/);
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
