/**
 * SciPy's 1-D Gaussian kernel and its derivatives: φ(x) = exp(−x²/2σ²) normalised to sum
 * 1 on x = −radius…radius; the n-th derivative is q(x)·φ(x) with the polynomial q built by
 * applying q ↦ q′ − q·x/σ² n times. Sums use NumPy's pairwise order so the kernel's
 * digits match.
 */
import { expCorrect } from './exp.js';

/** NumPy's pairwise summation of `a[start, start + n)` (8 accumulators, blocks of 128). */
export function pairwiseSum(a: Float64Array, start = 0, n = a.length): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i];
    return res;
  }
  if (n <= 128) {
    const r = a.slice(start, start + 8);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += a[start + i + j];
    let res = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) res += a[start + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2) + pairwiseSum(a, start + n2, n - n2);
}

/** The kernel of `order` (0: the Gaussian itself) for `sigma` on −radius…radius. */
export function gaussianKernel1d(sigma: number, order: number, radius: number): Float64Array {
  const sigma2 = sigma * sigma;
  const size = 2 * radius + 1;
  const phi = new Float64Array(size);
  const scale = -0.5 / sigma2;
  for (let i = 0; i < size; i++) {
    const x = i - radius;
    phi[i] = expCorrect(scale * (x * x));
  }
  const total = pairwiseSum(phi);
  for (let i = 0; i < size; i++) phi[i] /= total;
  if (order === 0) return phi;
  // q's coefficients, lowest power first; q' − q·x/σ² applied `order` times
  let q = new Float64Array(order + 1);
  q[0] = 1;
  for (let step = 0; step < order; step++) {
    const next = new Float64Array(order + 1);
    for (let i = 0; i <= order; i++) {
      const fromLower = i >= 1 ? q[i - 1] * (1 / -sigma2) : 0;
      const fromHigher = i < order ? (i + 1) * q[i + 1] : 0;
      next[i] = fromLower + fromHigher;
    }
    q = next;
  }
  const kernel = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const x = i - radius;
    let poly = 0;
    let power = 1;
    for (let k = 0; k <= order; k++) {
      poly += power * q[k];
      power *= x;
    }
    kernel[i] = poly * phi[i];
  }
  return kernel;
}
