/**
 * The matrix exponential of one n×n matrix by scaling and squaring with a Padé approximant
 * of degree 3, 5, 7, 9 or 13, as chosen by Al-Mohy & Higham, "A new scaling and squaring
 * algorithm for the matrix exponential", SIAM J. Matrix Anal. Appl. 31(3), 2009
 * (Algorithm 6.1), with SciPy's choices: exact 1-norms of A⁴, A⁶, A⁸, A¹⁰ for η, and the
 * 1-norm of |A|^(2m+1) (by powers of |A| applied to a vector of ones) for the backward-error
 * correction ℓ; the same θ table for single and double precision, with u = 2⁻²⁴ or 2⁻⁵³.
 * Diagonal matrices take the exponential of their diagonal; triangular ones recompute the
 * diagonal and first off-diagonal exactly at every squaring (the paper's Code Fragment 2.1).
 */
import { cdiv } from '../kernels/complex.js';
import { bandwidthOf } from '../structure.js';
import type { Float } from '../stack.js';
import { combine, luFactorOf, luSolveInPlace, matmul, norm1, type Square, scaleInPlace, zeros } from './dense.js';

/** θₘ, the largest ‖2⁻ˢA‖ for which degree m keeps the backward error below u (m = 3, 5, 7, 9, 13). */
const THETA = [1.495585217958292e-2, 2.53939833006323e-1, 9.504178996162932e-1, 2.097847961257068, 4.25];
/** The ratios |c_{2m+1}| / … of the paper's ℓ function, before multiplying by u, for m = 3, 5, 7, 9, 13. */
const ELL = [100800, 10059033600, 4487938430976000, 5.914384781877412e21, 1.1325077560602111e35];

/** Padé numerator coefficients b₀ … bₘ (bₘ = 1 is implied) for each degree. */
const PADE: Readonly<Record<number, readonly number[]>> = {
  3: [120, 60, 12],
  5: [30240, 15120, 3360, 420, 30],
  7: [17297280, 8648640, 1995840, 277200, 25200, 1512, 56],
  9: [17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90],
  13: [
    64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000, 10559470521600, 670442572800, 33522128640,
    1323241920, 40840800, 960960, 16380, 182,
  ],
};

/** exp(x) for a complex x = (re, im). */
export function cexp(re: number, im: number): [number, number] {
  const r = Math.exp(re);
  return im === 0 ? [r, 0] : [r * Math.cos(im), r * Math.sin(im)];
}

/** Powers of |A| applied to ones, for ‖|A|ᵏ‖₁ = max of |A|ᵀᵏ·1 (|A| is non-negative, so this is exact). */
class AbsPowers {
  private readonly abs: Float64Array;
  private v: Float64Array;
  power = 0;

  constructor(
    private readonly f: Square,
    a: Float,
  ) {
    const { n, lanes } = f;
    this.abs = new Float64Array(n * n);
    for (let p = 0; p < n * n; p++) this.abs[p] = lanes === 1 ? Math.abs(a[p]) : Math.hypot(a[2 * p], a[2 * p + 1]);
    this.v = new Float64Array(n).fill(1);
  }

  /** Applies |A|ᵀ until `power` applications are done; returns max of the vector (‖|A|^power‖₁). */
  normOfPower(power: number): number {
    const { n } = this.f;
    while (this.power < power) {
      const next = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const vi = this.v[i];
        if (vi === 0) continue;
        for (let j = 0; j < n; j++) next[j] += this.abs[i * n + j] * vi;
      }
      this.v = next;
      this.power++;
    }
    let best = 0;
    for (const x of this.v) if (x > best) best = x;
    return best;
  }

  /** Rescales as if A had been multiplied by c (|A| by c, the vector by c^power). */
  scale(c: number): void {
    for (let p = 0; p < this.abs.length; p++) this.abs[p] *= c;
    const cp = c ** this.power;
    for (let i = 0; i < this.v.length; i++) this.v[i] *= cp;
  }
}

