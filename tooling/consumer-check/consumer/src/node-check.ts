/** The Node program: prints the report as one JSON line. */
import { runChecks } from './checks.js';

const report = await runChecks({ workers: 2 });
console.log(JSON.stringify(report));
