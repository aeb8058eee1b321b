import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, repoFiles, repoRoot } from './repo-files.js';

/**
 * The repository stands alone: no README, comment, error message, test or changeset may
 * point at a document outside it. The architecture lives in docs/architecture.md.
 */

// Built from pieces so that this file does not match itself.
const forbidden: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'a path into a sibling "shared" folder', pattern: new RegExp(['\\.\\.', 'shared'].join('/')) },
  { what: 'an outside design document', pattern: new RegExp(['DESIGN', 'md'].join('\\.')) },
  { what: 'a section of an outside design document', pattern: new RegExp(['DESIGN', '§'].join('\\s*')) },
];

/** `[text](target)` links of a Markdown file whose target is a relative path. */
function relativeLinks(text: string): string[] {
  const targets = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
  return targets
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'))
    .map((t) => decodeURIComponent(t.split('#')[0]!));
}

describe('the repository is self-contained', () => {
  const files = repoFiles();
  const texts = files.flatMap((path) => {
    const text = readText(path);
    return text === undefined || path === 'pnpm-lock.yaml' ? [] : [{ path, text }];
  });

  it('scans the tracked text files', () => {
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.map((t) => t.path)).toContain('README.md');
  });

  for (const { what, pattern } of forbidden) {
    it(`no file refers to ${what}`, () => {
      const hits = texts.flatMap(({ path, text }) =>
        text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
      );
      expect(hits, 'rewrite these as a self-contained sentence or point at docs/architecture.md').toEqual([]);
    });
  }

  it('every relative Markdown link stays inside the repository and names a file that exists', () => {
    const bad = texts
      .filter(({ path }) => path.endsWith('.md'))
      .flatMap(({ path, text }) =>
        relativeLinks(text).flatMap((target) => {
          const absolute = resolve(repoRoot, dirname(path), target);
          const inside = relative(repoRoot, absolute);
          if (inside.startsWith('..') || inside === '') return [`${path}: ${target} leaves the repository`];
          if (!existsSync(join(repoRoot, inside))) return [`${path}: ${target} does not exist`];
          return [];
        }),
      );
    expect(bad).toEqual([]);
  });

  it('the link check catches a link out of the repository', () => {
    expect(relativeLinks('see [design](../x/DOC.md) and [a](https://x.org) [b](#top)')).toEqual(['../x/DOC.md']);
  });
});
