/**
 * Complex log-gamma and the Pochhammer symbol, as the FFTLog coefficients need them.
 *
 * loggamma(z): the principal branch (continuous from the positive real axis, the one
 * scipy.special.loggamma returns), computed by region as in D. E. G. Hare, "Computing
 * the principal branch of log-Gamma", J. Algorithms 25 (1997) 221–236: Stirling's
 * asymptotic series (DLMF 5.11.1) where Re z > 7 or |Im z| > 7, Taylor series around
 * z = 1 and 2, the reflection formula for Re z < 0.1, and the upward recurrence
 * (one logarithm of a product, with the branch tracked) elsewhere.
 *
 * poch(x, m) = Γ(x + m) / Γ(x), with the limits at the poles that Cephes' `poch`
 * (used by SciPy) defines: the integer steps of m are taken exactly by recurrence
 * first, then the remaining ratio comes from log-gamma values and signs.
 */

/** Bernoulli numbers B_2k / (2k (2k-1)), k = 1…10: the Stirling series coefficients. */
const STIRLING = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360360,
  1 / 156,
  -3617 / 122400,
  43867 / 244188,
  -174611 / 125400,
];
const HALF_LOG_2PI = 0.9189385332046728;
const LOG_PI = 1.1447298858494002;

export type Complex = [re: number, im: number];

function clog(re: number, im: number): Complex {
  return [Math.log(Math.hypot(re, im)), Math.atan2(im, re)];
}

/** Stirling's series, used where Re z > 7 or |Im z| > 7 (ten terms reach double precision there). */
function stirling(re: number, im: number): Complex {
  const [lr, li] = clog(re, im);
  // (z - 1/2) log z - z + log(2π)/2
  let sr = (re - 0.5) * lr - im * li - re + HALF_LOG_2PI;
  let si = (re - 0.5) * li + im * lr - im;
  // Σ c_k / z^(2k-1), by Horner in w = 1/z²: (1/z)(c1 + w(c2 + w(c3 + …)))
  const d = re * re + im * im;
  const zr = re / d; // 1/z
  const zi = -im / d;
  const wr = zr * zr - zi * zi; // 1/z²
  const wi = 2 * zr * zi;
  let pr = STIRLING[STIRLING.length - 1];
  let pi = 0;
  for (let k = STIRLING.length - 2; k >= 0; k--) {
    const tr = pr * wr - pi * wi + STIRLING[k];
    pi = pr * wi + pi * wr;
    pr = tr;
  }
  sr += pr * zr - pi * zi;
  si += pr * zi + pi * zr;
  return [sr, si];
}

/** (-1)^k ζ(k)/k for k = 2…24: the Taylor series of log Γ(1 + w) = -γw + Σ c_k w^k. */
const TAYLOR = [
  0.8224670334241132, -0.40068563438653143, 0.27058080842778454, -0.20738555102867398,
  0.1695571769974082, -0.1440498967688461, 0.12550966952474304, -0.11133426586956469,
  0.1000994575127818, -0.09095401714582904, 0.083353840546109, -0.0769325164113522,
  0.07143294629536133, -0.06666870588242046, 0.06250095514121304, -0.058823978658684585,
  0.055555767627403614, -0.05263167937961666, 0.05000004769810169, -0.047619070330142226,
  0.04545455629320467, -0.04347826605304026, 0.04166666915034121,
];
const EULER_GAMMA = 0.5772156649015329;
/** Below this |Re z| and |Im z| the asymptotic series is not used directly (Hare 1997). */
const STIRLING_REGION = 7;
const TAYLOR_RADIUS = 0.2;

/** log Γ(1 + w) for |w| <= 0.2 by its Taylor series (Horner). */
function taylorAtOne(wr: number, wi: number): Complex {
  let pr = TAYLOR[TAYLOR.length - 1];
  let pi = 0;
  for (let k = TAYLOR.length - 2; k >= 0; k--) {
    const tr = pr * wr - pi * wi + TAYLOR[k];
    pi = pr * wi + pi * wr;
    pr = tr;
  }
  // w·(-γ + w·P(w))
  const qr = pr * wr - pi * wi - EULER_GAMMA;
  const qi = pr * wi + pi * wr;
  return [qr * wr - qi * wi, qr * wi + qi * wr];
}

/**
 * Upward recurrence for Im z >= 0: log Γ(z) = log Γ(z + m) - log(z (z+1) … (z+m-1)).
 * The product is formed first and its logarithm taken once; every time the running
 * product crosses the negative real axis its principal argument loses 2π, which is
 * added back (Hare 1997, Proposition 2.2).
 */
