/**
 * The committed wasm bytes (src/gemm/gemm-wasm-bytes.ts) are up to date with
 * assembly/gemm.ts: build.mjs runs in check mode (compiles into a temporary folder,
 * writes nothing, fails with "run pnpm build and commit" when the committed file is stale).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

it('src/gemm/gemm-wasm-bytes.ts holds the bytes build.mjs compiles from assembly/gemm.ts', () => {
  const env = { ...process.env };
  delete env.CI; // the --check flag alone must select check mode
  const run = spawnSync(process.execPath, [join('assembly', 'build.mjs'), '--check'], { cwd: packageDir, encoding: 'utf8', env });
  expect(run.stderr).not.toContain('out of date');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('src/gemm/gemm-wasm-bytes.ts unchanged');
}, 120_000);