/** ⌈log₂ x⌉ clamped below at 0, with non-finite x (NaN or infinite norms) giving 0 as SciPy's C cast does. */
function ceilLog2(x: number, divisor = 1): number {
  const v = Math.ceil(Math.log2(x) / divisor);
  return Number.isFinite(v) && v > 0 ? v : 0;
}

/** The degree m and the scaling s (Algorithm 6.1 as SciPy implements it); the powers it formed. */
function choosePade(f: Square, a: Float, u: number): { m: number; s: number; powers: Float[] } {
  const abs = new AbsPowers(f, a);
  const normA = abs.normOfPower(1);
  const a2 = matmul(f, a, a);
  const a4 = matmul(f, a2, a2);
  const a6 = matmul(f, a4, a2);
  const d4 = norm1(f, a4) ** 0.25;
  const d6 = norm1(f, a6) ** (1 / 6);
  // ℓ(m): the extra scaling that keeps the backward error of degree m below u
  const ell = (k: number, power: number) => ceilLog2(abs.normOfPower(power) / normA / (u * ELL[k]), power - 1);
  const eta1 = Math.max(d4, d6);
  if (eta1 < THETA[0] && ell(0, 7) === 0) return { m: 3, s: 0, powers: [a, a2] };
  if (eta1 < THETA[1] && ell(1, 11) === 0) return { m: 5, s: 0, powers: [a, a2, a4] };
  const a8 = matmul(f, a4, a4);
  const d8 = norm1(f, a8) ** 0.125;
  const eta2 = Math.max(d6, d8);
  if (eta2 < THETA[2] && ell(2, 15) === 0) return { m: 7, s: 0, powers: [a, a2, a4, a6] };
  if (eta2 < THETA[3] && ell(3, 19) === 0) return { m: 9, s: 0, powers: [a, a2, a4, a6, a8] };
  const d10 = norm1(f, matmul(f, a6, a4)) ** 0.1;
  const eta4 = Math.min(eta2, Math.max(d8, d10));
  let s = ceilLog2(eta4 / THETA[4]);
  if (s !== 0) abs.scale(2 ** -s);
  // the ℓ of degree 13 is computed for the scaled matrix, from the 19th power onwards
  const normScaled = normA * 2 ** -s;
  s += ceilLog2(abs.normOfPower(27) / normScaled / (u * ELL[4]), 26);
  if (s !== 0) {
    scaleInPlace(a, 2 ** -s);
    scaleInPlace(a2, 2 ** (-2 * s));
    scaleInPlace(a4, 2 ** (-4 * s));
    scaleInPlace(a6, 2 ** (-6 * s));
  }
  return { m: 13, s, powers: [a, a2, a4, a6] };
}

/** r_m(A) = (V − U)⁻¹ (V + U) = I + 2 (V − U)⁻¹ U from the numerator's odd (U) and even (V) parts. */
function padeApproximant(f: Square, m: number, powers: readonly Float[]): Float {
  const b = PADE[m];
  const [a, a2, a4, a6, a8] = powers;
  let u: Float;
  let v: Float;
  if (m === 13) {
    const w = matmul(f, a6, combine(f, [[1, a6], [b[11], a4], [b[9], a2]]));
    u = matmul(f, a, combine(f, [[1, w], [b[7], a6], [b[5], a4], [b[3], a2]], b[1]));
    const z = matmul(f, a6, combine(f, [[b[12], a6], [b[10], a4], [b[8], a2]]));
    v = combine(f, [[1, z], [b[6], a6], [b[4], a4], [b[2], a2]], b[0]);
  } else {
    // even powers A², A⁴, …, Aᵐ⁻¹ with coefficients b₂ₖ (V) and b₂ₖ₊₁ (U), bₘ = 1
    const even = [a2, a4, a6, a8].slice(0, (m - 1) / 2);
    const odd = even.map((p, k) => [k === even.length - 1 ? 1 : b[2 * k + 3], p] as const);
    u = matmul(f, a, combine(f, odd, b[1]));
    v = combine(
      f,
      even.map((p, k) => [b[2 * k + 2], p] as const),
      b[0],
    );
  }
  const vMinusU = combine(f, [
    [1, v],
    [-1, u],
  ]);
  const x = luSolveInPlace(f, luFactorOf(f, vMinusU), u);
  scaleInPlace(x, 2);
  for (let i = 0; i < f.n; i++) x[f.lanes * (i * f.n + i)] += 1;
  return x;
}

