/**
 * The morphology primitives of @sciport/ndimage on chunked arrays — binaryErosion,
 * binaryDilation, greyErosion, greyDilation — by halo exchange (chunked/ops/halo.ts): each
 * task runs the host function on its block extended by the structure's reach × iterations
 * (morphology-reach.ts) and keeps its block's part. A `mask` is haloed with the input (it is
 * read point by point). The compositions (openings, closings, top-hats, the gradient, the
 * Laplace, hit-or-miss) are @sciport/ndimage's own, written against the array namespace and
 * these multimethods, so on chunked arrays they run as chains of halo maps and elementwise
 * tasks, each step exact.
 *
 * Iterations below 1 (until nothing changes) converge across chunks in rounds (convergence.ts).
 */
import { type DType, NDArray, packedMap } from '@sciport/array-api';
import { ShapeError } from '@sciport/dispatch-core';
import { NDIMAGE_DOMAIN, NDIMAGE_MULTIMETHODS, type NdimageFunction } from '@sciport/ndimage';
import { type ChunkedArray, isChunked } from '../chunked/chunked-array.js';
import { checkPlan } from '../chunked/grid.js';
import { asChunked, probeArray, withoutBackend } from '../chunked/ops/common.js';
import { haloMap } from '../chunked/ops/halo.js';
import { inputRef } from '../runtime/template.js';
import { binaryMorphologyReads, finiteIterations, greyMorphologyReads, shapeOf } from './morphology-reach.js';
import type { AxisRead } from './reach.js';
import { haloOf, shipArguments } from './strategies.js';

/** The primitives this module runs; the compositions call them through dispatch. */
export const MORPHOLOGY_PRIMITIVES = new Set(['binaryErosion', 'binaryDilation', 'greyErosion', 'greyDilation']);

type Options = Record<string, unknown>;

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, d) => n === b[d]);
}

/**
 * The options as the probe on the submitting thread takes them: a chunked structure or
 * footprint becomes host ones of its shape and dtype (the host checks its rank and values'
 * kind), a mask one of the probe's shape (its own shape is checked against the input's here).
 */
function probeOptions(o: Options, probeShape: readonly number[], inputShape: readonly number[]): Options {
  const out: Options = { ...o };
  for (const key of ['structure', 'footprint']) {
    const v = o[key];
    if (isChunked(v)) out[key] = new NDArray(new Float64Array(v.size).fill(1), [...v.shape], 'float64');
  }
  if (o.mask !== undefined && o.mask !== null) {
    const shape = shapeOf(o.mask);
    if (!sameShape(shape, inputShape)) {
      throw new ShapeError(`'mask' has shape [${shape.join(', ')}], the input [${inputShape.join(', ')}].`, {
        argument: 'mask',
        hint: 'Give a mask of the input’s shape.',
      });
    }
    out.mask = probeArray(probeShape, 'bool');
  }
  return out;
}

/** Elements of the largest haloed block, as strategies.ts bounds them. */
function largestHaloedBlock(x: ChunkedArray, reads: readonly AxisRead[]): number {
  const halo = haloOf(x.shape, reads);
  let elements = 1;
  for (let d = 0; d < x.ndim; d++) {
    const h = halo[d];
    const block = Math.max(...x.chunks[d]);
    elements *= h.edge === 'whole' ? x.shape[d] : Math.min(h.edge === 'clip' ? x.shape[d] : Number.POSITIVE_INFINITY, block + h.before + h.after);
  }
  return elements;
}

/**
 * One halo map of primitive `name` with `options` (validated by the caller's probe). Exported
 * for the convergence rounds, which run a primitive a given number of iterations at a time.
 */
export function morphologyHaloMap(name: string, x: ChunkedArray, options: Options, dtype: DType): ChunkedArray {
  const binary = name.startsWith('binary');
  const reads = binary ? binaryMorphologyReads(x.ndim, options) : greyMorphologyReads(x.ndim, options);
  const window = binary ? 'structure' : options.structure !== undefined ? 'structure' : options.footprint !== undefined ? 'footprint' : 'size';
  checkPlan(
    { blockElements: largestHaloedBlock(x, reads), blocks: 0 },
    binary && finiteIterations(options) > 1 ? 'iterations' : window,
    'Use fewer iterations or a smaller window, or rechunk to smaller blocks first.',
  );
  const { mask, ...rest } = options;
  const companions = mask === undefined || mask === null ? [] : [asChunked(mask, x.cluster, 'mask')];
  const shipped = shipArguments(x, [], companions.length > 0 ? { ...rest, mask: inputRef(1) } : rest, 1 + companions.length);
  try {
    return haloMap(x, haloOf(x.shape, reads), { id: `${NDIMAGE_DOMAIN}.${name}`, args: shipped.args, extra: shipped.extra, dtype }, companions);
  } finally {
    shipped.dispose();
  }
}

/** The cluster's strategy for a morphology primitive (name in MORPHOLOGY_PRIMITIVES). */
export function morphologyStrategy(row: NdimageFunction, converge: (x: ChunkedArray, options: Options, dtype: DType) => ChunkedArray): (x: unknown, options?: unknown) => ChunkedArray {
  const host = NDIMAGE_MULTIMETHODS[row.name].default as (...args: unknown[]) => NDArray;
  return (input, rawOptions) => {
    const x = input as ChunkedArray;
    const options = (withoutBackend(rawOptions) ?? {}) as Options;
    const probeShape = packedMap(x.shape, (n) => Math.min(n, 1));
    // the host refuses bad arguments here, with its own errors, and gives the result's dtype
    const probe = host(probeArray(probeShape, x.dtype), probeOptions(options, probeShape, x.shape));
    const dtype = probe.dtype as DType;
    if (row.name.startsWith('binary') && finiteIterations(options) < 1) return converge(x, options, dtype);
    return morphologyHaloMap(row.name, x, options, dtype);
  };
}
