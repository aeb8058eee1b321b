/**
 * lstsq, pinv, nullSpace, orth, subspaceAngles, polar, orthogonalProcrustes and khatriRao:
 * the invariants that hold whatever basis or factorisation is chosen (fast-check), the
 * scales and edge sizes the fixtures do not cover, and bad input.
 */
import { asarray, conj, type DType, matmul, matrixTranspose, NDArray, subtract } from '@sciport/array-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { khatriRao, lstsq, nullSpace, orth, orthogonalProcrustes, pinv, pinvh, polar, subspaceAngles } from '../src/index.js';

const EPS: Record<string, number> = { float64: 2 ** -52, complex128: 2 ** -52, float32: 2 ** -23, complex64: 2 ** -23 };
const H = (x: NDArray) => conj(matrixTranspose(x));

/** Largest |entry| (the modulus for complex). */
function maxAbs(x: NDArray): number {
  const d = x.toTypedArray() as Float64Array;
  const lanes = x.dtype.startsWith('complex') ? 2 : 1;
  let best = 0;
  for (let i = 0; i < d.length; i += lanes) best = Math.max(best, Math.hypot(d[i], lanes === 2 ? d[i + 1] : 0));
  return best;
}

function identityError(q: NDArray): number {
  const g = matmul(H(q), q);
  const n = g.shape[0];
  const eye = asarray(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))));
  return n === 0 ? 0 : maxAbs(subtract(g, eye));
}

/** A random m×n matrix of `dtype` with entries k/1000 in [-1, 1] (no subnormals). */
function matrix(m: number, n: number, dtype: DType): fc.Arbitrary<NDArray> {
  const complex = dtype.startsWith('complex');
  const len = (complex ? 2 : 1) * m * n;
  return fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: len, maxLength: len }).map((v) => {
    const data = dtype === 'float32' || dtype === 'complex64' ? Float32Array.from(v, (k) => k / 1000) : Float64Array.from(v, (k) => k / 1000);
    return new NDArray(data, [m, n], dtype);
  });
}

const dims = fc.integer({ min: 1, max: 7 });
const dtypes = fc.constantFrom<DType>('float64', 'float32', 'complex128', 'complex64');
const problem = fc.tuple(dims, dims, dtypes).chain(([m, n, d]) => fc.tuple(matrix(m, n, d), matrix(m, 2, d), fc.constant(d)));

