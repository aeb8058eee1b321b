/**
 * The worker side of fft/fftn of real chunked input (see real-input.ts): a block of the half
 * spectrum, whole on every transformed axis but the real one, gets its complex FFTs along the
 * other axes (a CALL of fftn, with its memory hooks), then @sciport/fft's completeSpectrum
 * writes the block's values and, as a second output, their mirror image in the other half.
 */
import { type Completion, completeSpectrum } from '@sciport/fft/backend-kit';
import { withAxis } from '../chunked/grid.js';
import { allocateChunk, type ChunkData, chunkFits } from '../protocol/chunk-data.js';
import { type CallParams, runCall } from '../runtime/builtin-tasks.js';
import { COMPLETE_SPECTRUM } from '../runtime/task-names.js';
import { registerTask } from '../runtime/task-registry.js';

export interface CompleteSpectrumParams {
  /** The complex FFTs along the other axes of the task's block of the half spectrum. */
  readonly call: CallParams;
  readonly completion: Completion;
  /** Index along the real axis of the block's first value. */
  readonly start: number;
  /** The second output: the mirror image's first index and length along the real axis (none: empty). */
  readonly mirror?: { readonly start: number; readonly length: number };
}

type ComplexMemory = Float64Array | Float32Array;

registerTask(COMPLETE_SPECTRUM, (inputs, params: CompleteSpectrumParams, context) => {
  const given = context.outputs ?? [];
  const [own] = runCall(inputs, params.call, { outputs: given.slice(0, 1) });
  const how = params.completion;
  const half = { data: own.data as ComplexMemory, shape: own.shape, start: params.start };
  const outputs: ChunkData[] = [own];
  const mirror = params.mirror;
  if (mirror !== undefined) {
    const shape = withAxis(own.shape, how.realAxis, mirror.length);
    const image = chunkFits(given[1], own.dtype, shape) ? given[1] : allocateChunk(own.dtype, shape, false);
    completeSpectrum(half, { data: image.data as ComplexMemory, shape, start: mirror.start }, how);
    outputs.push(image);
  }
  // The block's own values last, in place: the mirror image above read them unscaled.
  completeSpectrum(half, half, how);
  return outputs;
});
