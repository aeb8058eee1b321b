import { describe, expect, it } from 'vitest';
import {
  type Backend,
  defineBackend,
  getDispatchState,
  implement,
  implementLazy,
  InvalidArgumentError,
  lastDispatch,
  multimethod,
  registerBackend,
  setGlobalBackend,
  skipBackend,
  trace,
  unregisterBackend,
  withBackend,
  withDispatchState,
} from '../src/index.js';
import { kindOfResult, makeDouble, ToyArray, thrown, toyBackend, withRegistered } from './helpers.js';

function expectInvalid(body: () => unknown, argument: string, message?: RegExp) {
  const error = thrown(body);
  expect(error).toBeInstanceOf(InvalidArgumentError);
  expect(error.argument).toBe(argument);
  if (message) expect(error.message).toMatch(message);
}

const host = () => new ToyArray('host', [1, 2]);

describe('backend names are checked where they are given', () => {
  it('withBackend, skipBackend and setGlobalBackend reject unregistered names, listing the registered ones', async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('a', double)], () => {
      for (const call of [
        () => withBackend('nope', () => 1),
        () => skipBackend('nope', () => 1),
        () => setGlobalBackend('nope'),
      ]) {
        expectInvalid(call, 'backend', /Unknown backend 'nope'.*'a'.*'default'/);
      }
      expect(getDispatchState().global).toBeNull();
      // A manifest that was never registered counts as unknown too.
      expectInvalid(() => withBackend(toyBackend('ghost', double), () => 1), 'backend', /'ghost'/);
      for (const bad of [5, '', null, {}, undefined]) {
        expectInvalid(() => withBackend(bad as never, () => 1), 'backend');
        expectInvalid(() => skipBackend(bad as never, () => 1), 'backend');
      }
      expectInvalid(() => setGlobalBackend(7 as never), 'backend');
    });
  });

  it('a backend must be registered when the scope is entered, not later', async () => {
    const double = makeDouble();
    const late = toyBackend('late', double);
    expectInvalid(() => withBackend('late', () => 1), 'backend');
    await withRegistered([late], () => {
      expect(withBackend('late', () => kindOfResult(double(host())), { coerce: true })).toBe('late');
    });
  });

  it("per-call { backend } rejects unknown names, '' and non-strings at dispatch; undefined means none", async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('a', double)], () => {
      expectInvalid(() => double(host(), { backend: 'nope' }), 'backend', /Unknown backend 'nope'.*'a', 'default'/);
      expectInvalid(() => double(host(), { backend: '' }), 'backend');
      expectInvalid(() => double(host(), { backend: 5 as never }), 'backend');
      expect(kindOfResult(double(host(), { backend: undefined }))).toBe('host');
      expect(kindOfResult(double(host(), { backend: 'a' }))).toBe('a');
    });
  });

  it("'default' names the default implementation per call, in scopes and globally", async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('a', double, { kinds: ['dev'] })], () => {
      const dev = new ToyArray('dev', [1]);
      expect(kindOfResult(double(host(), { backend: 'default' }))).toBe('host');
      expect(lastDispatch()?.backend).toBe('default');
      expect(withBackend('default', () => kindOfResult(double(host())), { only: true })).toBe('host');
      try {
        setGlobalBackend('default', { only: true });
        expect(kindOfResult(double(host()))).toBe('host');
      } finally {
        setGlobalBackend(null);
      }
      // Skipping the default: a call that only the default could run fails instead.
      expect(kindOfResult(skipBackend('default', () => double(dev)))).toBe('a');
      expect(() => skipBackend('default', () => double(host()))).toThrow(/skipped by skipBackend/);
    });
  });
});

