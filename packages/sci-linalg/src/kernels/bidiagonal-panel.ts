/**
 * One panel of the blocked reduction to bidiagonal form (LAPACK's dlabrd, after Dongarra,
 * Sorensen & Hammarling, "Block reduction of matrices to condensed forms for eigenvalue
 * computations", 1989), real and row-major: the first `nb` rows and columns of the trailing
 * matrix at (i0, i0) of the m×n `a` are reduced with the updates of the rest deferred into
 * X and Y, then applied as A ← A − V Yᵀ − X U with two matrix products on the wasm kernel
 * (V: the left reflector vectors, U: the right ones). Half of the work is in those products.
 */
import { gemm } from '@sciport/array-api/kernels';
import { makeReflector } from './reflector.js';

/**
 * Reduces the panel at i0 (nb < n − i0), writing d, e, tauq, taup at i0.. as gebd2 does, and
 * updates the trailing matrix at (i0 + nb, i0 + nb).
 */
export function reducePanel(
  a: Float64Array,
  m: number,
  n: number,
  i0: number,
  nb: number,
  d: Float64Array,
  e: Float64Array,
  tauq: Float64Array,
  taup: Float64Array,
  x: Float64Array,
  y: Float64Array,
  v: Float64Array,
  z: Float64Array,
): void {
  const rows = m - i0;
  const cols = n - i0;
  // local element (r, c) of the trailing matrix
  const at = (r: number, c: number) => (i0 + r) * n + i0 + c;
  // X is rows×nb (X[r, k] at r·nb + k); Y is kept transposed, nb×cols (Y[c, k] at k·cols + c)
  x.fill(0, 0, rows * nb);
  y.fill(0, 0, cols * nb);
  for (let t = 0; t < nb; t++) {
    // column t ← column t − A[t.., 0..t) Y[t, 0..t)ᵀ − X[t.., 0..t) A[0..t), t]
    for (let k = 0; k < t; k++) {
      z[k] = y[k * cols + t];
      z[nb + k] = a[at(k, t)];
    }
    for (let r = t; r < rows; r++) {
      let s = 0;
      const ar = at(r, 0);
      const xr = r * nb;
      for (let k = 0; k < t; k++) s += a[ar + k] * z[k] + x[xr + k] * z[nb + k];
      a[ar + t] -= s;
    }
    // the left reflector of column t
    for (let r = t; r < rows; r++) v[r - t] = a[at(r, t)];
    const [beta, tq] = makeReflector(v, rows - t, 1);
    d[i0 + t] = beta;
    tauq[i0 + t] = tq;
    for (let r = t; r < rows; r++) a[at(r, t)] = v[r - t];
    // Y[t+1.., t] = τ (A[t.., t+1..]ᵀ v − Y[t+1.., 0..t) A[t.., 0..t)ᵀ v − A[0..t), t+1..]ᵀ X[t.., 0..t)ᵀ v)
    const yt = t * cols;
    for (let r = t; r < rows; r++) {
      const vr = a[at(r, t)];
      if (vr === 0) continue;
      const ar = at(r, 0);
      for (let c = t + 1; c < cols; c++) y[yt + c] += a[ar + c] * vr;
    }
    // z[0..t) = A[t.., 0..t)ᵀ v, z[nb..nb+t) = X[t.., 0..t)ᵀ v
    z.fill(0, 0, 2 * nb);
    for (let r = t; r < rows; r++) {
      const vr = a[at(r, t)];
      const ar = at(r, 0);
      for (let k = 0; k < t; k++) {
        z[k] += a[ar + k] * vr;
        z[nb + k] += x[r * nb + k] * vr;
      }
    }
    for (let k = 0; k < t; k++) {
      const zk = z[k];
      const zx = z[nb + k];
      const yk = k * cols;
      const ak = at(k, 0);
      for (let c = t + 1; c < cols; c++) y[yt + c] -= y[yk + c] * zk + a[ak + c] * zx;
    }
    for (let c = t + 1; c < cols; c++) y[yt + c] *= tq;
    // row t ← row t − Y[t+1.., 0..t] A[t, 0..t]ᵀ − A[0..t), t+1..]ᵀ X[t, 0..t)ᵀ
    const rt = at(t, 0);
    for (let k = 0; k < t; k++) {
      const vk = a[rt + k];
      const xk = x[t * nb + k];
      const yk = k * cols;
      const ak = at(k, 0);
      for (let c = t + 1; c < cols; c++) a[rt + c] -= y[yk + c] * vk + a[ak + c] * xk;
    }
    // v_t's leading entry a[rt + t] is 1
    for (let c = t + 1; c < cols; c++) a[rt + c] -= y[yt + c];
    // the right reflector of row t (columns t+1..)
    const len = cols - t - 1;
    for (let c = 0; c < len; c++) v[c] = a[rt + t + 1 + c];
    const [betaP, tp] = makeReflector(v, len, 1);
    e[i0 + t] = betaP;
    taup[i0 + t] = tp;
    for (let c = 0; c < len; c++) a[rt + t + 1 + c] = v[c];
    // X[t+1.., t] = τ (A[t+1.., t+1..] u − A[t+1.., 0..t] Y[t+1.., 0..t]ᵀ u − X[t+1.., 0..t) A[0..t), t+1..] u)
    for (let k = 0; k <= t; k++) {
      let sy = 0;
      let sa = 0;
      const yk = k * cols;
      const ak = at(k, 0);
      if (k < t) {
        for (let c = t + 1; c < cols; c++) {
          sy += y[yk + c] * a[rt + c];
          sa += a[ak + c] * a[rt + c];
        }
      } else for (let c = t + 1; c < cols; c++) sy += y[yk + c] * a[rt + c];
      z[k] = sy;
      z[nb + k] = sa;
    }
    for (let r = t + 1; r < rows; r++) {
      const ar = at(r, 0);
      let s = dot(a, ar + t + 1, rt + t + 1, cols - t - 1);
      for (let k = 0; k <= t; k++) s -= a[ar + k] * z[k];
      for (let k = 0; k < t; k++) s -= x[r * nb + k] * z[nb + k];
      x[r * nb + t] = tp * s;
    }
  }
  // the trailing matrix ← it − [V X]·[Yᵀ; U] in one product (V: columns 0..nb of rows nb..,
  // U: rows 0..nb of columns nb..), so that it crosses into the wasm memory once
  const tr = rows - nb;
  const tc = cols - nb;
  const left = new Float64Array(tr * 2 * nb);
  for (let r = 0; r < tr; r++) {
    left.set(a.subarray(at(nb + r, 0), at(nb + r, nb)), r * 2 * nb);
    left.set(x.subarray((nb + r) * nb, (nb + r + 1) * nb), r * 2 * nb + nb);
  }
  const right = new Float64Array(2 * nb * tc);
  for (let k = 0; k < nb; k++) {
    right.set(y.subarray(k * cols + nb, (k + 1) * cols), k * tc);
    right.set(a.subarray(at(k, nb), at(k, cols)), (nb + k) * tc);
  }
  gemm(false, false, tr, tc, 2 * nb, -1, left, 0, 2 * nb, right, 0, tc, 1, a, at(nb, nb), n);
  // B's entries back in place of the reflectors' implicit ones
  for (let t = 0; t < nb; t++) {
    a[at(t, t)] = d[i0 + t];
    a[at(t, t + 1)] = e[i0 + t];
  }
}

/** Σ a[p + i]·a[q + i] over i < len, with four partial sums so the additions need not wait on each other. */
function dot(a: Float64Array, p: number, q: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < len; i += 4) {
    s0 += a[p + i] * a[q + i];
    s1 += a[p + i + 1] * a[q + i + 1];
    s2 += a[p + i + 2] * a[q + i + 2];
    s3 += a[p + i + 3] * a[q + i + 3];
  }
  for (; i < len; i++) s0 += a[p + i] * a[q + i];
  return s0 + s1 + (s2 + s3);
}
