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

/**
 * Run `compute` (a call of multimethod `id`) with `memory` offered for its result. The callee
 * may ignore the offer; the caller compares the result's memory with `memory`.
 */
export function offerResultMemory<T>(id: string, memory: Float64Array | undefined, compute: () => T): T {
  const scope = memory === undefined ? undefined : scopes.get(id.slice(0, id.lastIndexOf('.')));
  return scope === undefined ? compute() : scope(memory as Float64Array, compute);
}
