/**
 * Packages whose host implementations can write their result into memory the worker offers
 * (see `withResultMemory` in @sciport/fft/backend-kit), by multimethod domain. The worker
 * offers the output chunk's own memory, so a result is written once, where it belongs.
 */
export type ResultMemoryScope = <T>(memory: Float64Array, compute: () => T) => T;

const scopes = new Map<string, ResultMemoryScope>();

/** Register the result-memory scope of a domain ('sciport.fft'); workers load the registering module. */
export function registerResultMemory(domain: string, scope: ResultMemoryScope): void {
  scopes.set(domain, scope);
}

/** How a call of multimethod `id` runs with memory offered for its result. */
export type ResultMemoryOffer = <T>(memory: Float64Array | undefined, compute: () => T) => T;

/**
 * The offer for multimethod `id`, looked up once per task: `compute` runs with `memory`
 * offered to the package that owns `id`, or plainly when it has no scope or nothing is
 * offered. The callee may ignore the offer; the caller compares the result's memory.
 */
export function resultMemoryFor(id: string): ResultMemoryOffer {
  const scope = scopes.get(id.slice(0, id.lastIndexOf('.')));
  return (memory, compute) => (scope === undefined || memory === undefined ? compute() : scope(memory, compute));
}
