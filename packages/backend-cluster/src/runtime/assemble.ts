import { cStrides } from '@sciport/array-api';
import { type ChunkData, allocateChunk } from '../protocol/chunk-data.js';
import { layoutOf } from '../protocol/dtypes.js';

/** One box copied from an input chunk into the output chunk. */
export interface AssemblePiece {
  /** Index into the task's inputs. */
  readonly input: number;
  readonly srcStart: readonly number[];
  readonly dstStart: readonly number[];
  readonly extent: readonly number[];
}

export interface AssembleParams {
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly pieces: readonly AssemblePiece[];
}

/** Rows shorter than this many typed-array elements are copied by a plain loop. */
const SHORT_ROW = 64;

/**
 * Copy an N-d box between two C-contiguous chunks. Trailing axes that the box spans whole in
 * both chunks are merged first, so the copy runs over rows as long as possible; long rows go
 * through TypedArray#set (memcpy), short ones through a loop (no subarray object per row).
 */
export function copyBox(src: ChunkData, dst: ChunkData, piece: Omit<AssemblePiece, 'input'>): void {
  const { lanes } = layoutOf(dst.dtype);
  const sData = src.data as any;
  const dData = dst.data as any;
  const nd = piece.extent.length;
  if (nd === 0) {
    for (let k = 0; k < lanes; k++) dData[k] = sData[k];
    return;
  }
  for (const e of piece.extent) if (e === 0) return;
  // Merge trailing axes spanned whole by the box in both chunks into one long row axis.
  let inner = nd - 1;
  let row = piece.extent[inner];
  while (
    inner > 0 &&
    piece.srcStart[inner] === 0 &&
    piece.dstStart[inner] === 0 &&
    piece.extent[inner] === src.shape[inner] &&
    piece.extent[inner] === dst.shape[inner]
  ) {
    inner--;
    row *= piece.extent[inner];
  }
  const ss = cStrides(src.shape);
  const ds = cStrides(dst.shape);
  const rowLen = row * lanes;
  const outer = inner;
  const idx = new Array<number>(outer).fill(0);
  for (;;) {
    let so = piece.srcStart[inner] * ss[inner];
    let doff = piece.dstStart[inner] * ds[inner];
    for (let d = 0; d < outer; d++) {
      so += (piece.srcStart[d] + idx[d]) * ss[d];
      doff += (piece.dstStart[d] + idx[d]) * ds[d];
    }
    so *= lanes;
    doff *= lanes;
    if (rowLen < SHORT_ROW) {
      for (let k = 0; k < rowLen; k++) dData[doff + k] = sData[so + k];
    } else {
      dData.set(sData.subarray(so, so + rowLen), doff);
    }
    let d = outer - 1;
    while (d >= 0 && ++idx[d] === piece.extent[d]) idx[d--] = 0;
    if (d < 0) return;
  }
}

/**
 * Build one output chunk from boxes of input chunks (rechunking, slicing, concatenation), in
 * `into` when given (its dtype and shape are the params'; the pieces tile it, as regionPlan
 * makes them, so every element is written).
 */
export function assemble(inputs: readonly ChunkData[], params: AssembleParams, into?: ChunkData): ChunkData {
  const out = into ?? allocateChunk(params.dtype, params.shape, false);
  for (const piece of params.pieces) copyBox(inputs[piece.input], out, piece);
  return out;
}

/**
 * A task's first `count` inputs are pieces of one block to assemble before the task runs
 * (a rechunk fused into the operation that needed it).
 */
export interface GatherParams extends AssembleParams {
  readonly count: number;
}

/**
 * The task's inputs with the gathered block in front of the remaining (extra) inputs, the block
 * assembled in `into` when given (worker scratch).
 */
export function gatherInputs(
  inputs: readonly ChunkData[],
  gather: GatherParams | undefined,
  into?: (dtype: string, shape: readonly number[]) => ChunkData,
): readonly ChunkData[] {
  if (gather === undefined) return inputs;
  return [assemble(inputs.slice(0, gather.count), gather, into?.(gather.dtype, gather.shape)), ...inputs.slice(gather.count)];
}
