/**
 * The worker side of `label` on chunked arrays (label.ts plans it):
 * - LABEL_BLOCK labels one block on its own (the host function) and lists, per block label,
 *   the global C-order index of its first element — within a block C order is the global C
 *   order, so that element is the label's first in the whole array too;
 * - LABEL_BORDERS reads the block's block labels extended by one element from each neighbour
 *   (faces, edges and corners), each piece raised by its source block's base so that labels are
 *   unique across blocks, and lists the pairs the structure connects between an element of the
 *   block and an element of a neighbour, each pair once (offsets in the structure's later half);
 * - RELABEL maps block labels through the block's lookup table.
 */
import { cStrides, NDArray } from '@sciport/array-api';
import { label } from '@sciport/ndimage';
import type { ChunkData } from '../protocol/chunk-data.js';
import { chunkToNDArray, ndarrayToChunk } from '../runtime/ndarray-bridge.js';
import { type HaloPiece, haloedBlock } from '../runtime/halo-task.js';
import { LABEL_BLOCK, LABEL_BORDERS, RELABEL } from '../runtime/task-names.js';
import { registerTask } from '../runtime/task-registry.js';

export interface LabelBlockParams {
  /** The structure's 0/1 values in C order and its shape (null: the default). */
  readonly structure: { readonly shape: readonly number[]; readonly values: readonly number[] } | null;
  /** The block's first element in the array, and the array's shape. */
  readonly start: readonly number[];
  readonly shape: readonly number[];
}

registerTask(LABEL_BLOCK, ([x], params: LabelBlockParams) => {
  const s = params.structure;
  const structure = s === null ? undefined : new NDArray(Uint8Array.from(s.values), [...s.shape], 'bool');
  const [labels, count] = label(chunkToNDArray(x), { structure }) as [NDArray, number];
  const values = labels.data as Int32Array;
  const firsts = new Float64Array(count);
  const strides = cStrides(params.shape);
  const local = x.shape;
  const coord = new Array<number>(local.length).fill(0);
  let seen = 0;
  for (let i = 0; i < values.length && seen < count; i++) {
    const l = values[i];
    if (l > seen) {
      // labels first appear in increasing order
      let flat = 0;
      for (let d = 0; d < local.length; d++) flat += (params.start[d] + coord[d]) * strides[d];
      firsts[l - 1] = flat;
      seen = l;
    }
    for (let d = local.length - 1; d >= 0; d--) {
      if (++coord[d] < local[d]) break;
      coord[d] = 0;
    }
  }
  return [ndarrayToChunk(labels), { dtype: 'float64', shape: [count], data: firsts }];
});

export interface LabelBordersParams {
  readonly halo: { readonly shape: readonly number[]; readonly pieces: readonly HaloPiece[] };
  /** Per input block, what its labels are raised by. */
  readonly bases: readonly number[];
  /** Where the block starts in the haloed block, and its shape. */
  readonly crop: readonly number[];
  readonly own: readonly number[];
  /** The structure's offsets in its later half (first nonzero coordinate +1). */
  readonly offsets: readonly (readonly number[])[];
}

/** Raises the nonzero labels of each piece's box in `block` by its source block's base. */
function raise(block: ChunkData, pieces: readonly HaloPiece[], bases: readonly number[]): void {
  const data = block.data as Int32Array;
  const strides = cStrides(block.shape);
  for (const piece of pieces) {
    const base = bases[piece.input];
    if (base === 0 || piece.extent.some((e) => e === 0)) continue;
    const idx = new Array<number>(piece.extent.length).fill(0);
    for (;;) {
      let flat = 0;
      for (let d = 0; d < idx.length; d++) flat += (piece.dstStart[d] + idx[d]) * strides[d];
      if (data[flat] !== 0) data[flat] += base;
      let d = idx.length - 1;
      for (; d >= 0; d--) {
        if (++idx[d] < piece.extent[d]) break;
        idx[d] = 0;
      }
      if (d < 0) break;
    }
  }
}

registerTask(LABEL_BORDERS, (inputs, params: LabelBordersParams) => {
  const block = haloedBlock(inputs, params.halo.pieces, 'int32', params.halo.shape, 0);
  raise(block, params.halo.pieces, params.bases);
  const data = block.data as Int32Array;
  const shape = params.halo.shape;
  const strides = cStrides(shape);
  const nd = shape.length;
  const { crop, own } = params;
  const pairs = new Set<string>();
  const out: number[] = [];
  const coord = new Array<number>(nd).fill(0);
  const total = own.reduce((a, b) => a * b, 1);
  // elements on the block's faces only: an inner element's neighbours are all in the block
  for (let k = 0; k < total; k++) {
    const onFace = coord.some((c, d) => c === 0 || c === own[d] - 1);
    if (onFace) {
      let p = 0;
      for (let d = 0; d < nd; d++) p += (crop[d] + coord[d]) * strides[d];
      const lp = data[p];
      if (lp !== 0) {
        for (const o of params.offsets) {
          let inside = true;
          let outside = false;
          let q = p;
          for (let d = 0; d < nd; d++) {
            const c = coord[d] + o[d];
            if (crop[d] + c < 0 || crop[d] + c >= shape[d]) inside = false;
            if (c < 0 || c >= own[d]) outside = true;
            q += o[d] * strides[d];
          }
          if (!inside || !outside) continue;
          const lq = data[q];
          if (lq === 0 || lq === lp) continue;
          const key = `${lp},${lq}`;
          if (pairs.has(key)) continue;
          pairs.add(key);
          out.push(lp, lq);
        }
      }
    }
    for (let d = nd - 1; d >= 0; d--) {
      if (++coord[d] < own[d]) break;
      coord[d] = 0;
    }
  }
  return { dtype: 'int32', shape: [out.length / 2, 2], data: Int32Array.from(out) };
});

registerTask(RELABEL, ([labels, table]) => {
  const lut = table.data as Int32Array;
  const values = labels.data as Int32Array;
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = lut[values[i]];
  return ndarrayToChunk(new NDArray(out, [...labels.shape], 'int32'));
});
