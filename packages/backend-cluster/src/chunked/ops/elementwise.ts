import { type DType, type NDArray, packedMap } from '@sciport/array-api';
import { broadcastShapes } from '@sciport/array-api/kit';
import type { Cluster } from '../../cluster.js';
import { XP } from '../../runtime/task-names.js';
import { inputRef } from '../../runtime/template.js';
import type { Block } from '../block.js';
import { ChunkedArray, isChunked } from '../chunked-array.js';
import { rechunkArray, submitTask } from '../core.js';
import { blockIndices, blockShape, type Chunks, flatIndex, numBlocks, sameChunks } from '../grid.js';
import { asChunked, clusterOf, host, isScalar, probeArray } from './common.js';
import { fillTemplate } from '../../runtime/template.js';

/**
 * Bring arrays to one chunk grid for a broadcast result: per output axis, the first array that
 * spans it sets the block lengths and the others are rechunked to it (dask's unify_chunks, in
 * its simplest form). Arrays that broadcast along an axis keep their single block there.
 */
export function unifyForBroadcast(arrays: readonly ChunkedArray[], outShape: readonly number[]): { arrays: ChunkedArray[]; chunks: number[][] } {
  const nd = outShape.length;
  const chunks: number[][] = packedMap(outShape, (n) => [n]);
  const chosen = new Array<boolean>(nd).fill(false);
  for (const a of arrays) {
    for (let i = 0; i < a.ndim; i++) {
      const d = nd - a.ndim + i;
      if (!chosen[d] && a.shape[i] === outShape[d] && (outShape[d] !== 1 || a.shape[i] === 1)) {
        chunks[d] = [...a.chunks[i]];
        chosen[d] = true;
      }
    }
  }
  const unified = packedMap(arrays, (a) => {
    const target: Chunks = packedMap(a.shape, (n, i) => {
      const d = nd - a.ndim + i;
      return n === outShape[d] ? chunks[d] : a.chunks[i];
    });
    return sameChunks(a.chunks, target) ? a : rechunkArray(a, target);
  });
  return { arrays: unified, chunks };
}

/**
 * Apply a host namespace function block by block. `template` is its argument list with
 * `{ $input: i }` where the i-th array goes; scalars and options stay as they are.
 * The output dtype comes from running the host function on empty arrays (the host namespace
 * is the reference for type promotion and errors).
 */
export function elementwise(op: string, arrays: readonly unknown[], template: readonly unknown[], fallback?: Cluster): ChunkedArray {
  const cluster = clusterOf(arrays, fallback);
  const inputs = packedMap(arrays, (a, i) => asChunked(a, cluster, `x${i + 1}`));
  const probe = host[op](...(fillTemplate(template, packedMap(inputs, (a) => probeArray(packedMap(a.shape, () => 0), a.dtype))) as unknown[])) as NDArray;
  const dtype = probe.dtype as DType;
  const outShape = broadcastShapes(...packedMap(inputs, (a) => a.shape));
  const { arrays: unified, chunks } = unifyForBroadcast(inputs, outShape);
  const grid = numBlocks(chunks);
  const blocks: Block[] = [];
  for (const idx of blockIndices(grid)) {
    const deps = packedMap(unified, (a) => {
      const local = packedMap(a.shape, (n, i) => {
        const d = outShape.length - a.ndim + i;
        return n === outShape[d] ? idx[d] : 0;
      });
      return a.blocks[flatIndex(local, numBlocks(a.chunks))];
    });
    blocks.push(submitTask(cluster, XP, deps, { op, args: template }, blockShape(chunks, idx), dtype));
  }
  return new ChunkedArray(cluster, dtype, outShape, chunks, blocks);
}

/** A unary function of the namespace on one chunked array. */
export function unary(op: string, cluster?: () => Cluster) {
  return (x: unknown) => elementwise(op, [cluster === undefined ? x : asChunked(x, cluster(), 'x')], [inputRef(0)]);
}

/**
 * A binary function; either side may be a scalar (kept as a Python-style scalar for dtype
 * promotion, as the host namespace does; the host function refuses two scalars).
 */
export function binary(op: string, fallback?: () => Cluster) {
  return (x1: unknown, x2: unknown) => {
    const arrays: unknown[] = [];
    const slot = (v: unknown, name: string) => {
      if (isScalar(v)) return v;
      arrays.push(fallback === undefined || isChunked(v) ? v : asChunked(v, fallback(), name));
      return inputRef(arrays.length - 1);
    };
    const template = [slot(x1, 'x1'), slot(x2, 'x2')];
    return elementwise(op, arrays, template, fallback?.());
  };
}
