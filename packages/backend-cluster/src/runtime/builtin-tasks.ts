/**
 * Tasks every worker has. Importing this module registers them; the worker entries do.
 */
import { hostNamespace, type NDArray, packedMap } from '@sciport/array-api';
import { arrayKind, getMultimethod, InvalidArgumentError, NotSupportedError } from '@sciport/dispatch-core';
import { type ChunkData, chunkFits, copyChunk, doubleMemory } from '../protocol/chunk-data.js';
import { Scratch } from './scratch.js';
import { type AssembleParams, assemble, type GatherParams, gatherInputs } from './assemble.js';
import { chunkToNDArray, ndarrayToChunk } from './ndarray-bridge.js';
import { registerTask, type TaskContext } from './task-registry.js';
import { hostMemoryFor, type InputFillScope } from './host-memory.js';
import { type OutputBox, runInSlabs, type SplitParams, splitIntoBoxes, type TaskOutputs } from './split.js';
import { fillTemplate } from './template.js';

import { ASSEMBLE, CALL, FOLD, XP } from './task-names.js';

/** Parameters of CALL: a multimethod id and its argument list with `{ $input }` placeholders. */
export interface CallParams {
  readonly id: string;
  readonly args: readonly unknown[];
  readonly gather?: GatherParams;
  readonly split?: SplitParams;
  readonly boxes?: readonly OutputBox[];
}

export function resultToChunks(result: unknown, what: string): ChunkData[] {
  const list = Array.isArray(result) ? result : [result];
  return packedMap(list, (r) => {
    if (arrayKind(r) !== 'host') {
      throw new NotSupportedError(`${what} returned ${arrayKind(r) ?? typeof r} on a worker, expected a host array.`);
    }
    return ndarrayToChunk(r as any);
  });
}

registerTask(ASSEMBLE, (inputs, params: AssembleParams, context) => {
  // Straight into the submitter's output chunk when it fits.
  const out = context.outputs?.[0];
  return assemble(inputs, params, chunkFits(out, params.dtype, params.shape) ? out : undefined);
});

/** Worker scratch for blocks assembled from pieces (a rechunk fused into the task). */
const gathered = new Scratch();

/**
 * Run an operation on the task's block: directly, or slab by slab when the submitter asked for
 * a split (see split.ts), its result written to one output chunk or, with `boxes`, split into
 * several. `call` gets the arrays the argument template refers to, and memory it may write its
 * result into.
 */
function mapped(
  inputs: readonly ChunkData[],
  params: { gather?: GatherParams; split?: SplitParams; boxes?: readonly OutputBox[] },
  context: TaskContext,
  call: (arrays: NDArray[], memory: Float64Array | undefined) => unknown,
  what: string,
  fill?: InputFillScope,
): ChunkData[] {
  const outputs: TaskOutputs = { given: context.outputs ?? [], boxes: params.boxes };
  const single = (results: ChunkData[]): ChunkData => {
    if (results.length !== 1) throw new NotSupportedError(`${what} returned ${results.length} arrays; a split task needs one.`);
    return results[0];
  };
  if (params.split !== undefined) {
    return runInSlabs(inputs, params.gather, params.split, outputs, (block, extra, memory) => single(resultToChunks(call([block, ...extra], memory), what)));
  }
  if (params.boxes !== undefined) {
    const arrays = gatherInputs(inputs, params.gather, (dtype, shape) => gathered.chunk(dtype, shape));
    return splitIntoBoxes(single(resultToChunks(call(packedMap(arrays, chunkToNDArray), undefined), what)), outputs);
  }
  // The submitter's output chunk is offered as result memory. A block assembled from pieces
  // goes into that chunk itself when it has the output's dtype and shape (a complex FFT
  // pass): the transform then runs in place (withResultMemory), with no copy of the block.
  // Otherwise it goes into worker scratch.
  const out = outputs.given[0];
  const memory = out === undefined ? undefined : doubleMemory(out);
  const inPlace = params.gather !== undefined && memory !== undefined && chunkFits(out, params.gather.dtype, params.gather.shape);
  if (inPlace && fill !== undefined) {
    const results = callFilling(inputs, params.gather as GatherParams, out, fill, (arrays) => call(arrays, memory));
    if (results !== undefined) return resultToChunks(results, what);
  }
  const arrays = gatherInputs(inputs, params.gather, (dtype, shape) => (inPlace ? out : gathered.chunk(dtype, shape)));
  const results = resultToChunks(call(packedMap(arrays, chunkToNDArray), memory), what);
  // A result may view its input (a reshape, an empty axes list): never hand out scratch.
  return params.gather === undefined || inPlace ? results : packedMap(results, (r) => (r.data.buffer === arrays[0].data.buffer ? copyChunk(r, false) : r));
}

