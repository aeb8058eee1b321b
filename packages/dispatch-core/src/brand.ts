/**
 * Array brands. Every array kind carries `[ARRAY_BRAND]: kind` so that kind checks
 * survive two copies of a package in one bundle (never `instanceof` across packages).
 * Symbol.for makes the key the same in every realm and copy.
 */
export const ARRAY_BRAND: unique symbol = Symbol.for('sciport.array') as any;
/** `x[NAMESPACE_KEY]()` returns the array's `ArrayNamespace` (the seed's `__array_namespace__`). */
export const NAMESPACE_KEY: unique symbol = Symbol.for('sciport.namespace') as any;

/** Built-in kinds; backends may brand other kinds with any string. */
export type ArrayKind = 'host' | 'gpu' | 'chunked' | (string & {});

export interface BrandedArray {
  readonly [ARRAY_BRAND]: ArrayKind;
  readonly dtype?: string;
}

/** The kind string of a branded array, or undefined for anything else. */
export function arrayKind(value: unknown): ArrayKind | undefined {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  const kind = (value as { [ARRAY_BRAND]?: unknown })[ARRAY_BRAND];
  return typeof kind === 'string' ? kind : undefined;
}

/** Whether `value` is a sciport array of any kind (it carries the array brand). */
export function isBranded(value: unknown): value is BrandedArray {
  return arrayKind(value) !== undefined;
}
