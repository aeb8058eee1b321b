import type { Backend } from './backend.js';
import { explainCall } from './dispatch.js';
import { InvalidArgumentError } from './errors.js';
import type { MultimethodInfo } from './multimethod.js';
import type { DispatchRecord } from './record.js';
import { bumpEpoch, type GlobalChoice, RegisteredBackend, registry } from './registry.js';
import { newFrame, type ScopeFrame, scopeStorage } from './scope.js';

/** A backend is named by its manifest or its name. */
export type BackendRef = Backend | string;

function nameOf(backend: BackendRef, argument = 'backend'): string {
  const name = typeof backend === 'string' ? backend : backend?.name;
  if (typeof name !== 'string' || name.length === 0) {
    throw new InvalidArgumentError(`Expected a backend or a backend name, got ${String(backend)}.`, {
      argument,
      hint: "Pass the backend's name (e.g. 'webgpu') or its manifest.",
    });
  }
  return name;
}

/** Make a backend available to dispatch. Importing a backend package calls this. */
export function registerBackend(backend: Backend): void {
  if (!backend || typeof backend.name !== 'string' || !Array.isArray(backend.kinds) || !Array.isArray(backend.functions)) {
    throw new InvalidArgumentError('A backend manifest needs a name, kinds and functions.', {
      argument: 'backend',
      hint: 'Build it with defineBackend({ name, kinds, functions: [implement(fn, impl)] }).',
    });
  }
  registry.backends.set(backend.name, new RegisteredBackend(backend));
  bumpEpoch();
}

export function unregisterBackend(backend: BackendRef): boolean {
  const removed = registry.backends.delete(nameOf(backend));
  if (registry.global?.backend === nameOf(backend)) registry.global = undefined;
  bumpEpoch();
  return removed;
}

/** Registered backends in the order automatic selection tries them. */
export function listBackends(): Backend[] {
  return registry.ordered.map((b) => b.backend);
}

export interface ScopeOptions {
  /** Try no other backend (nor the default) after this one. */
  readonly only?: boolean;
  /** Let the backend convert arrays of kinds it does not own (e.g. upload host arrays). */
  readonly coerce?: boolean;
}

function enter<R>(frame: ScopeFrame, callback: () => R): R {
  registry.scopesInUse = true;
  return scopeStorage.run(frame, callback);
}

/** Prefer `backend` for every dispatch inside `callback` (holds across `await` in Node). */
export function withBackend<R>(backend: BackendRef, callback: () => R, options: ScopeOptions = {}): R {
  const frame = newFrame(
    { type: 'set', backend: nameOf(backend), only: options.only ?? false, coerce: options.coerce ?? false },
    scopeStorage.get(),
  );
  return enter(frame, callback);
}

/** Never select `backend` inside `callback`. */
export function skipBackend<R>(backend: BackendRef, callback: () => R): R {
  return enter(newFrame({ type: 'skip', backend: nameOf(backend) }, scopeStorage.get()), callback);
}

export interface GlobalBackendOptions extends ScopeOptions {
  /** Try it after the registered backends instead of before them. */
  readonly tryLast?: boolean;
}

/** Prefer `backend` everywhere (below per-call and scoped choices); `null` clears it. */
export function setGlobalBackend(backend: BackendRef | null, options: GlobalBackendOptions = {}): void {
  registry.global =
    backend === null
      ? undefined
      : {
          backend: nameOf(backend),
          only: options.only ?? false,
          coerce: options.coerce ?? false,
          tryLast: options.tryLast ?? false,
        };
  bumpEpoch();
}

/** The decision dispatch would make for `fn(...args)`, without running anything. */
export function explain(fn: MultimethodInfo, ...args: unknown[]): DispatchRecord {
  const info = registry.multimethods.get(fn?.id);
  if (info === undefined) {
    throw new InvalidArgumentError('explain() needs a multimethod as its first argument.', {
      argument: 'fn',
      hint: 'Pass the public function itself, e.g. explain(fft, x).',
    });
  }
  return explainCall(info, args);
}

/**
 * Record every dispatch decision made inside `callback` (across `await` in Node).
 * Returns the callback's result and the records; for async callbacks, a promise of both.
 */
export function trace<R>(
  callback: () => R,
): R extends Promise<infer T> ? Promise<{ result: T; records: DispatchRecord[] }> : { result: R; records: DispatchRecord[] } {
  const records: DispatchRecord[] = [];
  const frame = newFrame({ type: 'trace', records }, scopeStorage.get());
  const result = enter(frame, callback);
  if (result instanceof Promise) return result.then((value) => ({ result: value, records })) as any;
  return { result, records } as any;
}

/** Dispatch state as plain JSON, so a worker can make the same decisions. */
export interface SerializedDispatchState {
  readonly global: GlobalChoice | null;
  readonly disabled: string[];
  readonly priority: string[];
  /** Scopes from outermost to innermost. */
  readonly scopes: { type: 'set' | 'skip'; backend: string; only: boolean; coerce: boolean }[];
}

export function getDispatchState(): SerializedDispatchState {
  const frame = registry.scopesInUse ? scopeStorage.get() : undefined;
  const state = frame?.override ?? registry;
  const scopes: SerializedDispatchState['scopes'] = [];
  for (let f = frame; f !== undefined; f = f.parent) {
    if (f.type === 'set' || f.type === 'skip') {
      scopes.unshift({ type: f.type, backend: f.backend, only: f.only, coerce: f.coerce });
    }
  }
  return { global: state.global ?? null, disabled: [...state.disabled], priority: [...state.priority], scopes };
}

/** Run `callback` under a serialized state (e.g. one carried by a cluster task). */
export function withDispatchState<R>(state: SerializedDispatchState, callback: () => R): R {
  let frame = newFrame(
    {
      type: 'state',
      override: { global: state.global ?? undefined, disabled: new Set(state.disabled), priority: [...state.priority] },
    },
    scopeStorage.get(),
  );
  for (const s of state.scopes) frame = newFrame({ type: s.type, backend: s.backend, only: s.only, coerce: s.coerce }, frame);
  return enter(frame, callback);
}
