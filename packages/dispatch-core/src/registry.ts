import type { Backend, FunctionEntry } from './backend-types.js';
import { InvalidArgumentError } from './errors.js';
import type { MultimethodInternal } from './multimethod-types.js';
import type { GlobalChoice } from './state-types.js';

/** A registered backend with its function table resolved lazily. */
export class RegisteredBackend {
  readonly entries: ReadonlyMap<string, FunctionEntry>;
  private readonly loaded = new Map<string, (...args: any[]) => unknown>();
  /** Declared option keys per multimethod id; ids without a declaration are absent. */
  private readonly declaredOptions: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(readonly backend: Backend) {
    this.entries = new Map(backend.functions.map((entry) => [entry.id, entry]));
    this.declaredOptions = new Map(
      backend.functions.flatMap((entry) => (entry.options === undefined ? [] : [[entry.id, new Set(entry.options)]])),
    );
  }

  get name(): string {
    return this.backend.name;
  }

  implements(id: string): boolean {
    return this.entries.has(id);
  }

  /** The option keys the entry for `id` declared it understands; undefined: all of them. */
  understoodOptions(id: string): ReadonlySet<string> | undefined {
    return this.declaredOptions.get(id);
  }

  /** The implementation of multimethod `id`, loaded on first use. */
  implementation(id: string): (...args: any[]) => unknown {
    let impl = this.loaded.get(id);
    if (impl === undefined) {
      const loaded: unknown = this.entries.get(id)!.load();
      if (typeof loaded !== 'function') {
        throw new InvalidArgumentError(
          `Backend '${this.name}' loaded ${loaded === null ? 'null' : typeof loaded} for ${id}, not a function.`,
          { argument: 'load', hint: `Its functions entry for '${id}' must load the implementation; report this to the backend's authors.` },
        );
      }
      impl = loaded as (...args: any[]) => unknown;
      this.loaded.set(id, impl);
    }
    return impl;
  }
}

/**
 * Process-wide dispatch state. It lives on globalThis under a Symbol.for key so that two
 * copies of dispatch-core in one bundle still share one registry.
 */
export interface Registry {
  /** Bumped on every change that can alter a decision; caches compare against it. */
  epoch: number;
  readonly backends: Map<string, RegisteredBackend>;
  /** Registered backends in the order automatic selection tries them. */
  ordered: RegisteredBackend[];
  global: GlobalChoice | undefined;
  disabled: ReadonlySet<string>;
  priority: readonly string[];
  environmentRead: boolean;
  readonly multimethods: Map<string, MultimethodInternal>;
  readonly publicFunctions: Map<string, Function>;
  /** Set once any scope is entered, so calls outside scopes skip the context lookup. */
  scopesInUse: boolean;
}

const REGISTRY_KEY = Symbol.for('sciport.dispatch.registry');

function createRegistry(): Registry {
  return {
    epoch: 0,
    backends: new Map(),
    ordered: [],
    global: undefined,
    disabled: new Set(),
    priority: [],
    environmentRead: false,
    multimethods: new Map(),
    publicFunctions: new Map(),
    scopesInUse: false,
  };
}

export const registry: Registry = ((globalThis as any)[REGISTRY_KEY] ??= createRegistry());

/** Any change that may alter dispatch decisions goes through here. */
export function bumpEpoch(): void {
  registry.epoch++;
  registry.ordered = orderBackends([...registry.backends.values()], registry.priority);
}

/**
 * Registration order, then `before`/`after` constraints (a stable topological sort),
 * then backends named in SCIPORT_BACKEND_PRIORITY first, in the order given.
 */
export function orderBackends(backends: RegisteredBackend[], priority: readonly string[]): RegisteredBackend[] {
  // Nothing to order: the usual case on a cluster's worker threads, which call this for every
  // task's dispatch scope and register no backends. (Empty arrays also deoptimized the sort
  // below, which V8 then recompiled on a background thread again and again.)
  if (backends.length < 2) return [...backends];
  const names = new Set(backends.map((b) => b.name));
  const mustPrecede = new Map<string, Set<string>>(backends.map((b) => [b.name, new Set<string>()]));
  for (const b of backends) {
    for (const later of b.backend.before ?? []) if (names.has(later)) mustPrecede.get(later)!.add(b.name);
    for (const earlier of b.backend.after ?? []) if (names.has(earlier)) mustPrecede.get(b.name)!.add(earlier);
  }
  const placed = new Set<string>();
  const sorted: RegisteredBackend[] = [];
  while (sorted.length < backends.length) {
    // The first (in registration order) whose predecessors are placed; a cycle falls back to order.
    const next =
      backends.find((b) => !placed.has(b.name) && [...mustPrecede.get(b.name)!].every((p) => placed.has(p))) ??
      backends.find((b) => !placed.has(b.name))!;
    placed.add(next.name);
    sorted.push(next);
  }
  const rank = (b: RegisteredBackend) => {
    const i = priority.indexOf(b.name);
    return i < 0 ? priority.length : i;
  };
  return sorted.map((b, i) => ({ b, i })).sort((x, y) => rank(x.b) - rank(y.b) || x.i - y.i).map((x) => x.b);
}

export type { GlobalChoice } from './state-types.js';
