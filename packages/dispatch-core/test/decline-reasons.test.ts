import { describe, expect, it } from 'vitest';
import {
  BackendNotImplementedError,
  explain,
  getDispatchState,
  NOT_CONVERTIBLE,
  skipBackend,
  withDispatchState,
} from '../src/index.js';
import { makeDouble, ToyArray, thrown, toyBackend, withRegistered } from './helpers.js';

const caught = (body: () => unknown) => thrown(body, BackendNotImplementedError);

describe('decline reasons in explain() and errors', () => {
  it('a disabled owner appears declined with the reason, and the error says how to enable it', async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('gpu', double)], () => {
      // Disabled through a dispatch state (the same set SCIPORT_DISABLE_BACKENDS fills).
      const state = { ...getDispatchState(), disabled: ['gpu'] };
      const x = new ToyArray('gpu', [1]);
      const record = withDispatchState(state, () => explain(double, x));
      expect(record.candidates[0]).toEqual({
        backend: 'gpu',
        source: 'registered',
        verdict: 'declined',
        reason: 'disabled by SCIPORT_DISABLE_BACKENDS',
      });
      const error = caught(() => withDispatchState(state, () => double(x)));
      expect(error.message).toContain('✗ gpu (registered): disabled by SCIPORT_DISABLE_BACKENDS');
      expect(error.hint).toMatch(/Disabled by SCIPORT_DISABLE_BACKENDS: gpu; remove a backend from that variable/);
    });
  });

  it('a skipped owner appears declined with the reason', async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('gpu', double)], () => {
      const record = skipBackend('gpu', () => explain(double, new ToyArray('gpu', [1])));
      expect(record.candidates[0]).toMatchObject({ backend: 'gpu', verdict: 'declined', reason: 'skipped by skipBackend()' });
      expect(caught(() => skipBackend('gpu', () => double(new ToyArray('gpu', [1])))).hint).toBeUndefined();
    });
  });

  it('the default tells device-array users to read the input back, not to call fn.async', () => {
    const double = makeDouble();
    const error = caught(() => double(new ToyArray('gpu', [1])));
    expect(error.message).toContain('fn(await x.toHost())');
    expect(error.message).not.toContain('fn.async');
  });

  it("a per-call backend that cannot take an array adds its own canConvert reason", async () => {
    const double = makeDouble();
    const picky = toyBackend('cluster-like', double, {
      kinds: ['chunked'],
      convert: () => NOT_CONVERTIBLE,
      canConvert: (value) =>
        value instanceof ToyArray && value.shape.length === 1 ? 'wrap it with chunked(x, { cluster }) first' : true,
    });
    await withRegistered([picky], () => {
      const host = new ToyArray('host', [1]);
      const error = caught(() => double(host, { backend: 'cluster-like' }));
      expect(error.record.candidates[0].reason).toBe('wrap it with chunked(x, { cluster }) first');
      expect(explain(double, host, { backend: 'cluster-like' }).candidates[0].reason).toBe(
        'wrap it with chunked(x, { cluster }) first',
      );
    });
  });

  it('without canConvert (or when it has no reason) the generic refusal stays', async () => {
    const double = makeDouble();
    const plain = toyBackend('plain', double, { kinds: ['chunked'], convert: () => NOT_CONVERTIBLE });
    const vague = toyBackend('vague', double, { kinds: ['chunked'], convert: () => NOT_CONVERTIBLE, canConvert: () => true });
    await withRegistered([plain, vague], () => {
      const host = new ToyArray('host', [1]);
      expect(caught(() => double(host, { backend: 'plain' })).record.candidates[0].reason).toBe(
        'cannot take argument 0 (host float64[1])',
      );
      expect(caught(() => double(host, { backend: 'vague' })).record.candidates[0].reason).toBe(
        'cannot take argument 0 (host float64[1])',
      );
    });
  });
});
