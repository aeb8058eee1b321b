import { InvalidArgumentError, type SerializedDispatchState, withDispatchState } from '@sciport/dispatch-core';
import type { ChunkData } from '../protocol/chunk-data.js';
import { getTask, type TaskContext } from './task-registry.js';

/** Run one registered task under the submitter's dispatch state; always resolves to a list. */
export async function runTask(
  fn: string,
  inputs: readonly ChunkData[],
  params: unknown,
  state: SerializedDispatchState | undefined,
  context: TaskContext = {},
): Promise<ChunkData[]> {
  const task = getTask(fn);
  if (task === undefined) {
    throw new InvalidArgumentError(`This worker has no task named '${fn}'.`, {
      argument: 'fn',
      hint: 'Load the module that registers it into the workers (cluster.local({ modules }) or sciport-worker --import).',
    });
  }
  const result = state === undefined ? task(inputs, params, context) : withDispatchState(state, () => task(inputs, params, context));
  const outputs = await result;
  return Array.isArray(outputs) ? [...outputs] : [outputs as ChunkData];
}