describe('registerBackend validates the whole manifest, naming the field', () => {
  const double = makeDouble();
  const good = (): Record<string, unknown> => ({ ...toyBackend('good', double) });
  const cases: [string, (m: Record<string, unknown>) => void, string][] = [
    ['name missing', (m) => delete m.name, 'backend.name'],
    ['name empty', (m) => (m.name = ''), 'backend.name'],
    ["name 'default'", (m) => (m.name = 'default'), 'backend.name'],
    ['name with a comma', (m) => (m.name = 'a,b'), 'backend.name'],
    ['kinds not an array', (m) => (m.kinds = 'gpu'), 'backend.kinds'],
    ['kinds with an empty name', (m) => (m.kinds = ['gpu', '']), 'backend.kinds[1]'],
    ['functions not an array', (m) => (m.functions = {}), 'backend.functions'],
    ['an entry that is not an object', (m) => (m.functions = [7]), 'backend.functions[0]'],
    ['an entry without id', (m) => (m.functions = [{ load: () => () => 1 }]), 'backend.functions[0].id'],
    ['an entry whose load is not a function', (m) => (m.functions = [{ id: 'x.y', load: 3 }]), 'backend.functions[0].load'],
    ['an entry with bad options', (m) => (m.functions = [{ id: 'x.y', load: () => () => 1, options: 'n' }]), 'backend.functions[0].options'],
    [
      'duplicate ids',
      (m) => (m.functions = [implement(double, (x) => x), implement(double, (x) => x)]),
      'backend.functions[1].id',
    ],
    ['before not an array', (m) => (m.before = 'webgpu'), 'backend.before'],
    ['after with a number', (m) => (m.after = [1]), 'backend.after[0]'],
    ['canRun not a function', (m) => (m.canRun = true), 'backend.canRun'],
    ['shouldRun not a function', (m) => (m.shouldRun = 'yes'), 'backend.shouldRun'],
    ['convert not a function', (m) => (m.convert = {}), 'backend.convert'],
    ['canConvert not a function', (m) => (m.canConvert = 1), 'backend.canConvert'],
    ['capabilities not an object', (m) => (m.capabilities = ['f32']), 'backend.capabilities'],
  ];
  for (const [what, spoil, argument] of cases) {
    it(`${what} → InvalidArgumentError naming ${argument}`, () => {
      const manifest = good();
      spoil(manifest);
      expectInvalid(() => registerBackend(manifest as unknown as Backend), argument);
      expectInvalid(() => defineBackend(manifest as unknown as Backend), argument);
      expect(() => withBackend('good', () => 1)).toThrow(InvalidArgumentError);
    });
  }

  it('a manifest that is not an object', () => {
    for (const bad of [null, undefined, 'webgpu', 3, [], () => 1]) expectInvalid(() => registerBackend(bad as never), 'backend');
  });

  it('the valid manifest registers', () => {
    registerBackend(good() as unknown as Backend);
    try {
      expect(withBackend('good', () => 1)).toBe(1);
    } finally {
      unregisterBackend('good');
    }
  });
});

describe('what load() returns is checked when it is loaded', () => {
  it('a non-function names the backend and the function, not "is not a function"', async () => {
    const double = makeDouble();
    const broken = defineBackend({
      name: 'broken',
      kinds: ['dev'],
      functions: [implementLazy(double, () => 42 as never)],
    });
    await withRegistered([broken], () => {
      const error = thrown(() => double(new ToyArray('dev', [1])));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error.argument).toBe('load');
      expect(error.message).toContain("Backend 'broken' loaded number for " + double.id);
    });
  });

  it('implement and implementLazy check their arguments', () => {
    const double = makeDouble();
    expectInvalid(() => implement({ id: 'never.declared' } as never, () => 1), 'multimethod');
    expectInvalid(() => implement(double, 5 as never), 'implementation');
    expectInvalid(() => implementLazy(double, 'x' as never), 'load');
    expectInvalid(() => implement(double, (x) => x, { options: 'n' as never }), 'options.options');
    expectInvalid(() => implement(double, (x) => x, { option: ['n'] } as never), 'options.option');
    expect(implement(double, (x) => x, { options: ['n'] }).options).toEqual(['n']);
  });
});

