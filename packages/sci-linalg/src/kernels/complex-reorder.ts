/**
 * Reordering of complex (generalized) Schur forms so that selected eigenvalues come first:
 * LAPACK's ztrsen/ztrexc (one Givens rotation swaps two adjacent diagonal entries of T) and
 * ztgsen/ztgex2 (two rotations, Q and Z, swap adjacent entries of the pencil (S, P)). Complex
 * interleaved row-major, double: (i, j) at 2·(i·n + j).
 */
import { zlartg } from './complex-qz.js';

/** zrot on strided sequences: x ← c x + s y, y ← c y − conj(s) x. */
function rot(a: Float64Array, px: number, py: number, stride: number, count: number, c: number, sr: number, si: number): void {
  for (let k = 0; k < count; k++) {
    const p = px + 2 * k * stride;
    const q = py + 2 * k * stride;
    const [xr, xi, yr, yi] = [a[p], a[p + 1], a[q], a[q + 1]];
    a[p] = c * xr + sr * yr - si * yi;
    a[p + 1] = c * xi + sr * yi + si * yr;
    a[q] = c * yr - (sr * xr + si * xi);
    a[q + 1] = c * yi - (sr * xi - si * xr);
  }
}

/** ztrexc's swap of T[k, k] and T[k+1, k+1], with Z ← Z G. */
function swapSchur(t: Float64Array, z: Float64Array | null, n: number, k: number): void {
  const at = (i: number, j: number) => 2 * (i * n + j);
  const [t11r, t11i, t22r, t22i] = [t[at(k, k)], t[at(k, k) + 1], t[at(k + 1, k + 1)], t[at(k + 1, k + 1) + 1]];
  const g = zlartg(t[at(k, k + 1)], t[at(k, k + 1) + 1], t22r - t11r, t22i - t11i);
  if (k + 2 < n) rot(t, at(k, k + 2), at(k + 1, k + 2), 1, n - k - 2, g.c, g.sr, g.si);
  rot(t, at(0, k), at(0, k + 1), n, k, g.c, g.sr, -g.si);
  t[at(k, k)] = t22r;
  t[at(k, k) + 1] = t22i;
  t[at(k + 1, k + 1)] = t11r;
  t[at(k + 1, k + 1) + 1] = t11i;
  if (z !== null) rot(z, at(0, k), at(0, k + 1), n, n, g.c, g.sr, -g.si);
}

/** ztrsen (job 'N'): moves the selected diagonal entries of T to the top, in order. Returns their number. */
export function reorderComplexSchur(t: Float64Array, z: Float64Array | null, n: number, select: readonly boolean[]): number {
  let ks = 0;
  for (let k = 0; k < n; k++) {
    if (!select[k]) continue;
    for (let here = k - 1; here >= ks; here--) swapSchur(t, z, n, here);
    ks++;
  }
  return ks;
}

