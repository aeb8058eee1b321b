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

function cStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    s[d] = acc;
    acc *= shape[d];
  }
  return s;
}

/** Copy an N-d box between two C-contiguous chunks, one innermost row at a time. */
export function copyBox(src: ChunkData, dst: ChunkData, piece: Omit<AssemblePiece, 'input'>): void {
  const { lanes } = layoutOf(dst.dtype);
  const nd = piece.extent.length;
  if (nd === 0) {
    (dst.data as any).set(src.data.subarray(0, lanes), 0);
    return;
  }
  for (const e of piece.extent) if (e === 0) return;
  const ss = cStrides(src.shape);
  const ds = cStrides(dst.shape);
  const row = piece.extent[nd - 1] * lanes;
  const idx = new Array<number>(nd - 1).fill(0);
  for (;;) {
    let so = piece.srcStart[nd - 1];
    let doff = piece.dstStart[nd - 1];
    for (let d = 0; d < nd - 1; d++) {
      so += (piece.srcStart[d] + idx[d]) * ss[d];
      doff += (piece.dstStart[d] + idx[d]) * ds[d];
    }
    (dst.data as any).set(src.data.subarray(so * lanes, so * lanes + row), doff * lanes);
    let d = nd - 2;
    while (d >= 0 && ++idx[d] === piece.extent[d]) idx[d--] = 0;
    if (d < 0) return;
  }
}

/** Build one output chunk from boxes of input chunks (rechunking, slicing, concatenation). */
export function assemble(inputs: readonly ChunkData[], params: AssembleParams): ChunkData {
  const out = allocateChunk(params.dtype, params.shape, false);
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

/** The task's inputs with the gathered block in front of the remaining (extra) inputs. */
export function gatherInputs(inputs: readonly ChunkData[], gather: GatherParams | undefined): readonly ChunkData[] {
  if (gather === undefined) return inputs;
  return [assemble(inputs.slice(0, gather.count), gather), ...inputs.slice(gather.count)];
}
