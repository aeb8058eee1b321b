// Dispatch overhead per call: a multimethod vs calling its implementation directly and
// vs a plain Map lookup + call. Writes results.json / results.md next to this file.
import { writeFileSync } from 'node:fs';
import {
  ARRAY_BRAND,
  defineBackend,
  implement,
  multimethod,
  registerBackend,
  withBackend,
} from '../dist/index.js';

const impl = (x, _options) => x.v + 1;
const direct = impl;
const table = new Map([['bench.add', impl]]);
const viaMap = (x, options) => table.get('bench.add')(x, options);

const add = multimethod({ domain: 'bench', name: 'add', dispatch: [0], default: impl, options: ['n'] });
const addDev = multimethod({ domain: 'bench', name: 'addDev', dispatch: [0], default: impl, options: ['n'] });
// The entry declares the options it understands, so calls with an options object pay the check.
registerBackend(
  defineBackend({
    name: 'dev',
    kinds: ['dev'],
    functions: [implement(addDev, (x) => x.v + 2, { options: ['n'] })],
    canRun: () => true,
  }),
);

const host = { v: 1, dtype: 'float64', [ARRAY_BRAND]: 'host' };
const dev = { v: 1, dtype: 'float32', [ARRAY_BRAND]: 'dev' };

const options = { n: 3 };

function nsPerCall(fn, arg, iterations = 5e6, opts = undefined) {
  let sink = 0;
  const call = opts === undefined ? () => fn(arg) : () => fn(arg, opts);
  for (let i = 0; i < 2e5; i++) sink += call();
  const samples = [];
  for (let r = 0; r < 7; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) sink += call();
    samples.push(Number(process.hrtime.bigint() - t0) / iterations);
  }
  if (sink === -1) console.log(sink);
  samples.sort((a, b) => a - b);
  return samples[3];
}

const rows = [];
const base = nsPerCall(direct, host);
const map = nsPerCall(viaMap, host);
const record = (name, ns) => rows.push({ name, ns, overhead: ns - base });
record('direct call of the implementation', base);
record('plain Map lookup + call', map);
record('multimethod, host array → default', nsPerCall(add, host));
record('multimethod, device array → registered backend', nsPerCall(addDev, dev));
record('multimethod inside withBackend scope', withBackend('dev', () => nsPerCall(addDev, dev, 2e6)));
const baseWithOptions = nsPerCall(direct, host, 5e6, options);
rows.push({ name: 'direct call with an options object', ns: baseWithOptions, overhead: baseWithOptions - base });
const recordWithOptions = (name, ns) => rows.push({ name, ns, overhead: ns - baseWithOptions });
recordWithOptions('multimethod + { n }, host array → default', nsPerCall(add, host, 5e6, options));
recordWithOptions('multimethod + { n }, device array → backend declaring n', nsPerCall(addDev, dev, 5e6, options));

const md = [
  '## Dispatch overhead (`@sciport/dispatch-core`)',
  '',
  `Node ${process.version}, median of 7 runs of 5M calls; overhead = time per call minus the direct call ` +
    '(with an options object: minus the direct call with the same options object).',
  '',
  '| path | ns/call | overhead ns |',
  '|---|---:|---:|',
  ...rows.map((r) => `| ${r.name} | ${r.ns.toFixed(1)} | ${r.overhead.toFixed(1)} |`),
  '',
  'Goal: under 100 ns of overhead per call (uarray’s C++ path is about 700 ns).',
  '',
].join('\n');
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(rows, null, 2));
writeFileSync(new URL('./results.md', import.meta.url), md);
console.log(md);
