/**
 * z^k for a non-negative integer k, rounded once to the nearest double. C's pow (which
 * SciPy's prefilter calls) rounds this way for all but a few powers below 1e-100, too
 * small to change a coefficient; JavaScript's ** is off by one unit in the last place for
 * about 1.6% of the prefilter's powers, which would change the coefficients' last bits.
 * The power is formed by repeated squaring in double-double arithmetic (Dekker, "A
 * floating-point technique for extending the available precision", Numer. Math. 18,
 * 1971: exact products by Veltkamp splitting), whose error stays far below half a unit
 * for the exponents of an array's length.
 */

/** Veltkamp's splitting constant 2^27 + 1. */
const SPLIT = 134217729;

/** The rounding error of a·b (a·b = fl(a·b) + error exactly). */
function productError(a: number, b: number, product: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return al * bl - (((product - ah * bh) - al * bh) - ah * bl);
}

export function powRounded(z: number, k: number): number {
  if (k === 0) return 1;
  if (!Number.isFinite(z) || z === 0) return z ** k;
  // result (rh + rl) and the current square (bh + bl), both double-double
  let rh = 1;
  let rl = 0;
  let bh = z;
  let bl = 0;
  for (let e = k; ; ) {
    if (e & 1) {
      const p = rh * bh;
      const err = productError(rh, bh, p) + (rh * bl + rl * bh);
      rh = p + err;
      rl = err - (rh - p);
    }
    e = Math.floor(e / 2);
    if (e === 0) break;
    const p = bh * bh;
    const err = productError(bh, bh, p) + 2 * bh * bl;
    bh = p + err;
    bl = err - (bh - p);
  }
  return rh + rl;
}
