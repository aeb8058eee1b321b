import { type DType, type NDArray, packedMap } from '@sciport/array-api';
import { broadcastShapes, checkMatrixRank, matmulShapes, tensordotAxes } from '@sciport/array-api/kit';
import { FOLD, XP } from '../../runtime/task-names.js';
import { inputRef } from '../../runtime/template.js';
import type { Block } from '../block.js';
import { ChunkedArray } from '../chunked-array.js';
import { rechunkArray, submitTask } from '../core.js';
import { blockIndices, blockShape, checkChunkedSize, flatIndex, numBlocks } from '../grid.js';
import { host, probeArray } from './common.js';
import { broadcastTo, expandDims, moveaxis, reshape, dropAxes } from './manipulate.js';

const FAN_IN = 8;

/**
 * Blocked matrix product: C[i, j] = Σ_k A[i, k] · B[k, j], one task per block product and a
 * tree of sums per output block. B's row blocks are aligned to A's column blocks first.
 * Stacks of matrices broadcast over their leading axes.
 */
export function matmul(a: ChunkedArray, b: ChunkedArray): ChunkedArray {
  // The host function checks the dtypes (before the shapes, as on host arrays).
  const dtype = (host.matmul(probeArray([1, 1], a.dtype), probeArray([1, 1], b.dtype)) as NDArray).dtype as DType;
  matmulShapes(a.shape, b.shape, checkChunkedSize);
  if (a.ndim === 1) return dropAxes(matmul(expandDims(a, 0), b), [b.ndim === 1 ? 0 : Math.max(b.ndim, 2) - 2]);
  if (b.ndim === 1) return dropAxes(matmul(a, expandDims(b, 1)), [a.ndim - 1]);
  const batch = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const A0 = broadcastTo(a, [...batch, ...a.shape.slice(-2)]);
  const B0 = broadcastTo(b, [...batch, ...b.shape.slice(-2)]);
  // Align B's batch blocks and its K blocks to A's.
  const nb = batch.length;
  const A = A0;
  const B = rechunkArray(
    B0,
    packedMap(B0.chunks, (c, d) => (d < nb ? [...A0.chunks[d]] : d === nb ? [...A0.chunks[nb + 1]] : [...c])),
  );
  const outChunks = [...packedMap(A.chunks.slice(0, nb), (c) => [...c]), [...A.chunks[nb]], [...B.chunks[nb + 1]]];
  const kBlocks = A.chunks[nb + 1].length;
  const gridA = numBlocks(A.chunks);
  const gridB = numBlocks(B.chunks);
  const blocks: Block[] = [];
  for (const idx of blockIndices(numBlocks(outChunks))) {
    const bi = idx.slice(0, nb);
    const [i, j] = idx.slice(nb);
    const shape = blockShape(outChunks, idx);
    let level: Block[] = [];
    for (let kk = 0; kk < kBlocks; kk++) {
      const ab = A.blocks[flatIndex([...bi, i, kk], gridA)];
      const bb = B.blocks[flatIndex([...bi, kk, j], gridB)];
      level.push(submitTask(A.cluster, XP, [ab, bb], { op: 'matmul', args: [inputRef(0), inputRef(1)] }, shape, dtype));
    }
    if (level.length === 0) {
      // K = 0: the product is all zeros.
      level.push(submitTask(A.cluster, XP, [], { op: 'zeros', args: [shape, { dtype }] }, shape, dtype));
    }
    while (level.length > 1) {
      const next: Block[] = [];
      for (let s = 0; s < level.length; s += FAN_IN) {
        const group = level.slice(s, s + FAN_IN);
        next.push(group.length === 1 ? group[0] : submitTask(A.cluster, FOLD, group, { op: 'add' }, shape, dtype));
      }
      level = next;
    }
    blocks.push(level[0]);
  }
  const outShape = [...batch, a.shape[a.ndim - 2], b.shape[b.ndim - 1]];
  return new ChunkedArray(A.cluster, dtype, outShape, outChunks, blocks);
}

export function matrixTranspose(x: ChunkedArray): ChunkedArray {
  checkMatrixRank(x.ndim, 'matrixTranspose');
  return moveaxis(x, -1, -2);
}

/** tensordot as a matrix product of the two arrays folded to 2-D (contracted axes inner). */
export function tensordot(
  a: ChunkedArray,
  b: ChunkedArray,
  axes: unknown = 2,
): ChunkedArray {
  const [axA, axB] = tensordotAxes(axes, a.shape, b.shape);
  const freeA = packedMap(a.shape, (_, d) => d).filter((d) => !axA.includes(d));
  const freeB = packedMap(b.shape, (_, d) => d).filter((d) => !axB.includes(d));
  const K = axA.reduce((p, d) => p * a.shape[d], 1);
  const A2 = reshape(moveaxis(a, axA, packedMap(axA, (_, i) => freeA.length + i)), [freeA.reduce((p, d) => p * a.shape[d], 1), K]);
  const B2 = reshape(moveaxis(b, axB, packedMap(axB, (_, i) => i)), [K, freeB.reduce((p, d) => p * b.shape[d], 1)]);
  return reshape(matmul(A2, B2), [...packedMap(freeA, (d) => a.shape[d]), ...packedMap(freeB, (d) => b.shape[d])]);
}
