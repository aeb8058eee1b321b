/**
 * The Fréchet derivative of the matrix exponential, L(A, E) = d/dt e^{A + tE} at t = 0, by
 * Al-Mohy & Higham, "Computing the Fréchet derivative of the matrix exponential, with an
 * application to condition number estimation", SIAM J. Matrix Anal. Appl. 30(4), 2009,
 * Algorithm 6.4 (SciPy's 'SPS'): the Padé approximant r_m and its derivative from the same
 * powers of A, with the 1-norm thresholds ℓ_m of the paper's Table 6.1, then s squarings
 * L ← R L + L R, R ← R². Always in double precision, as SciPy (its identity is float64).
 */
import type { Float } from '../stack.js';
import { combine, luFactorOf, luSolveInPlace, matmul, norm1, type Square, scaleInPlace } from './dense.js';

/** ℓ_m of Table 6.1 (m = 3, 5, 7, 9, 13): the largest ‖A‖₁ for which degree m is used unscaled. */
const ELL: Readonly<Record<number, number>> = { 3: 1.08e-2, 5: 2.0e-1, 7: 7.83e-1, 9: 1.78, 13: 4.74 };

const B: Readonly<Record<number, readonly number[]>> = {
  3: [120, 60, 12, 1],
  5: [30240, 15120, 3360, 420, 30, 1],
  7: [17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1],
  9: [17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1],
  13: [
    64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000, 10559470521600, 670442572800, 33522128640,
    1323241920, 40840800, 960960, 16380, 182, 1,
  ],
};

/** X Y + Y' X' style sums of two products. */
function sumOfProducts(f: Square, a: Float, b: Float, c: Float, d: Float): Float {
  return combine(f, [
    [1, matmul(f, a, b)],
    [1, matmul(f, c, d)],
  ]);
}

/** U, V (odd and even parts of the Padé numerator) and their derivatives Lu, Lv in the direction E. */
function differentiatedPade(f: Square, m: number, a: Float, e: Float): { u: Float; v: Float; lu: Float; lv: Float } {
  const b = B[m];
  const a2 = matmul(f, a, a);
  const m2 = sumOfProducts(f, a, e, e, a);
  if (m === 13) {
    const a4 = matmul(f, a2, a2);
    const m4 = sumOfProducts(f, a2, m2, m2, a2);
    const a6 = matmul(f, a2, a4);
    const m6 = sumOfProducts(f, a4, m2, m4, a2);
    const w1 = combine(f, [[b[13], a6], [b[11], a4], [b[9], a2]]);
    const w2 = combine(f, [[b[7], a6], [b[5], a4], [b[3], a2]], b[1]);
    const z1 = combine(f, [[b[12], a6], [b[10], a4], [b[8], a2]]);
    const z2 = combine(f, [[b[6], a6], [b[4], a4], [b[2], a2]], b[0]);
    const w = combine(f, [[1, matmul(f, a6, w1)], [1, w2]]);
    const lw1 = combine(f, [[b[13], m6], [b[11], m4], [b[9], m2]]);
    const lw2 = combine(f, [[b[7], m6], [b[5], m4], [b[3], m2]]);
    const lz1 = combine(f, [[b[12], m6], [b[10], m4], [b[8], m2]]);
    const lz2 = combine(f, [[b[6], m6], [b[4], m4], [b[2], m2]]);
    const lw = combine(f, [[1, matmul(f, a6, lw1)], [1, matmul(f, m6, w1)], [1, lw2]]);
    return {
      u: matmul(f, a, w),
      v: combine(f, [[1, matmul(f, a6, z1)], [1, z2]]),
      lu: sumOfProducts(f, a, lw, e, w),
      lv: combine(f, [[1, matmul(f, a6, lz1)], [1, matmul(f, m6, z1)], [1, lz2]]),
    };
  }
  // powers A^{2k} and their derivatives M_{2k}, k = 1 … (m − 1) / 2
  const powers = [a2];
  const derivatives = [m2];
  for (let k = 2; 2 * k < m + 1; k++) {
    const half = Math.floor(k / 2);
    const [p, q] = [powers[half - 1], powers[k - half - 1]];
    const [dp, dq] = [derivatives[half - 1], derivatives[k - half - 1]];
    powers.push(matmul(f, p, q));
    // SciPy's order of the two products: A⁴M₂ + M₄A² for M₆
    derivatives.push(sumOfProducts(f, q, dp, dq, p));
  }
  const odd = combine(
    f,
    powers.map((p, k) => [b[2 * k + 3], p] as const),
    b[1],
  );
  const oddDerivative = combine(
    f,
    derivatives.map((d, k) => [b[2 * k + 3], d] as const),
  );
  return {
    u: matmul(f, a, odd),
    v: combine(
      f,
      powers.map((p, k) => [b[2 * k + 2], p] as const),
      b[0],
    ),
    lu: sumOfProducts(f, a, oddDerivative, e, odd),
    lv: combine(
      f,
      derivatives.map((d, k) => [b[2 * k + 2], d] as const),
    ),
  };
}

/** [e^A, L(A, E)] for n×n A and E of type `f` (double precision). */
export function expmFrechetOf(f: Square, a: Float, e: Float): [Float, Float] {
  const normA = norm1(f, a);
  let m = [3, 5, 7, 9].find((d) => normA <= ELL[d]);
  let s = 0;
  let [as, es] = [a, e];
  if (m === undefined) {
    m = 13;
    const v = Math.ceil(Math.log2(normA / ELL[13]));
    s = Number.isFinite(v) && v > 0 ? v : 0;
    as = scaleInPlace(a.slice(), 2 ** -s);
    es = scaleInPlace(e.slice(), 2 ** -s);
  }
  const { u, v, lu, lv } = differentiatedPade(f, m, as, es);
  const factors = luFactorOf(
    f,
    combine(f, [
      [1, v],
      [-1, u],
    ]),
  );
  let r = luSolveInPlace(
    f,
    factors,
    combine(f, [
      [1, u],
      [1, v],
    ]),
  );
  const luMinusLv = combine(f, [
    [1, lu],
    [-1, lv],
  ]);
  let l = luSolveInPlace(f, factors, combine(f, [[1, lu], [1, lv], [1, matmul(f, luMinusLv, r)]]));
  for (let k = 0; k < s; k++) {
    l = sumOfProducts(f, r, l, l, r);
    r = matmul(f, r, r);
  }
  return [r, l];
}
