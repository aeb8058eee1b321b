/**
 * The worker side of halo exchange (chunked/ops/halo.ts): the task's block extended by the
 * borders it reads is assembled from pieces of its own and its neighbours' blocks (runs
 * reflected by a boundary mode are copied backwards), then the call runs on it and the
 * block's own part of the result goes to the output chunk.
 */
import { cStrides } from '@sciport/array-api';
import type { ChunkData } from '../protocol/chunk-data.js';
import { layoutOf } from '../protocol/dtypes.js';
import { type AssembleParams, type AssemblePiece, copyBox } from './assemble.js';
import { type CallParams, runCall } from './builtin-tasks.js';
import { Scratch } from './scratch.js';
import { HALO } from './task-names.js';
import { registerTask } from './task-registry.js';

/** A box of an input block copied into the haloed block; along `reversed` axes the source index decreases from `srcStart`. */
export interface HaloPiece extends AssemblePiece {
  readonly reversed?: readonly number[];
}

export interface HaloParams {
  /** The haloed block: its first `count` inputs are the blocks its pieces come from. */
  readonly halo: AssembleParams & { readonly count: number; readonly pieces: readonly HaloPiece[] };
  /**
   * Arrays haloed by the same pieces (a mask): each takes the next `count` inputs, the blocks
   * at the same grid positions, and is the call's input 1, 2, ….
   */
  readonly companions?: readonly { readonly dtype: string }[];
  /** The call on the haloed block (input 0; the task's inputs after `count` follow), `boxes` its block's part. */
  readonly call: CallParams;
}

/** copyBox for a piece with reversed axes: element by element (such pieces are a halo's thin faces). */
function copyReversed(src: ChunkData, dst: ChunkData, piece: HaloPiece, reversed: readonly number[]): void {
  const { lanes } = layoutOf(dst.dtype);
  const s = src.data as unknown as { [i: number]: unknown };
  const t = dst.data as unknown as { [i: number]: unknown };
  const ss = cStrides(src.shape);
  const ds = cStrides(dst.shape);
  const nd = piece.extent.length;
  const step = new Array<number>(nd);
  for (let d = 0; d < nd; d++) step[d] = reversed.includes(d) ? -ss[d] : ss[d];
  let so = 0;
  let to = 0;
  for (let d = 0; d < nd; d++) {
    so += piece.srcStart[d] * ss[d];
    to += piece.dstStart[d] * ds[d];
  }
  const idx = new Array<number>(nd).fill(0);
  for (;;) {
    for (let k = 0; k < lanes; k++) t[to * lanes + k] = s[so * lanes + k];
    let d = nd - 1;
    for (; d >= 0; d--) {
      if (++idx[d] < piece.extent[d]) {
        so += step[d];
        to += ds[d];
        break;
      }
      so -= (piece.extent[d] - 1) * step[d];
      to -= (piece.extent[d] - 1) * ds[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/** Haloed blocks are built here (one scratch per haloed array), reused from task to task (the call's result is a new array). */
const haloed: Scratch[] = [];

/** The haloed block of `dtype` assembled by `pieces` from `inputs` (their `input` indices count from 0) into scratch `slot`. */
export function haloedBlock(inputs: readonly ChunkData[], pieces: readonly HaloPiece[], dtype: string, shape: readonly number[], slot: number): ChunkData {
  haloed[slot] ??= new Scratch();
  const block = haloed[slot].chunk(dtype, shape);
  for (const piece of pieces) {
    if (piece.extent.some((e) => e === 0)) continue;
    if (piece.reversed === undefined) copyBox(inputs[piece.input], block, piece);
    else copyReversed(inputs[piece.input], block, piece, piece.reversed);
  }
  return block;
}

registerTask(HALO, (inputs, params: HaloParams, context) => {
  const { halo } = params;
  const companions = params.companions ?? [];
  const blocks = [haloedBlock(inputs, halo.pieces, halo.dtype, halo.shape, 0)];
  companions.forEach(({ dtype }, k) => {
    const own = inputs.slice((k + 1) * halo.count, (k + 2) * halo.count);
    blocks.push(haloedBlock(own, halo.pieces, dtype, halo.shape, k + 1));
  });
  return runCall([...blocks, ...inputs.slice((companions.length + 1) * halo.count)], params.call, context);
});
