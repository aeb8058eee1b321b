import { NOT_CONVERTIBLE } from './backend.js';
import { readEnvironmentOnce } from './environment.js';
import type { MultimethodInternal } from './multimethod-types.js';
import { registeredName } from './backend-name.js';
import { type Candidate, DISABLED_REASON, kindOf, planCandidates } from './plan.js';
import { BackendNotImplementedError, type CandidateRecord, type DispatchRecord, describeValue } from './record.js';
import { registry } from './registry.js';
import { type ScopeFrame, scopeStorage } from './scope.js';
import { isPlainObject } from './validate.js';

/**
 * The call path: public function → (cached) candidate list → first candidate that accepts →
 * its implementation. Everything that does not depend on the values is cached per
 * (function, kinds, dtype) in the current scope frame (or the root) and dropped when the
 * registry's epoch moves.
 */

type Cache = Map<unknown, unknown>;
interface CacheHolder {
  cacheEpoch: number;
  readonly cache: Cache;
}
const root: CacheHolder = { cacheEpoch: -1, cache: new Map() };

type CallOptions = Readonly<Record<string, unknown>>;

/**
 * The call's trailing options object: its last positional argument when that is a plain
 * object and not one of the dispatchable arrays. Only looked for when something needs it
 * (a `backend` key, or a candidate that declared its options), so other calls pay nothing.
 */
function trailingOptions(info: MultimethodInternal, args: readonly unknown[]): CallOptions | undefined {
  const i = args.length - 1;
  const last = args[i];
  if (last === null || typeof last !== 'object' || info.dispatch.includes(i)) return undefined;
  return isPlainObject(last) ? last : undefined;
}

/** The backend named by `{ backend }` in the trailing options; an unknown name fails here. */
function perCallBackend(info: MultimethodInternal, args: readonly unknown[]): string | undefined {
  const last = args[args.length - 1] as { backend?: unknown } | null | undefined;
  if (last === null || typeof last !== 'object' || last.backend === undefined) return undefined;
  const options = trailingOptions(info, args);
  return options === undefined ? undefined : registeredName(options.backend, 'backend');
}

/**
 * The first option key passed (with a value) that the interface declares and `understands`
 * does not list. A key the interface does not declare is a mistake in the call: it goes
 * through, and the implementation rejects it with the same typed error on every backend.
 */
function unknownOption(options: CallOptions, understands: ReadonlySet<string>, declared: readonly string[] | undefined): string | undefined {
  for (const key in options) {
    if (key === 'backend' || options[key] === undefined || understands.has(key)) continue;
    if (declared === undefined || declared.includes(key)) return key;
  }
  return undefined;
}

function kindsOf(info: MultimethodInternal, args: readonly unknown[]): string[] {
  const kinds: string[] = [];
  for (const i of info.dispatch) {
    const v = args[i];
    if (v === undefined || v === null) continue;
    const k = kindOf(v);
    if (!kinds.includes(k)) kinds.push(k);
  }
  return kinds;
}

function dtypeOf(value: unknown): string {
  const dtype = (value as { dtype?: unknown } | null | undefined)?.dtype;
  return typeof dtype === 'string' ? dtype : '';
}

/** Candidates for this call, from the cache keyed (function → kinds → dtype). */
function cachedCandidates(info: MultimethodInternal, args: readonly unknown[], frame: ScopeFrame | undefined) {
  const holder: CacheHolder = frame ?? root;
  if (holder.cacheEpoch !== registry.epoch) {
    holder.cache.clear();
    holder.cacheEpoch = registry.epoch;
  }
  const first = args[info.dispatch[0]];
  // An absent optional array has no kind (not 'host'), as in kindsOf.
  const kindKey = info.dispatch.length === 1 ? (first == null ? '' : kindOf(first)) : kindsOf(info, args).join(',');
  const dtype = dtypeOf(first);
  let byKind = holder.cache.get(info) as Map<string, Map<string, Candidate[]>> | undefined;
  if (byKind === undefined) holder.cache.set(info, (byKind = new Map()));
  let byDtype = byKind.get(kindKey);
  if (byDtype === undefined) byKind.set(kindKey, (byDtype = new Map()));
  let candidates = byDtype.get(dtype);
  if (candidates === undefined) {
    candidates = planCandidates(info, kindsOf(info, args), frame, undefined);
    byDtype.set(dtype, candidates);
  }
  return candidates;
}

