/**
 * One panel run: the call is explained (which backend, and why), then made on the chosen
 * backend's array and timed until its result is back in host memory.
 */
import type { NDArray } from '@sciport/array-api';
import { explain, formatRecord } from '@sciport/dispatch-core';
import { type Backend, onProgress } from './backends.js';
import { displayed, type HostResult, type Panel, type Values } from './panels.js';

export interface PanelRun {
  /** The call as written, the dispatch record and the time from call to host copy. */
  readonly text: string;
  readonly record: string;
  readonly ms: number;
  readonly output: NDArray;
}

export async function runPanel(
  panel: Panel,
  values: Values,
  image: NDArray,
  backend: Backend,
  progress: (done: number, total: number) => void,
): Promise<PanelRun> {
  const x = backend.upload(image);
  try {
    const call = panel.call(x, values);
    const record = formatRecord(explain(call.fn as never, ...call.args));
    const start = performance.now();
    const result = call.fn(...call.args);
    const parts = Array.isArray(result) ? result : [result];
    for (const part of parts) onProgress(part, progress);
    const host = await Promise.all(parts.map((part) => backend.toHost(part)));
    const ms = performance.now() - start;
    for (const part of parts) backend.release(part);
    const hostResult: HostResult = Array.isArray(result) ? host : host[0]!;
    return { text: call.text, record, ms, output: displayed(panel, hostResult, values) };
  } finally {
    if (x !== image) backend.release(x);
  }
}
