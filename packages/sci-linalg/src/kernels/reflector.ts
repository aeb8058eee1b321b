/**
 * Householder reflectors H = I − τ v vᴴ on a scratch vector, real (lanes = 1) or complex
 * interleaved (lanes = 2), applied to row-major blocks of a matrix: the building blocks of
 * the reductions to Hessenberg (gehrd), tridiagonal (sytrd) and triangular-pair (QZ) form.
 * Element (i, j) of the matrix at element offset `o` with row length `ld` starts at
 * `lanes * (o + i * ld + j)`.
 */
import type { Float } from '../stack.js';

/**
 * larfg's threshold for rescaling (dlamch('S') / dlamch('E') in double): below it 1/(α − β)
 * may overflow and |α − β|² underflow, so (α, x) is first scaled up by 1/SAFE_MIN.
 */
const SAFE_MIN = 2 ** -1022 / 2 ** -53;
/** larfg's limit on the number of rescalings (reached only for a zero or subnormal vector). */
const MAX_RESCALINGS = 20;

/**
 * LAPACK's larfg on v[0..len) (α = v[0], x = v[1..]): chooses β = −sign(Re α)·‖(α, x)‖,
 * τ = (β − α)/β, scales x by 1/(α − β) and sets v[0] = 1, so that Hᴴ (α, x) = (β, 0).
 * Returns [β, Re τ, Im τ]; τ = 0 (H = I) when x = 0 and α is real. As larfg, a vector
 * whose norm is below SAFE_MIN (subnormal entries) is scaled up by powers of two first and
 * β scaled back after, so τ and v stay finite.
 */
export function makeReflector(v: Float64Array, len: number, lanes: number): [number, number, number] {
  let xnorm = tailNorm(v, len, lanes);
  const ai0 = lanes === 2 ? v[1] : 0;
  if (xnorm === 0 && ai0 === 0) {
    const alpha = v[0];
    v[0] = 1;
    return [alpha, 0, 0];
  }
  let rescalings = 0;
  while (Math.hypot(v[0], lanes === 2 ? v[1] : 0, xnorm) < SAFE_MIN && rescalings < MAX_RESCALINGS) {
    for (let i = 0; i < lanes * len; i++) v[i] /= SAFE_MIN;
    rescalings++;
    // recomputed, as larfg does: the norm of subnormal entries has lost precision
    xnorm = tailNorm(v, len, lanes);
  }
  const ar = v[0];
  const ai = lanes === 2 ? v[1] : 0;
  v[0] = 1;
  if (lanes === 2) v[1] = 0;
  const norm = Math.hypot(ar, ai, xnorm);
  const beta = ar >= 0 ? -norm : norm;
  // 1 / (α − β) by Smith's division: |α − β| ≥ |β| ≥ SAFE_MIN, so nothing overflows
  const dr = ar - beta;
  let sr: number;
  let si: number;
  if (Math.abs(ai) <= Math.abs(dr)) {
    const r = ai / dr;
    sr = 1 / (dr + ai * r);
    si = -r * sr;
  } else {
    const r = dr / ai;
    si = -1 / (ai + dr * r);
    sr = -r * si;
  }
  for (let i = lanes; i < lanes * len; i += lanes) {
    if (lanes === 1) v[i] *= sr;
    else {
      const xr = v[i];
      const xi = v[i + 1];
      v[i] = xr * sr - xi * si;
      v[i + 1] = xr * si + xi * sr;
    }
  }
  const tau: [number, number, number] = [beta, (beta - ar) / beta, -ai / beta];
  for (let k = 0; k < rescalings; k++) tau[0] *= SAFE_MIN;
  return tau;
}

/** ‖v[1..len)‖₂ (the entries after α). */
function tailNorm(v: Float64Array, len: number, lanes: number): number {
  let norm = 0;
  for (let i = lanes; i < lanes * len; i++) norm = Math.hypot(norm, v[i]);
  return norm;
}

/**
 * A ← (I − τ v vᴴ) A on rows r0..r0+len−1 and columns c0..c1−1 (a reflector from the left);
 * `w` is scratch of at least lanes·(c1 − c0) elements.
 */
export function reflectLeft(
  a: Float,
  o: number,
  ld: number,
  lanes: number,
  r0: number,
  len: number,
  c0: number,
  c1: number,
  v: Float64Array,
  tr: number,
  ti: number,
  w: Float64Array,
): void {
  if ((tr === 0 && ti === 0) || c1 <= c0) return;
  const width = lanes * (c1 - c0);
  w.fill(0, 0, width);
  // w = vᴴ A, accumulated row by row so the inner loop runs along a row
  for (let k = 0; k < len; k++) {
    const row = lanes * (o + (r0 + k) * ld + c0);
    const vr = v[lanes * k];
    if (lanes === 1) {
      if (vr === 0) continue;
      for (let j = 0; j < width; j++) w[j] += vr * a[row + j];
    } else {
      const vi = -v[lanes * k + 1];
      if (vr === 0 && vi === 0) continue;
      for (let j = 0; j < width; j += 2) {
        const xr = a[row + j];
        const xi = a[row + j + 1];
        w[j] += vr * xr - vi * xi;
        w[j + 1] += vr * xi + vi * xr;
      }
    }
  }
  // A −= (τ v) w
  for (let k = 0; k < len; k++) {
    const row = lanes * (o + (r0 + k) * ld + c0);
    if (lanes === 1) {
      const s = tr * v[k];
      if (s === 0) continue;
      for (let j = 0; j < width; j++) a[row + j] -= s * w[j];
    } else {
      const vr = v[2 * k];
      const vi = v[2 * k + 1];
      const sr = tr * vr - ti * vi;
      const si = tr * vi + ti * vr;
      if (sr === 0 && si === 0) continue;
      for (let j = 0; j < width; j += 2) {
        a[row + j] -= sr * w[j] - si * w[j + 1];
        a[row + j + 1] -= sr * w[j + 1] + si * w[j];
      }
    }
  }
}

/** A ← A (I − τ v vᴴ) on rows r0..r1−1 and columns c0..c0+len−1 (a reflector from the right). */
export function reflectRight(
  a: Float,
  o: number,
  ld: number,
  lanes: number,
  r0: number,
  r1: number,
  c0: number,
  len: number,
  v: Float64Array,
  tr: number,
  ti: number,
): void {
  if (tr === 0 && ti === 0) return;
  for (let r = r0; r < r1; r++) {
    const row = lanes * (o + r * ld + c0);
    if (lanes === 1) {
      let w = 0;
      for (let k = 0; k < len; k++) w += a[row + k] * v[k];
      const s = tr * w;
      if (s === 0) continue;
      for (let k = 0; k < len; k++) a[row + k] -= s * v[k];
    } else {
      // w = A[r, :] v, then A[r, :] −= (τ w) vᴴ
      let wr = 0;
      let wi = 0;
      for (let k = 0; k < 2 * len; k += 2) {
        const xr = a[row + k];
        const xi = a[row + k + 1];
        wr += xr * v[k] - xi * v[k + 1];
        wi += xr * v[k + 1] + xi * v[k];
      }
      const sr = tr * wr - ti * wi;
      const si = tr * wi + ti * wr;
      if (sr === 0 && si === 0) continue;
      for (let k = 0; k < 2 * len; k += 2) {
        const vr = v[k];
        const vi = -v[k + 1];
        a[row + k] -= sr * vr - si * vi;
        a[row + k + 1] -= sr * vi + si * vr;
      }
    }
  }
}
