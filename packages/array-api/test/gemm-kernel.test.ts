/**
 * The packed WebAssembly SIMD matrix product (`@sciport/array-api/kernels`) against a plain
 * triple loop in double: every transpose combination, α/β, leading dimensions wider than the
 * matrix, sizes that leave partial register and cache blocks, and the TypeScript fallback.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { matmul } from '../src/linalg.js';
import { asarray } from '../src/asarray.js';
import { activeGemmKernel, gemm, setGemmWasmEnabled, wasmGemm } from '../src/wasm-kernels.js';

type Data = Float64Array | Float32Array;

function random(n: number, seed: number, single: boolean): Data {
  const out = single ? new Float32Array(n) : new Float64Array(n);
  let t = seed >>> 0;
  for (let i = 0; i < n; i++) {
    t = (Math.imul(t, 1664525) + 1013904223) >>> 0;
    out[i] = t / 2 ** 31 - 1;
  }
  return out;
}

interface Case {
  ta: boolean;
  tb: boolean;
  m: number;
  n: number;
  k: number;
  alpha: number;
  beta: number;
  pad: number;
  single: boolean;
  seed: number;
}

/** Runs gemm on a case and returns the result with the reference (double, i-j-p sums) and |A||B| bound. */
function run(testCase: Case) {
  const { ta, tb, m, n, k, alpha, beta, pad, single, seed } = testCase;
  const [ar, ac] = ta ? [k, m] : [m, k];
  const [br, bc] = tb ? [n, k] : [k, n];
  const lda = ac + pad;
  const ldb = bc + pad;
  const ldc = n + pad;
  const a = random(3 + ar * lda, seed, single);
  const b = random(5 + br * ldb, seed + 1, single);
  const cIn = random(7 + m * ldc, seed + 2, single);
  const c = cIn.slice();
  gemm(ta, tb, m, n, k, alpha, a, 3, lda, b, 5, ldb, beta, c, 7, ldc);
  const expected = new Float64Array(m * n);
  const bound = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      let abs = 0;
      for (let p = 0; p < k; p++) {
        const x = a[3 + (ta ? p * lda + i : i * lda + p)] * b[5 + (tb ? j * ldb + p : p * ldb + j)];
        s += x;
        abs += Math.abs(x);
      }
      const old = cIn[7 + i * ldc + j];
      expected[i * n + j] = alpha * s + (beta === 0 ? 0 : beta * old);
      bound[i * n + j] = Math.abs(alpha) * abs + Math.abs(beta * old);
    }
  }
  return { c, cIn, expected, bound, ldc };
}

function check(c: Case): void {
  const { c: out, cIn, expected, bound, ldc } = run(c);
  const eps = c.single ? 2 ** -23 : 2 ** -52;
  for (let i = 0; i < c.m; i++) {
    for (let j = 0; j < c.n; j++) {
      const err = Math.abs(out[7 + i * ldc + j] - expected[i * c.n + j]);
      expect(err).toBeLessThanOrEqual((c.k + 2) * eps * bound[i * c.n + j] + 1e-300);
    }
    // padding between rows of C is never written
    for (let j = c.n; j < ldc; j++) expect(out[7 + i * ldc + j]).toBe(cIn[7 + i * ldc + j]);
  }
  expect(out[0]).toBe(cIn[0]);
}

const caseArb = fc.record({
  ta: fc.boolean(),
  tb: fc.boolean(),
  m: fc.integer({ min: 1, max: 40 }),
  n: fc.integer({ min: 1, max: 40 }),
  k: fc.integer({ min: 1, max: 40 }),
  alpha: fc.constantFrom(1, -1, 0.5, 0),
  beta: fc.constantFrom(0, 1, -2),
  pad: fc.integer({ min: 0, max: 3 }),
  single: fc.boolean(),
  seed: fc.integer({ min: 0, max: 1e6 }),
});

afterEach(() => setGemmWasmEnabled(true));

describe('wasm gemm', () => {
  it('is loaded in Node (synchronous compile)', () => {
    expect(wasmGemm()).not.toBeNull();
    expect(activeGemmKernel()).toBe('wasm-simd');
  });

  it('matches the triple loop on random shapes, transposes, α, β and leading dimensions', () => {
    fc.assert(fc.property(caseArb, (c) => check(c)), { numRuns: 200 });
  });

  it('matches the triple loop across cache-block edges (k > kc, m > mc, ragged tiles)', () => {
    for (const single of [false, true]) {
      for (const [ta, tb] of [
        [false, false],
        [true, false],
        [false, true],
        [true, true],
      ] as const) {
        check({ ta, tb, m: 131, n: 67, k: 300, alpha: -1, beta: 1, pad: 1, single, seed: 42 });
      }
    }
  });

  it('agrees with the TypeScript fallback', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const wasm = run(c).c;
        setGemmWasmEnabled(false);
        expect(activeGemmKernel()).toBe('typescript');
        const loops = run(c).c;
        setGemmWasmEnabled(true);
        const eps = c.single ? 2 ** -23 : 2 ** -52;
        for (let i = 0; i < wasm.length; i++) expect(Math.abs(wasm[i] - loops[i])).toBeLessThanOrEqual((c.k + 2) * eps * 4 * (c.k + 3));
      }),
      { numRuns: 100 },
    );
  });

  it('overwrites C when β = 0 (NaN in C does not survive, as in BLAS)', () => {
    for (const single of [false, true]) {
      const a = random(64 * 64, 1, single);
      const c = single ? new Float32Array(64 * 64).fill(Number.NaN) : new Float64Array(64 * 64).fill(Number.NaN);
      gemm(false, false, 64, 64, 64, 1, a, 0, 64, a, 0, 64, 0, c, 0, 64);
      expect(c.every((v) => Number.isFinite(v))).toBe(true);
    }
  });

  it('propagates NaN and Inf from the operands', () => {
    const a = random(32 * 32, 3, false);
    a[5 * 32 + 7] = Number.NaN;
    const b = random(32 * 32, 4, false);
    b[2 * 32 + 9] = Number.POSITIVE_INFINITY;
    const c = new Float64Array(32 * 32);
    gemm(false, false, 32, 32, 32, 1, a, 0, 32, b, 0, 32, 0, c, 0, 32);
    expect(c.slice(5 * 32, 6 * 32).every((v) => Number.isNaN(v))).toBe(true);
    expect(Number.isNaN(c[0 * 32 + 9]) || Math.abs(c[0 * 32 + 9]) === Number.POSITIVE_INFINITY).toBe(true);
  });
});

describe('matmul on the wasm kernel', () => {
  it('gives the same float64 and float32 products as with the kernel turned off', () => {
    for (const dtype of ['float64', 'float32'] as const) {
      const x = asarray(Array.from(random(2 * 48 * 40, 9, false)), { shape: [2, 48, 40], dtype });
      const y = asarray(Array.from(random(40 * 33, 10, false)), { shape: [40, 33], dtype });
      const wasm = matmul(x, y).toArray().flat(2) as number[];
      setGemmWasmEnabled(false);
      const loops = matmul(x, y).toArray().flat(2) as number[];
      setGemmWasmEnabled(true);
      const tol = dtype === 'float32' ? 40 * 2 ** -23 * 40 : 40 * 2 ** -52 * 40;
      expect(wasm.length).toBe(2 * 48 * 33);
      for (let i = 0; i < wasm.length; i++) expect(Math.abs(wasm[i] - loops[i])).toBeLessThanOrEqual(tol);
    }
  });
});
