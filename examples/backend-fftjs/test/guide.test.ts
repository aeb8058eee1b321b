import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);

/** The guide's code blocks that name the file they are copied from: ```ts path/to/file.ts */
function excerpts(markdown: string): { path: string; code: string }[] {
  return [...markdown.matchAll(/^```\w+ (\S+)\n([\s\S]*?)\n```$/gm)].map((m) => ({ path: m[1]!, code: m[2]! }));
}

// docs/writing-a-backend.md walks through this package: its excerpts must match the code.
it("every excerpt of the guide 'Write and publish your own backend' is in the file it names", () => {
  const guide = readFileSync(new URL('docs/writing-a-backend.md', root), 'utf8');
  const blocks = excerpts(guide);
  expect(blocks.map((b) => b.path)).toEqual(
    expect.arrayContaining([
      'examples/backend-fftjs/package.json',
      'examples/backend-fftjs/src/fftjs-transform.ts',
      'examples/backend-fftjs/src/can-run.ts',
      'examples/backend-fftjs/src/manifest.ts',
      'examples/backend-fftjs/src/index.ts',
      'examples/backend-fftjs/test/conformance.test.ts',
    ]),
  );
  const stale = blocks.filter(({ path, code }) => !readFileSync(new URL(path, root), 'utf8').includes(code)).map((b) => b.path);
  expect(stale, 'copy these excerpts from the files again').toEqual([]);
});
