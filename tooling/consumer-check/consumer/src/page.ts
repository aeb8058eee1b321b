/** The browser page: runs the checks and leaves the report where the test reads it. */
import type { LocalClusterOptions } from '@sciport/backend-cluster';
import { runChecks } from './checks.js';

declare global {
  interface Window {
    __report?: unknown;
  }
}

export function runInPage(clusterOptions: LocalClusterOptions): void {
  runChecks(clusterOptions).then(
    (report) => {
      window.__report = report;
    },
    (error: unknown) => {
      window.__report = { error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error) };
    },
  );
}
