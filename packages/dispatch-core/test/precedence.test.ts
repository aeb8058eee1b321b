import { describe, expect, it } from 'vitest';
import {
  BackendNotImplementedError,
  InvalidArgumentError,
  lastDispatch,
  setGlobalBackend,
  skipBackend,
  withBackend,
} from '../src/index.js';
import { kindOfResult, makeDouble, ToyArray, toyBackend, withRegistered } from './helpers.js';

const host = () => new ToyArray('host', [1, 2, 3]);

describe('precedence (per-call > scopes > global > registered > default)', () => {
  it('runs the default implementation for host arrays when nothing else applies', () => {
    const double = makeDouble();
    const y = double(host());
    expect(y.values).toEqual([2, 4, 6]);
    expect(lastDispatch()).toEqual({ function: double.id, backend: 'default' });
  });

  it('registered backends are chosen for the kinds they own, never for plain host arrays', async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('gpu', double)], () => {
      expect(kindOfResult(double(new ToyArray('gpu', [1])))).toBe('gpu');
      expect(kindOfResult(double(host()))).toBe('host');
    });
  });

  it('per-call { backend } wins over scope and global, and converts', async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('a', double), toyBackend('b', double)], () => {
      setGlobalBackend('a', { coerce: true });
      try {
        withBackend('a', () => {
          expect(kindOfResult(double(host(), { backend: 'b' }))).toBe('b');
        }, { coerce: true });
      } finally {
        setGlobalBackend(null);
      }
    });
  });

  it('per-call forcing never falls back, and says why', async () => {
    const double = makeDouble();
    const refusing = toyBackend('r', double, { canRun: () => 'too tired' });
    await withRegistered([refusing], () => {
      expect(() => double(host(), { backend: 'r' })).toThrow(BackendNotImplementedError);
      expect(() => double(host(), { backend: 'r' })).toThrow(/too tired/);
      expect(() => double(host(), { backend: 'nope' })).toThrow(InvalidArgumentError);
      expect(() => double(host(), { backend: 'nope' })).toThrow(/Unknown backend 'nope'.*'r', 'default'/);
    });
  });

  it('scopes: innermost first; coerce needed to convert; only stops the fallback', async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('a', double), toyBackend('b', double)], () => {
      withBackend('a', () => {
        withBackend('b', () => {
          expect(kindOfResult(double(host()))).toBe('b');
        }, { coerce: true });
      }, { coerce: true });
      // Without coerce the scoped backend declines host input and the default runs.
      withBackend('a', () => expect(kindOfResult(double(host()))).toBe('host'));
      // With only, nothing else is tried.
      expect(() => withBackend('a', () => double(host()), { only: true })).toThrow(/coerce: true/);
    });
  });

  it('skipBackend removes a backend inside its scope, even a registered owner', async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('a', double, { kinds: ['dev'] }), toyBackend('b', double, { kinds: ['dev'] })], () => {
      const x = new ToyArray('dev', [1]);
      expect(kindOfResult(double(x))).toBe('a');
      skipBackend('a', () => expect(kindOfResult(double(x))).toBe('b'));
    });
  });

  it('global: before registered backends, or after them with tryLast; only', async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('a', double, { kinds: ['dev'] }), toyBackend('g', double, { kinds: ['g'] })], () => {
      const x = new ToyArray('dev', [1]);
      try {
        setGlobalBackend('g', { coerce: true });
        expect(kindOfResult(double(x))).toBe('g');
        setGlobalBackend('g', { coerce: true, tryLast: true });
        expect(kindOfResult(double(x))).toBe('a');
        expect(kindOfResult(double(host()))).toBe('g');
        setGlobalBackend('g', { only: true });
        expect(() => double(host())).toThrow(BackendNotImplementedError);
      } finally {
        setGlobalBackend(null);
      }
    });
  });

  it('before/after order registered backends', async () => {
    const double = makeDouble();
    const first = toyBackend('first', double, { kinds: ['dev'] });
    const second = toyBackend('second', double, { kinds: ['dev'], before: ['first'] });
    await withRegistered([first, second], () => {
      expect(kindOfResult(double(new ToyArray('dev', [1])))).toBe('second');
    });
    const third = toyBackend('third', double, { kinds: ['dev'], after: ['fourth'] });
    const fourth = toyBackend('fourth', double, { kinds: ['dev'] });
    await withRegistered([third, fourth], () => {
      expect(kindOfResult(double(new ToyArray('dev', [1])))).toBe('fourth');
    });
  });

  it('canRun and shouldRun decline with reasons and the next candidate runs', async () => {
    const double = makeDouble();
    const small = toyBackend('picky', double, { kinds: ['dev'], shouldRun: () => 'too small to pay off' });
    const other = toyBackend('other', double, { kinds: ['dev'] });
    await withRegistered([small, other], () => {
      expect(kindOfResult(double(new ToyArray('dev', [1])))).toBe('other');
    });
  });

  it('a device array with no capable backend throws, naming the fix, never reading it back', async () => {
    const double = makeDouble();
    const x = new ToyArray('gpu', [1, 2]);
    let thrown: unknown;
    try {
      double(x);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(BackendNotImplementedError);
    const err = thrown as BackendNotImplementedError;
    expect(err.message).toMatch(/toHost/);
    expect(err.record.candidates.map((c) => [c.backend, c.verdict])).toEqual([['default', 'declined']]);
  });

  it('registering a backend changes decisions already cached (epoch)', async () => {
    const double = makeDouble();
    const x = new ToyArray('dev', [1]);
    expect(() => double(x)).toThrow(BackendNotImplementedError);
    await withRegistered([toyBackend('late', double, { kinds: ['dev'] })], () => {
      expect(kindOfResult(double(x))).toBe('late');
    });
    expect(() => double(x)).toThrow(BackendNotImplementedError);
  });
});

describe('two copies of an interface package', () => {
  it('a second declaration of the same id shares the first, so backends serve both', async () => {
    const { multimethod } = await import('../src/index.js');
    const a = multimethod({ domain: 'test.copies', name: 'f', dispatch: [0], default: (x: ToyArray) => x });
    const b = multimethod({ domain: 'test.copies', name: 'f', dispatch: [0], default: (x: ToyArray) => x });
    expect(b).toBe(a);
  });
});