function recurrence(re: number, im: number): Complex {
  let pr = re;
  let pi = im;
  let crossings = 0;
  let wasNegative = false;
  let x = re + 1;
  while (x <= STIRLING_REGION) {
    const tr = pr * x - pi * im;
    pi = pr * im + pi * x;
    pr = tr;
    const negative = pi < 0 || Object.is(pi, -0);
    if (negative && !wasNegative) crossings++;
    wasNegative = negative;
    x += 1;
  }
  const [sr, si] = stirling(x, im);
  const [lr, li] = clog(pr, pi);
  return [sr - lr, si - li - 2 * Math.PI * crossings];
}

/**
 * Complex log-gamma on the principal branch (continuous from the positive real axis,
 * as scipy.special.loggamma). The regions follow D. E. G. Hare, "Computing the principal
 * branch of log-Gamma", J. Algorithms 25 (1997): Stirling's series away from the origin,
 * Taylor series around 1 and 2, the reflection formula on the left, the upward recurrence
 * elsewhere.
 */
export function loggamma(re: number, im: number): Complex {
  if (Number.isNaN(re) || Number.isNaN(im)) return [Number.NaN, Number.NaN];
  if (im === 0 && re <= 0 && Number.isInteger(re)) return [Number.NaN, Number.NaN]; // poles
  if (re > STIRLING_REGION || Math.abs(im) > STIRLING_REGION) return stirling(re, im);
  if (Math.hypot(re - 1, im) <= TAYLOR_RADIUS) return taylorAtOne(re - 1, im);
  if (Math.hypot(re - 2, im) <= TAYLOR_RADIUS) {
    // log Γ(z) = log(z - 1) + log Γ(z - 1), z - 1 near 1
    const [lr, li] = clog(re - 1, im);
    const [tr, ti] = taylorAtOne(re - 2, im);
    return [lr + tr, li + ti];
  }
  if (re < 0.1) {
    // reflection, with the multiple of 2πi that keeps the principal branch (Hare 1997, Prop. 3.1)
    const turn = (im < 0 || Object.is(im, -0) ? -2 : 2) * Math.PI * Math.floor(0.5 * re + 0.25);
    const [sr, si] = clogSinPi(re, im);
    const [gr, gi] = loggamma(1 - re, -im);
    return [LOG_PI - sr - gr, turn - si - gi];
  }
  if (im < 0 || Object.is(im, -0)) {
    const [r, i] = recurrence(re, -im);
    return [r, -i];
  }
  return recurrence(re, im);
}

/** log(sin(π z)) for the reflection formula; sin(πx) and cos(πx) from x reduced exactly, large |Im z| without overflow. */
function clogSinPi(re: number, im: number): Complex {
  // sin(π(x+iy)) = sin(πx)cosh(πy) + i cos(πx)sinh(πy)
  const x = re - 2 * Math.round(re / 2); // period 2, exact
  const s = Math.sin(Math.PI * x);
  const c = Math.cos(Math.PI * x);
  const y = Math.PI * im;
  if (Math.abs(y) < 20) return clog(s * Math.cosh(y), c * Math.sinh(y));
  // factor e^{|y|}/2 out: sin(πz) = (e^{|y|}/2)(s (1 + e) + i·sign(y)·c (1 - e)), e = e^{-2|y|}
  const e = Math.exp(-2 * Math.abs(y));
  const [lr, li] = clog(s * (1 + e), Math.sign(y) * c * (1 - e));
  return [lr + Math.abs(y) - Math.LN2, li];
}

function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/** Sign of Γ(x) for real x (0 at the poles). */
function gammaSign(x: number): number {
  if (x > 0) return 1;
  if (Number.isInteger(x)) return 0;
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** Pochhammer symbol (x)_m = Γ(x + m) / Γ(x) for real x, m (Cephes' definition at the poles). */
export function poch(x: number, m: number): number {
  let r = 1;
  // take whole steps of m exactly: (x)_m = (x + m - 1)(x)_{m-1}
  while (m >= 1) {
    if (x + m === 1) break;
    m -= 1;
    r *= x + m;
    if (!Number.isFinite(r) || r === 0) break;
  }
  while (m <= -1) {
    if (x + m === 0) break;
    r /= x + m;
    m += 1;
    if (!Number.isFinite(r) || r === 0) break;
  }
  if (m === 0) return r;
  if (isNonPositiveInteger(x + m) && !isNonPositiveInteger(x) && x + m !== m) return Number.POSITIVE_INFINITY;
  if (!isNonPositiveInteger(x + m) && isNonPositiveInteger(x)) return 0;
  const ratio = Math.exp(loggamma(x + m, 0)[0] - loggamma(x, 0)[0]);
  return r * ratio * gammaSign(x + m) * gammaSign(x);
}
