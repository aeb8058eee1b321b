import type { NDArray } from '@sciport/array-api';

/**
 * Packages whose host implementations can take a block's values from a fill callback instead
 * of from the block's memory (see `withInputFill` in @sciport/fft/backend-kit), by multimethod
 * domain. A worker then assembles a block from its pieces straight into the kernels' working
 * memory: one copy of the block fewer, and a block-sized buffer less in the caches.
 */
export type InputFillScope = <T>(
  array: NDArray,
  fill: (dst: Float64Array) => void,
  compute: () => T,
) => { readonly result: T; readonly filled: boolean };

const scopes = new Map<string, InputFillScope>();

/** Register the input-fill scope of a domain ('sciport.fft'); workers load the registering module. */
export function registerInputFill(domain: string, scope: InputFillScope): void {
  scopes.set(domain, scope);
}

/** The input-fill scope of the package that owns multimethod `id`, if it has one. */
export function inputFillFor(id: string): InputFillScope | undefined {
  return scopes.get(id.slice(0, id.lastIndexOf('.')));
}