/** Convert dispatchables the backend does not own; a string is the reason it declines. */
function convertArguments(
  info: MultimethodInternal,
  candidate: Candidate,
  args: unknown[],
  conversions: string[] | undefined,
  dryRun: boolean,
): unknown[] | string {
  const backend = candidate.backend!.backend;
  let out = args;
  for (const i of info.dispatch) {
    const value = args[i];
    if (value === undefined || value === null) continue;
    const kind = kindOf(value);
    if (backend.kinds.includes(kind)) continue;
    // Built only when declining: conversions sit on the hot path of coerced calls.
    const refusal = () =>
      candidate.coerce
        ? `cannot take argument ${i} (${describeValue(value)})`
        : `argument ${i} is a ${kind} array; pass { coerce: true } to let ${backend.name} convert it`;
    if (dryRun) {
      const verdict = backend.canConvert ? backend.canConvert(value, candidate.coerce) : candidate.coerce || refusal();
      if (verdict !== true) return verdict;
      conversions?.push(`arg ${i}: ${kind} → ${backend.name}${candidate.coerce ? ' (coerce)' : ''}`);
      continue;
    }
    const converted = backend.convert!(value, candidate.coerce);
    if (converted === NOT_CONVERTIBLE) {
      // The backend's own reason (e.g. how to make an array it can take) beats ours.
      const verdict = backend.canConvert?.(value, candidate.coerce);
      return typeof verdict === 'string' ? verdict : refusal();
    }
    if (out === args) out = [...args];
    out[i] = converted;
    conversions?.push(`arg ${i}: ${kind} → ${backend.name}`);
  }
  return out;
}

interface Selection {
  readonly candidate: Candidate | undefined;
  readonly args: unknown[];
  readonly record: CandidateRecord[] | undefined;
}

/** Adds a declined candidate to the record (made on the first decline, for the error message). */
function declined(record: CandidateRecord[] | undefined, c: Candidate, reason: string): CandidateRecord[] {
  const list = record ?? [];
  list.push({ backend: c.name, source: c.source, verdict: 'declined', reason });
  return list;
}

/**
 * Walk the candidates in order. `recording` builds a full record (explain/trace);
 * otherwise records are made only when something declines (for the error message).
 */
function select(
  info: MultimethodInternal,
  candidates: readonly Candidate[],
  args: unknown[],
  recording: boolean,
  dryRun: boolean,
): Selection {
  // null: not looked for yet.
  let options: CallOptions | undefined | null = null;
  let record: CandidateRecord[] | undefined = recording ? [] : undefined;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (c.staticDecline !== undefined) {
      record = declined(record, c, c.staticDecline);
      continue;
    }
    // An implementation never sees an option it did not declare (it would ignore it).
    if (c.understands !== undefined) {
      if (options === null) options = trailingOptions(info, args);
      const unknown = options === undefined ? undefined : unknownOption(options, c.understands, info.options);
      if (unknown !== undefined) {
        record = declined(record, c, `does not understand option '${unknown}'`);
        continue;
      }
    }
    let runArgs = args;
    let conversions: string[] | undefined;
    if (c.backend !== undefined) {
      const backend = c.backend.backend;
      const can = backend.canRun ? backend.canRun(info, args) : true;
      if (can !== true) {
        record = declined(record, c, can);
        continue;
      }
      // Heuristics do not overrule an explicit per-call choice.
      const should = backend.shouldRun && c.source !== 'per-call' ? backend.shouldRun(info, args) : true;
      if (should !== true) {
        record = declined(record, c, should);
        continue;
      }
      conversions = recording ? [] : undefined;
      // The plan knows the call's kinds: arrays the backend owns need no conversion step.
      const converted = c.converts ? convertArguments(info, c, args, conversions, dryRun) : args;
      if (typeof converted === 'string') {
        record = declined(record, c, converted);
        continue;
      }
      runArgs = converted;
    }
    if (recording) {
      record!.push({ backend: c.name, source: c.source, verdict: 'accepted', conversions });
      for (const rest of candidates.slice(k + 1))
        record!.push({ backend: rest.name, source: rest.source, verdict: 'not tried' });
    }
    return { candidate: c, args: runArgs, record };
  }
  return { candidate: undefined, args, record };
}

