/**
 * The number of CPUs, for SciPy's `workers` rules (negative values count back from it).
 * Browsers and Node ≥ 21 give `navigator.hardwareConcurrency`. Node 20 has no `navigator`;
 * there `process.getBuiltinModule('node:os')` (Node ≥ 20.16) reaches `availableParallelism`
 * without importing a Node module, so this file stays browser-safe. Where neither exists
 * the count is taken to be 1, as on a single-CPU machine.
 */

interface OsModule {
  availableParallelism?: () => number;
  cpus?: () => readonly unknown[];
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

function nodeCpuCount(): number | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const os = proc?.getBuiltinModule?.('node:os') as OsModule | undefined;
  if (os === undefined) return undefined;
  return positiveInteger(os.availableParallelism?.()) ?? positiveInteger(os.cpus?.().length);
}

/** CPUs available to this program (1 where the platform does not say). */
export function cpuCount(): number {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: unknown } }).navigator;
  return positiveInteger(nav?.hardwareConcurrency) ?? nodeCpuCount() ?? 1;
}
