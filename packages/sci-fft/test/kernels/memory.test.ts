import { afterAll, describe, expect, it } from 'vitest';
import { activeKernels, complexAlongAxes, complexPlan, realPlan, setWasmEnabled } from '../../src/kernels/index.js';
import { clearResidents } from '../../src/kernels/wasm/resident.js';
import { limitWasmMemoryForTesting, permanentBytesInUse } from '../../src/kernels/wasm/runtime.js';
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

describe('when wasm memory cannot grow', () => {
  afterAll(() => limitWasmMemoryForTesting(Number.POSITIVE_INFINITY));
  it('falls back to the TypeScript kernels for that call and recovers afterwards', () => {
    const n = 3 * 2 ** 15;
    const x = randomArray(2 * n, 11);
    const expected = x.slice();
    setWasmEnabled(false);
    complexPlan(n).execute(expected, 0, true, 1);
    setWasmEnabled(true);
    // far less than the buffers this transform needs
    limitWasmMemoryForTesting(permanentBytesInUse() + 4096);
    for (const run of [
      (d: Float64Array) => complexPlan(n).execute(d, 0, true, 1),
      (d: Float64Array) => complexPlan(n).executeMany(d, 0, 1, n, 1, true, 1),
      (d: Float64Array) => complexAlongAxes(d, [n], [0], true, 1),
    ]) {
      const y = x.slice();
      run(y);
      expect(relRms(y, expected)).toBeLessThan(1e-15);
    }
    const r = new Float64Array(n + 2);
    realPlan(n).forward(x.subarray(0, n), 0, r, 0, 1);
    limitWasmMemoryForTesting(Number.POSITIVE_INFINITY);
    const r2 = new Float64Array(n + 2);
    realPlan(n).forward(x.subarray(0, n), 0, r2, 0, 1);
    expect(relRms(r, r2)).toBeLessThan(1e-15);
    expect(activeKernels()).toBe('wasm-simd');
    const y = x.slice();
    complexPlan(n).execute(y, 0, true, 1);
    expect(relRms(y, expected)).toBeLessThan(1e-15);
  });
});
