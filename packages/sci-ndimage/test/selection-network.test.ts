// A selection network must leave the value of its rank on that wire for any inputs (ties
// included), and keep only comparators within the wires in use.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectionNetwork } from '../src/selection-network.js';

function run(network: Int32Array, values: number[]): number[] {
  const w = values.slice();
  for (let c = 0; c < network.length; c += 2) {
    const a = w[network[c]];
    const b = w[network[c + 1]];
    w[network[c]] = Math.min(a, b);
    w[network[c + 1]] = Math.max(a, b);
  }
  return w;
}

describe('selectionNetwork', () => {
  it('selects the rank-th value of any inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }).chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: 0, max: s - 1 }), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: s, maxLength: s }))),
        ([s, rank, values]) => {
          const network = selectionNetwork(s, rank);
          expect(network.every((wire) => wire >= 0 && wire < s)).toBe(true);
          expect(run(network, values)[rank]).toBe([...values].sort((a, b) => a - b)[rank]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('prunes what the rank does not depend on: the minimum of nine takes eight comparators', () => {
    expect(selectionNetwork(9, 0).length / 2).toBe(8);
    expect(selectionNetwork(1, 0).length).toBe(0);
  });
});
