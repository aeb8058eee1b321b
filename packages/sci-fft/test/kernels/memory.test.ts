import { describe, expect, it } from 'vitest';
import { complexAlongAxes, complexPlan, realPlan } from '../../src/kernels/index.js';
import { clearResidents } from '../../src/kernels/wasm/resident.js';
import { permanentBytesInUse } from '../../src/kernels/wasm/runtime.js';
import { naiveDft, randomArray, relRms } from './reference.js';

describe('wasm plan tables', () => {
  it('are evicted least-recently-used, reused, and stay correct', () => {
    // many distinct lengths: the cache holds at most 64 plans, so memory stays bounded
    const sizes = Array.from({ length: 150 }, (_, i) => 200 + 7 * i);
    let peak = 0;
    for (const n of sizes) {
      const x = randomArray(2 * n, n);
      const y = x.slice();
      complexPlan(n).execute(y, 0, true, 1);
      const r = new Float64Array(2 * ((n >> 1) + 1));
      realPlan(n).forward(x, 0, r, 0, 1);
      peak = Math.max(peak, permanentBytesInUse());
      if (n % 5 === 0) expect(relRms(y, naiveDft(x, -1))).toBeLessThan(1e-14);
    }
    // 64 plans of < 1300 points need under 4 MB; keeping all 300 would need over 10 MB
    expect(peak).toBeLessThan(6 * 2 ** 20);
    clearResidents();
    expect(permanentBytesInUse()).toBe(0);
    // everything is rebuilt on demand after a full clear
    const n = 777;
    const x = randomArray(2 * n, 5);
    const y = x.slice();
    complexAlongAxes(y, [n], [0], true, 1);
    expect(relRms(y, naiveDft(x, -1))).toBeLessThan(1e-14);
  });
});
