/** Complex scalars as [re, im] pairs, with the elementary functions the Schur-based algorithms need (principal branches, as NumPy). */
import { cexp } from './expm-kernel.js';
export type C = readonly [number, number];

export const cadd = (a: C, b: C): C => [a[0] + b[0], a[1] + b[1]];
export const csub = (a: C, b: C): C => [a[0] - b[0], a[1] - b[1]];
export const cmul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
export const cscale = (a: C, s: number): C => [a[0] * s, a[1] * s];
export const cabs = (a: C): number => Math.hypot(a[0], a[1]);
export const cequal = (a: C, b: C): boolean => a[0] === b[0] && a[1] === b[1];

/** a / b (Smith's algorithm). */
export function cdivide(a: C, b: C): C {
  const [xr, xi] = a;
  const [yr, yi] = b;
  if (Math.abs(yr) >= Math.abs(yi)) {
    const r = yi / yr;
    const d = yr + yi * r;
    return [(xr + xi * r) / d, (xi - xr * r) / d];
  }
  const r = yr / yi;
  const d = yr * r + yi;
  return [(xr * r + xi) / d, (xi * r - xr) / d];
}

export const cexpC = (a: C): C => cexp(a[0], a[1]);

export const clog = (a: C): C => [Math.log(cabs(a)), Math.atan2(a[1], a[0])];

export function csqrtC(a: C): C {
  const [re, im] = a;
  const r = Math.hypot(re, im);
  if (r === 0) return [0, im];
  const s = Math.sqrt((r + Math.abs(re)) / 2);
  if (re >= 0) return [s, im / (2 * s)];
  return [Math.abs(im) / (2 * s), im >= 0 ? s : -s];
}

/** a^p = exp(p log a) for real p (NumPy's complex power for a ≠ 0). */
export const cpow = (a: C, p: number): C => (a[0] === 0 && a[1] === 0 ? [p === 0 ? 1 : 0, 0] : cexpC(cscale(clog(a), p)));

/** atanh z = ½ (log(1 + z) − log(1 − z)). */
export const catanh = (z: C): C => cscale(csub(clog([1 + z[0], z[1]]), clog([1 - z[0], -z[1]])), 0.5);

/** sinh z = ½ (e^z − e^−z). */
export const csinh = (z: C): C => cscale(csub(cexpC(z), cexpC([-z[0], -z[1]])), 0.5);

/** The unwinding number of z: ⌈(Im z − π) / 2π⌉. */
export const unwind = (z: C): number => Math.ceil((z[1] - Math.PI) / (2 * Math.PI));
