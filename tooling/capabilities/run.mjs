// `pnpm capabilities`: probes every backend and writes docs/capabilities.md.
import { writeFileSync } from 'node:fs';
import { collectCapabilities } from './collect.mjs';
import { withProbeKinds } from './kinds.mjs';
import { renderCapabilities } from './render.mjs';

const target = new URL('../../docs/capabilities.md', import.meta.url);
const markdown = renderCapabilities(await withProbeKinds(collectCapabilities));
writeFileSync(target, markdown);
console.log(`wrote ${target.pathname}`);
