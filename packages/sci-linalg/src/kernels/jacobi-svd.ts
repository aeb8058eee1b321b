/**
 * One-sided Jacobi SVD (Hestenes' method; Demmel & Veselić, "Jacobi's method is more
 * accurate than QR", SIAM J. Matrix Anal. Appl. 13, 1992): plane rotations applied to the
 * columns of a p×q matrix (p ≥ q) until every pair is orthogonal; the column norms are then
 * the singular values, to high relative accuracy. Real (lanes = 1) or complex interleaved
 * (lanes = 2); `w` holds the q columns contiguously (column j at element j·p), `v` the q×q
 * accumulated rotations the same way (column j at j·q), starting as the identity.
 */
import type { Float } from '../stack.js';

/** Sweeps allowed before giving up on convergence (LAPACK's gesvj allows 30; a few dozen is typical here). */
const MAX_SWEEPS = 60;

function dot(w: Float, lanes: number, p: number, a: number, b: number): [number, number] {
  let re = 0;
  let im = 0;
  for (let i = 0; i < lanes * p; i += lanes) {
    const ar = w[a + i];
    const br = w[b + i];
    if (lanes === 1) re += ar * br;
    else {
      const ai = w[a + i + 1];
      const bi = w[b + i + 1];
      re += ar * br + ai * bi;
      im += ar * bi - ai * br;
    }
  }
  return [re, im];
}

/** Columns a, b ← c·a − s·conj(e)·b, s·e·a + c·b (e = e^{iφ}): a unitary plane rotation. */
function rotate(w: Float, lanes: number, len: number, a: number, b: number, c: number, s: number, er: number, ei: number): void {
  for (let i = 0; i < lanes * len; i += lanes) {
    const ar = w[a + i];
    const br = w[b + i];
    if (lanes === 1) {
      // e is ±1, the sign of ⟨a, b⟩
      w[a + i] = c * ar - s * er * br;
      w[b + i] = s * er * ar + c * br;
    } else {
      const ai = w[a + i + 1];
      const bi = w[b + i + 1];
      w[a + i] = c * ar - s * (er * br + ei * bi);
      w[a + i + 1] = c * ai - s * (er * bi - ei * br);
      w[b + i] = s * (er * ar - ei * ai) + c * br;
      w[b + i + 1] = s * (er * ai + ei * ar) + c * bi;
    }
  }
}

/**
 * Orthogonalises the q columns of `w` (each of length p), accumulating the rotations in `v`
 * (or not, when null). `eps` is the working precision's unit roundoff; a pair counts as
 * orthogonal when |⟨a, b⟩| ≤ (√p + 2)·eps·‖a‖‖b‖: gesvj's √p·eps, plus two units for the
 * rounding of the computed ⟨a, b⟩ itself — without them a pair whose computed cosine
 * settles just above √p·eps (seen for 2×2 complex input at 1.57·eps) rotates forever.
 * Returns false when a sweep still rotated after MAX_SWEEPS (no convergence).
 */
export function jacobiOrthogonalize(w: Float, p: number, q: number, lanes: number, v: Float | null, eps: number): boolean {
  const tol = (Math.sqrt(p) + 2) * eps;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let j = 0; j < q - 1; j++) {
      for (let k = j + 1; k < q; k++) {
        const a = lanes * j * p;
        const b = lanes * k * p;
        const alpha = dot(w, lanes, p, a, a)[0];
        const beta = dot(w, lanes, p, b, b)[0];
        const [gr, gi] = dot(w, lanes, p, a, b);
        const g = Math.hypot(gr, gi);
        if (g === 0 || g <= tol * Math.sqrt(alpha) * Math.sqrt(beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * g);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        rotate(w, lanes, p, a, b, c, s, gr / g, gi / g);
        if (v !== null) rotate(v, lanes, q, lanes * j * q, lanes * k * q, c, s, gr / g, gi / g);
      }
    }
    if (!rotated) return true;
  }
  return false;
}

/** Euclidean norm of the column at element offset `a` (length p). */
export function columnNorm(w: Float, lanes: number, p: number, a: number): number {
  let s = 0;
  for (let i = 0; i < lanes * p; i++) s = Math.hypot(s, w[a + i]);
  return s;
}

/**
 * Completes the first `have` orthonormal columns of the p×cols matrix `x` (column j at
 * element j·p) to `cols` orthonormal columns: each new column is the unit vector eᵢ with the
 * largest part outside the span so far, orthogonalised twice (Gram–Schmidt, "twice is enough").
 */
export function completeBasis(x: Float, p: number, cols: number, have: boolean[], lanes: number): void {
  const work = new Float64Array(lanes * p);
  for (let j = 0; j < cols; j++) {
    if (have[j]) continue;
    let best = -1;
    let bestNorm = -1;
    for (let e = 0; e < p; e++) {
      // ‖(I − X Xᴴ) eₑ‖² = 1 − Σ |x[e, t]|² over the columns present
      let s = 1;
      for (let t = 0; t < cols; t++) if (have[t]) s -= x[lanes * (t * p + e)] ** 2 + (lanes === 2 ? x[lanes * (t * p + e) + 1] ** 2 : 0);
      if (s > bestNorm) {
        bestNorm = s;
        best = e;
      }
    }
    work.fill(0);
    work[lanes * best] = 1;
    for (let pass = 0; pass < 2; pass++) {
      for (let t = 0; t < cols; t++) {
        if (!have[t]) continue;
        // work −= x_t (x_tᴴ work)
        let re = 0;
        let im = 0;
        for (let i = 0; i < p; i++) {
          const xr = x[lanes * (t * p + i)];
          const xi = lanes === 2 ? x[lanes * (t * p + i) + 1] : 0;
          const wr = work[lanes * i];
          const wi = lanes === 2 ? work[lanes * i + 1] : 0;
          re += xr * wr + xi * wi;
          im += xr * wi - xi * wr;
        }
        for (let i = 0; i < p; i++) {
          const xr = x[lanes * (t * p + i)];
          const xi = lanes === 2 ? x[lanes * (t * p + i) + 1] : 0;
          work[lanes * i] -= xr * re - xi * im;
          if (lanes === 2) work[lanes * i + 1] -= xr * im + xi * re;
        }
      }
    }
    let norm = 0;
    for (let i = 0; i < lanes * p; i++) norm = Math.hypot(norm, work[i]);
    for (let i = 0; i < lanes * p; i++) x[lanes * j * p + i] = work[i] / norm;
    have[j] = true;
  }
}
