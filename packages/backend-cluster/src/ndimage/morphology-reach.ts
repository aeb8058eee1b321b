/**
 * How far the morphology primitives (binary and grey erosion and dilation) read around each
 * point, per axis, for halo exchange. The options were validated by the host function first
 * (on a probe), so this module only interprets them:
 * - a binary structure spans the filtered axes in increasing order, as the host pairs them;
 *   grey windows pair differently for boxes, footprints and origins, so the longest window
 *   dimension is taken on every filtered axis;
 * - a window of w points with any origin the host accepts reads at most w − 1 points on either
 *   side, for erosion and for dilation (which mirrors the window and its origin), so w − 1 is
 *   taken on both sides: a longer reach is always exact;
 * - binary operations repeat `iterations` times, each pass reading one reach further;
 * - beyond the array's edges, binary operations see `borderValue` (the host pads it: `clip`),
 *   grey ones the boundary `mode` (one, or one per axis for a box).
 */
import { asarray, packedMap } from '@sciport/array-api';
import { normalizeAxis } from '@sciport/array-api/kit';
import { isChunked } from '../chunked/chunked-array.js';
import type { AxisRead, Extension } from './reach.js';

type Options = Record<string, unknown>;

const ALIASES: Record<string, Extension> = { 'grid-mirror': 'reflect', 'grid-constant': 'constant', 'grid-wrap': 'wrap' };

function extension(mode: unknown): Extension {
  if (mode === undefined || mode === null) return 'reflect';
  return ALIASES[mode as string] ?? (mode as Extension);
}

function axesOf(axes: unknown, ndim: number): number[] {
  if (axes === undefined || axes === null) return Array.from({ length: ndim }, (_, d) => d);
  return packedMap(Array.isArray(axes) ? (axes as unknown[]) : [axes], (a) => normalizeAxis(a, ndim, 'axes'));
}

/** The shape of an array argument: a chunked array's, or what asarray makes of it. */
export function shapeOf(value: unknown): readonly number[] {
  return isChunked(value) ? value.shape : asarray(value as never).shape;
}

/** Reach per filtered axis of a window of `shape` over `axes` (paired in increasing order). */
function windowReach(axes: readonly number[], shape: readonly number[]): Map<number, number> {
  const sorted = [...axes].sort((a, b) => a - b);
  return new Map(packedMap(sorted, (axis, i) => [axis, Math.max(0, (shape[i] ?? 1) - 1)] as [number, number]));
}

/** The repetitions of a binary operation with finite `iterations` (the caller handles < 1). */
export function finiteIterations(o: Options): number {
  return typeof o.iterations === 'number' ? o.iterations : 1;
}

/** The reads of binaryErosion/binaryDilation with `options` (finite iterations) on `ndim` axes. */
export function binaryMorphologyReads(ndim: number, options: unknown): AxisRead[] {
  const o = (options ?? {}) as Options;
  const axes = axesOf(o.axes, ndim);
  const shape = o.structure === undefined || o.structure === null ? packedMap(axes, () => 3) : shapeOf(o.structure);
  const passes = finiteIterations(o);
  return packedMap([...windowReach(axes, shape)], ([axis, r]) => ({ axis, before: r * passes, after: r * passes, mode: 'constant' }));
}

/** The reads of greyErosion/greyDilation with `options` on `ndim` axes. */
export function greyMorphologyReads(ndim: number, options: unknown): AxisRead[] {
  const o = (options ?? {}) as Options;
  const axes = axesOf(o.axes, ndim);
  const modes = Array.isArray(o.mode) ? packedMap(o.mode as unknown[], extension) : packedMap(axes, () => extension(o.mode));
  const window = o.structure ?? o.footprint;
  // The flat windows go to the minimum/maximum filters, whose footprint and origin pairings
  // differ from the structure's: the longest window dimension bounds every axis's reach.
  const lengths = window !== undefined && window !== null ? shapeOf(window) : Array.isArray(o.size) ? (o.size as number[]) : [o.size as number];
  const r = Math.max(1, ...lengths) - 1;
  return packedMap(axes, (axis, i) => ({ axis, before: r, after: r, mode: modes[i] }));
}