describe('least squares and subspaces: invariants (fast-check)', () => {
  it('lstsq: the residual is orthogonal to the range of a up to the dropped singular values, ‖aᴴ(b − a x)‖ ≤ 30·p·ε·‖a‖²‖x‖ (+‖a‖‖b‖ε) + cond·‖a‖·‖b‖', () => {
    fc.assert(
      fc.property(problem, ([a, b, dtype]) => {
        const cond = 1e-3;
        const [x, , rank] = lstsq(a, b, { cond });
        const r = subtract(b, matmul(a, x));
        const p = Math.max(...a.shape);
        const na = maxAbs(a) * p;
        // singular values below cond·σ₁ are treated as zero, so aᴴr keeps Σ σᵢ vᵢ (uᵢᴴ b) over
        // them: at most cond·σ₁·‖b‖ ≤ cond·na·(2p·max|b|) (b has two columns of at most p rows)
        // (nothing is dropped at full rank, where the bound stays the rounding one)
        const truncation = rank < Math.min(...a.shape) ? cond * na * 2 * p * maxAbs(b) : 0;
        const bound = 30 * p * EPS[dtype] * na * (na * maxAbs(x) + maxAbs(b)) + truncation + 1e-300;
        expect(maxAbs(matmul(H(a), r))).toBeLessThanOrEqual(bound);
        expect(rank).toBeLessThanOrEqual(Math.min(...a.shape));
      }),
      { numRuns: 120 },
    );
  });

  it('pinv satisfies the Moore–Penrose conditions (A A⁺ A = A up to the dropped singular values)', () => {
    fc.assert(
      fc.property(problem, ([a, , dtype]) => {
        const [p, rank] = pinv(a, { returnRank: true, rtol: 1e-3 }) as [NDArray, number];
        const scale = Math.max(...a.shape) * maxAbs(a);
        // rounding is amplified by at most the retained condition number, below 1/rtol
        const tol = 30 * Math.max(...a.shape) * EPS[dtype] * 1e3 * Math.max(1, scale);
        // singular values ≤ rtol·σ₁ are dropped: A A⁺ A misses them, A⁺ A A⁺ = A⁺ exactly
        expect(maxAbs(subtract(matmul(matmul(a, p), a), a))).toBeLessThanOrEqual(tol + 1e-3 * scale);
        const pNorm = Math.max(1, maxAbs(p) * Math.max(...a.shape));
        expect(maxAbs(subtract(matmul(matmul(p, a), p), p))).toBeLessThanOrEqual(tol * pNorm * pNorm);
        const ap = matmul(a, p);
        const pa = matmul(p, a);
        expect(maxAbs(subtract(ap, H(ap)))).toBeLessThanOrEqual(tol);
        expect(maxAbs(subtract(pa, H(pa)))).toBeLessThanOrEqual(tol);
        expect(p.shape).toEqual([a.shape[1], a.shape[0]]);
        expect(rank).toBeLessThanOrEqual(Math.min(...a.shape));
      }),
      { numRuns: 120 },
    );
  });

  it('pinvh equals pinv on Hermitian matrices, reading one triangle only', () => {
    fc.assert(
      fc.property(dims.chain((n) => fc.tuple(matrix(n, n, 'complex128'), matrix(n, n, 'complex128'), fc.boolean())), ([x, junk, lower]) => {
        const herm = matmul(x, H(x));
        const n = herm.shape[0];
        // the other triangle replaced by junk: pinvh must not read it
        const d = (herm.toTypedArray() as Float64Array).slice();
        const j = junk.toTypedArray() as Float64Array;
        for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (lower ? c > r : c < r) for (let l = 0; l < 2; l++) d[2 * (r * n + c) + l] = j[2 * (r * n + c) + l];
        const [p, rank] = pinvh(new NDArray(d, [n, n], 'complex128'), { lower, rtol: 1e-6, returnRank: true }) as [NDArray, number];
        const [q, rank2] = pinv(herm, { rtol: 1e-6, returnRank: true }) as [NDArray, number];
        expect(rank).toBe(rank2);
        expect(maxAbs(subtract(p, q))).toBeLessThanOrEqual(1e-6 * Math.max(1, maxAbs(q)));
      }),
      { numRuns: 80 },
    );
  });

  it('nullSpace and orth: orthonormal bases, A·N ≈ 0, dimensions adding up to N', () => {
    fc.assert(
      fc.property(problem, ([a, , dtype]) => {
        const nz = nullSpace(a, { rcond: 1e-3 });
        const q = orth(a, { rcond: 1e-3 });
        const p = Math.max(...a.shape);
        expect(identityError(nz)).toBeLessThanOrEqual(30 * p * EPS[dtype]);
        expect(identityError(q)).toBeLessThanOrEqual(30 * p * EPS[dtype]);
        expect(nz.shape[1] + q.shape[1]).toBe(a.shape[1]);
        // ‖A N‖ ≤ rcond·σ₁ (the dropped singular values) plus rounding
        expect(maxAbs(matmul(a, nz))).toBeLessThanOrEqual((1e-3 + 30 * p * EPS[dtype]) * p * maxAbs(a) + 1e-300);
      }),
      { numRuns: 120 },
    );
  });

  it('polar: a = u p with p Hermitian, and u unitary when a is square', () => {
    fc.assert(
      fc.property(dims.chain((n) => fc.tuple(matrix(n, n, 'complex128'), fc.constantFrom<'right' | 'left'>('right', 'left'))), ([a, side]) => {
        const [u, p] = polar(a, { side });
        const product = side === 'right' ? matmul(u, p) : matmul(p, u);
        const tol = 100 * a.shape[0] * EPS.complex128 * Math.max(1, maxAbs(a) * a.shape[0]);
        expect(maxAbs(subtract(product, a))).toBeLessThanOrEqual(tol);
        expect(maxAbs(subtract(p, H(p)))).toBeLessThanOrEqual(tol);
        expect(identityError(u)).toBeLessThanOrEqual(tol);
      }),
      { numRuns: 80 },
    );
  });

  it('subspaceAngles of a space with itself are ≈ 0, and lie in [0, π/2]', () => {
    fc.assert(
      fc.property(fc.tuple(matrix(6, 2, 'float64'), matrix(6, 3, 'float64')), ([a, b]) => {
        for (const t of subspaceAngles(a, b).toArray() as number[]) {
          expect(t).toBeGreaterThanOrEqual(0);
          expect(t).toBeLessThanOrEqual(Math.PI / 2);
        }
        // SciPy's formula takes arccos near 1 for part of the angles: √ε accuracy there
        for (const t of subspaceAngles(a, a).toArray() as number[]) expect(t).toBeLessThanOrEqual(1e-7);
      }),
      { numRuns: 60 },
    );
  });
});

