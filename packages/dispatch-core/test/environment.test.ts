import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The environment is read once per process at the first dispatch, so each case runs in
// a fresh Node process against the built package.
const distIndex = fileURLToPath(new URL('../dist/index.js', import.meta.url));

function run(env: Record<string, string>, body = "console.log(JSON.stringify([fn(arr('dev')), fn(arr('host'))]));"): any {
  const script = `
    const d = await import(${JSON.stringify(distIndex)});
    const brand = Symbol.for('sciport.array');
    const arr = (kind) => ({ [brand]: kind, dtype: 'float64' });
    const fn = d.multimethod({ domain: 'envtest', name: 'f', dispatch: [0], default: () => 'default' });
    for (const name of ['a', 'b', 'cpu']) {
      d.registerBackend(d.defineBackend({ name, kinds: name === 'cpu' ? ['host'] : ['dev'],
        functions: [d.implement(fn, () => name)] }));
    }
    ${body}`;
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
  it('a disabled owner shows in explain() and in the error, declined with the reason', () => {
    const body = `
      const record = d.explain(fn, arr('dev'));
      let error;
      try { fn(arr('dev')); } catch (e) { error = e; }
      console.log(JSON.stringify({ candidates: record.candidates, name: error.name, hint: error.hint }));`;
    const out = run({ SCIPORT_DISABLE_BACKENDS: 'a,b' }, body);
    const reason = 'disabled by SCIPORT_DISABLE_BACKENDS';
    expect(out.candidates.slice(0, 2)).toEqual([
      { backend: 'a', source: 'registered', verdict: 'declined', reason },
      { backend: 'b', source: 'registered', verdict: 'declined', reason },
    ]);
    expect(out.name).toBe('BackendNotImplementedError');
    expect(out.hint).toBe('Disabled by SCIPORT_DISABLE_BACKENDS: a, b; remove a backend from that variable to let it run.');
  });
});
