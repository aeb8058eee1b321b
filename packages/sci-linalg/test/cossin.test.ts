/**
 * cossin: for random unitary X and every partition (fast-check), U·CS·Vᴴ = X, U and Vᴴ
 * unitary and block diagonal at p and q, theta ascending in [0, π/2], CS laid out as
 * SciPy's (its blocks from theta); the separate form agrees with the joined one; bad input.
 */
import { conj, type DType, matmul, matrixTranspose, NDArray, subtract } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cossin, qr } from '../src/index.js';

const EPS: Record<string, number> = { float64: 2 ** -52, complex128: 2 ** -52, float32: 2 ** -23, complex64: 2 ** -23 };

function maxAbs(x: NDArray): number {
  const d = x.toTypedArray() as Float64Array;
  const lanes = x.dtype.startsWith('complex') ? 2 : 1;
  let best = 0;
  for (let i = 0; i < d.length; i += lanes) best = Math.max(best, Math.hypot(d[i], lanes === 2 ? d[i + 1] : 0));
  return best;
}

const identityError = (x: NDArray) => {
  const g = matmul(conj(matrixTranspose(x)), x);
  const n = x.shape[x.ndim - 1];
  const eye = new NDArray(new Float64Array(n * n).map((_, k) => (k % (n + 1) === 0 ? 1 : 0)), [n, n], 'float64');
  return maxAbs(subtract(g, eye));
};

/** max |x[i, j]| outside the diagonal blocks split at k. */
function offBlock(x: NDArray, k: number): number {
  const d = x.toTypedArray() as Float64Array;
  const lanes = x.dtype.startsWith('complex') ? 2 : 1;
  const n = x.shape[x.ndim - 1];
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i < k === j < k) continue;
      const at = lanes * (i * n + j);
      worst = Math.max(worst, Math.abs(d[at]), lanes === 2 ? Math.abs(d[at + 1]) : 0);
    }
  }
  return worst;
}

/** A random m×m unitary matrix of `dtype`: Q of the QR of a random matrix. */
function unitary(m: number, dtype: DType): fc.Arbitrary<NDArray> {
  const lanes = dtype.startsWith('complex') ? 2 : 1;
  return fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: lanes * m * m, maxLength: lanes * m * m }).map((v) => {
    const data = dtype === 'float32' || dtype === 'complex64' ? Float32Array.from(v, (k) => k / 1000 + 1e-3) : Float64Array.from(v, (k) => k / 1000 + 1e-3);
    return qr(new NDArray(data, [m, m], dtype))[0];
  });
}

const cases = fc
  .tuple(fc.integer({ min: 2, max: 9 }), fc.constantFrom<DType>('float64', 'float32', 'complex128', 'complex64'), fc.boolean())
  .chain(([m, dtype, swapSign]) => fc.tuple(unitary(m, dtype), fc.integer({ min: 1, max: m - 1 }), fc.integer({ min: 1, max: m - 1 }), fc.constant(swapSign)));

/** CS's value at (i, j) as SciPy lays it out from theta (`sign` of the −S, −I blocks: −1, or +1 swapped). */
function expectedCs(theta: number[], m: number, p: number, q: number, swapSign: boolean): number[][] {
  const r = Math.min(p, m - p, q, m - q);
  const [n11, n12, n21, n22] = [Math.min(p, q) - r, Math.min(p, m - q) - r, Math.min(m - p, q) - r, Math.min(m - p, m - q) - r];
  const cs = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  const upper = swapSign ? 1 : -1;
  for (let i = 0; i < n11; i++) cs[i][i] = 1;
  for (let i = 0; i < r; i++) {
    cs[n11 + i][n11 + i] = Math.cos(theta[i]);
    cs[n11 + i][q + n22 + i] = upper * Math.sin(theta[i]);
    cs[p + n22 + i][n11 + i] = -upper * Math.sin(theta[i]);
    cs[p + n22 + i][q + n22 + i] = Math.cos(theta[i]);
  }
  for (let i = 0; i < n12; i++) cs[n11 + r + i][q + n22 + r + i] = upper;
  for (let i = 0; i < n22; i++) cs[p + i][q + i] = 1;
  for (let i = 0; i < n21; i++) cs[p + n22 + r + i][n11 + r + i] = -upper;
  return cs;
}

