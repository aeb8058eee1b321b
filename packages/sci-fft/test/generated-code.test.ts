/**
 * The committed generated code is up to date with its sources: the unrolled odd-radix
 * passes in assembly/fft.ts (assembly/gen-odd-radix.mjs) and the wasm bytes in
 * src/kernels/wasm/fft-wasm-bytes.ts (assembly/build.mjs). Both generators run in check
 * mode here: they regenerate in memory (the wasm in a temporary folder), write nothing,
 * and fail with "run pnpm build and commit" when the committed file is stale.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMode, syncGenerated } from '../../../tooling/wasm/generated-file.mjs';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

function runCheck(script: string) {
  const env = { ...process.env };
  delete env.CI; // the --check flag alone must select check mode
  return spawnSync(process.execPath, [join('assembly', script), '--check'], { cwd: packageDir, encoding: 'utf8', env });
}

describe('committed generated code', () => {
  it('assembly/fft.ts holds the odd-radix passes gen-odd-radix.mjs generates', () => {
    const before = readFileSync(join(packageDir, 'assembly', 'fft.ts'), 'utf8');
    const run = runCheck('gen-odd-radix.mjs');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('assembly/fft.ts unchanged');
    expect(readFileSync(join(packageDir, 'assembly', 'fft.ts'), 'utf8')).toBe(before);
  });

  it('src/kernels/wasm/fft-wasm-bytes.ts holds the bytes build.mjs compiles from assembly/fft.ts', () => {
    const run = runCheck('build.mjs');
    expect(run.stderr).not.toContain('out of date');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('src/kernels/wasm/fft-wasm-bytes.ts unchanged');
  }, 120_000);
});

describe('syncGenerated', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sciport-generated-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('in check mode refuses a stale file, names the fix, and leaves the file alone', () => {
    const file = join(dir, 'stale.ts');
    writeFileSync(file, 'old\n');
    expect(() => syncGenerated(file, 'new\n', { check: true })).toThrow(/run pnpm build and commit/);
    expect(() => syncGenerated(join(dir, 'missing.ts'), 'new\n', { check: true })).toThrow(/out of date/);
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(syncGenerated(file, 'old\n', { check: true })).toBe('unchanged');
  });

  it('otherwise writes only when the content changes', () => {
    const file = join(dir, 'fresh.ts');
    expect(syncGenerated(file, 'a\n', { check: false })).toBe('written');
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, past, past);
    expect(syncGenerated(file, 'a\n', { check: false })).toBe('unchanged');
    expect(statSync(file).mtime.getTime()).toBe(past.getTime());
    expect(syncGenerated(file, 'b\n', { check: false })).toBe('written');
    expect(readFileSync(file, 'utf8')).toBe('b\n');
  });

  it('checks instead of writing under --check or in CI', () => {
    expect(checkMode(['node', 'build.mjs'], {})).toBe(false);
    expect(checkMode(['node', 'build.mjs', '--check'], {})).toBe(true);
    expect(checkMode(['node', 'build.mjs'], { CI: 'true' })).toBe(true);
    expect(checkMode(['node', 'build.mjs'], { CI: '1' })).toBe(true);
    expect(checkMode(['node', 'build.mjs'], { CI: 'false' })).toBe(false);
    expect(checkMode(['node', 'build.mjs'], { CI: '' })).toBe(false);
  });
});