describe('scope, trace, state and multimethod arguments', () => {
  it('callbacks must be functions', async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('a', double)], () => {
      expectInvalid(() => withBackend('a', 5 as never), 'callback');
      expectInvalid(() => skipBackend('a', null as never), 'callback');
      expectInvalid(() => trace('go' as never), 'callback');
      expectInvalid(() => withDispatchState(getDispatchState(), {} as never), 'callback');
    });
  });

  it('scope and global options are plain objects with known boolean keys', async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('a', double)], () => {
      expectInvalid(() => withBackend('a', () => 1, { coerse: true } as never), 'options.coerse', /unknown option 'coerse'/);
      expectInvalid(() => withBackend('a', () => 1, { only: 'yes' } as never), 'options.only');
      expectInvalid(() => withBackend('a', () => 1, [] as never), 'options');
      expectInvalid(() => setGlobalBackend('a', { tryLast: 1 } as never), 'options.tryLast');
      expectInvalid(() => setGlobalBackend('a', { last: true } as never), 'options.last');
      expect(getDispatchState().global).toBeNull();
      // tryLast belongs to the global choice only.
      expectInvalid(() => withBackend('a', () => 1, { tryLast: true } as never), 'options.tryLast');
    });
  });

  it('a serialized state is checked field by field; unregistered names are allowed (workers)', async () => {
    const state = () => JSON.parse(JSON.stringify(getDispatchState()));
    const spoilt: [(s: any) => void, string][] = [
      [(s) => (s.disabled = 'a'), 'state.disabled'],
      [(s) => (s.priority = [3]), 'state.priority[0]'],
      [(s) => (s.scopes = {}), 'state.scopes'],
      [(s) => (s.scopes = [{ type: 'push', backend: 'a', only: false, coerce: false }]), 'state.scopes[0].type'],
      [(s) => (s.scopes = [{ type: 'set', backend: '', only: false, coerce: false }]), 'state.scopes[0].backend'],
      [(s) => (s.scopes = [{ type: 'set', backend: 'a', only: 0, coerce: false }]), 'state.scopes[0].only'],
      [(s) => (s.global = { backend: 'a', only: false, coerce: false }), 'state.global.tryLast'],
      [(s) => (s.extra = 1), 'state.extra'],
    ];
    for (const [spoil, argument] of spoilt) {
      const s = state();
      spoil(s);
      expectInvalid(() => withDispatchState(s, () => 1), argument);
    }
    expectInvalid(() => withDispatchState(null as never, () => 1), 'state');
    const double = makeDouble();
    const remote = { ...state(), scopes: [{ type: 'set', backend: 'elsewhere', only: false, coerce: false }] };
    const record = withDispatchState(remote, () => trace(() => double(host())).records[0]);
    expect(record.candidates[0]).toMatchObject({ backend: 'elsewhere', verdict: 'declined' });
    expect(record.candidates[0].reason).toMatch(/no backend named 'elsewhere'/);
  });

  it('multimethod specs: domain and name non-empty, dispatch distinct non-negative integers, default a function', () => {
    const f = (x: unknown) => x;
    const spec = { domain: 'test.spec', name: 'ok', dispatch: [0], default: f };
    expectInvalid(() => multimethod(null as never), 'spec');
    expectInvalid(() => multimethod({ ...spec, domain: '' }), 'spec.domain');
    expectInvalid(() => multimethod({ ...spec, name: 3 as never }), 'spec.name');
    expectInvalid(() => multimethod({ ...spec, dispatch: 0 as never }), 'spec.dispatch');
    expectInvalid(() => multimethod({ ...spec, dispatch: [-1] }), 'spec.dispatch');
    expectInvalid(() => multimethod({ ...spec, dispatch: [0.5] }), 'spec.dispatch');
    expectInvalid(() => multimethod({ ...spec, dispatch: [0, 0] }), 'spec.dispatch');
    expectInvalid(() => multimethod({ ...spec, default: 'f' as never }), 'spec.default');
    expectInvalid(() => multimethod({ ...spec, options: ['n', ''] }), 'spec.options[1]');
    expect(multimethod({ ...spec, options: ['n'] }).options).toEqual(['n']);
  });
});

describe('isPlainObject (the one options check every sciport package uses)', () => {
  it('takes object literals and null-prototype objects, from any realm', async () => {
    const { isPlainObject } = await import('../src/index.js');
    const { runInNewContext } = await import('node:vm');
    expect(isPlainObject({ axis: 0 })).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject(runInNewContext('({ axis: 0 })'))).toBe(true);
  });

  it('refuses what only looks like options', async () => {
    const { isPlainObject } = await import('../src/index.js');
    for (const value of [null, undefined, 0, 'x', [], new Map(), new Date(0), Math, () => 0, new (class Options {})()]) {
      expect(isPlainObject(value), String(value)).toBe(false);
    }
  });
});
