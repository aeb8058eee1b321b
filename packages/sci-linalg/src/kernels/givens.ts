/**
 * Plane (Givens) rotations on row-major matrices, real (lanes = 1) or complex interleaved
 * (lanes = 2), for updating a QR factorisation A = Q R (Golub & Van Loan, Matrix
 * Computations, §12.5 "Updating matrix factorizations"; §6.5 in the 4th edition).
 * G = [c s; −s̄ c] (c real) acts on two rows of R from the left; Q takes Gᴴ on two columns,
 * so Q R is unchanged.
 */
import type { Float } from '../stack.js';

export interface Rotation {
  readonly c: number;
  readonly sr: number;
  readonly si: number;
}

/** The rotation with G [a; b] = [r; 0] (r = (a/|a|)·‖(a, b)‖, or |b| when a = 0). */
export function rotationFor(ar: number, ai: number, br: number, bi: number): Rotation {
  const nb = Math.hypot(br, bi);
  if (nb === 0) return { c: 1, sr: 0, si: 0 };
  const na = Math.hypot(ar, ai);
  if (na === 0) return { c: 0, sr: br / nb, si: -bi / nb };
  const h = Math.hypot(na, nb);
  // s = (a/|a|)·conj(b)/h
  const ur = ar / na;
  const ui = ai / na;
  return { c: na / h, sr: (ur * br + ui * bi) / h, si: (ui * br - ur * bi) / h };
}

/** Rows i and j of the rows×cols matrix at `x` (offset o) ← G applied from the left, over columns c0.. */
export function rotateRows(x: Float, o: number, cols: number, i: number, j: number, g: Rotation, lanes: number, c0 = 0): void {
  for (let c = c0; c < cols; c++) {
    const p = lanes * (o + i * cols + c);
    const q = lanes * (o + j * cols + c);
    const xr = x[p];
    const xi = lanes === 2 ? x[p + 1] : 0;
    const yr = x[q];
    const yi = lanes === 2 ? x[q + 1] : 0;
    // x_i' = c x_i + s x_j;  x_j' = −s̄ x_i + c x_j
    x[p] = g.c * xr + g.sr * yr - g.si * yi;
    x[q] = -(g.sr * xr + g.si * xi) + g.c * yr;
    if (lanes === 2) {
      x[p + 1] = g.c * xi + g.sr * yi + g.si * yr;
      x[q + 1] = -(g.sr * xi - g.si * xr) + g.c * yi;
    }
  }
}

/** Columns i and j of the rows×cols matrix at `x` ← X Gᴴ (the update of Q that keeps Q R). */
export function rotateColumns(x: Float, o: number, rows: number, cols: number, i: number, j: number, g: Rotation, lanes: number): void {
  for (let r = 0; r < rows; r++) {
    const p = lanes * (o + r * cols + i);
    const q = lanes * (o + r * cols + j);
    const xr = x[p];
    const xi = lanes === 2 ? x[p + 1] : 0;
    const yr = x[q];
    const yi = lanes === 2 ? x[q + 1] : 0;
    // x_i' = c x_i + s̄ x_j;  x_j' = −s x_i + c x_j
    x[p] = g.c * xr + g.sr * yr + g.si * yi;
    x[q] = -(g.sr * xr - g.si * xi) + g.c * yr;
    if (lanes === 2) {
      x[p + 1] = g.c * xi + g.sr * yi - g.si * yr;
      x[q + 1] = -(g.sr * xi + g.si * xr) + g.c * yi;
    }
  }
}