describe('cossin (fast-check)', () => {
  it('U·CS·Vᴴ = X with U, Vᴴ unitary and block diagonal, theta ascending in [0, π/2], CS from theta', () => {
    fc.assert(
      fc.property(cases, ([x, p, q, swapSign]) => {
        const m = x.shape[0];
        const tol = 20 * m * EPS[x.dtype];
        const [u, cs, vh] = cossin(x, { p, q, swapSign });
        expect(u.dtype).toBe(x.dtype);
        expect(vh.dtype).toBe(x.dtype);
        expect(cs.dtype).toBe(x.dtype === 'float32' || x.dtype === 'complex64' ? 'float32' : 'float64');
        expect(maxAbs(subtract(matmul(matmul(u, cs), vh), x))).toBeLessThanOrEqual(tol);
        expect(identityError(u)).toBeLessThanOrEqual(tol);
        expect(identityError(vh)).toBeLessThanOrEqual(tol);
        expect(offBlock(u, p)).toBe(0);
        expect(offBlock(vh, q)).toBe(0);
        const [[u1, u2], theta, [v1h, v2h]] = cossin(x, { p, q, swapSign, separate: true });
        expect(u1.shape).toEqual([p, p]);
        expect(u2.shape).toEqual([m - p, m - p]);
        expect(v1h.shape).toEqual([q, q]);
        expect(v2h.shape).toEqual([m - q, m - q]);
        const t = Array.from(theta.toTypedArray() as Float64Array);
        expect(t.length).toBe(Math.min(p, m - p, q, m - q));
        t.forEach((v, i) => {
          expect(v).toBeGreaterThanOrEqual(0);
          // π/2 rounded to the result's precision (float32's nearest value lies above π/2, as SciPy's)
          expect(v).toBeLessThanOrEqual(theta.dtype === 'float32' ? Math.fround(Math.PI / 2) : Math.PI / 2);
          if (i > 0) expect(v).toBeGreaterThanOrEqual(t[i - 1] - tol);
        });
        const want = expectedCs(t, m, p, q, swapSign);
        const got = cs.toArray() as unknown as number[][];
        for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) expect(Math.abs(got[i][j] - want[i][j])).toBeLessThanOrEqual(tol);
      }),
      { numRuns: 120 },
    );
  });

  it('takes the four blocks instead of p and q, and stacks of matrices', () => {
    fc.assert(
      fc.property(cases, ([x, p, q]) => {
        const m = x.shape[0];
        const rows = x.toArray() as unknown as number[][];
        const part = (r0: number, r1: number, c0: number, c1: number) => rows.slice(r0, r1).map((row) => row.slice(c0, c1));
        if (x.dtype.startsWith('complex')) return;
        const blocks = [part(0, p, 0, q), part(0, p, q, m), part(p, m, 0, q), part(p, m, q, m)];
        const [, csBlocks] = cossin(blocks);
        const [, csWhole] = cossin(new NDArray(Float64Array.from(rows.flat()), [m, m], 'float64'), { p, q });
        expect(maxAbs(subtract(csBlocks, csWhole))).toBe(0);
      }),
      { numRuns: 40 },
    );
    const x = qr(new NDArray(Float64Array.from({ length: 50 }, (_, k) => Math.sin(k + 1)), [2, 5, 5], 'float64'))[0];
    const [u, cs, vh] = cossin(x, { p: 2, q: 3 });
    expect(u.shape).toEqual([2, 5, 5]);
    expect(maxAbs(subtract(matmul(matmul(u, cs), vh), x))).toBeLessThanOrEqual(100 * EPS.float64);
  });

  it('computeU / computeVh: false leave an empty array in their place', () => {
    const x = qr([[1, 2, 3], [4, 5, 6], [7, 8, 10]])[0];
    const [u, , vh] = cossin(x, { p: 1, q: 2, computeU: false });
    expect(u.shape).toEqual([0, 0]);
    expect(vh.shape).toEqual([3, 3]);
    const [[u1, u2], , [v1h, v2h]] = cossin(x, { p: 1, q: 2, computeVh: false, separate: true });
    expect([u1.shape, u2.shape, v1h.shape, v2h.shape]).toEqual([[1, 1], [2, 2], [0, 0], [0, 0]]);
  });

  it('a non-unitary X is decomposed without a check, as in SciPy (the factors are then meaningless)', () => {
    const [u, cs, vh] = cossin([[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]], { p: 2, q: 2 });
    expect([u.shape, cs.shape, vh.shape]).toEqual([[4, 4], [4, 4], [4, 4]]);
    expect(identityError(u)).toBeLessThanOrEqual(100 * EPS.float64);
  });
});

describe('cossin bad input', () => {
  const rejects = (call: () => unknown, name: string, argument: string) => expect(call).toThrow(expect.objectContaining({ name, argument }));
  const x = qr([[1, 2, 3, 4], [4, 5, 6, 1], [7, 8, 10, 2], [1, 0, 1, 0]])[0];
  it('rejects p and q out of range, non-square and non-finite X, wrong blocks, bad flags', () => {
    rejects(() => cossin(x, { p: 4, q: 2 }), 'InvalidArgumentError', 'p');
    rejects(() => cossin(x, { p: -1, q: 2 }), 'InvalidArgumentError', 'p');
    rejects(() => cossin(x, { p: 2, q: 4 }), 'InvalidArgumentError', 'q');
    rejects(() => cossin(x, { p: 2.5, q: 2 }), 'InvalidArgumentError', 'p');
    rejects(() => cossin([[1, 2, 3], [4, 5, 6]], { p: 1, q: 1 }), 'ShapeError', 'X');
    rejects(() => cossin([1, 2, 3], { p: 1, q: 1 }), 'ShapeError', 'X');
    rejects(() => cossin([[1, Number.NaN], [0, 1]], { p: 1, q: 1 }), 'InvalidArgumentError', 'X');
    rejects(() => cossin(x), 'InvalidArgumentError', 'X');
    rejects(() => cossin([[[1]], [[0]], [[0]]]), 'InvalidArgumentError', 'X');
    rejects(() => cossin([[[1]], [[0, 0]], [[0]], [[1]]]), 'ShapeError', 'x12');
    rejects(() => cossin([[[1]], [[0]], [[0], [0]], [[1]]]), 'ShapeError', 'x21');
    rejects(() => cossin([[[1]], [[0, 0]], [[0]], [[1, 0]]]), 'ShapeError', 'X');
    rejects(() => cossin([[[1]], [[Number.NaN]], [[0]], [[1]]]), 'LinAlgError', 'X');
    rejects(() => cossin(x, { p: 2, q: 2, separate: 1 as unknown as boolean }), 'InvalidArgumentError', 'separate');
    rejects(() => cossin(x, { p: 2, q: 2, lower: true } as never), 'InvalidArgumentError', 'lower');
    rejects(() => cossin(new NDArray(new Float64Array(0), [0, 4, 4], 'float64'), { p: 2, q: 2 }), 'ShapeError', 'X');
  });
});
