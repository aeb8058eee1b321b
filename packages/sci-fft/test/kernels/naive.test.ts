import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeKernels, complexPlan, r2rPlan, realPlan, setWasmEnabled } from '../../src/kernels/index.js';
import { naiveDft, naiveR2R, randomArray, relRms } from './reference.js';

const sizes = [...Array.from({ length: 40 }, (_, i) => i + 1), 49, 53, 64, 97, 100, 121, 128, 210, 243, 256, 343, 360, 1000, 1009, 1024];

describe.each([
  ['wasm-simd', true],
  ['typescript', false],
] as const)('%s kernels', (name, wasm) => {
  beforeAll(() => setWasmEnabled(wasm));
  afterAll(() => setWasmEnabled(true));
  it('are the ones running', () => expect(activeKernels()).toBe(name));

  describe('complexPlan vs naive DFT', () => {
    for (const n of sizes) {
      it(`n = ${n}`, () => {
        const x = randomArray(2 * n, n);
        for (const forward of [true, false]) {
          const y = x.slice();
          complexPlan(n).execute(y, 0, forward, 1);
          const ref = naiveDft(x, forward ? -1 : 1);
          expect(relRms(y, ref)).toBeLessThan(1e-14);
        }
      });
    }
  });

  describe('realPlan vs naive DFT', () => {
    for (const n of sizes) {
      it(`n = ${n}`, () => {
        const x = randomArray(n, 7 * n + 1);
        const cx = new Float64Array(2 * n);
        for (let j = 0; j < n; j++) cx[2 * j] = x[j];
        const ref = naiveDft(cx, -1);
        const h = (n >> 1) + 1;
        const out = new Float64Array(2 * h);
        realPlan(n).forward(x, 0, out, 0, 1);
        expect(relRms(out, ref.subarray(0, 2 * h))).toBeLessThan(1e-14);
        const back = new Float64Array(n);
        realPlan(n).backward(out, 0, back, 0, 1 / n);
        expect(relRms(back, x)).toBeLessThan(1e-14);
      });
    }
  });

  describe('r2rPlan vs naive sums', () => {
    for (const kind of ['dct', 'dst'] as const) {
      for (const type of [1, 2, 3, 4] as const) {
        for (const n of sizes) {
          if (kind === 'dct' && type === 1 && n < 2) continue;
          it(`${kind}${type} n = ${n}`, () => {
            const x = randomArray(n, 31 * n + type);
            const y = x.slice();
            r2rPlan(kind, type, n, { norm: 'backward', orthogonalize: false, inverse: false }).execute(y, 0);
            expect(relRms(y, naiveR2R(kind, type, x))).toBeLessThan(1e-14);
          });
        }
      }
    }
  });
});
