/**
 * The centred B-spline β^n of degree n = 0…5 sampled at the order + 1 coefficients that
 * a coordinate reads (Unser 1999, "Splines: a perfect fit for signal and image
 * processing", eq. 4: β^n is the (n+1)-fold convolution of the unit box; these are its
 * piecewise polynomials in Horner form). An odd order reads the coefficients around ⌊x⌋,
 * an even one those around the nearest integer ⌊x + ½⌋.
 *
 * The arithmetic is SciPy's, operation for operation (scipy/ndimage/src/ni_splines.c,
 * get_spline_interpolation_weights): the polynomials are evaluated at the distance to
 * the middle knot, x − ⌊x⌋ (odd) or x − ⌊x + ½⌋ (even), and the last weight is 1 minus
 * the others, so that an integer result that is exactly a tie rounds as SciPy's does.
 */

/** The first coefficient index coordinate `x` reads at spline order `order`. */
export function splineStart(x: number, order: number): number {
  return (order % 2 === 1 ? Math.floor(x) : Math.floor(x + 0.5)) - (order >> 1);
}

/** The weights' last entry: what the others leave of 1. */
function completeToOne(weights: Float64Array, at: number, order: number): void {
  let last = 1;
  for (let k = 0; k < order; k++) last -= weights[at + k];
  weights[at + order] = last;
}

function weights0(_x: number, weights: Float64Array, at: number): void {
  weights[at] = 1;
}

function weights1(x: number, weights: Float64Array, at: number): void {
  weights[at] = 1 - (x - Math.floor(x));
  weights[at + 1] = 1 - weights[at];
}

function weights2(x: number, weights: Float64Array, at: number): void {
  const t = x - Math.floor(x + 0.5);
  weights[at + 1] = 0.75 - t * t;
  const v = 0.5 - t;
  weights[at] = 0.5 * v * v;
  weights[at + 2] = 1 - weights[at] - weights[at + 1];
}

function weights3(x: number, weights: Float64Array, at: number): void {
  const t = x - Math.floor(x);
  const u = 1 - t;
  weights[at + 1] = (t * t * (t - 2) * 3 + 4) / 6;
  weights[at + 2] = (u * u * (u - 2) * 3 + 4) / 6;
  weights[at] = (u * u * u) / 6;
  weights[at + 3] = 1 - weights[at] - weights[at + 1] - weights[at + 2];
}

function weights4(x: number, weights: Float64Array, at: number): void {
  const t = x - Math.floor(x + 0.5);
  const u = 1 - t;
  const t2 = t * t;
  weights[at + 2] = t2 * (t2 * 0.25 - 0.625) + 115 / 192;
  const y = 1 + t;
  weights[at + 1] = y * (y * ((y * (5 - y)) / 6 - 1.25) + 5 / 24) + 55 / 96;
  weights[at + 3] = u * (u * ((u * (5 - u)) / 6 - 1.25) + 5 / 24) + 55 / 96;
  const v = 0.5 - t;
  const v2 = v * v;
  weights[at] = (v2 * v2) / 24;
  completeToOne(weights, at, 4);
}

function weights5(x: number, weights: Float64Array, at: number): void {
  const t = x - Math.floor(x);
  const u = 1 - t;
  const t2 = t * t;
  weights[at + 2] = t2 * (t2 * (0.25 - t / 12) - 0.5) + 0.55;
  const u2 = u * u;
  weights[at + 3] = u2 * (u2 * (0.25 - u / 12) - 0.5) + 0.55;
  const y = t + 1;
  weights[at + 1] = y * (y * (y * (y * (y / 24 - 0.375) + 1.25) - 1.75) + 0.625) + 0.425;
  const z = u + 1;
  weights[at + 4] = z * (z * (z * (z * (z / 24 - 0.375) + 1.25) - 1.75) + 0.625) + 0.425;
  weights[at] = (u * u2 * u2) / 120;
  completeToOne(weights, at, 5);
}

/**
 * Per order, the function that writes the weights of coefficients start … start + order
 * for coordinate x (start = splineStart(x, order)) to `weights[at … at + order]`. Each
 * evaluates its polynomials at t, the distance to the middle knot (x − ⌊x⌋ for odd orders,
 * x − ⌊x + ½⌋ for even ones), and makes the last weight 1 minus the others (written out
 * for orders up to 3, the same operations in the same order). Small functions, so a loop
 * over many coordinates of one order can have its order's inlined.
 */
export const SPLINE_WEIGHTS: readonly ((x: number, weights: Float64Array, at: number) => void)[] = [weights0, weights1, weights2, weights3, weights4, weights5];
