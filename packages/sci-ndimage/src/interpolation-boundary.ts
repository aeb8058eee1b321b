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
 * or NaN for "outside: the result is cval" ('constant' only). Coordinates inside
 * [0, n−1] are kept as they are in every mode.
 */
export function mapCoordinate(cc: number, n: number, mode: BoundaryMode): number {
  if (cc >= 0 && cc <= n - 1) return cc;
  switch (mode) {
    case 'constant':
      return Number.NaN;
    case 'nearest':
    case 'grid-constant':
      return cc;
    case 'mirror': {
      if (n === 1) return 0;
      // past the upper end a coordinate is folded only from n on: one in (n−1, n) keeps
      // its place and reads folded coefficients (the same value; at an order-0 tie SciPy
      // rounds to the folded sample, and so does this)
      const p = 2 * n - 2;
      const r = modulo(cc < 0 ? -cc : cc, p);
      return r > n - 1 && (cc < 0 || r >= n) ? p - r : r;
    }
    case 'reflect':
    case 'grid-mirror': {
      // symmetric about −½ and n − ½
      const r = modulo(cc + 0.5, 2 * n);
      return (r > n ? 2 * n - r : r) - 0.5;
    }
    case 'wrap':
      return n === 1 ? 0 : modulo(cc, n - 1);
    case 'grid-wrap':
      return modulo(cc, n);
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
