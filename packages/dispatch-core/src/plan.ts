import { arrayKind } from './brand.js';
import type { MultimethodInternal } from './multimethod-types.js';
import type { CandidateSource } from './record.js';
import { orderBackends, type RegisteredBackend, registry } from './registry.js';
import { framesOf, type ScopeFrame } from './scope.js';

/** The name under which the default (host) implementation appears in records. */
export const DEFAULT_BACKEND = 'default';

/** Why a backend named in SCIPORT_DISABLE_BACKENDS declines. */
export const DISABLED_REASON = 'disabled by SCIPORT_DISABLE_BACKENDS';

/** A backend to try, in order, for one (function, kinds, dtype, state). */
export interface Candidate {
  /** undefined for the default implementation. */
  readonly backend: RegisteredBackend | undefined;
  readonly name: string;
  readonly source: CandidateSource;
  readonly coerce: boolean;
  /** A reason known without looking at the values (not registered, skipped, lacks the function…). */
  readonly staticDecline: string | undefined;
  /** Option keys its implementation declared it understands; undefined: every key. */
  readonly understands: ReadonlySet<string> | undefined;
  /** Whether some array kind of the call is not the backend's own, so `convert` must run. */
  readonly converts: boolean;
}

/** Kind of a dispatchable value; plain JS values and TypedArrays are host data. */
export function kindOf(value: unknown): string {
  return arrayKind(value) ?? 'host';
}

function defaultDecline(kinds: readonly string[]): string | undefined {
  const device = kinds.find((k) => k !== 'host');
  if (device === undefined) return undefined;
  return (
    `the default implementation runs on host arrays and got a '${device}' array; it never reads ` +
    `device memory silently. Read the input back yourself and pass the host copy ` +
    `(\`fn(await x.toHost())\`), or import/register a backend that owns '${device}' arrays and ` +
    `implements this function`
  );
}

function backendDecline(
  info: MultimethodInternal,
  backend: RegisteredBackend | undefined,
  name: string,
  kinds: readonly string[],
  skipped: ReadonlySet<string>,
  disabled: ReadonlySet<string>,
): string | undefined {
  if (backend === undefined) return `no backend named '${name}' is registered (import its package first)`;
  if (disabled.has(name)) return DISABLED_REASON;
  if (skipped.has(name)) return 'skipped by skipBackend()';
  if (!backend.implements(info.id)) return `does not implement ${info.id}`;
  const foreign = kinds.find((k) => !backend.backend.kinds.includes(k));
  if (foreign !== undefined && !backend.backend.convert) return `cannot take '${foreign}' arrays`;
  return undefined;
}

/**
 * The ordered candidates for one call, in precedence order: per-call > scopes (innermost
 * first) > global > registered owners of a present kind > default (see the package README).
 */
export function planCandidates(
  info: MultimethodInternal,
  kinds: readonly string[],
  frame: ScopeFrame | undefined,
  perCall: string | undefined,
): Candidate[] {
  const state = frame?.override ?? registry;
  const ordered = frame?.override ? orderBackends([...registry.backends.values()], state.priority) : registry.ordered;
  const skipped = new Set<string>();
  for (const f of framesOf(frame)) if (f.type === 'skip') skipped.add(f.backend);

  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const push = (name: string, source: CandidateSource, coerce: boolean) => {
    if (seen.has(name)) return;
    seen.add(name);
    if (name === DEFAULT_BACKEND) {
      const staticDecline = skipped.has(DEFAULT_BACKEND) ? 'skipped by skipBackend()' : defaultDecline(kinds);
      candidates.push({ backend: undefined, name, source, coerce, staticDecline, understands: undefined, converts: false });
      return;
    }
    const backend = registry.backends.get(name);
    const staticDecline = backendDecline(info, backend, name, kinds, skipped, state.disabled);
    const understands = backend?.understoodOptions(info.id);
    const converts = backend !== undefined && kinds.some((k) => !backend.backend.kinds.includes(k));
    candidates.push({ backend, name, source, coerce, staticDecline, understands, converts });
  };

  // 1. per call: forced, no fallback. Asking for a backend by name implies consent to convert.
  if (perCall !== undefined) {
    push(perCall, 'per-call', true);
    return candidates;
  }
  // 2. scopes, innermost first; `only` ends the list.
  for (const f of framesOf(frame)) {
    if (f.type !== 'set') continue;
    push(f.backend, 'scope', f.coerce);
    if (f.only) return candidates;
  }
  // 3. global (unless tryLast).
  const global = state.global;
  if (global && !global.tryLast) {
    push(global.backend, 'global', global.coerce);
    if (global.only) return candidates;
  }
  // 4. registered backends owning a present kind. Plain host arrays are taken only by
  //    backends the user opted into through SCIPORT_BACKEND_PRIORITY. Disabled and skipped
  //    owners stay in the list, declined with that reason, so explain() and errors show them.
  for (const b of ordered) {
    const owns = b.backend.kinds.some((k) => kinds.includes(k) && (k !== 'host' || state.priority.includes(b.name)));
    if (owns) push(b.name, 'registered', false);
  }
  if (global?.tryLast) {
    push(global.backend, 'global', global.coerce);
    if (global.only) return candidates;
  }
  // 5. the default implementation.
  push(DEFAULT_BACKEND, 'default', false);
  return candidates;
}