function makeRecord(info: MultimethodInternal, args: readonly unknown[], selection: Selection): DispatchRecord {
  return {
    function: info.id,
    inputs: info.dispatch.map((i) => `arg ${i}: ${describeValue(args[i])}`),
    candidates: selection.record ?? [],
    chosen: selection.candidate?.name,
  };
}

/** When a backend that could have run was disabled by the environment, say how to enable it. */
function disabledHint(record: DispatchRecord): string | undefined {
  const disabled = record.candidates.filter((c) => c.reason === DISABLED_REASON).map((c) => c.backend);
  if (disabled.length === 0) return undefined;
  return `Disabled by SCIPORT_DISABLE_BACKENDS: ${disabled.join(', ')}; remove a backend from that variable to let it run.`;
}

/** The last dispatch made in this thread: cheap to keep (two references). */
let lastFunction: MultimethodInternal | undefined;
let lastCandidate: Candidate | undefined;

/** The multimethod id and backend of the last dispatch in this thread, or undefined before the first. */
export function lastDispatch(): { function: string; backend: string } | undefined {
  return lastFunction && lastCandidate ? { function: lastFunction.id, backend: lastCandidate.name } : undefined;
}

function candidatesFor(info: MultimethodInternal, args: unknown[], frame: ScopeFrame | undefined) {
  const perCall = perCallBackend(info, args);
  return perCall === undefined
    ? cachedCandidates(info, args, frame)
    : planCandidates(info, kindsOf(info, args), frame, perCall);
}

/** The innermost scope frame (none until a scope was ever entered); reads the env once. */
function currentFrame(): ScopeFrame | undefined {
  if (!registry.environmentRead) readEnvironmentOnce();
  return registry.scopesInUse ? scopeStorage.get() : undefined;
}

export function dispatchCall(info: MultimethodInternal, args: unknown[]): unknown {
  const frame = currentFrame();
  const candidates = candidatesFor(info, args, frame);
  const recording = frame?.records !== undefined;
  // Fast path: nothing but the default, on host data, not traced.
  const only = candidates[0];
  if (!recording && candidates.length === 1 && only.backend === undefined && only.staticDecline === undefined) {
    lastFunction = info;
    lastCandidate = only;
    return info.defaultImpl(...args);
  }
  const selection = select(info, candidates, args, recording, false);
  if (recording) frame!.records!.push(makeRecord(info, args, selection));
  const chosen = selection.candidate;
  if (chosen === undefined) {
    const record = makeRecord(info, args, selection);
    throw new BackendNotImplementedError(record, disabledHint(record));
  }
  lastFunction = info;
  lastCandidate = chosen;
  return chosen.backend === undefined
    ? info.defaultImpl(...selection.args)
    : chosen.backend.implementation(info.id)(...selection.args);
}

/** What dispatch would do for this call, without running it or converting anything. */
export function explainCall(info: MultimethodInternal, args: unknown[]): DispatchRecord {
  const frame = currentFrame();
  const selection = select(info, candidatesFor(info, args, frame), args, true, true);
  return makeRecord(info, args, selection);
}
