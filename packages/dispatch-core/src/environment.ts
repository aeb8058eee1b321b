import { bumpEpoch, registry } from './registry.js';

/** Names in a comma-separated environment variable. */
function listFromEnvironment(name: string): string[] {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return (env?.[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * SCIPORT_BACKEND_PRIORITY (backends tried first, in order; listing a backend also lets it
 * take plain host arrays) and SCIPORT_DISABLE_BACKENDS (never selected) are read once, at
 * the first dispatch, so they can be set by the process that starts the program.
 */
export function readEnvironmentOnce(): void {
  if (registry.environmentRead) return;
  registry.environmentRead = true;
  registry.priority = listFromEnvironment('SCIPORT_BACKEND_PRIORITY');
  registry.disabled = new Set(listFromEnvironment('SCIPORT_DISABLE_BACKENDS'));
  bumpEpoch();
}
