// The playground is not part of `pnpm build` (it is an app, bundled by Vite), so its
// TypeScript is checked here.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('type-checks the playground sources', async () => {
  const app = new URL('..', import.meta.url).pathname;
  const tsc = new URL('../../../node_modules/typescript/bin/tsc', import.meta.url).pathname;
  const { stdout } = await promisify(execFile)(process.execPath, [tsc, '-p', app], { timeout: 150_000 }).catch((e) => ({ stdout: `${e.stdout}${e.stderr}` }));
  expect(stdout.trim()).toBe('');
}, 180_000);
