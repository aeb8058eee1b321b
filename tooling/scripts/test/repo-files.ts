import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tooling/scripts/test/repo-files.ts). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Every file git tracks or would track (tracked plus untracked-but-not-ignored), as
 * paths relative to the root: what a commit of the working tree would contain.
 */
export function repoFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(out.split('\0').filter((p) => p.length > 0))].sort();
}

/** The file's text, or undefined for a binary file (one with a NUL byte) or a deleted one. */
export function readText(path: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(repoRoot, path));
  } catch {
    return undefined; // listed by git but deleted in the working tree
  }
  return bytes.includes(0) ? undefined : bytes.toString('utf8');
}
