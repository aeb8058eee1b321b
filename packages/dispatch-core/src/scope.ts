import { createScopeStorage, type ScopeStorage } from './scope-storage.js';
import type { DispatchRecord } from './record.js';
import type { GlobalChoice } from './state-types.js';

/** The part of the dispatch state that a scope may replace (restored in workers). */
export interface StateOverride {
  readonly global: GlobalChoice | undefined;
  readonly disabled: ReadonlySet<string>;
  readonly priority: readonly string[];
}

/**
 * One entered scope. Frames form a chain from innermost to outermost; each frame keeps
 * its own decision cache, because what is decided depends on the whole chain.
 */
export interface ScopeFrame {
  readonly type: 'set' | 'skip' | 'trace' | 'state';
  readonly backend: string;
  readonly only: boolean;
  readonly coerce: boolean;
  readonly parent: ScopeFrame | undefined;
  /** Where `trace` collects records (inherited by inner frames). */
  readonly records: DispatchRecord[] | undefined;
  /** Set on 'state' frames (and inherited): replaces the registry's global/disabled/priority. */
  readonly override: StateOverride | undefined;
  cacheEpoch: number;
  readonly cache: Map<string, unknown>;
}

const STORAGE_KEY = Symbol.for('sciport.dispatch.scopeStorage');

/** Shared across copies of dispatch-core, like the registry. */
export const scopeStorage: ScopeStorage<ScopeFrame> = ((globalThis as any)[STORAGE_KEY] ??=
  createScopeStorage<ScopeFrame>());

export function newFrame(
  fields: Pick<ScopeFrame, 'type'> & Partial<Pick<ScopeFrame, 'backend' | 'only' | 'coerce' | 'records' | 'override'>>,
  parent: ScopeFrame | undefined,
): ScopeFrame {
  return {
    type: fields.type,
    backend: fields.backend ?? '',
    only: fields.only ?? false,
    coerce: fields.coerce ?? false,
    parent,
    records: fields.records ?? parent?.records,
    override: fields.override ?? parent?.override,
    cacheEpoch: -1,
    cache: new Map(),
  };
}

/** Frames from innermost to outermost. */
export function* framesOf(frame: ScopeFrame | undefined): Generator<ScopeFrame> {
  for (let f = frame; f !== undefined; f = f.parent) yield f;
}
