/**
 * `rsf2csf`: a real Schur form turned complex (SciPy's algorithm): each 2×2 block of a
 * complex pair is made upper triangular by a complex Givens rotation built from its
 * eigenvalue λ with positive imaginary part, applied to T from both sides and to Z.
 */
import { astype, type NDArray } from '@sciport/array-api';
import { checkBoolean } from '@sciport/array-api/kit';
import { ShapeError } from '@sciport/dispatch-core';
import type { FiniteOptions } from './options.js';
import { readFunctionOptions } from './options.js';
import { batchCount, broadcastBatch, checkFiniteValues, checkMatrix, type Float, fromData, toArray, toStack } from './stack.js';

/** SciPy compares with double precision's ε whatever the dtype. */
const EPS = 2 ** -52;

/** Complex square root, principal branch. */
function csqrt(re: number, im: number): [number, number] {
  const r = Math.hypot(re, im);
  if (r === 0) return [0, 0];
  const sr = Math.sqrt((r + Math.abs(re)) / 2);
  if (re >= 0) return [sr, im / (2 * sr)];
  return [Math.abs(im) / (2 * sr), im >= 0 ? sr : -sr];
}

/**
 * In place on the complex n×n T and Z (interleaved) at `o`: zeros T's subdiagonal by
 * rotations, so T becomes upper triangular with A = Z T Zᴴ still true.
 */
export function realToComplexSchur(t: Float, z: Float, o: number, n: number): void {
  const at = (i: number, j: number) => 2 * (o + i * n + j);
  for (let m = n - 1; m > 0; m--) {
    const sub = at(m, m - 1);
    const d0 = at(m - 1, m - 1);
    const d1 = at(m, m);
    if (Math.hypot(t[sub], t[sub + 1]) > EPS * (Math.hypot(t[d0], t[d0 + 1]) + Math.hypot(t[d1], t[d1 + 1]))) {
      // μ = λ − T[m, m], λ = tr/2 + √((a − d)²/4 + bc), the block's eigenvalue of positive imaginary part
      const ar = t[d0];
      const ai = t[d0 + 1];
      const dr = t[d1];
      const di = t[d1 + 1];
      const br = t[at(m - 1, m)];
      const bi = t[at(m - 1, m) + 1];
      const cr = t[sub];
      const ci = t[sub + 1];
      const hr = (ar - dr) / 2;
      const hi = (ai - di) / 2;
      const [qr, qi] = csqrt(hr * hr - hi * hi + br * cr - bi * ci, 2 * hr * hi + br * ci + bi * cr);
      const mr = hr + qr;
      const mi = hi + qi;
      const r = Math.hypot(mr, mi, cr, ci);
      const c = [mr / r, mi / r];
      const s = [cr / r, ci / r];
      // G = [[conj c, s], [−s, c]] on rows m−1, m (columns m−1..n−1)
      for (let j = m - 1; j < n; j++) {
        const p = at(m - 1, j);
        const q = at(m, j);
        const [xr, xi, yr, yi] = [t[p], t[p + 1], t[q], t[q + 1]];
        t[p] = c[0] * xr + c[1] * xi + s[0] * yr - s[1] * yi;
        t[p + 1] = c[0] * xi - c[1] * xr + s[0] * yi + s[1] * yr;
        t[q] = -(s[0] * xr - s[1] * xi) + c[0] * yr - c[1] * yi;
        t[q + 1] = -(s[0] * xi + s[1] * xr) + c[0] * yi + c[1] * yr;
      }
      // Gᴴ = [[c, −conj s], [conj s, conj c]] on columns m−1, m of T (rows 0..m) and of Z
      const fromRight = (a: Float, rows: number) => {
        for (let i = 0; i < rows; i++) {
          const p = at(i, m - 1);
          const q = at(i, m);
          const [xr, xi, yr, yi] = [a[p], a[p + 1], a[q], a[q + 1]];
          a[p] = xr * c[0] - xi * c[1] + yr * s[0] + yi * s[1];
          a[p + 1] = xr * c[1] + xi * c[0] + yi * s[0] - yr * s[1];
          a[q] = -(xr * s[0] + xi * s[1]) + yr * c[0] + yi * c[1];
          a[q + 1] = -(xi * s[0] - xr * s[1]) + yi * c[0] - yr * c[1];
        }
      };
      fromRight(t, m + 1);
      fromRight(z, n);
    }
    t[sub] = 0;
    t[sub + 1] = 0;
  }
}

/** SciPy's `rsf2csf(T, Z)`: the complex Schur form [T, Z] of a real one (T, Z [..., N, N]). */
export function rsf2csfHost(T: unknown, Z: unknown, options?: FiniteOptions): [NDArray, NDArray] {
  const o = readFunctionOptions(options, 'rsf2csf');
  const checkFinite = checkBoolean(o.checkFinite, 'checkFinite', true);
  const t = toArray(T);
  const z = toArray(Z);
  for (const [x, name] of [
    [z, 'Z'],
    [t, 'T'],
  ] as const) {
    checkMatrix(x, name, 'rsf2csf');
    if (checkFinite) checkFiniteValues(x, name, 'rsf2csf');
    if (x.shape[x.ndim - 1] !== x.shape[x.ndim - 2]) {
      throw new ShapeError(`rsf2csf: Input '${name}' must be square, got shape [${x.shape.join(', ')}].`, {
        argument: name,
        hint: 'Pass the square T and Z that schur returns.',
      });
    }
  }
  const n = t.shape[t.ndim - 1];
  if (z.shape[z.ndim - 1] !== n) {
    throw new ShapeError(`rsf2csf: Input array shapes must match: Z: [${z.shape.join(', ')}] vs. T: [${t.shape.join(', ')}].`, {
      argument: 'Z',
      hint: 'T and Z must have the same order.',
    });
  }
  const batch = broadcastBatch(t.shape.slice(0, -2), z.shape.slice(0, -2), 'Z', 'rsf2csf');
  // SciPy's common type of T, Z and complex64: complex64 only when both are single precision
  const single = [t.dtype, z.dtype].every((d) => d === 'float32' || d === 'complex64');
  const dtype = single ? 'complex64' : 'complex128';
  const ts = toStack(astype(t, dtype), dtype, batch);
  const zs = toStack(astype(z, dtype), dtype, batch);
  for (let s = 0; s < batchCount(batch); s++) realToComplexSchur(ts.data, zs.data, s * n * n, n);
  const shape = [...batch, n, n];
  return [fromData(ts.data, shape, dtype), fromData(zs.data, shape, dtype)];
}
