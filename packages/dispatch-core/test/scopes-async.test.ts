import { describe, expect, it } from 'vitest';
import { withBackend } from '../src/index.js';
import { kindOfResult, makeDouble, ToyArray, toyBackend, withRegistered } from './helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('scopes hold across await (AsyncLocalStorage)', () => {
  it('interleaved concurrent scopes each see their own backend after every await', async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('a', double), toyBackend('b', double)], async () => {
      const seen: Record<string, string[]> = { a: [], b: [] };
      const task = (name: 'a' | 'b', delays: number[]) =>
        withBackend(
          name,
          async () => {
            for (const d of delays) {
              await sleep(d);
              seen[name].push(kindOfResult(double(new ToyArray('host', [1]))));
            }
          },
          { coerce: true },
        );
      // Delays chosen so the two tasks alternate.
      await Promise.all([task('a', [5, 10, 1, 7]), task('b', [1, 8, 6, 2]), (async () => {
        await sleep(3);
        // Outside any scope, concurrently: the default.
        expect(kindOfResult(double(new ToyArray('host', [1])))).toBe('host');
      })()]);
      expect(seen.a).toEqual(['a', 'a', 'a', 'a']);
      expect(seen.b).toEqual(['b', 'b', 'b', 'b']);
    });
  });

  it('a scope ends when its callback returns, also on throw', async () => {
    const double = makeDouble();
    await withRegistered([toyBackend('a', double)], () => {
      expect(() =>
        withBackend('a', () => {
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(kindOfResult(double(new ToyArray('host', [1])))).toBe('host');
    });
  });
});