describe('least squares: scales, sizes and the finite check', () => {
  it('lstsq is scale-invariant: tiny and huge matrices give the same solution (to rounding)', () => {
    const a = [[1, 2], [3, 4], [5, 7]];
    const b = [1, 2, 4];
    const [x] = lstsq(a, b);
    for (const s of [1e-150, 1e150]) {
      const [xs, , rank] = lstsq(a.map((r) => r.map((v) => v * s)), b.map((v) => v * s));
      expect(rank).toBe(2);
      expect(maxAbs(subtract(xs, x))).toBeLessThan(1e-13);
    }
  });

  it('lstsq of a 1×1 system, and of a zero matrix (rank 0, x = 0, s = 0)', () => {
    const [x, res, rank, s] = lstsq([[4]], [2]);
    expect(x.toArray()).toEqual([0.5]);
    expect(res.shape).toEqual([0]);
    expect(rank).toBe(1);
    expect((s as NDArray).toArray()).toEqual([4]);
    const [x0, , r0, s0] = lstsq([[0, 0], [0, 0]], [1, 1]);
    expect(x0.toArray()).toEqual([0, 0]);
    expect(r0).toBe(0);
    expect((s0 as NDArray).toArray()).toEqual([0, 0]);
  });

  it('float32 stays float32 (x, residues, s), and a stack gives rank as int64', () => {
    const a = new NDArray(Float32Array.from([1, 2, 3, 4, 5, 7, 1, 0, 0, 1, 1, 1]), [2, 3, 2], 'float32');
    const b = new NDArray(Float32Array.from([1, 2, 4, 1, 1, 1]), [2, 3, 1], 'float32');
    const [x, res, rank, s] = lstsq(a, b);
    expect([x.dtype, res.dtype, (s as NDArray).dtype]).toEqual(['float32', 'float32', 'float32']);
    expect(x.shape).toEqual([2, 2, 1]);
    expect((rank as NDArray).dtype).toBe('int64');
    expect((rank as NDArray).shape).toEqual([2]);
  });

  it('NaN/Inf: refused with checkFinite (the default), accepted without (an infinity gives NaN results)', () => {
    const bad = [[1, Infinity], [0, 1], [1, 1]];
    const rejects = (call: () => unknown, argument: string) => expect(call).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument }));
    rejects(() => lstsq(bad, [1, 2, 3]), 'a');
    rejects(() => lstsq([[1], [2]], [Number.NaN, 1]), 'b');
    rejects(() => pinv(bad), 'a');
    rejects(() => nullSpace(bad), 'A');
    rejects(() => orth(bad), 'A');
    rejects(() => polar(bad), 'a');
    rejects(() => orthogonalProcrustes(bad, bad), 'A');
    rejects(() => subspaceAngles(bad, bad), 'A');
    const [x] = lstsq(bad, [1, 2, 3], { checkFinite: false });
    expect(Number.isNaN((x.toArray() as number[])[0])).toBe(true);
    expect(Number.isNaN(maxAbs(pinv(bad, { checkFinite: false })))).toBe(true);
  });

  it('never writes into its inputs', () => {
    const data = Float64Array.from([1, 2, 3, 4, 5, 7]);
    const a = new NDArray(data, [3, 2], 'float64');
    const before = data.slice();
    lstsq(a, [1, 2, 3], { overwriteA: true, overwriteB: true });
    pinv(a);
    nullSpace(a, { overwriteA: true });
    polar(a);
    orthogonalProcrustes(a, a);
    expect(data).toEqual(before);
  });
});

describe('least squares: bad input', () => {
  const rejects = (call: () => unknown, name: string, argument: string) => expect(call).toThrow(expect.objectContaining({ name, argument }));
  const a = [[1, 2], [3, 4], [5, 6]];

  it('checks shapes (ShapeError naming the argument)', () => {
    rejects(() => lstsq([1, 2, 3], [1, 2, 3]), 'ShapeError', 'a');
    rejects(() => lstsq(a, [1, 2]), 'ShapeError', 'b');
    rejects(() => lstsq(a, 1), 'ShapeError', 'b');
    rejects(() => pinv([1, 2]), 'ShapeError', 'a');
    rejects(() => nullSpace([1, 2]), 'ShapeError', 'A');
    rejects(() => orthogonalProcrustes(a, [[1, 2, 3]]), 'ShapeError', 'B');
    rejects(() => subspaceAngles(a, [[1], [2]]), 'ShapeError', 'B');
    rejects(() => khatriRao(a, [[1, 2, 3]]), 'ShapeError', 'b');
    rejects(() => khatriRao([1, 2], a), 'ShapeError', 'a');
  });

  it('checks option values (InvalidArgumentError naming the option)', () => {
    rejects(() => lstsq(a, [1, 2, 3], { lapackDriver: 'gelsx' as 'gelsd' }), 'InvalidArgumentError', 'lapackDriver');
    rejects(() => lstsq(a, [1, 2, 3], { cond: 'small' as unknown as number }), 'InvalidArgumentError', 'cond');
    rejects(() => lstsq(a, [1, 2, 3], { overwriteA: 1 as unknown as boolean }), 'InvalidArgumentError', 'overwriteA');
    rejects(() => pinv(a, { atol: -1 }), 'InvalidArgumentError', 'atol');
    rejects(() => pinv(a, { rtol: -1 }), 'InvalidArgumentError', 'rtol');
    rejects(() => pinv(a, { returnRank: 'yes' as unknown as boolean }), 'InvalidArgumentError', 'returnRank');
    rejects(() => nullSpace(a, { lapackDriver: 'gesvj' as 'gesdd' }), 'InvalidArgumentError', 'lapackDriver');
    rejects(() => polar(a, { side: 'up' as 'left' }), 'InvalidArgumentError', 'side');
    rejects(() => orth(a, { tol: 1 } as object), 'InvalidArgumentError', 'tol');
  });

  it('refuses a stack whose slices have different ranks for orth/nullSpace (their bases would not stack, as in SciPy)', () => {
    const stack = [[[1, 0], [0, 1]], [[1, 1], [1, 1]]];
    rejects(() => orth(stack), 'ShapeError', 'A');
    rejects(() => nullSpace(stack), 'ShapeError', 'A');
  });
});
