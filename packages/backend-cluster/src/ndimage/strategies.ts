/**
 * The cluster backend's implementations of @sciport/ndimage's filters: halo exchange (see
 * chunked/ops/halo.ts). Each task runs the very host function, addressed by the multimethod's
 * stable id, on its block extended by the borders the window reads (filterReads), and keeps its
 * block's part. The host function first runs on a probe on the submitting thread: it refuses
 * bad arguments there, with its own typed errors, and gives the result's dtype.
 *
 * Functions whose argument is a callback are declared too, so that dispatch can say why they
 * do not run here (a task names code, it never carries it): `ndimageVerdict` declines them.
 */
import { asarray, type DType, NDArray, packedMap } from '@sciport/array-api';
import { arrayKind, NotSupportedError } from '@sciport/dispatch-core';
import { NDIMAGE_DOMAIN, NDIMAGE_MULTIMETHODS, type NdimageFunction } from '@sciport/ndimage';
import type { Block } from '../chunked/block.js';
import { type ChunkedArray, isChunked } from '../chunked/chunked-array.js';
import { fromHost, rechunkArray } from '../chunked/core.js';
import { checkPlan } from '../chunked/grid.js';
import { probeArray, withoutBackend } from '../chunked/ops/common.js';
import { type AxisHalo, haloMap } from '../chunked/ops/halo.js';
import { inputRef } from '../runtime/template.js';
import { type AxisRead, filterReads } from './reach.js';

/** The filters that run by halo exchange, in the table's order. */
const HALO_FILTERS = new Set([
  'correlate1d',
  'convolve1d',
  'correlate',
  'convolve',
  'uniformFilter1d',
  'uniformFilter',
  'gaussianFilter1d',
  'gaussianFilter',
  'prewitt',
  'sobel',
  'laplace',
  'gaussianLaplace',
  'gaussianGradientMagnitude',
  'minimumFilter1d',
  'maximumFilter1d',
  'minimumFilter',
  'maximumFilter',
  'rankFilter',
  'medianFilter',
  'percentileFilter',
]);

/** The filters whose argument is a JS callback: declared, and always declined (see ndimageVerdict). */
const CALLBACK_FILTERS = new Set(['genericLaplace', 'genericGradientMagnitude', 'genericFilter1d', 'genericFilter', 'vectorizedFilter']);

const CALLBACK_REASON =
  'its callback is a function of this thread, and cluster tasks name registered code, they never carry it: ' +
  'gather the input (await x.toHost()) and call it on the host array';

const OUTPUT_REASON =
  "'output' is an array, which chunk tasks cannot fill: pass the output dtype instead " +
  "(output: 'float32') and read the result with await y.toHost()";

/** Functions whose result is a count or summary, which fill a host `output` array themselves once the labels are known (label). */
const FILLS_OUTPUT = new Set(['label']);

/** The functions declared only to decline every call, by stable id, with the reason. */
export const DECLINED_NDIMAGE: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(packedMap([...CALLBACK_FILTERS], (name) => [`${NDIMAGE_DOMAIN}.${name}`, CALLBACK_REASON])),
);

/** The trailing options object of a call of `row` (after the input and the positional arguments). */
function optionsOf(row: NdimageFunction, args: readonly unknown[]): unknown {
  return args[1 + row.args.length];
}

function isArrayValue(value: unknown): boolean {
  return value instanceof NDArray || arrayKind(value) !== undefined;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, d) => n === b[d]);
}

/**
 * Whether the cluster can run this call of `row` (dispatch's canRun): never a callback filter;
 * never into a preallocated `output` array of the input's shape (one of another shape is a
 * mistake the strategy reports with the host's ShapeError).
 */
export function ndimageVerdict(row: NdimageFunction, args: readonly unknown[]): true | string {
  if (CALLBACK_FILTERS.has(row.name)) return CALLBACK_REASON;
  const options = optionsOf(row, args);
  const output = options !== null && typeof options === 'object' ? (options as { output?: unknown }).output : undefined;
  const input = args[0] as { shape?: readonly number[] };
  if (!FILLS_OUTPUT.has(row.name) && isArrayValue(output) && Array.isArray(input.shape) && sameShape((output as { shape: readonly number[] }).shape, input.shape)) {
    return OUTPUT_REASON;
  }
  return true;
}

/**
 * Arguments as task parameters: host arrays and typed arrays (weights, a footprint) become
 * blocks on the cluster that every task reads (JSON and structured clone keep neither), and so
 * do chunked arrays (a structure a composition built on the cluster), gathered into one block;
 * nested lists, numbers and strings travel as they are. The extra blocks are the call's inputs
 * `first`, `first + 1`, … (after the haloed block and its companions).
 */
