/**
 * Where the current dispatch scope lives.
 *
 * In Node (and Deno/Bun) it is an AsyncLocalStorage, so `withBackend(b, async () => …)`
 * holds across `await` and concurrent scopes never see each other. It is reached through
 * `process.getBuiltinModule` (Node ≥ 20.16) so that no Node-only import sits on the browser path.
 *
 * Browsers have no AsyncLocalStorage: there the scope is a plain stack and holds for the
 * synchronous part of the callback only (until its first `await`). Use `setGlobalBackend`
 * or per-call `{ backend }` for asynchronous browser code.
 */

export interface ScopeStorage<T> {
  readonly asyncAware: boolean;
  get(): T | undefined;
  run<R>(value: T, callback: () => R): R;
}

interface AsyncLocalStorageLike<T> {
  getStore(): T | undefined;
  run<R>(store: T, callback: () => R): R;
}

function nodeAsyncLocalStorage<T>(): AsyncLocalStorageLike<T> | undefined {
  const process = (globalThis as any).process;
  const hooks = typeof process?.getBuiltinModule === 'function' ? process.getBuiltinModule('node:async_hooks') : undefined;
  return hooks?.AsyncLocalStorage ? new hooks.AsyncLocalStorage() : undefined;
}

function synchronousStack<T>(): ScopeStorage<T> {
  let current: T | undefined;
  return {
    asyncAware: false,
    get: () => current,
    run(value, callback) {
      const previous = current;
      current = value;
      try {
        return callback();
      } finally {
        current = previous;
      }
    },
  };
}

export function createScopeStorage<T>(): ScopeStorage<T> {
  const als = nodeAsyncLocalStorage<T>();
  if (!als) return synchronousStack<T>();
  return { asyncAware: true, get: () => als.getStore(), run: (value, callback) => als.run(value, callback) };
}
