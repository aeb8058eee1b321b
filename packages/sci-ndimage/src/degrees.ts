/**
 * Sine and cosine of an angle in degrees, as SciPy's rotate computes them (cosdg and
 * sindg of the Cephes Math Library, S. L. Moshier, 1987): the angle is reduced to an
 * octant of 45° exactly, in degrees, and only then converted to radians, so multiples
 * of 90° give exact 0 and ±1, and the polynomials below (Cephes' minimax coefficients
 * for sin and cos on [0, π/4]) give SciPy's bits for every other angle.
 */

/** π/180 (the double nearest to it). */
const RADIANS_PER_DEGREE = 0.017453292519943295;
/** sin z ≈ z + z³·P(z²) on [0, π/4] (Cephes' coefficients, as the doubles they round to). */
const SINE = [1.5896230157221844e-10, -2.5050747762850355e-8, 2.7557313621385676e-6, -1.984126982958954e-4, 8.333333333322118e-3, -0.1666666666666663];
/** cos z ≈ 1 − z²·Q(z²) on [0, π/4]. */
const COSINE = [1.1367817138204455e-11, -2.0875883375768363e-9, 2.7557315542981663e-7, -2.480158729361863e-5, 1.3888888888880667e-3, -0.04166666666666664, 0.5];

/** Σ coefficients[i]·x^(N−i), by Horner's rule. */
function horner(x: number, coefficients: readonly number[]): number {
  let v = coefficients[0];
  for (let i = 1; i < coefficients.length; i++) v = v * x + coefficients[i];
  return v;
}

/** [cos, sin] of `angle` degrees (a finite number). */
export function cosSinDegrees(angle: number): [number, number] {
  const x = Math.abs(angle);
  // past 1e14 degrees no digit of the reduced angle is left: Cephes (and so SciPy) gives 0 for both
  if (x > 1e14) return [0, 0];
  // the octant, taken mod 16 octants before the integer conversion as Cephes does
  let y = Math.floor(x / 45);
  let j = y - Math.floor(y / 16) * 16;
  // round odd octants up, so the remainder lies in [−45°, 45°)
  if (j % 2 === 1) {
    j += 1;
    y += 1;
  }
  j %= 8;
  const half = j > 3;
  if (half) j -= 4;
  const z = (x - y * 45) * RADIANS_PER_DEGREE;
  const zz = z * z;
  const sine = z + z * (zz * horner(zz, SINE));
  const cosine = 1 - zz * horner(zz, COSINE);
  // octants 2 and 6 (j = 1, 2 after folding) swap the two
  const swapped = j === 1 || j === 2;
  let s = swapped ? cosine : sine;
  let c = swapped ? sine : cosine;
  if (half !== angle < 0) s = -s;
  if (half !== j > 1) c = -c;
  return [c, s];
}
