/**
 * The centred B-spline β^n of degree n = 0…5 sampled at the order + 1 coefficients that
 * a coordinate reads (Unser 1999, "Splines: a perfect fit", eq. 4: β^n is the (n+1)-fold
 * convolution of the unit box; these are its piecewise polynomials). An odd order reads
 * the coefficients around ⌊x⌋, an even one those around the nearest integer ⌊x + ½⌋.
 */

/** The first coefficient index coordinate `x` reads at spline order `order`. */
export function splineStart(x: number, order: number): number {
  return order % 2 === 1 ? Math.floor(x) - (order - 1) / 2 : Math.floor(x + 0.5) - order / 2;
}

/** β⁴(t), |t| < 5/2. */
function beta4(t: number): number {
  const a = Math.abs(t);
  const a2 = a * a;
  if (a < 0.5) return 115 / 192 + a2 * (a2 / 4 - 5 / 8);
  if (a < 1.5) return (55 + a * (20 + a * (-120 + a * (80 - 16 * a)))) / 96;
  if (a < 2.5) {
    const u = 5 - 2 * a;
    return (u * u * u * u) / 384;
  }
  return 0;
}

/** β⁵(t), |t| < 3. */
function beta5(t: number): number {
  const a = Math.abs(t);
  const a2 = a * a;
  if (a < 1) return 11 / 20 + a2 * (-1 / 2 + a2 / 4) - (a2 * a2 * a) / 12;
  if (a < 2) return 17 / 40 + a * (5 / 8 + a * (-7 / 4 + a * (5 / 4 + a * (-3 / 8 + a / 24))));
  if (a < 3) {
    const u = 3 - a;
    return (u * u * u * u * u) / 120;
  }
  return 0;
}

/**
 * Fills `weights[0..order]` with the weights of coefficients start … start + order for
 * coordinate `x` (start = splineStart(x, order)) and returns start.
 */
export function splineWeights(x: number, order: number, weights: Float64Array): number {
  const start = splineStart(x, order);
  switch (order) {
    case 0:
      weights[0] = 1;
      break;
    case 1: {
      const t = x - start;
      weights[0] = 1 - t;
      weights[1] = t;
      break;
    }
    case 2: {
      // t ∈ [−½, ½) past the nearest integer start + 1; the last weight completes the
      // partition of unity (the forms SciPy's digits follow)
      const t = x - start - 1;
      const v = 0.5 - t;
      weights[0] = 0.5 * v * v;
      weights[1] = 0.75 - t * t;
      weights[2] = 1 - weights[0] - weights[1];
      break;
    }
    case 3: {
      // t ∈ [0, 1) past ⌊x⌋ = start + 1; β³(t) = (3t²(t − 2) + 4)/6 for |t| < 1
      const t = x - start - 1;
      const u = 1 - t;
      weights[0] = (u * u * u) / 6;
      weights[1] = (t * t * (t - 2) * 3 + 4) / 6;
      weights[2] = (u * u * (u - 2) * 3 + 4) / 6;
      weights[3] = 1 - weights[0] - weights[1] - weights[2];
      break;
    }
    default: {
      const beta = order === 4 ? beta4 : beta5;
      for (let k = 0; k <= order; k++) weights[k] = beta(x - (start + k));
    }
  }
  return start;
}