/** exp of the diagonal of `a` into `out`'s diagonal, each element times `scale`. */
function setExpDiagonal(f: Square, a: Float, out: Float, scale: number): void {
  for (let i = 0; i < f.n; i++) {
    const p = f.lanes * (i * f.n + i);
    if (f.lanes === 1) out[p] = Math.exp(a[p] * scale);
    else [out[p], out[p + 1]] = cexp(a[p] * scale, a[p + 1] * scale);
  }
}

/**
 * The first off-diagonal (sub- when `lower`) of exp(c·A) for triangular A: (e^{λ₂} − e^{λ₁}) / (λ₂ − λ₁)
 * times c·a₁₂, or e^{λ₁}·c·a₁₂ for equal λ (Higham, Functions of Matrices, (10.42)).
 */
function setExpOffDiagonal(f: Square, a: Float, out: Float, c: number, lower: boolean): void {
  const { n, lanes } = f;
  for (let i = 0; i + 1 < n; i++) {
    const p1 = lanes * (i * n + i);
    const p2 = lanes * ((i + 1) * n + i + 1);
    const off = lanes * (lower ? (i + 1) * n + i : i * n + i + 1);
    if (lanes === 1) {
      const l1 = a[p1] * c;
      const l2 = a[p2] * c;
      const d = l2 - l1;
      const ratio = d === 0 ? Math.exp(l1) : (Math.exp(l2) - Math.exp(l1)) / d;
      out[off] = ratio * (a[off] * c);
    } else {
      const [e1r, e1i] = cexp(a[p1] * c, a[p1 + 1] * c);
      const [e2r, e2i] = cexp(a[p2] * c, a[p2 + 1] * c);
      const dr = (a[p2] - a[p1]) * c;
      const di = (a[p2 + 1] - a[p1 + 1]) * c;
      const [rr, ri] = dr === 0 && di === 0 ? [e1r, e1i] : cdiv(e2r - e1r, e2i - e1i, dr, di);
      const xr = a[off] * c;
      const xi = a[off + 1] * c;
      out[off] = rr * xr - ri * xi;
      out[off + 1] = rr * xi + ri * xr;
    }
  }
}

/** exp(A) of the n×n matrix `a` (not modified) in `f`'s type and precision. */
export function expmOf(f: Square, a: Float): Float {
  const { n, lanes } = f;
  const [below, above] = bandwidthOf(a, 0, n, n, lanes);
  if (below === 0 && above === 0) {
    const out = zeros(f);
    setExpDiagonal(f, a, out, 1);
    return out;
  }
  const u = f.dtype === 'float32' || f.dtype === 'complex64' ? 2 ** -24 : 2 ** -53;
  const { m, s, powers } = choosePade(f, a.slice(), u);
  let r = padeApproximant(f, m, powers);
  const triangular = below === 0 || above === 0;
  if (s !== 0 && triangular) {
    // Code Fragment 2.1: the diagonal and first off-diagonal recomputed from A at each step
    setExpDiagonal(f, a, r, 2 ** -s);
    for (let i = s - 1; i >= 0; i--) {
      r = matmul(f, r, r);
      setExpDiagonal(f, a, r, 2 ** -i);
      setExpOffDiagonal(f, a, r, 2 ** -i, above === 0);
    }
  } else {
    for (let k = 0; k < s; k++) r = matmul(f, r, r);
  }
  if (triangular) keepTriangle(f, r, above === 0);
  return r;
}

/** Zeros the strict upper (lower = true) or lower triangle. */
function keepTriangle(f: Square, x: Float, lower: boolean): void {
  const { n, lanes } = f;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (lower ? j > i : j < i) {
        x[lanes * (i * n + j)] = 0;
        if (lanes === 2) x[lanes * (i * n + j) + 1] = 0;
      }
    }
  }
}
