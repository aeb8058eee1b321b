/**
 * Rules of this package's source that no type checker enforces.
 *
 * No `.map(` on arrays: TurboFan's inlined Array#map returns holey arrays where the builtin
 * returns packed ones, so every shape, box and chunk list it builds changes hidden class when its
 * producer is optimized, and the code reading it deoptimizes. Across the planner and the worker
 * runtime that kept 2-worker fft2 below full speed for ~8 s (see @sciport/array-api's packedMap).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

describe('backend-cluster source', () => {
  it('builds arrays with packedMap, never Array#map', () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(20);
    const uses = files.flatMap((file) =>
      readFileSync(join(SRC, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\.map\(/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(uses, 'use packedMap from @sciport/array-api (or a loop, for typed arrays)').toEqual([]);
  });
});
