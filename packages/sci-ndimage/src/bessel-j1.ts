/**
 * The Bessel function of the first kind of order 1, J1(x), to about 1e-16 absolute:
 * - |x| < 1: its power series Σ (−1)^k (x/2)^{2k+1} / (k!(k+1)!) (no cancellation there,
 *   so also relatively exact);
 * - 1 ≤ |x| < 30: Bessel's integral J1(x) = (1/2π)∫ cos(τ − x sin τ) dτ over one period by
 *   the trapezoidal rule, which converges geometrically for periodic analytic integrands:
 *   with M points its error is the sum of J_{1±kM}(x), negligible once M > |x| + 40
 *   (Trefethen & Weideman 2014, "The exponentially convergent trapezoidal rule");
 * - |x| ≥ 30: Hankel's asymptotic expansion √(2/πx)(P cos χ − Q sin χ), χ = x − 3π/4
 *   (Abramowitz & Stegun 9.2.5–9.2.10), summed while its terms shrink (the smallest is
 *   about e^{−2x}).
 */
export function besselJ1(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x < 0) return -besselJ1(-x);
  if (x < 1) return series(x);
  if (x < 30) return trapezoid(x);
  if (x === Number.POSITIVE_INFINITY) return 0;
  return asymptotic(x);
}

function series(x: number): number {
  const h = x / 2;
  const h2 = h * h;
  let term = h;
  let sum = h;
  for (let k = 1; k < 20; k++) {
    term *= -h2 / (k * (k + 1));
    sum += term;
  }
  return sum;
}

function trapezoid(x: number): number {
  const m = Math.ceil(x) + 40;
  let sum = 0;
  for (let j = 0; j < m; j++) {
    const tau = (2 * Math.PI * j) / m;
    sum += Math.cos(tau - x * Math.sin(tau));
  }
  return sum / m;
}

function asymptotic(x: number): number {
  // a_k = Π_{j ≤ k} (4 − (2j − 1)²) / (k! (8x)^k); P takes the even k, Q the odd, alternating
  let p = 1;
  let q = 0;
  let term = 1;
  let previous = Number.POSITIVE_INFINITY;
  for (let k = 1; k < 200; k++) {
    term *= (4 - (2 * k - 1) ** 2) / (k * 8 * x);
    const size = Math.abs(term);
    if (size >= previous || size < 1e-17) break;
    previous = size;
    const sign = Math.floor(k / 2) % 2 === 0 ? 1 : -1;
    if (k % 2 === 0) p += sign * term;
    else q += sign * term;
  }
  const chi = x - 0.75 * Math.PI;
  return Math.sqrt(2 / (Math.PI * x)) * (p * Math.cos(chi) - q * Math.sin(chi));
}