/** ztgex2's swap of the 1×1 blocks j, j+1 of the pencil (a, b), with Q and Z updated. */
function swapPencil(a: Float64Array, b: Float64Array, q: Float64Array, z: Float64Array, n: number, j: number): void {
  const at = (i: number, k: number) => 2 * (i * n + k);
  const mul = (xr: number, xi: number, yr: number, yi: number): [number, number] => [xr * yr - xi * yi, xr * yi + xi * yr];
  const [s11, s12, s22] = [[a[at(j, j)], a[at(j, j) + 1]], [a[at(j, j + 1)], a[at(j, j + 1) + 1]], [a[at(j + 1, j + 1)], a[at(j + 1, j + 1) + 1]]];
  const [t11, t12, t22] = [[b[at(j, j)], b[at(j, j) + 1]], [b[at(j, j + 1)], b[at(j, j + 1) + 1]], [b[at(j + 1, j + 1)], b[at(j + 1, j + 1) + 1]]];
  // F = S22 T11 − T22 S11, G = S22 T12 − T22 S12
  const f1 = mul(s22[0], s22[1], t11[0], t11[1]);
  const f2 = mul(t22[0], t22[1], s11[0], s11[1]);
  const g1 = mul(s22[0], s22[1], t12[0], t12[1]);
  const g2 = mul(t22[0], t22[1], s12[0], s12[1]);
  const sa = Math.hypot(s22[0], s22[1]) * Math.hypot(t11[0], t11[1]);
  const sb = Math.hypot(s11[0], s11[1]) * Math.hypot(t22[0], t22[1]);
  const gz = zlartg(g1[0] - g2[0], g1[1] - g2[1], f1[0] - f2[0], f1[1] - f2[1]);
  // SZ = −SZ, applied as zrot(…, CZ, conj(SZ)) on columns j, j+1
  const [zsr, zsi] = [-gz.sr, gz.si];
  rot(a, at(0, j), at(0, j + 1), n, j + 2, gz.c, zsr, zsi);
  rot(b, at(0, j), at(0, j + 1), n, j + 2, gz.c, zsr, zsi);
  rot(z, at(0, j), at(0, j + 1), n, n, gz.c, zsr, zsi);
  const gq = sa >= sb ? zlartg(a[at(j, j)], a[at(j, j) + 1], a[at(j + 1, j)], a[at(j + 1, j) + 1]) : zlartg(b[at(j, j)], b[at(j, j) + 1], b[at(j + 1, j)], b[at(j + 1, j) + 1]);
  rot(a, at(j, j), at(j + 1, j), 1, n - j, gq.c, gq.sr, gq.si);
  rot(b, at(j, j), at(j + 1, j), 1, n - j, gq.c, gq.sr, gq.si);
  a[at(j + 1, j)] = a[at(j + 1, j) + 1] = 0;
  b[at(j + 1, j)] = b[at(j + 1, j) + 1] = 0;
  rot(q, at(0, j), at(0, j + 1), n, n, gq.c, gq.sr, -gq.si);
}

/**
 * ztgsen (ijob 0): the selected eigenvalues of the triangular pencil (a, b) moved to the top
 * in order, then b's diagonal made real and non-negative (rows of a and b, columns of Q
 * scaled). Fills alpha and beta (interleaved) and returns the number selected.
 */
export function reorderComplexPencil(
  a: Float64Array,
  b: Float64Array,
  q: Float64Array,
  z: Float64Array,
  n: number,
  select: readonly boolean[],
  alpha: Float64Array,
  beta: Float64Array,
): number {
  const at = (i: number, k: number) => 2 * (i * n + k);
  let ks = 0;
  for (let k = 0; k < n; k++) {
    if (!select[k]) continue;
    for (let here = k - 1; here >= ks; here--) swapPencil(a, b, q, z, n, here);
    ks++;
  }
  for (let k = 0; k < n; k++) {
    const [br, bi] = [b[at(k, k)], b[at(k, k) + 1]];
    const scale = Math.hypot(br, bi);
    if (scale > 2 ** -1022) {
      // rows k of a and b times conj(b_kk)/|b_kk|, column k of Q times b_kk/|b_kk|
      const [cr, ci] = [br / scale, -bi / scale];
      for (const [m, from] of [
        [b, k + 1],
        [a, k],
      ] as const) {
        for (let c = from; c < n; c++) {
          const p = at(k, c);
          const [xr, xi] = [m[p], m[p + 1]];
          m[p] = xr * cr - xi * ci;
          m[p + 1] = xr * ci + xi * cr;
        }
      }
      b[at(k, k)] = scale;
      b[at(k, k) + 1] = 0;
      for (let r = 0; r < n; r++) {
        const p = at(r, k);
        const [xr, xi] = [q[p], q[p + 1]];
        q[p] = xr * cr + xi * ci;
        q[p + 1] = xi * cr - xr * ci;
      }
    } else b[at(k, k)] = b[at(k, k) + 1] = 0;
    alpha[2 * k] = a[at(k, k)];
    alpha[2 * k + 1] = a[at(k, k) + 1];
    beta[2 * k] = b[at(k, k)];
    beta[2 * k + 1] = 0;
  }
  return ks;
}
