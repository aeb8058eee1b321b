import {
  DeviceError,
  DtypeError,
  InvalidArgumentError,
  NamespaceMismatchError,
  NotSupportedError,
  SciportError,
  ShapeError,
} from '@sciport/dispatch-core';
import { LinAlgError } from '@sciport/linalg';
import { RemoteTaskError } from '../errors.js';
import type { WireError } from './messages.js';

export function serializeError(error: unknown): WireError {
  if (error instanceof Error) {
    const e = error as Error & { argument?: unknown; hint?: unknown };
    // SciportError appends the hint to the message; send the bare message so it is not doubled.
    const hint = typeof e.hint === 'string' ? e.hint : undefined;
    const message = hint !== undefined && e.message.endsWith(` ${hint}`) ? e.message.slice(0, -hint.length - 1) : e.message;
    return {
      name: e.name,
      message,
      ...(typeof e.argument === 'string' ? { argument: e.argument } : {}),
      ...(hint !== undefined ? { hint } : {}),
      ...(e.stack !== undefined ? { stack: e.stack } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}

const TYPED: Record<string, new (message: string, options?: { argument?: string; hint?: string }) => SciportError> = {
  SciportError,
  InvalidArgumentError,
  ShapeError,
  DtypeError,
  NamespaceMismatchError,
  DeviceError,
  NotSupportedError,
  // A stack's matrix found singular or not positive definite on a worker
  LinAlgError,
};

/**
 * Rebuild a worker's error on the host: sciport's typed errors come back as the same
 * classes (so `instanceof ShapeError` holds across the cluster), anything else as
 * RemoteTaskError carrying the worker's name and stack.
 */
export function deserializeError(wire: WireError, taskName: string): Error {
  const options = {
    ...(wire.argument !== undefined ? { argument: wire.argument } : {}),
    ...(wire.hint !== undefined ? { hint: wire.hint } : {}),
  };
  const Typed = TYPED[wire.name];
  if (Typed !== undefined) return new Typed(wire.message, options);
  if (wire.name === 'BackendNotImplementedError') {
    return new NotSupportedError(`${wire.message} (raised on a cluster worker as BackendNotImplementedError)`, options);
  }
  const remote = new RemoteTaskError(`Chunk task '${taskName}' failed on a worker: ${wire.name}: ${wire.message}`, options);
  remote.remoteName = wire.name;
  remote.remoteStack = wire.stack;
  return remote;
}
