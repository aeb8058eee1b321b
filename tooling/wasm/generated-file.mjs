/**
 * Generated files of the packages (wasm bytes, unrolled kernels) are committed build products: a generator writes its
 * file only when the content changes (so `pnpm build` on a clean clone leaves `git status`
 * clean and `tsc -b` sees no new mtime), and in check mode (`--check`, or any CI run)
 * it writes nothing and fails when the committed file differs from what the sources give.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Check instead of write: `--check` on the command line, or a CI environment. */
export function checkMode(argv = process.argv, env = process.env) {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';
  return argv.includes('--check') || ci;
}

/**
 * Bring `file` to `content`. Returns 'unchanged' or 'written'; in check mode a stale or
 * missing file throws an Error whose message says what to run.
 */
export function syncGenerated(file, content, { check }) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === content) return 'unchanged';
  const name = relative(repositoryRoot, file);
  if (check) {
    throw new Error(
      `${name} is out of date with its sources in assembly/ (checked, not rewritten): run pnpm build and commit ${name}.`,
    );
  }
  writeFileSync(file, content);
  return 'written';
}

/** Run a generator's main step, turning a stale-file error into a message and exit code 1. */
export function runGenerator(main) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
