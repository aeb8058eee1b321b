import { afterAll, describe, expect, it } from 'vitest';
import { activeKernels, complexAlongAxes, complexPlan, realPlan, setWasmEnabled } from '../../src/kernels/index.js';
import { clearResidents } from '../../src/kernels/wasm/resident.js';
import {
  allocTemp,
  heapF64,
  limitWasmMemoryForTesting,
  permanentBytesInUse,
  popFrame,
  pushFrame,
  wasmKernels,
} from '../../src/kernels/wasm/runtime.js';
import { makeWasmCore } from '../../src/kernels/wasm/wasm-core.js';
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

describe('plan tables made while a transform holds scratch', () => {
  it('never overlap that scratch, and the space is reused afterwards', () => {
    const k = wasmKernels()!;
    const mark = pushFrame();
    const n = 4096;
    const scratch = allocTemp(16 * n);
    heapF64().fill(7, scratch >> 3, (scratch >> 3) + 2 * n);
    // tables allocated now (several blocks, so that first-fit would reuse any bogus free range)
    const cores = [makeWasmCore(n, k), makeWasmCore(3 * n, k), makeWasmCore(1009, k)];
    const h = heapF64();
    let intact = true;
    for (let i = 0; i < 2 * n; i++) if (h[(scratch >> 3) + i] !== 7) intact = false;
    expect(intact).toBe(true);
    // and the new plans work inside the frame
    const buf = allocTemp(16 * n);
    const other = allocTemp(16 * n);
    const x = randomArray(2 * n, 1);
    heapF64().set(x, buf >> 3);
    const r = cores[0].run(k, buf, other);
    const got = heapF64().slice(r >> 3, (r >> 3) + 2 * n);
    expect(relRms(got, naiveDft(x, -1))).toBeLessThan(1e-14);
    popFrame(mark);
    for (const c of cores) c.dispose();
    // after the frame closes the passed-over scratch is free again: nothing is leaked
    clearResidents();
    expect(permanentBytesInUse()).toBe(0);
  });
});
