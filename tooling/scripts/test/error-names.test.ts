import { describe, expect, it } from 'vitest';
import { readText, repoFiles } from './repo-files.js';

/**
 * Every exported error class names itself (`override name = 'ShapeError'`). Minifiers rename
 * classes, so a name taken from the class would read 'Ae' in a production bundle, where users
 * test `error.name` and the cluster sends errors between threads by name.
 */

/** `export class X extends YError {` and the class body up to the closing brace at line start. */
const errorClass = /^export class (\w+) extends (\w*Error)\b[^{]*\{([\s\S]*?)^\}/gm;

function unnamedErrorClasses(text: string): string[] {
  return [...text.matchAll(errorClass)]
    .filter(([, name, , body]) => !new RegExp(`^\\s+override name = '${name}';`, 'm').test(body!))
    .map(([, name]) => name!);
}

describe('error classes name themselves', () => {
  it('finds a class without its name, and accepts one with it', () => {
    const text = "export class AError extends SciportError {\n  readonly x = 1;\n}\nexport class BError extends AError {\n  override name = 'BError';\n}\n";
    expect(unnamedErrorClasses(text)).toEqual(['AError']);
  });

  const sources = repoFiles().filter((p) => /^packages\/[^/]+\/src\/.*\.ts$/.test(p));

  it('scans the packages', () => {
    expect(sources.some((p) => p === 'packages/dispatch-core/src/errors.ts')).toBe(true);
  });

  for (const path of sources) {
    const text = readText(path) ?? '';
    if (!errorClass.test(text)) continue;
    errorClass.lastIndex = 0;
    it(path, () => {
      expect(unnamedErrorClasses(text), "add `override name = '<ClassName>';` to these").toEqual([]);
    });
  }
});
