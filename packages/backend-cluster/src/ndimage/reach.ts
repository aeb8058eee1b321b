/**
 * How far a sciport.ndimage filter reads around each point, per axis: the reads of its window
 * (before and after the point, origin included) and the boundary mode each read uses beyond
 * the array's edges. The options were validated by the host function first (strategies.ts runs
 * it on a probe), so this module only interprets them, as the host does:
 * - a window of w points shifted by `origin` reads ⌊w/2⌋ + origin before and w − ⌊w/2⌋ − 1 −
 *   origin after (SciPy's size1/size2); convolution mirrors the origin;
 * - a Gaussian of σ reads its radius, ⌊truncate·σ + ½⌋ or `radius`, on both sides;
 * - weights and footprints span the filtered axes in increasing order (SciPy's rule), the
 *   separable (box) passes of min/max pair sizes with `axes` as given; a footprint or size of a
 *   rank filter may go either way, so both readings are taken (a longer reach is always exact).
 */
import { asarray, packedMap } from '@sciport/array-api';
import { normalizeAxis } from '@sciport/array-api/kit';

/** The five boundary extensions the filters implement (SciPy's `grid-*` names are aliases). */
export type Extension = 'reflect' | 'constant' | 'nearest' | 'mirror' | 'wrap';

/** One pass of a window along an axis. */
export interface AxisRead {
  readonly axis: number;
  readonly before: number;
  readonly after: number;
  readonly mode: Extension;
}

const ALIASES: Record<string, Extension> = { 'grid-mirror': 'reflect', 'grid-constant': 'constant', 'grid-wrap': 'wrap' };

function extension(mode: unknown): Extension {
  if (mode === undefined || mode === null) return 'reflect';
  return ALIASES[mode as string] ?? (mode as Extension);
}

/** A per-axis option (`size`, `mode`, `origin`, `sigma`, `radius`): one value for every axis, or a list. */
function perAxis<T>(value: unknown, count: number): T[] {
  if (Array.isArray(value)) return [...value] as T[];
  return Array.from({ length: count }, () => value as T);
}

/** SciPy's `axes`: all axes when unset, else the given ones (normalised), in the order given. */
function axesOf(axes: unknown, ndim: number): number[] {
  if (axes === undefined || axes === null) return Array.from({ length: ndim }, (_, d) => d);
  return packedMap(Array.isArray(axes) ? (axes as unknown[]) : [axes], (a) => normalizeAxis(a, ndim, 'axes'));
}

function axisOf(axis: unknown, ndim: number): number {
  return normalizeAxis(axis ?? -1, ndim, 'axis');
}

/** A window of `size` shifted by `origin` along `axis`. */
function windowRead(axis: number, size: number, origin: number, mode: Extension): AxisRead {
  const half = Math.floor(size / 2);
  return { axis, before: half + origin, after: size - half - 1 - origin, mode };
}

/** Convolution's origin along an axis of `size` weights (SciPy mirrors the window). */
function mirroredOrigin(origin: number, size: number): number {
  return size % 2 === 0 ? -origin - 1 : -origin;
}

/** SciPy skips Gaussian axes whose sigma is at most this. */
const SIGMA_EPSILON = 1e-15;

function gaussianRadius(sigma: number, truncate: unknown, radius: unknown): number {
  if (typeof radius === 'number') return radius;
  return Math.trunc((typeof truncate === 'number' ? truncate : 4) * sigma + 0.5);
}

/**
 * A window over `axes` whose i-th dimension spans `shape[i]`: paired with `axes` as given
 * (`given`), or with the axes in increasing order (SciPy's weights and footprints).
 */
function windowReads(
  axes: readonly number[],
  shape: readonly number[],
  origins: readonly number[],
  modes: readonly Extension[],
  pairing: 'given' | 'sorted',
  convolve = false,
): AxisRead[] {
  const sorted = [...axes].sort((a, b) => a - b);
  return packedMap(axes, (axis, i) => {
    const size = shape[pairing === 'given' ? i : sorted.indexOf(axis)];
    const origin = origins[i] ?? 0;
    return windowRead(axis, size, convolve ? mirroredOrigin(origin, size) : origin, modes[i]);
  });
}

type Options = Record<string, unknown>;

function modesOf(o: Options, count: number): Extension[] {
  return packedMap(perAxis<unknown>(o.mode, count), extension);
}

function originsOf(o: Options, count: number): number[] {
  return packedMap(perAxis<unknown>(o.origin, count), (v) => (typeof v === 'number' ? v : 0));
}

