/**
 * SciPy's boundary modes for interpolation, where (unlike the filters) all eight names
 * differ. A mode says three things, here kept apart:
 *
 * - where a coordinate outside the input lands (`mapCoordinate`): 'mirror' reflects
 *   about the edge samples (period 2n−2), 'reflect'/'grid-mirror' about the pixel edges
 *   (period 2n), 'grid-wrap' repeats with period n, 'wrap' with period n−1 (its first and
 *   last samples coincide); 'constant' marks any coordinate outside [0, n−1] as outside
 *   (the result is cval, no interpolation); 'nearest' and 'grid-constant' keep it;
 * - how the spline coefficients continue past the ends (`coefficientExtension`): by the
 *   same symmetry, by the edge coefficient ('nearest') or by cval ('grid-constant');
 * - which extension the prefilter's recursions assume (`prefilterBoundary`), and whether
 *   the input is first padded by 12 samples ('nearest': its edge, 'grid-constant': cval)
 *   so that the prefilter sees the extension the interpolation uses.
 */
import type { BoundaryMode } from './modes.js';
import type { SplineBoundary } from './spline-prefilter.js';

/** How coefficient indices past the ends are read: folded into [0, n), or cval (-1). */
export type CoefficientExtension = 'mirror' | 'reflect' | 'periodic' | 'clamp' | 'cval';

export function coefficientExtension(mode: BoundaryMode): CoefficientExtension {
  switch (mode) {
    case 'reflect':
    case 'grid-mirror':
      return 'reflect';
    case 'grid-wrap':
      return 'periodic';
    case 'nearest':
      return 'clamp';
    case 'grid-constant':
      return 'cval';
    default:
      // 'mirror', and 'constant'/'wrap', which read coefficients only inside [0, n−1]
      return 'mirror';
  }
}

/** The extension the prefilter assumes for `mode` (as SciPy's spline_filter1d). */
export function prefilterBoundary(mode: BoundaryMode): SplineBoundary {
  switch (mode) {
    case 'reflect':
    case 'grid-mirror':
    case 'nearest':
      return 'reflect';
    case 'grid-wrap':
      return 'wrap';
    default:
      return 'mirror';
  }
}

/** Samples of padding the interpolation functions add before prefiltering (SciPy's 12). */
export const SPLINE_PADDING = 12;

/** Whether the interpolation functions pad the input before prefiltering in `mode`. */
export function padsBeforePrefilter(mode: BoundaryMode): boolean {
  return mode === 'nearest' || mode === 'grid-constant';
}

/** r mod p in [0, p). */
function modulo(r: number, p: number): number {
  const m = r % p;
  return m < 0 ? m + p : m;
}

/**
 * Where coordinate `cc` of an axis of length `n` reads: a coordinate to interpolate at,
 * or NaN for "the result is cval" ('constant' outside [0, n−1]; a NaN coordinate in every
 * mode that folds). Coordinates inside [0, n−1] are kept as they are; 'nearest' and
 * 'grid-constant' keep every coordinate (their coefficients continue past the ends).
 *
 * The folds are SciPy's arithmetic (scipy/ndimage/src/ni_interpolation.c,
 * map_coordinate): whole periods are removed as (integer period) · trunc(cc / period),
 * so a folded coordinate has the same bits as SciPy's and so the same weights.
 */
export function mapCoordinate(cc: number, n: number, mode: BoundaryMode): number {
  if (mode === 'nearest' || mode === 'grid-constant') return cc;
  if (cc >= 0 && cc <= n - 1) return cc;
  if (Number.isNaN(cc) || mode === 'constant') return Number.NaN;
  if (n <= 1) return 0;
  switch (mode) {
    case 'mirror': {
      // symmetric about 0 and n − 1, period 2n − 2
      const p = 2 * n - 2;
      if (cc < 0) {
        const r = p * Math.trunc(-cc / p) + cc;
        return r <= 1 - n ? r + p : -r;
      }
      const r = cc - p * Math.trunc(cc / p);
      return r >= n ? p - r : r;
    }
    case 'reflect':
    case 'grid-mirror': {
      // symmetric about −½ and n − ½, period 2n
      const p = 2 * n;
      if (cc < 0) {
        const r = cc < -p ? p * Math.trunc(-cc / p) + cc : cc;
        // a coordinate just below 0 stays just above −1, so it is not taken for cval
        return r < -n ? r + p : (r > -1e-15 ? 1e-15 : -r) - 1;
      }
      const r = cc - p * Math.trunc(cc / p);
      return r >= n ? p - r - 1 : r;
    }
    case 'wrap': {
      // period n − 1: the first and last samples coincide
      const p = n - 1;
      return cc < 0 ? cc + p * (Math.trunc(-cc / p) + 1) : cc - p * Math.trunc(cc / p);
    }
    default: {
      // 'grid-wrap': period n
      return cc < 0 ? cc + n * (Math.trunc((-1 - cc) / n) + 1) : cc - n * Math.trunc(cc / n);
    }
  }
}

/** Coefficient index `k` of an axis of length `n` folded into [0, n), or -1 for cval. */
export function foldIndex(k: number, n: number, extension: CoefficientExtension): number {
  if (k >= 0 && k < n) return k;
  if (extension === 'cval') return -1;
  if (n === 1) return 0;
  switch (extension) {
    case 'clamp':
      return k < 0 ? 0 : n - 1;
    case 'periodic':
      return modulo(k, n);
    case 'reflect': {
      const r = modulo(k, 2 * n);
      return r < n ? r : 2 * n - 1 - r;
    }
    case 'mirror': {
      const r = modulo(k, 2 * n - 2);
      return r < n ? r : 2 * n - 2 - r;
    }
  }
}
