import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setGlobalBackend, withBackend } from '../src/index.js';
import { kindOfResult, makeDouble, ToyArray, toyBackend, withRegistered } from './helpers.js';

/**
 * Random registries and scopes against a direct model of the precedence: the winner is the
 * first of [scopes innermost-first, global, owners of the input kind in registration
 * order, default] that accepts; an `only` cuts the list.
 */
describe('precedence, property-based', () => {
  it('agrees with a reference model', async () => {
    const names = ['p', 'q', 'r', 's'];
    const arb = fc.record({
      accepts: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      kinds: fc.array(fc.constantFrom('dev', 'other'), { minLength: 4, maxLength: 4 }),
      scopes: fc.array(fc.record({ name: fc.constantFrom(...names), only: fc.boolean() }), { maxLength: 3 }),
      global: fc.option(fc.record({ name: fc.constantFrom(...names), only: fc.boolean(), tryLast: fc.boolean() })),
      inputKind: fc.constantFrom('dev', 'host'),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ accepts, kinds, scopes, global, inputKind }) => {
        const double = makeDouble();
        const backends = names.map((n, i) =>
          toyBackend(n, double, { kinds: [kinds[i]], canRun: () => (accepts[i] ? true : 'no') }),
        );
        const expected = (() => {
          const order: { name: string; only: boolean }[] = [];
          for (const s of [...scopes].reverse()) order.push(s);
          if (global && !global.tryLast) order.push(global);
          const owners = names.filter((_, i) => kinds[i] === inputKind).map((name) => ({ name, only: false }));
          const tail = global?.tryLast ? [...owners, global] : owners;
          const cut = order.findIndex((c) => c.only);
          const list = cut >= 0 ? order.slice(0, cut + 1) : [...order, ...tail, { name: 'default', only: false }];
          const cutTail = list.findIndex((c) => c.only);
          const final = cutTail >= 0 ? list.slice(0, cutTail + 1) : list;
          for (const c of final) {
            if (c.name === 'default') return inputKind === 'host' ? 'host' : 'error';
            if (accepts[names.indexOf(c.name)]) return c.name;
          }
          return 'error';
        })();
        await withRegistered(backends, () => {
          if (global) setGlobalBackend(global.name, { only: global.only, tryLast: global.tryLast, coerce: true });
          try {
            const call = () => {
              try {
                return kindOfResult(double(new ToyArray(inputKind, [1])));
              } catch {
                return 'error';
              }
            };
            const nest = (i: number): string =>
              i === scopes.length ? call() : withBackend(scopes[i].name, () => nest(i + 1), { only: scopes[i].only, coerce: true });
            expect(nest(0)).toBe(expected);
          } finally {
            setGlobalBackend(null);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