/** min/max/rank/median/percentile over a `size` box or a footprint, read both ways (see above). */
function rankReads(ndim: number, o: Options): AxisRead[] {
  const axes = axesOf(o.axes, ndim);
  const shape = o.footprint === undefined ? perAxis<number>(o.size, axes.length) : asarray(o.footprint as never).shape;
  const origins = originsOf(o, axes.length);
  const modes = modesOf(o, axes.length);
  return [...windowReads(axes, shape, origins, modes, 'given'), ...windowReads(axes, shape, origins, modes, 'sorted')];
}

/** Every axis smoothed by a Gaussian of `sigmas` (one per input axis), once per derivative mode. */
function gaussianDerivativeReads(ndim: number, sigmas: readonly number[], o: Options, modes: readonly Extension[]): AxisRead[] {
  const radii = perAxis<unknown>(o.radius, ndim);
  const reads: AxisRead[] = [];
  for (const mode of modes) {
    for (let d = 0; d < ndim; d++) {
      if (sigmas[d] <= SIGMA_EPSILON) continue;
      const r = gaussianRadius(sigmas[d], o.truncate, radii[d]);
      reads.push({ axis: d, before: r, after: r, mode });
    }
  }
  return reads;
}

/**
 * The reads of `name(input, ...positional, options)` on an input of `ndim` axes; undefined for
 * a function without a window this module knows.
 */
export function filterReads(name: string, ndim: number, positional: readonly unknown[], options: unknown): AxisRead[] | undefined {
  const o = (options ?? {}) as Options;
  const [first] = positional;
  switch (name) {
    case 'correlate1d':
    case 'convolve1d': {
      const size = asarray(first as never).size;
      const origin = typeof o.origin === 'number' ? o.origin : 0;
      return [windowRead(axisOf(o.axis, ndim), size, name === 'convolve1d' ? mirroredOrigin(origin, size) : origin, extension(o.mode))];
    }
    case 'correlate':
    case 'convolve': {
      const axes = axesOf(o.axes, ndim);
      const shape = asarray(first as never).shape;
      const modes = packedMap(axes, () => extension(o.mode));
      return windowReads(axes, shape, originsOf(o, axes.length), modes, 'sorted', name === 'convolve');
    }
    case 'uniformFilter1d':
    case 'minimumFilter1d':
    case 'maximumFilter1d':
      return [windowRead(axisOf(o.axis, ndim), first as number, typeof o.origin === 'number' ? o.origin : 0, extension(o.mode))];
    case 'uniformFilter': {
      const axes = axesOf(o.axes, ndim);
      return windowReads(axes, perAxis<number>(o.size ?? 3, axes.length), originsOf(o, axes.length), modesOf(o, axes.length), 'given');
    }
    case 'gaussianFilter1d': {
      const r = gaussianRadius(first as number, o.truncate, o.radius);
      return [{ axis: axisOf(o.axis, ndim), before: r, after: r, mode: extension(o.mode) }];
    }
    case 'gaussianFilter': {
      const axes = axesOf(o.axes, ndim);
      const sigmas = perAxis<number>(first, axes.length);
      const radii = perAxis<unknown>(o.radius, axes.length);
      const modes = modesOf(o, axes.length);
      const reads: AxisRead[] = [];
      axes.forEach((axis, i) => {
        if (sigmas[i] <= SIGMA_EPSILON) return;
        const r = gaussianRadius(sigmas[i], o.truncate, radii[i]);
        reads.push({ axis, before: r, after: r, mode: modes[i] });
      });
      return reads;
    }
    case 'prewitt':
    case 'sobel': {
      const modes = modesOf(o, ndim);
      return packedMap(modes, (mode, axis) => ({ axis, before: 1, after: 1, mode }));
    }
    case 'laplace': {
      const axes = axesOf(o.axes, ndim);
      const modes = modesOf(o, axes.length);
      return packedMap(axes, (axis, i) => ({ axis, before: 1, after: 1, mode: modes[i] }));
    }
    case 'gaussianLaplace': {
      // sigma pairs with `axes`; the other axes are not smoothed
      const axes = axesOf(o.axes, ndim);
      const given = perAxis<number>(first, axes.length);
      const sigmas = new Array<number>(ndim).fill(0);
      axes.forEach((axis, i) => {
        sigmas[axis] = given[i];
      });
      return gaussianDerivativeReads(ndim, sigmas, o, modesOf(o, axes.length));
    }
    case 'gaussianGradientMagnitude': {
      // sigma (one, or one per input axis) smooths every axis, filtered or not
      const axes = axesOf(o.axes, ndim);
      return gaussianDerivativeReads(ndim, perAxis<number>(first, ndim), o, modesOf(o, axes.length));
    }
    case 'minimumFilter':
    case 'maximumFilter':
    case 'rankFilter':
    case 'medianFilter':
    case 'percentileFilter':
      return rankReads(ndim, o);
    default:
      return undefined;
  }
}
