/**
 * What a backend claims, read from its manifest: the suites run exactly the functions a
 * backend registers, so a claim is never written down a second time in a test.
 */
import type { Backend } from '@sciport/dispatch-core';

/** Names (without the domain) of the functions of `domain` that `backend` implements. */
export function claimedFunctions(backend: Backend, domain: string): string[] {
  const prefix = `${domain}.`;
  return backend.functions.filter((entry) => entry.id.startsWith(prefix)).map((entry) => entry.id.slice(prefix.length));
}
