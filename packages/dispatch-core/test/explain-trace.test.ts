import { describe, expect, it } from 'vitest';
import { explain, formatRecord, getDispatchState, lastDispatch, trace, withBackend, withDispatchState, setGlobalBackend, skipBackend } from '../src/index.js';
import { kindOfResult, makeDouble, ToyArray, toyBackend, withRegistered } from './helpers.js';

describe('explain, trace and serialized state', () => {
  it('explain lists every candidate with verdict and reason, and runs nothing', async () => {
    const double = makeDouble();
    const counting = toyBackend('count', double, { kinds: ['dev'], });
    const refusing = toyBackend('refuse', double, { kinds: ['dev'], canRun: () => 'dtype float64 not supported' });
    await withRegistered([refusing, counting], () => {
      const x = new ToyArray('dev', [1]);
      const record = explain(double, x);
      expect(record.chosen).toBe('count');
      expect(record.candidates.map((c) => [c.backend, c.verdict])).toEqual([
        ['refuse', 'declined'],
        ['count', 'accepted'],
        ['default', 'not tried'],
      ]);
      expect(record.candidates[0].reason).toBe('dtype float64 not supported');
      expect(record.inputs).toEqual(['arg 0: dev float64[1]']);
      expect(formatRecord(record)).toContain('✗ refuse (registered): dtype float64 not supported');
      expect(lastDispatch()?.function).not.toBe(double.id);
    });
  });

  it('explain shows planned conversions without converting', async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('gpu', double)], () => {
      withBackend('gpu', () => {
        const record = explain(double, new ToyArray('host', [1]));
        expect(record.candidates[0].conversions).toEqual(['arg 0: host → gpu (coerce)']);
      }, { coerce: true });
      withBackend('gpu', () => {
        const record = explain(double, new ToyArray('host', [1]));
        expect(record.chosen).toBe('default');
        expect(record.candidates[0].reason).toMatch(/pass \{ coerce: true \}/);
      });
    });
  });

  it('trace records each decision inside, across await', async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('gpu', double)], async () => {
      const { result, records } = await trace(async () => {
        double(new ToyArray('host', [1]));
        await new Promise((r) => setTimeout(r, 1));
        return double(new ToyArray('gpu', [1]));
      });
      expect(kindOfResult(result)).toBe('gpu');
      expect(records.map((r) => r.chosen)).toEqual(['default', 'gpu']);
    });
    const sync = trace(() => double([1, 2]));
    expect(sync.records).toHaveLength(1);
    expect(sync.result.values).toEqual([2, 4]);
  });

  it('dispatch state serializes to JSON and restores the same decisions', async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('a', double), toyBackend('b', double)], () => {
      const state = withBackend('b', () => skipBackend('a', () => getDispatchState()), { coerce: true });
      const copy = JSON.parse(JSON.stringify(state));
      expect(copy.scopes).toEqual([
        { type: 'set', backend: 'b', only: false, coerce: true },
        { type: 'skip', backend: 'a', only: false, coerce: false },
      ]);
      expect(kindOfResult(double(new ToyArray('host', [1])))).toBe('host');
      expect(withDispatchState(copy, () => kindOfResult(double(new ToyArray('host', [1]))))).toBe('b');
      // The global part travels too, without touching this process's global.
      setGlobalBackend('a', { coerce: true });
      const globalState = JSON.parse(JSON.stringify(getDispatchState()));
      setGlobalBackend(null);
      expect(withDispatchState(globalState, () => kindOfResult(double(new ToyArray('host', [1]))))).toBe('a');
      expect(kindOfResult(double(new ToyArray('host', [1])))).toBe('host');
    });
  });
});
