/**
 * Eigenvalues of a real symmetric tridiagonal matrix without eigenvectors: the root-free
 * (square-root-free) implicit QL algorithm of Pal, Walker and Kahan as in LAPACK's sterf.
 * It works on the squares of the off-diagonal, so a sweep costs no square roots; no
 * rotation is ever formed. Each unreduced block is scaled by a power of two (exact) to a
 * norm near one, so squaring neither overflows nor underflows for huge or tiny matrices.
 */

/** Sweeps allowed per eigenvalue before giving up (sterf allows 30·n in all). */
const MAX_ITERATIONS = 30;
const EPS = 2 ** -53;

/**
 * In place: d (n diagonal entries) becomes the eigenvalues in ascending order; e[i]
 * (i < n−1) couples i and i+1 and is destroyed. Returns 0, or the number of off-diagonal
 * entries that did not converge (LAPACK's info).
 */
export function tridiagonalEigenvalues(d: Float64Array, e: Float64Array, n: number): number {
  let iterations = 0;
  const limit = MAX_ITERATIONS * n;
  let start = 0;
  while (start < n) {
    // the unreduced block start..end: split where e is negligible next to its neighbours
    let end = start;
    while (end < n - 1) {
      const t = Math.abs(e[end]);
      if (t === 0 || t <= Math.sqrt(Math.abs(d[end])) * Math.sqrt(Math.abs(d[end + 1])) * EPS) {
        e[end] = 0;
        break;
      }
      end++;
    }
    if (end > start) {
      const used = solveBlock(d, e, start, end, limit - iterations);
      if (used < 0) return e.subarray(0, n - 1).filter((x) => x !== 0).length;
      iterations += used;
    }
    start = end + 1;
  }
  d.subarray(0, n).sort();
  return 0;
}

/** The largest magnitude in d[start..end] and e[start..end). */
function blockNorm(d: Float64Array, e: Float64Array, start: number, end: number): number {
  let norm = 0;
  for (let i = start; i <= end; i++) norm = Math.max(norm, Math.abs(d[i]));
  for (let i = start; i < end; i++) norm = Math.max(norm, Math.abs(e[i]));
  return norm;
}

/** Reverses d[start..end] and e[start..end): the same eigenvalues, the large end at the bottom. */
function reverseBlock(d: Float64Array, e: Float64Array, start: number, end: number): void {
  d.subarray(start, end + 1).reverse();
  e.subarray(start, end).reverse();
}

/**
 * The eigenvalues of the unreduced block start..end, left in d[start..end] (e[start..end)
 * zeroed). Returns the sweeps it took, or −1 past `budget`.
 */
function solveBlock(d: Float64Array, e: Float64Array, start: number, end: number, budget: number): number {
  const norm = blockNorm(d, e, start, end);
  if (norm === 0 || !Number.isFinite(norm)) return norm === 0 ? 0 : -1;
  // a power of two near 1/‖T‖: exact scaling, undone at the end
  const scale = 2 ** -Math.round(Math.log2(norm));
  for (let i = start; i <= end; i++) d[i] *= scale;
  for (let i = start; i < end; i++) e[i] *= scale;
  // QL chases the bulge upwards and converges at the top: put the larger end at the bottom (as sterf picks QL or QR)
  if (Math.abs(d[end]) < Math.abs(d[start])) reverseBlock(d, e, start, end);
  for (let i = start; i < end; i++) e[i] *= e[i];
  const eps2 = EPS * EPS;
  let sweeps = 0;
  let l = start;
  while (l <= end) {
    let m = l;
    for (; m < end; m++) if (Math.abs(e[m]) <= eps2 * Math.abs(d[m] * d[m + 1])) break;
    if (m < end) e[m] = 0;
    if (m === l) {
      l++;
      continue;
    }
    if (m === l + 1) {
      // a 2×2 block: its eigenvalues directly
      const [rt1, rt2] = symmetricPairEigenvalues(d[l], Math.sqrt(e[l]), d[l + 1]);
      d[l] = rt1;
      d[l + 1] = rt2;
      e[l] = 0;
      l += 2;
      continue;
    }
    if (sweeps++ === budget) return -1;
    // Wilkinson-type shift from the leading 2×2 block
    const rte = Math.sqrt(e[l]);
    let sigma = (d[l + 1] - d[l]) / (2 * rte);
    const r = Math.hypot(sigma, 1);
    sigma = d[l] - rte / (sigma + (sigma >= 0 ? r : -r));
    // one root-free QL sweep from m up to l (sterf's inner loop)
    let c = 1;
    let s = 0;
    let gamma = d[m] - sigma;
    let p = gamma * gamma;
    for (let i = m - 1; i >= l; i--) {
      const bb = e[i];
      const rr = p + bb;
      if (i !== m - 1) e[i + 1] = s * rr;
      const oldc = c;
      c = p / rr;
      s = bb / rr;
      const oldgam = gamma;
      const alpha = d[i];
      gamma = c * (alpha - sigma) - s * oldgam;
      d[i + 1] = oldgam + (alpha - gamma);
      p = c !== 0 ? (gamma * gamma) / c : oldc * bb;
    }
    e[l] = s * p;
    d[l] = sigma + gamma;
  }
  for (let i = start; i <= end; i++) d[i] /= scale;
  return sweeps;
}

/** The eigenvalues of [[a, b], [b, c]], larger magnitude first (LAPACK's lae2). */
export function symmetricPairEigenvalues(a: number, b: number, c: number): [number, number] {
  const sm = a + c;
  const adf = Math.abs(a - c);
  const ab = Math.abs(2 * b);
  const [acmx, acmn] = Math.abs(a) > Math.abs(c) ? [a, c] : [c, a];
  const rt = adf > ab ? adf * Math.sqrt(1 + (ab / adf) ** 2) : adf < ab ? ab * Math.sqrt(1 + (adf / ab) ** 2) : ab * Math.SQRT2;
  if (sm === 0) return [0.5 * rt, -0.5 * rt];
  const rt1 = 0.5 * (sm + (sm < 0 ? -rt : rt));
  // the smaller one from the determinant, without cancellation
  return [rt1, (acmx / rt1) * acmn - (b / rt1) * b];
}
