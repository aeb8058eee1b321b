import { arrayKind } from './brand.js';
import { InvalidArgumentError, SciportError } from './errors.js';
import { describeInput } from './validate.js';

/** Where a candidate came from, in precedence order. */
export type CandidateSource = 'per-call' | 'scope' | 'global' | 'registered' | 'default';

export interface CandidateRecord {
  readonly backend: string;
  readonly source: CandidateSource;
  /** 'accepted' ran (or would run), 'declined' said why, 'not tried' came after the winner. */
  readonly verdict: 'accepted' | 'declined' | 'not tried';
  readonly reason?: string;
  /** Conversions done or planned, e.g. `arg 0: host → webgpu (coerce)`. */
  readonly conversions?: readonly string[];
}

/** One dispatch decision: what `explain` returns, `trace` collects and errors carry. */
export interface DispatchRecord {
  readonly function: string;
  /** A short description of each dispatchable argument (kind, dtype, shape). */
  readonly inputs: readonly string[];
  readonly candidates: readonly CandidateRecord[];
  /** The backend that ran (or would run); undefined when none could. */
  readonly chosen: string | undefined;
}

export function describeValue(value: unknown): string {
  const kind = arrayKind(value);
  if (kind === undefined) {
    if (value === undefined || value === null) return String(value);
    if (Array.isArray(value)) return 'nested JS array';
    if (ArrayBuffer.isView(value)) return value.constructor.name;
    return typeof value;
  }
  const v = value as { dtype?: string; shape?: readonly number[] };
  return `${kind} ${v.dtype ?? '?'}${v.shape ? `[${v.shape.join(', ')}]` : ''}`;
}

function isRecord(value: unknown): value is DispatchRecord {
  const r = value as Partial<DispatchRecord> | null;
  return (
    r !== null &&
    typeof r === 'object' &&
    typeof r.function === 'string' &&
    Array.isArray(r.inputs) &&
    Array.isArray(r.candidates) &&
    r.candidates.every((c) => c !== null && typeof c === 'object')
  );
}

/** Human-readable form of a record, as printed by the demo and error messages. */
export function formatRecord(record: DispatchRecord): string {
  if (!isRecord(record)) {
    throw new InvalidArgumentError(`formatRecord() takes a dispatch record, got ${describeInput(record)}.`, {
      argument: 'record',
      hint: 'Pass what explain() returns, what trace() collects, or a BackendNotImplementedError.record.',
    });
  }
  const lines = [`${record.function}(${record.inputs.join('; ')}) → ${record.chosen ?? 'no backend'}`];
  for (const c of record.candidates) {
    const mark = c.verdict === 'accepted' ? '✓' : c.verdict === 'declined' ? '✗' : '·';
    const conv = c.conversions?.length ? ` [${c.conversions.join(', ')}]` : '';
    lines.push(`  ${mark} ${c.backend} (${c.source})${c.reason ? `: ${c.reason}` : ''}${conv}`);
  }
  return lines.join('\n');
}

/** No candidate could run the call; `record` lists each one and why it declined. */
export class BackendNotImplementedError extends SciportError {
  override name = 'BackendNotImplementedError';
  readonly record: DispatchRecord;

  constructor(record: DispatchRecord, hint?: string) {
    super(`No backend could run ${record.function}.\n${formatRecord(record)}\n`, { argument: 'x', hint });
    this.record = record;
  }
}
