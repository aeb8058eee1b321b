import type { SerializedDispatchState } from '@sciport/dispatch-core';

/** A chunk stored as a binary Redis value (raw little-endian bytes, C order). */
export interface StoredChunk {
  readonly key: string;
  readonly dtype: string;
  readonly shape: readonly number[];
}

/** BullMQ job data: metadata only. Chunk bytes never go through JSON. */
export interface ChunkJobData {
  readonly v: 1;
  readonly fn: string;
  readonly inputs: readonly StoredChunk[];
  /** Parameters encoded with json-codec (keeps NaN, ±Infinity, bigint). */
  readonly params: string;
  readonly state: SerializedDispatchState | null;
  /** Output i is written to `${out}:${i}`. Derived from the job id, so a re-run overwrites
   * the same keys with the same bytes: tasks are idempotent under at-least-once delivery. */
  readonly out: string;
  /** Seconds the outputs live unless the submitter deletes them first. */
  readonly ttl: number;
}

export interface ChunkJobResult {
  readonly outputs: readonly StoredChunk[];
}

/** Errors thrown by a task travel in the job's failedReason behind this marker. */
export const ERROR_MARKER = 'sciport-error:';

export const DEFAULT_QUEUE = 'sciport';
