/** packedMap: Array#map's values, with a hidden class that does not change when V8 optimizes the caller. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packedMap } from '../src/packed-map.js';

const BUILT = fileURLToPath(new URL('../dist/packed-map.js', import.meta.url));

/**
 * In a fresh Node with V8 natives: whether `mapper`'s result keeps its map once the function that
 * calls it is optimized. Array#map is the control: TurboFan inlines it and returns a holey array
 * (V8 11.3 in Node 20). Should the control ever keep its map, packedMap can go.
 */
function keepsMapWhenOptimized(mapper: 'packedMap' | 'Array#map'): boolean {
  const call = mapper === 'packedMap' ? 'packedMap(a, (v, d) => v + d)' : 'a.map((v, d) => v + d)';
  const script = `
    import { packedMap } from ${JSON.stringify(BUILT)};
    function producer(a) { return ${call}; }
    const before = producer([1, 2, 3]);
    %PrepareFunctionForOptimization(producer);
    producer([4, 5, 6]);
    %OptimizeFunctionOnNextCall(producer);
    const after = producer([1, 2, 3]);
    if (!(%GetOptimizationStatus(producer) & 16)) throw new Error('producer was not optimized');
    console.log(%HaveSameMap(before, after));`;
  const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return out.trim() === 'true';
}

describe('packedMap', () => {
  it('gives the values and length Array#map gives', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.double(), fc.string())), (a) => {
        const f = (v: unknown, i: number) => `${String(v)}@${i}`;
        expect(packedMap(a, f)).toEqual(a.map(f));
      }),
    );
    expect(packedMap([], () => 1)).toEqual([]);
  });

  it('keeps its hidden class when the caller is optimized, where inlined Array#map does not', () => {
    expect(keepsMapWhenOptimized('Array#map')).toBe(false);
    expect(keepsMapWhenOptimized('packedMap')).toBe(true);
  });
});
