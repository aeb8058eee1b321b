import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, repoFiles, repoRoot } from './repo-files.js';

/**
 * A package's `dependencies` are what its published code imports at run time: a module
 * only its tests or benchmarks use is a devDependency, and every module its src imports
 * is a dependency or peerDependency (else the installed package would fail to load).
 */

/** `import … from 'x'`, `export … from 'x'` and `import 'x'` statements (not comments). */
const importStatement = /^\s*(?:(?:import|export)\s+[\w\s{},*$]*?\bfrom|import)\s*['"]([^'"]+)['"]/gm;

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function importedPackages(dir: string): Set<string> {
  const found = new Set<string>();
  for (const path of repoFiles().filter((p) => p.startsWith(`${dir}/src/`) && p.endsWith('.ts'))) {
    for (const m of (readText(path) ?? '').matchAll(importStatement)) {
      const name = packageOf(m[1]!);
      if (name !== undefined) found.add(name);
    }
  }
  return found;
}

const packageDirs = readdirSync(join(repoRoot, 'packages')).map((name) => `packages/${name}`);

/**
 * The one-way rule, dispatch-core ← array-api ← sci-* ← backends: a package's runtime
 * dependencies lie in lower layers (the conformance kit sits with the backends, and
 * backends take it only as a devDependency).
 */
const layer: Readonly<Record<string, number>> = {
  '@sciport/dispatch-core': 0,
  '@sciport/array-api': 1,
  '@sciport/fft': 2,
  '@sciport/ndimage': 2,
  // linalg's Toeplitz and circulant functions use fft's transforms
  '@sciport/linalg': 3,
  '@sciport/conformance': 4,
  '@sciport/backend-webgpu': 4,
  '@sciport/backend-cluster': 4,
};

describe('runtime dependencies match what src imports', () => {
  it('reads import statements, not comments', () => {
    const text = "import { a } from 'ioredis';\n * import { b } from 'nope';\nexport * from './x.js';\nimport type { T } from '@s/p/sub';\nimport 'side';\nexport function f() { return 'no'; }";
    expect([...text.matchAll(importStatement)].map((m) => packageOf(m[1]!))).toEqual(['ioredis', undefined, '@s/p', 'side']);
  });

  for (const dir of packageDirs) {
    const manifest = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8'));
    const runtime = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    const imported = importedPackages(dir);
    imported.delete(manifest.name);

    it(`${manifest.name}: every package src imports is a dependency or peerDependency`, () => {
      expect([...imported].filter((name) => !runtime.has(name)).sort()).toEqual([]);
    });

    it(`${manifest.name}: has a layer, and depends only on packages of lower layers`, () => {
      expect(layer[manifest.name], 'add the new package to the layer table').toBeTypeOf('number');
      const upward = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).filter(
        (name) => name.startsWith('@sciport/') && !(layer[name]! < layer[manifest.name]!),
      );
      expect(upward).toEqual([]);
    });

    it(`${manifest.name}: every third-party dependency is imported by src`, () => {
      const unused = Object.keys(manifest.dependencies ?? {}).filter(
        (name) => !name.startsWith('@sciport/') && !imported.has(name),
      );
      expect(unused, 'move these to devDependencies').toEqual([]);
    });
  }
});