/**
 * The in-place call of `mapped` with the block assembled from its pieces only when the
 * transform reads it, straight into the kernels' working memory (`fill`), not first into the
 * output chunk: for a column pass of fft2 that is one copy of a 16 MiB block fewer per task.
 * Undefined when the transform read the (unwritten) output chunk instead; the caller then
 * assembles the block there and calls again.
 */
function callFilling(
  inputs: readonly ChunkData[],
  gather: GatherParams,
  out: ChunkData,
  fill: InputFillScope,
  call: (arrays: NDArray[]) => unknown,
): unknown {
  const block = chunkToNDArray(out);
  const extra = packedMap(inputs.slice(gather.count), chunkToNDArray);
  const pieces = inputs.slice(0, gather.count);
  const { result, filled } = fill(
    block,
    (dst) => assemble(pieces, gather, { dtype: gather.dtype, shape: gather.shape, data: dst }),
    () => call([block, ...extra]),
  );
  return filled ? result : undefined;
}

/** Run CALL: the multimethod `params.id` on the task's block (tasks built on it call this directly). */
export function runCall(inputs: readonly ChunkData[], params: CallParams, context: TaskContext): ChunkData[] {
  const fn = getMultimethod(params.id);
  if (fn === undefined) {
    throw new InvalidArgumentError(`This worker has no multimethod '${params.id}'.`, {
      argument: 'id',
      hint: 'Load the package that declares it into the workers (cluster.local({ modules }) or sciport-worker --import).',
    });
  }
  const { offer, fill } = hostMemoryFor(params.id);
  return mapped(
    inputs,
    params,
    context,
    (arrays, memory) => offer(memory, () => fn(...(fillTemplate(params.args, arrays) as unknown[]))),
    params.id,
    fill,
  );
}

registerTask(CALL, runCall);

/** Parameters of XP: a host namespace function name and its arguments with placeholders. */
export interface XpParams {
  readonly op: string;
  readonly args: readonly unknown[];
  readonly gather?: GatherParams;
  readonly split?: SplitParams;
  readonly boxes?: readonly OutputBox[];
}

function namespaceFunction(op: string): (...args: unknown[]) => unknown {
  const fn = (hostNamespace as unknown as Record<string, unknown>)[op];
  if (typeof fn !== 'function' || op.startsWith('_') || op === 'constructor') {
    throw new InvalidArgumentError(`The host namespace has no function '${op}'.`, { argument: 'op' });
  }
  return fn as (...args: unknown[]) => unknown;
}

registerTask(XP, (inputs, params: XpParams, context) => {
  const fn = namespaceFunction(params.op);
  return mapped(inputs, params, context, (arrays) => fn.apply(hostNamespace, fillTemplate(params.args, arrays) as unknown[]), params.op);
});

registerTask(FOLD, (inputs, params: { op: string }) => {
  const fn = namespaceFunction(params.op);
  let acc: unknown = chunkToNDArray(inputs[0]);
  for (let i = 1; i < inputs.length; i++) acc = fn.call(hostNamespace, acc, chunkToNDArray(inputs[i]));
  return resultToChunks(acc, params.op);
});
