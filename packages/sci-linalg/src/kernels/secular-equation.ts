/**
 * The roots of the secular equation f(λ) = 1/ρ + Σᵢ zᵢ² / (dᵢ − λ) = 0: the eigenvalues of
 * diag(d) + ρ z zᵀ (d strictly ascending, ρ > 0, ‖z‖ ≤ 1), the core of Cuppen's divide and
 * conquer (LAPACK's laed4). Root j lies in (d_j, d_{j+1}) (the last in (d_{k−1}, d_{k−1} + ρ‖z‖²]);
 * it is found relative to the nearer pole d_o as λ = d_o + τ, so that every dᵢ − λ is
 * formed as (dᵢ − d_o) − τ to high relative accuracy, which the Gu–Eisenstat eigenvectors
 * need. Each step solves the rational model of Bunch, Nielsen and Sorensen (the two poles
 * around the root kept exact, the others' sums matched in value and slope), safeguarded by
 * a bracket that bisection falls back on.
 */

const EPS = 2 ** -53;
/** Iterations per root before settling for the bracket's midpoint (bisection alone needs about 1100 in the worst case of double's exponent range, but the bracket starts narrow). */
const MAX_STEPS = 400;

/**
 * Solves for root j of the k-term equation. `delta` receives dᵢ − λ_j for every i (k values);
 * returns λ_j.
 */
export function secularRoot(d: Float64Array, z: Float64Array, k: number, rho: number, j: number, delta: Float64Array): number {
  const rhoInv = 1 / rho;
  const last = j === k - 1;
  // the pole nearer the root is the origin: decided by the sign of f at the interval's midpoint
  let origin = j;
  let lo = 0;
  let hi: number;
  if (last) {
    let zz = 0;
    for (let i = 0; i < k; i++) zz += z[i] * z[i];
    hi = rho * zz;
  } else {
    const half = (d[j + 1] - d[j]) / 2;
    let f = rhoInv;
    for (let i = 0; i < k; i++) f += (z[i] * z[i]) / (d[i] - d[j] - half);
    if (f >= 0) hi = half;
    else {
      origin = j + 1;
      lo = -half;
      hi = 0;
    }
  }
  const base = d[origin];
  for (let i = 0; i < k; i++) delta[i] = d[i] - base;
  // the root's neighbouring poles: j and j+1 inside, the last pole alone for the last root
  const left = last ? k - 1 : j;
  let tau = (lo + hi) / 2;
  for (let step = 0; step < MAX_STEPS; step++) {
    // ψ: the poles left of the root (i ≤ left), φ: those right of it; values and slopes
    let psi = 0;
    let dpsi = 0;
    let phi = 0;
    let dphi = 0;
    let size = 0;
    for (let i = 0; i <= left; i++) {
      const t = z[i] / (delta[i] - tau);
      psi += z[i] * t;
      dpsi += t * t;
      size += Math.abs(z[i] * t);
    }
    for (let i = left + 1; i < k; i++) {
      const t = z[i] / (delta[i] - tau);
      phi += z[i] * t;
      dphi += t * t;
      size += Math.abs(z[i] * t);
    }
    const f = rhoInv + psi + phi;
    // laed4's bound on the rounding error of f
    const error = EPS * (8 * size + 2 * rhoInv + 3 * Math.abs(tau) * (dpsi + dphi));
    if (Math.abs(f) <= error) break;
    // f increases with λ: the root is above τ where f < 0
    if (f < 0) lo = tau;
    else hi = tau;
    const next = tau + modelStep(delta, tau, left, last, rhoInv, psi, dpsi, phi, dphi);
    const mid = (lo + hi) / 2;
    if (hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) {
      tau = mid;
      break;
    }
    tau = next > lo && next < hi ? next : mid;
  }
  for (let i = 0; i < k; i++) delta[i] -= tau;
  return base + tau;
}

/**
 * The step η of the rational model at τ: ψ ≈ p + q/(a − η) about the left pole (a its
 * current distance), φ ≈ r + s/(b − η) about the right one, and 1/ρ + p + r + q/(a − η) +
 * s/(b − η) = 0 solved for η (a quadratic; one pole only for the last root). NaN when the
 * model has no usable root (the caller bisects).
 */
function modelStep(delta: Float64Array, tau: number, left: number, last: boolean, rhoInv: number, psi: number, dpsi: number, phi: number, dphi: number): number {
  const a = delta[left] - tau;
  const q = a * a * dpsi;
  if (last) {
    // c + q/(a − η) = 0 with all poles lumped into the last
    const c = rhoInv + psi - a * dpsi + phi;
    return c > 0 ? a + q / c : Number.NaN;
  }
  const b = delta[left + 1] - tau;
  const s = b * b * dphi;
  const c = rhoInv + (psi - a * dpsi) + (phi - b * dphi);
  // c η² − A η + B = 0
  const A = c * (a + b) + q + s;
  const B = c * a * b + q * b + s * a;
  if (c === 0) return B / A;
  const disc = Math.sqrt(Math.max(0, A * A - 4 * c * B));
  const big = (A + (A >= 0 ? disc : -disc)) / (2 * c);
  const small = B / (c * big);
  // the root between the poles a and b
  return small > a && small < b ? small : big;
}
