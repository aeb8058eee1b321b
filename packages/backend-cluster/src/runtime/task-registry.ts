import { InvalidArgumentError } from '@sciport/dispatch-core';
import type { ChunkData } from '../protocol/chunk-data.js';

/**
 * A chunk task as workers run it: C-contiguous chunks in, chunks out. Tasks are looked
 * up by name in this registry; a queue message can only name one, never carry code.
 */
export type TaskFunction = (
  inputs: readonly ChunkData[],
  params: any,
  context: TaskContext,
) => ChunkData | readonly ChunkData[] | Promise<ChunkData | readonly ChunkData[]>;

/** What a task may use besides its inputs. */
export interface TaskContext {
  /**
   * Output chunks the submitter allocated (shared memory on the local executor), when it
   * knew the outputs. A task may write its result into them and return them (no copy).
   */
  readonly outputs?: readonly ChunkData[];
}

const tasks = new Map<string, TaskFunction>();

/**
 * Register a chunk task under a stable name. Modules that register tasks are loaded into
 * workers with `cluster.local({ modules })` or `sciport-worker --import`.
 */
export function registerTask(name: string, fn: TaskFunction): void {
  if (tasks.has(name) && tasks.get(name) !== fn) {
    throw new InvalidArgumentError(`A cluster task named '${name}' is already registered.`, {
      argument: 'name',
      hint: 'Task names must be unique; prefix them with your package name.',
    });
  }
  tasks.set(name, fn);
}

export function getTask(name: string): TaskFunction | undefined {
  return tasks.get(name);
}

export function listTasks(): string[] {
  return [...tasks.keys()];
}
