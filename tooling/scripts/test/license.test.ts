import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './repo-files.js';

/** Every published package carries the project's BSD-3-Clause licence, and says so. */

const rootLicense = readFileSync(join(repoRoot, 'LICENSE'), 'utf8');
const packageDirs = readdirSync(join(repoRoot, 'packages'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(repoRoot, 'packages', d.name, 'package.json')))
  .map((d) => join('packages', d.name));

describe('licence', () => {
  it('the root LICENSE is the BSD 3-Clause licence of the sciport authors', () => {
    expect(rootLicense.startsWith('BSD 3-Clause License\n')).toBe(true);
    expect(rootLicense).toContain('Copyright (c) 2026 The sciport authors');
    expect(rootLicense).toContain('Neither the name of the copyright holder nor the names of its');
  });

  it('finds the packages', () => {
    expect(packageDirs).toContain(join('packages', 'dispatch-core'));
    expect(packageDirs.length).toBeGreaterThanOrEqual(8);
  });

  for (const dir of packageDirs) {
    describe(dir, () => {
      const manifest = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8'));

      it('has the root LICENSE file, unchanged', () => {
        const license = join(repoRoot, dir, 'LICENSE');
        expect(existsSync(license)).toBe(true);
        expect(readFileSync(license, 'utf8')).toBe(rootLicense);
      });

      it('declares BSD-3-Clause and publishes the LICENSE file', () => {
        expect(manifest.license).toBe('BSD-3-Clause');
        expect(manifest.files).toContain('LICENSE');
      });
    });
  }
});
