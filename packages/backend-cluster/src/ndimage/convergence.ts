/**
 * Binary erosion and dilation repeated until nothing changes (iterations below 1; also
 * binaryPropagation and binaryFillHoles, which @sciport/ndimage composes from them) across
 * chunks, never gathered onto one worker: rounds of local work and border exchange. Each round
 * is one halo map running k iterations on every block extended by k reaches (exact for those
 * k iterations), followed by a tree reduction over the blocks asking whether anything changed.
 * The first round that changes nothing has reached the host's fixed point.
 *
 * k is chosen so that a block's halo is at most its own length along each filtered axis: a
 * haloed block then spans at most its neighbours' blocks, and a change travels at least one
 * block per round.
 */
import { type DType, packedMap } from '@sciport/array-api';
import type { ChunkedArray } from '../chunked/chunked-array.js';
import { rechunkArray } from '../chunked/core.js';
import { deferredArray } from '../chunked/deferred.js';
import { chunkedNamespace } from '../chunked/namespace.js';
import { asChunked } from '../chunked/ops/common.js';
import { binaryMorphologyReads } from './morphology-reach.js';
import { morphologyHaloMap } from './morphology.js';

type Options = Record<string, unknown>;

/** Iterations per round: the shortest block over the reach, along the axes the structure reaches. */
export function iterationsPerRound(x: ChunkedArray, options: Options): number {
  let k = Number.POSITIVE_INFINITY;
  for (const read of binaryMorphologyReads(x.ndim, { ...options, iterations: 1 })) {
    const reach = Math.max(read.before, read.after);
    if (reach > 0) k = Math.min(k, Math.floor(Math.min(...x.chunks[read.axis]) / reach));
  }
  return Number.isFinite(k) ? Math.max(1, k) : 1;
}

async function rounds(name: string, x: ChunkedArray, options: Options, dtype: DType): Promise<ChunkedArray> {
  const xp = chunkedNamespace(x.cluster) as unknown as Record<string, (...args: unknown[]) => ChunkedArray>;
  const step = { ...options, iterations: iterationsPerRound(x, options) };
  // the first round also turns the input into bool (and drops the caller's array from `current`)
  let current = morphologyHaloMap(name, x, step, dtype);
  for (;;) {
    const next = morphologyHaloMap(name, current, step, dtype);
    const changed = xp.any(xp.notEqual(next, current));
    const flag = await changed.toHost();
    changed.dispose();
    current.dispose();
    current = next;
    if (!(flag.data as Uint8Array)[0]) return sameGrid(current, x);
  }
}

/** `y` on `x`'s grid (a halo map over an axis made whole has one block along it). */
function sameGrid(y: ChunkedArray, x: ChunkedArray): ChunkedArray {
  const z = rechunkArray(y, x.chunks);
  if (z !== y) y.dispose();
  return z;
}

/** `name` (binaryErosion or binaryDilation) with iterations below 1, returned at once; its blocks exist when the rounds end. */
export function convergeMorphology(name: string, x: ChunkedArray, options: Options, dtype: DType): ChunkedArray {
  // a mask is put on the cluster once, on the input's grid, for every round
  const { mask } = options;
  const held = mask === undefined || mask === null ? undefined : rechunkArray(asChunked(mask, x.cluster, 'mask'), x.chunks);
  const settled = rounds(name, x, held === undefined ? options : { ...options, mask: held }, dtype);
  // the mask's blocks stay alive while tasks read them (they hold them), so the array itself may go now
  settled.finally(() => {
    if (held !== undefined && held !== mask) held.dispose();
  }).catch(() => {});
  return deferredArray(x.cluster, dtype, x.shape, packedMap(x.chunks, (c) => [...c]), settled);
}
