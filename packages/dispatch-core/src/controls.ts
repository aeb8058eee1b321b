import type { Backend } from './backend-types.js';
import { nameOf, registeredName } from './backend-name.js';
import { explainCall } from './dispatch.js';
import { InvalidArgumentError } from './errors.js';
import { validateManifest } from './manifest.js';
import type { MultimethodInfo } from './multimethod-types.js';
import type { DispatchRecord } from './record.js';
import { bumpEpoch, RegisteredBackend, registry } from './registry.js';
import { newFrame, type ScopeFrame, scopeStorage } from './scope.js';
import type { SerializedDispatchState } from './state-types.js';
import { validateState } from './state-shape.js';
import { expectBooleanOptions, expectFunction, expectOptions } from './validate.js';

/** A backend is named by its manifest or its name. */
export type BackendRef = Backend | string;

/** Make a backend available to dispatch. Importing a backend package calls this. */
export function registerBackend(backend: Backend): void {
  validateManifest(backend);
  registry.backends.set(backend.name, new RegisteredBackend(backend));
  bumpEpoch();
}

/** Remove a backend from dispatch (and as the global choice); false when none of that name was registered. */
export function unregisterBackend(backend: BackendRef): boolean {
  const name = nameOf(backend);
  const removed = registry.backends.delete(name);
  if (registry.global?.backend === name) registry.global = undefined;
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

const SCOPE_KEYS = ['only', 'coerce'];
const GLOBAL_KEYS = ['only', 'coerce', 'tryLast'];

function checkedOptions(options: unknown, known: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  expectOptions(options, 'options', known);
  expectBooleanOptions(options, 'options', known);
  return options;
}

/**
 * Prefer `backend` for every dispatch inside `callback` (holds across `await` in Node).
 * The backend must be registered when the scope is entered ('default' names the default
 * implementation).
 */
export function withBackend<R>(backend: BackendRef, callback: () => R, options?: ScopeOptions): R {
  const name = registeredName(backend);
  expectFunction(callback, 'callback');
  const { only, coerce } = checkedOptions(options, SCOPE_KEYS);
  const frame = newFrame({ type: 'set', backend: name, only: only === true, coerce: coerce === true }, scopeStorage.get());
  return enter(frame, callback);
}

/**
 * Never select `backend` inside `callback` (it must be registered now; skipping 'default'
 * means no call inside falls back to the default implementation).
 */
export function skipBackend<R>(backend: BackendRef, callback: () => R): R {
  const name = registeredName(backend);
  expectFunction(callback, 'callback');
  return enter(newFrame({ type: 'skip', backend: name }, scopeStorage.get()), callback);
}

export interface GlobalBackendOptions extends ScopeOptions {
  /** Try it after the registered backends instead of before them. */
  readonly tryLast?: boolean;
}

/** Prefer `backend` everywhere (below per-call and scoped choices); `null` clears it. */
export function setGlobalBackend(backend: BackendRef | null, options?: GlobalBackendOptions): void {
  const name = backend === null ? undefined : registeredName(backend);
  const { only, coerce, tryLast } = checkedOptions(options, GLOBAL_KEYS);
  registry.global =
    name === undefined ? undefined : { backend: name, only: only === true, coerce: coerce === true, tryLast: tryLast === true };
  bumpEpoch();
}

/** The decision dispatch would make for `fn(...args)`, without running anything. */
export function explain(fn: MultimethodInfo, ...args: unknown[]): DispatchRecord {
  const id = (fn as { id?: unknown } | null | undefined)?.id;
  const info = typeof id === 'string' ? registry.multimethods.get(id) : undefined;
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
  expectFunction(callback, 'callback');
  const records: DispatchRecord[] = [];
  const frame = newFrame({ type: 'trace', records }, scopeStorage.get());
  const result = enter(frame, callback);
  if (result instanceof Promise) return result.then((value) => ({ result: value, records })) as any;
  return { result, records } as any;
}

/**
 * The dispatch choices in force here (global backend, disabled backends, priority, scopes) as
 * JSON, for `withDispatchState` in another thread or process.
 */
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

/**
 * Run `callback` under a serialized state (e.g. one carried by a cluster task). Its backend
 * names need not be registered here (a worker may have fewer backends): a candidate that is
 * not registered declines with that reason.
 */
export function withDispatchState<R>(state: SerializedDispatchState, callback: () => R): R {
  validateState(state);
  expectFunction(callback, 'callback');
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

export type { SerializedDispatchState } from './state-types.js';
