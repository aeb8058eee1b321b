/**
 * The index specs of basic indexing (`x.slice(...specs)`): integers, slices, `'...'` and
 * `null`. A leaf module, so the NDArray class can name these types without importing the
 * indexing code.
 */

const SLICE_BRAND = Symbol.for('sciport.slice');

export interface Slice {
  readonly [SLICE_BRAND]: true;
  readonly start: number | null;
  readonly stop: number | null;
  readonly step: number | null;
}

/** One entry of an index: integer, slice, `'...'`, `null` (new axis). */
export type IndexSpec = number | string | Slice | null;

/** `slice(start, stop, step)` like Python's; `null`/undefined for an omitted bound. */
export function slice(start?: number | null, stop?: number | null, step?: number | null): Slice {
  return { [SLICE_BRAND]: true, start: start ?? null, stop: stop ?? null, step: step ?? null };
}

export function isSlice(v: unknown): v is Slice {
  return typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[SLICE_BRAND] === true;
}

