/**
 * Eigenvalues and eigenvectors of a real symmetric tridiagonal matrix by the implicit QL
 * algorithm with Wilkinson-type shifts (Bowdler, Martin, Reinsch & Wilkinson, "The QR and QL
 * algorithms for symmetric matrices", Numer. Math. 11, 1968 — EISPACK's tql1/tql2, the
 * method of LAPACK's steqr/sterf), then sorted in ascending order. Computed in double.
 */

/** QL sweeps allowed per eigenvalue before giving up (LAPACK's steqr allows 30·n in all). */
const MAX_ITERATIONS = 30;

/**
 * In place: d (n diagonal entries) becomes the eigenvalues in ascending order; e[i] (i < n−1)
 * couples i and i+1 and is destroyed. With `zt` (rows of `lanes`·width values), the rotations
 * are applied to its rows i, i+1 — zt holds the transposed eigenvector matrix — and the rows
 * are sorted with the eigenvalues. Returns 0, or the number of off-diagonal entries that
 * did not converge (LAPACK's info).
 */
export function tridiagonalQL(d: Float64Array, e: Float64Array, n: number, zt: Float64Array | null, width: number, lanes: number): number {
  const eps = 2 ** -52;
  const row = lanes * width;
  if (n > 0) e[n - 1] = 0;
  for (let l = 0; l < n; l++) {
    let iterations = 0;
    for (;;) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= eps * dd) break;
      }
      if (m === l) break;
      if (iterations++ === MAX_ITERATIONS * n) return e.subarray(0, n - 1).filter((x) => x !== 0).length;
      // the shift: the eigenvalue of the leading 2×2 block nearer d[l]
      let g = (d[l + 1] - d[l]) / (2 * e[l]);
      let r = Math.hypot(g, 1);
      g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      let underflow = false;
      for (; i >= l; i--) {
        const f = s * e[i];
        const b = c * e[i];
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          // recover from underflow: the block splits here
          d[i + 1] -= p;
          e[m] = 0;
          underflow = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        if (zt !== null) {
          const r0 = i * row;
          const r1 = (i + 1) * row;
          for (let k = 0; k < row; k++) {
            const x = zt[r1 + k];
            zt[r1 + k] = s * zt[r0 + k] + c * x;
            zt[r0 + k] = c * zt[r0 + k] - s * x;
          }
        }
      }
      if (underflow) continue;
      d[l] -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
  // ascending order (selection sort, as steqr sorts)
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    for (let j = i + 1; j < n; j++) if (d[j] < d[k]) k = j;
    if (k === i) continue;
    const t = d[i];
    d[i] = d[k];
    d[k] = t;
    if (zt !== null) {
      for (let x = 0; x < row; x++) {
        const u = zt[i * row + x];
        zt[i * row + x] = zt[k * row + x];
        zt[k * row + x] = u;
      }
    }
  }
  return 0;
}
