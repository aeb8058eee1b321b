/**
 * The Bessel function of the first kind of order 1, J1(x), to about 1e-16 absolute:
 * - |x| < 1: its power series Σ (−1)^k (x/2)^{2k+1} / (k!(k+1)!) (no cancellation there,
 *   so also relatively exact);
 * - 1 ≤ |x| < 30: Miller's backward recurrence J_{k−1} = (2k/x)·J_k − J_{k+1} from an order
 *   well above x, normalised by J0 + 2·Σ J_{2k} = 1 (J. C. P. Miller, 1952; the recurrence is
 *   stable downwards, and starting √(160·x) orders above x leaves an error below 1e-16);
 * - |x| ≥ 30: Hankel's asymptotic expansion √(2/πx)(P cos χ − Q sin χ), χ = x − 3π/4
 *   (Abramowitz & Stegun 9.2.5–9.2.10), summed while its terms shrink (the smallest is
 *   about e^{−2x}).
 */
export function besselJ1(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x < 0) return -besselJ1(-x);
  if (x < 1) return series(x);
  if (x < 30) return backwardRecurrence(x);
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

function backwardRecurrence(x: number): number {
  const top = 2 * Math.ceil((x + Math.sqrt(160 * x)) / 2);
  const twoOverX = 2 / x;
  let above = 0; // J_{k+1}
  let at = 1e-30; // J_k, unnormalised
  let evenSum = 0; // Σ J_{2k}, k ≥ 1
  let j1 = 0;
  for (let k = top; k > 0; k--) {
    const below = k * twoOverX * at - above;
    above = at;
    at = below;
    // at is now J_{k−1}
    if ((k - 1) % 2 === 0 && k - 1 > 0) evenSum += at;
    if (k - 1 === 1) j1 = at;
    if (Math.abs(at) > 1e250) {
      // rescale everything kept, so nothing overflows
      at *= 1e-250;
      above *= 1e-250;
      evenSum *= 1e-250;
      j1 *= 1e-250;
    }
  }
  return j1 / (at + 2 * evenSum);
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
