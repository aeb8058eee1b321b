// Prints the plain `N passed, N failed` line CI counts, from vitest's JSON report.
// Extra failed steps (build, lint) are added with --failed-steps=N.
import { existsSync, readFileSync } from 'node:fs';

const [file = '.ci/results.json', ...rest] = process.argv.slice(2);
const extra = Number(rest.find((a) => a.startsWith('--failed-steps='))?.split('=')[1] ?? 0);
let passed = 0;
let failed = extra;
if (existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numTodoTests ?? 0) + (report.numPendingTests ?? 0);
  // A file that fails outside its tests (load error, empty suite, unhandled error) has no
  // failed test to show for it, but must count as a failure.
  for (const suite of report.testResults ?? []) {
    const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === 'failed').length;
    if (suite.status === 'failed' && failedTests === 0) failed++;
  }
  if (report.success === false && failed === 0) failed++;
} else {
  failed++;
}
console.log(`${passed} passed, ${failed} failed`);
