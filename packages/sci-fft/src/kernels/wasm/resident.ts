/**
 * Plans whose tables live in wasm memory, in one least-recently-used registry with a
 * byte budget. Eviction frees the tables for reuse; it only runs at `collectResidents()`,
 * which every public entry point calls before looking plans up, so no plan is freed while
 * a transform is using it.
 */
import { LruCache } from '../lru.js';
import { constructingPlan, framesOpen } from './runtime.js';

/** Something holding wasm memory that can give it back. */
export interface Resident {
  /** bytes of wasm memory held */
  readonly bytes: number;
  dispose(): void;
}

/** Budget for plan tables kept between calls (a 2^20-point plan needs ~20-100 MB). */
const BUDGET_BYTES = 256 * 2 ** 20;
const MAX_ENTRIES = 64;

let held = 0;
const registry = new LruCache<string, Resident>(Number.MAX_SAFE_INTEGER, (r) => {
  held -= r.bytes;
  r.dispose();
});

/** The resident stored under key, made (and registered) on first use. */
export function resident<T extends Resident>(key: string, make: () => T): T {
  let r = registry.get(key) as T | undefined;
  if (r === undefined) {
    r = constructingPlan(make);
    registry.set(key, r);
    held += r.bytes;
  }
  return r;
}

/** Evicts least recently used plans beyond the budget; call only between transforms. */
export function collectResidents(): void {
  if (framesOpen()) return;
  while ((held > BUDGET_BYTES || registry.size > MAX_ENTRIES) && registry.size > 1) registry.evictOldest();
}

/** Drops every cached wasm plan (tests; also frees all plan tables). */
export function clearResidents(): void {
  while (registry.evictOldest()) {}
}
