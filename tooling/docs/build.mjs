// `pnpm run docs`: writes docs/scipy-map.md, builds the API reference into docs/api/ (or the
// folder given as the first argument) and fails when any link of the docs is broken.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { API_DIR, buildApiReference } from './api-reference.mjs';
import { checkHtmlLinks, checkMarkdownLinks } from './links.mjs';
import { renderScipyMap, SCIPY_MAP_FILE, scipyMapRows } from './scipy-map.mjs';

const out = process.argv[2] ? resolve(process.argv[2]) : API_DIR;
writeFileSync(SCIPY_MAP_FILE, renderScipyMap(scipyMapRows()));
console.log(`wrote ${SCIPY_MAP_FILE.pathname}`);
const { problems, injected } = await buildApiReference(out);
problems.push(...checkMarkdownLinks(), ...checkHtmlLinks(out));
if (problems.length > 0) {
  console.error(`docs: ${problems.length} problem(s):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`wrote the API reference to ${out} (${injected.size} SciPy functions with generated facts); every link resolves`);
