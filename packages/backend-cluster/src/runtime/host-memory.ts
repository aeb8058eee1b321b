import type { NDArray } from '@sciport/array-api';

/**
 * How a package's host implementations work on memory a worker provides, by multimethod
 * domain ('sciport.fft'; @sciport/fft's backend-kit has both hooks). Workers load the module
 * that registers them (fft/worker.ts).
 */
export interface HostMemoryHooks {
  /**
   * Runs `compute` with `memory` offered for its double-precision result (`withResultMemory`):
   * the worker offers the output chunk's own memory, so a result is written once, where it
   * belongs. The callee may ignore the offer; the caller compares the result's memory.
   */
  readonly resultMemory: <T>(memory: Float64Array, compute: () => T) => T;
  /**
   * Runs `compute` with `fill` standing in for reading `array` (`withInputFill`): a block
   * gathered from pieces is assembled straight into the kernels' working memory, one copy of
   * the block fewer. `filled` says whether the transform took the fill.
   */
  readonly inputFill?: InputFillScope;
}

export type InputFillScope = <T>(
  array: NDArray,
  fill: (dst: Float64Array) => void,
  compute: () => T,
) => { readonly result: T; readonly filled: boolean };

const hooks = new Map<string, HostMemoryHooks>();

/** Register the memory hooks of a domain's host implementations. */
export function registerHostMemory(domain: string, domainHooks: HostMemoryHooks): void {
  hooks.set(domain, domainHooks);
}

/** How a call of multimethod `id` runs with memory offered for its result (or plainly). */
export type ResultMemoryOffer = <T>(memory: Float64Array | undefined, compute: () => T) => T;

/** The hooks of the package that owns multimethod `id`, looked up once per task. */
export function hostMemoryFor(id: string): { readonly offer: ResultMemoryOffer; readonly fill: InputFillScope | undefined } {
  const found = hooks.get(id.slice(0, id.lastIndexOf('.')));
  return {
    offer: (memory, compute) => (found === undefined || memory === undefined ? compute() : found.resultMemory(memory, compute)),
    fill: found?.inputFill,
  };
}
