import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The environment is read once per process at the first dispatch, so each case runs in
// a fresh Node process against the built package.
const distIndex = fileURLToPath(new URL('../dist/index.js', import.meta.url));

function run(env: Record<string, string>): string[] {
  const script = `
    const d = await import(${JSON.stringify(distIndex)});
    const brand = Symbol.for('sciport.array');
    const arr = (kind) => ({ [brand]: kind, dtype: 'float64' });
    const fn = d.multimethod({ domain: 'envtest', name: 'f', dispatch: [0], default: () => 'default' });
    for (const name of ['a', 'b', 'cpu']) {
      d.registerBackend(d.defineBackend({ name, kinds: name === 'cpu' ? ['host'] : ['dev'],
        functions: [d.implement(fn, () => name)] }));
    }
    console.log(JSON.stringify([fn(arr('dev')), fn(arr('host'))]));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, SCIPORT_BACKEND_PRIORITY: '', SCIPORT_DISABLE_BACKENDS: '', ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim());
}

describe('environment variables', () => {
  it('without them, registration order decides and host stays on the default', () => {
    expect(run({})).toEqual(['a', 'default']);
  });
  it('SCIPORT_BACKEND_PRIORITY reorders, and opts a host-owning backend in', () => {
    expect(run({ SCIPORT_BACKEND_PRIORITY: 'b, cpu' })).toEqual(['b', 'cpu']);
  });
  it('SCIPORT_DISABLE_BACKENDS removes backends', () => {
    expect(run({ SCIPORT_DISABLE_BACKENDS: 'a' })).toEqual(['b', 'default']);
  });
});