export function shipArguments(
  x: ChunkedArray,
  positional: readonly unknown[],
  options: unknown,
  first = 1,
): { args: unknown[]; extra: Block[]; dispose: () => void } {
  const extra: Block[] = [];
  const held: ChunkedArray[] = [];
  const ship = (value: unknown): unknown => {
    let array: ChunkedArray;
    if (isChunked(value)) {
      array = rechunkArray(value, packedMap(value.shape, (n) => [n]));
    } else {
      const host = value instanceof NDArray ? value : ArrayBuffer.isView(value) ? asarray(value as never) : undefined;
      if (host === undefined) return value;
      array = fromHost(
        host,
        x.cluster,
        packedMap(host.shape, (n) => [n]),
      );
    }
    // the caller's own array (already one block) stays theirs
    if (array !== value) held.push(array);
    extra.push(array.blocks[0]);
    return inputRef(first + extra.length - 1);
  };
  const args = [inputRef(0), ...packedMap(positional, ship)];
  if (options !== null && typeof options === 'object' && !Array.isArray(options)) {
    const shipped: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(options)) shipped[k] = ship(v);
    args.push(shipped);
  } else if (options !== undefined) {
    args.push(options);
  }
  return { args, extra, dispose: () => {
      for (const a of held) a.dispose();
    },
  };
}

/**
 * Per axis of `shape`, the halo the reads need (see AxisHalo): the longest reach, and how to
 * extend the edges. An axis read with several modes, or whose halo alone is longer than the
 * axis (a window wider than the array, which the mode would repeat), is made whole instead.
 */
export function haloOf(shape: readonly number[], reads: readonly AxisRead[]): AxisHalo[] {
  return packedMap(shape, (n, axis): AxisHalo => {
    const on = reads.filter((r) => r.axis === axis && (r.before > 0 || r.after > 0));
    if (on.length === 0) return { before: 0, after: 0, edge: 'clip' };
    const before = Math.max(...packedMap(on, (r) => r.before));
    const after = Math.max(...packedMap(on, (r) => r.after));
    const modes = new Set(packedMap(on, (r) => r.mode));
    if (modes.size > 1 || before + after > n) return { before: 0, after: 0, edge: 'whole' };
    const [mode] = modes;
    return { before, after, edge: mode === 'constant' ? 'clip' : mode };
  });
}

/** The option that sets a filter's window, for the error when its haloed blocks would be too large. */
function windowArgument(row: NdimageFunction, options: unknown): string {
  const o = (options ?? {}) as { footprint?: unknown; radius?: unknown };
  if (row.args[0] === 'weights') return 'weights';
  if (row.args[0] === 'sigma') return o.radius === undefined || o.radius === null ? 'sigma' : 'radius';
  return o.footprint === undefined ? 'size' : 'footprint';
}

/** Elements of the largest haloed block: each axis's longest block and its halo (clipped to the axis). */
function largestHaloedBlock(x: ChunkedArray, halo: readonly AxisHalo[]): number {
  let elements = 1;
  for (let d = 0; d < x.ndim; d++) {
    const n = x.shape[d];
    const block = Math.max(...x.chunks[d]);
    const h = halo[d];
    elements *= h.edge === 'whole' ? n : h.edge === 'clip' ? Math.min(n, block + h.before + h.after) : block + h.before + h.after;
  }
  return elements;
}

/** A filter of `row` on a chunked array, by halo exchange. */
function haloFilter(row: NdimageFunction): (x: unknown, ...rest: unknown[]) => ChunkedArray {
  const host = NDIMAGE_MULTIMETHODS[row.name].default as (...args: unknown[]) => NDArray;
  const id = `${NDIMAGE_DOMAIN}.${row.name}`;
  return (x, ...rest) => {
    const c = x as ChunkedArray;
    const positional = rest.slice(0, row.args.length);
    const options = withoutBackend(rest[row.args.length]);
    const output = (options as { output?: unknown } | undefined)?.output;
    const toDtype = output === undefined || output === null || typeof output === 'string';
    // The host refuses bad arguments here, with its own errors; an output array of another
    // shape meets its ShapeError only against the input's real shape.
    const probeShape = toDtype ? packedMap(c.shape, (n) => Math.min(n, 1)) : c.shape;
    const probe = host(probeArray(probeShape, c.dtype), ...positional, options);
    if (!toDtype) throw new NotSupportedError(`${row.name}: ${OUTPUT_REASON}.`, { argument: 'output' });
    const reads = filterReads(row.name, c.ndim, positional, options) ?? [];
    const halo = haloOf(c.shape, reads);
    checkPlan({ blockElements: largestHaloedBlock(c, halo), blocks: 0 }, windowArgument(row, options), 'Use a smaller window, or rechunk to smaller blocks first.');
    const shipped = shipArguments(c, positional, options);
    try {
      return haloMap(c, halo, { id, args: shipped.args, extra: shipped.extra, dtype: probe.dtype as DType });
    } finally {
      shipped.dispose();
    }
  };
}

/** A callback filter: declined by canRun; called directly, it says why. */
function callbackFilter(row: NdimageFunction): () => never {
  return () => {
    throw new NotSupportedError(`${row.name} does not run on chunked arrays: ${CALLBACK_REASON}.`, { argument: row.args[0] });
  };
}

/** The cluster's strategy for a row of the ndimage table; undefined where it has none. */
export function ndimageStrategy(row: NdimageFunction): ((...args: any[]) => unknown) | undefined {
  if (HALO_FILTERS.has(row.name)) return haloFilter(row);
  if (CALLBACK_FILTERS.has(row.name)) return callbackFilter(row);
  return undefined;
}
