import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApiReference } from '../api-reference.mjs';
import { checkHtmlLinks, checkMarkdownLinks, markdownAnchors, markdownLinks } from '../links.mjs';
import { renderScipyMap, SCIPY_MAP_FILE, scipyMapRows } from '../scipy-map.mjs';

describe('docs', () => {
  it('docs/scipy-map.md is what the names, exports and capability table give now (else run `pnpm run docs`)', () => {
    const committed = readFileSync(SCIPY_MAP_FILE, 'utf8');
    expect(committed, 'docs/scipy-map.md is stale: run `pnpm run docs` and commit it').toBe(renderScipyMap(scipyMapRows()));
  });

  it('every relative link and anchor of the Markdown files resolves', () => {
    expect(checkMarkdownLinks()).toEqual([]);
  });

  it('the link check finds a missing file and a missing anchor', () => {
    expect(markdownLinks('see [a](x.md#top), `[b](skip.md)` and [c](https://x.org)')).toEqual(['x.md#top', 'https://x.org']);
    expect([...markdownAnchors('# The `fft` (and more)\n## Same\n## Same\n```\n# not a heading\n```')]).toEqual(['the-fft-and-more', 'same', 'same-1']);
    const dir = mkdtempSync(join(tmpdir(), 'sciport-links-'));
    try {
      writeFileSync(join(dir, 'a.md'), '# A\n[ok](b.md#the-b) [ok](#a) [no file](c.md) [no anchor](b.md#nope) [out](../x.md)\n');
      writeFileSync(join(dir, 'b.md'), '# The B\n');
      expect(checkMarkdownLinks(['a.md', 'b.md'], dir)).toEqual([
        'a.md: c.md does not exist',
        'a.md: b.md#nope — no anchor #nope in b.md',
        `a.md: ../x.md leaves ${dir}`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the API reference builds without a TypeDoc warning, with every SciPy function documented, and its links resolve', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sciport-api-'));
    try {
      const { problems, injected } = await buildApiReference(out);
      expect(problems).toEqual([]);
      expect(injected.size).toBeGreaterThanOrEqual(28 + 75 + 90);
      const page = readFileSync(join(out, 'variables', '_sciport_fft.rfft.html'), 'utf8').replace(/<[^>]+>/g, '');
      for (const part of ['scipy.fft.rfft', 'complex128', 'webgpu', 'cluster', 'rfft([1, 2, 3, 4])']) expect(page).toContain(part);
      const abs = readFileSync(join(out, 'variables', '_sciport_array-api.abs.html'), 'utf8').replace(/<[^>]+>/g, '');
      expect(abs).toContain("The Array API standard's abs");
      expect(checkHtmlLinks(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 600_000);
});
