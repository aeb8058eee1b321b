/**
 * Cholesky factorisation A = Uᵀ U reading and writing the upper triangle of a row-major
 * matrix (dpotf2 with uplo = 'U'), right-looking: once row j of U is scaled, it is
 * subtracted, times U[j, i], from the rest of each later row i of the triangle, so every
 * inner loop runs along a stored row. Each element receives its subtractions in the same
 * order (k ascending) as real.ts's potrf on the mirrored lower triangle, so the factor is
 * the same to the last bit; the strictly lower triangle is neither read nor written.
 */
import type { Float } from '../stack.js';

/** Returns LAPACK's `info`: 0, or 1 + the order of the first leading minor that is not positive definite. */
export function potrfUpper(a: Float, o: number, n: number): number {
  for (let j = 0; j < n; j++) {
    const rj = o + j * n;
    const d = a[rj + j];
    if (!(d > 0)) return j + 1;
    const ujj = Math.sqrt(d);
    a[rj + j] = ujj;
    for (let c = j + 1; c < n; c++) a[rj + c] /= ujj;
    for (let i = j + 1; i < n; i++) {
      const u = a[rj + i];
      const ri = o + i * n;
      for (let c = i; c < n; c++) a[ri + c] -= u * a[rj + c];
    }
  }
  return 0;
}
